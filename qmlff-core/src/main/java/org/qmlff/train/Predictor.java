package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;

/**
 * Evaluates a model on every frame of a dataset, in parallel over frames on a {@link WorkerPool}.
 * Each frame's result goes to its own place in the output, so the result is the same for any thread
 * count. The model's parameters must not change while {@link #predict} runs.
 */
public final class Predictor {
    private final ForceField model;
    private final WorkerPool pool;
    private final ForceField.Scratch[] scratch;

    public Predictor(ForceField model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.scratch = new ForceField.Scratch[pool.threads()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = model.newScratch();
    }

    /** Energies and forces of every frame of {@code d}; a one-line error if the model cannot describe it. */
    public Predictions predict(Dataset d) {
        model.checkCompatible(d.numbers());
        int n3 = d.atoms() * 3;
        double[] energies = new double[d.frames()];
        double[] forces = new double[d.forces().length];
        double[][] pos = new double[scratch.length][n3];
        double[][] frc = new double[scratch.length][n3];
        int[] numbers = d.numbers();
        pool.forEach(d.frames(), (f, w) -> {
            d.copyPositions(f, pos[w]);
            energies[f] = model.energyAndForces(numbers, pos[w], frc[w], scratch[w]);
            System.arraycopy(frc[w], 0, forces, f * n3, n3);
        });
        return new Predictions(d.name(), numbers, energies, forces);
    }
}
