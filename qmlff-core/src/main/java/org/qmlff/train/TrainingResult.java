package org.qmlff.train;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param bestParameters  parameters after the epoch with the lowest validation loss (the model is left holding them)
 * @param finalParameters parameters after the last epoch
 * @param bestEpoch       1-based epoch of {@code bestParameters}
 * @param bestValidLoss   the lowest validation loss
 * @param curves          one record per epoch
 * @param elapsedSeconds  total training time, over resumed sessions
 * @param objective       the objective (with its σ_E, σ_F)
 */
public record TrainingResult(double[] bestParameters, double[] finalParameters, int bestEpoch, double bestValidLoss,
                             List<EpochRecord> curves, double elapsedSeconds, Objective objective) {
    public TrainingResult {
        bestParameters = bestParameters.clone();
        finalParameters = finalParameters.clone();
        curves = List.copyOf(curves);
    }

    @Override
    public double[] bestParameters() {
        return bestParameters.clone();
    }

    @Override
    public double[] finalParameters() {
        return finalParameters.clone();
    }
}
