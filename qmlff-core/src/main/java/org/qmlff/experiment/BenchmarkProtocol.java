package org.qmlff.experiment;

import org.qmlff.data.Dataset;
import org.qmlff.data.TrainValidSplit;
import org.qmlff.error.InputException;

/**
 * The benchmark protocol's split of a training file (MODELS.md §Benchmark protocol), the one
 * implementation used by {@code qmlff train}, learning-curve grids and the Spark module: of the
 * first {@code nTrain} frames, the last {@code nValid} validate, and the first {@code nFit} of the
 * {@code nTrain − nValid} before them train. A smaller {@code nFit} keeps the same validation
 * frames, which is what a learning curve needs. Defaults: {@code nTrain} 1000, {@code nValid} 50,
 * {@code nFit} = {@code nTrain − nValid} (frames 0..949 train, 950..999 validate).
 */
public final class BenchmarkProtocol {
    /** Frames taken from each training file unless told otherwise. */
    public static final int DEFAULT_N_TRAIN = 1000;
    /** Of those, validation frames unless told otherwise. */
    public static final int DEFAULT_N_VALID = 50;

    private BenchmarkProtocol() {
    }

    /**
     * The split of {@code d}; both parts keep its name.
     *
     * @throws InputException if {@code d} has fewer than {@code nTrain} frames or the counts are
     *                        inconsistent ({@code 1 ≤ nValid < nTrain}, {@code 1 ≤ nFit ≤ nTrain − nValid})
     */
    public static TrainValidSplit split(Dataset d, int nTrain, int nValid, int nFit) {
        if (nValid < 1 || nValid >= nTrain)
            throw new InputException("n-valid must be between 1 and n-train - 1 = " + (nTrain - 1) + ", got " + nValid);
        if (nFit < 1 || nFit > nTrain - nValid)
            throw new InputException("n-fit must be between 1 and n-train - n-valid = " + (nTrain - nValid) + ", got " + nFit);
        if (d.frames() < nTrain)
            throw new InputException(d.name() + ": has " + d.frames() + " frames, fewer than n-train = " + nTrain);
        return new TrainValidSplit(d.range(0, nFit), d.range(nTrain - nValid, nTrain));
    }
}
