package org.qmlff.analysis;

import java.util.Objects;

/**
 * The outcome of one training run of a learning curve.
 *
 * @param arch            architecture ({@code le}, {@code revised}, ...)
 * @param molecule        molecule label, as in rMD17 file names ({@code ethanol}, ...)
 * @param nTrain          training frames N (validation frames not counted)
 * @param seed            the run's seed
 * @param train           MAEs on the N training frames
 * @param test            MAEs on the test set
 * @param nullModel       MAEs of the null model (mean training energy, zero forces) on the test set
 * @param trainingSeconds wall-clock training time, s (NaN when unknown)
 */
public record RunResult(String arch, String molecule, int nTrain, long seed, ErrorPair train, ErrorPair test,
                        ErrorPair nullModel, double trainingSeconds) {
    public RunResult {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(molecule, "molecule");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(nullModel, "nullModel");
        if (nTrain < 1) throw new IllegalArgumentException("training-set size must be at least 1, got " + nTrain);
    }
}
