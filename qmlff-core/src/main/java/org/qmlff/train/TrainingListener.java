package org.qmlff.train;

/**
 * Receives a training run's progress (to drive a progress bar or a log). Called on the training
 * thread; an exception thrown here stops the run (the last checkpoint stays valid).
 */
public interface TrainingListener {

    /**
     * Where a run stands.
     *
     * @param epoch            1-based epoch in progress (or just finished)
     * @param epochs           epochs of the run
     * @param step             optimiser steps done, over the whole run
     * @param totalSteps       optimiser steps of the whole run
     * @param loss             loss of the latest batch
     * @param validEnergyMae   latest validation energy MAE (kcal/mol), NaN before the first epoch ends
     * @param validForceMae    latest validation force MAE (kcal/mol/Å), NaN before the first epoch ends
     * @param elapsedSeconds   training time so far, over resumed sessions
     */
    record Progress(int epoch, int epochs, long step, long totalSteps, double loss, double validEnergyMae,
                    double validForceMae, double elapsedSeconds) {
    }

    /** After each optimiser step. */
    default void onStep(Progress progress) {
    }

    /** After each epoch, once its validation is done and its checkpoint written. */
    default void onEpoch(EpochRecord record, Progress progress) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }
}
