package org.qmlff.data;

/**
 * Training frames and the validation frames held out of them (MODELS.md, benchmark protocol).
 *
 * @param train frames to fit on
 * @param valid frames to choose the best parameters on
 */
public record TrainValidSplit(Dataset train, Dataset valid) {
}
