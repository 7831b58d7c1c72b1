package org.qmlff.train;

/**
 * One row of the learning curves: the state after an epoch.
 *
 * @param epoch           1-based epoch number
 * @param lr              learning rate of the epoch's last step
 * @param trainLoss       mean of the epoch's batch losses (parameters changed during the epoch)
 * @param validLoss       the objective over the whole validation set at the end of the epoch
 * @param validEnergyMae  validation energy MAE, kcal/mol
 * @param validForceMae   validation force MAE per component, kcal/mol/Å
 * @param elapsedSeconds  training time so far (wall clock, over resumed sessions)
 */
public record EpochRecord(int epoch, double lr, double trainLoss, double validLoss, double validEnergyMae,
                          double validForceMae, double elapsedSeconds) {
}
