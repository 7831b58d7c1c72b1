package org.qmlff.experiment;

import java.nio.file.Path;

/**
 * One run of a grid (learning curve, ablation): an ordinary training run with its own directory.
 *
 * @param name     the run's name, also its directory's, e.g. {@code revised-ethanol-n50-s0}
 * @param arch     its architecture
 * @param molecule the training molecule's label
 * @param nTrain   training configurations (n-fit)
 * @param seed     the seed of initialisation and shuffling
 * @param config   the complete settings, exactly what {@code qmlff train} would resolve
 */
public record PlannedRun(String name, String arch, String molecule, int nTrain, long seed, TrainConfig config) {
    /** The run directory. */
    public Path dir() {
        return config.out();
    }
}
