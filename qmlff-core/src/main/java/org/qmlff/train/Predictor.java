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

    /**
     * One frame's evaluation for {@link #predict(Dataset, FrameEvaluation)}: its energy, with its forces
     * written into {@code forces} (the worker's buffer of atoms × 3, copied to the frame's place afterwards).
     */
    @FunctionalInterface
    public interface FrameEvaluation {
        double energyAndForces(int frame, double[] positions, double[] forces, ForceField.Scratch scratch);
    }

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
        int[] numbers = d.numbers();
        return predict(d, (f, pos, frc, s) -> model.energyAndForces(numbers, pos, frc, s));
    }

    /**
     * Energies and forces of every frame of {@code d} by {@code evaluation}, which gets each frame's
     * positions and its worker's scratch of this predictor's model; a one-line error if the model cannot
     * describe {@code d}. For a predictor that records more per frame ({@code HardwarePredictor}): what
     * {@code evaluation} writes beyond the energy and forces must go to the frame's own place.
     */
    public Predictions predict(Dataset d, FrameEvaluation evaluation) {
        int[] numbers = d.numbers();
        model.checkCompatible(numbers);
        int n3 = d.atoms() * 3;
        double[] energies = new double[d.frames()];
        double[] forces = new double[d.forces().length];
        double[][] pos = new double[scratch.length][n3];
        double[][] frc = new double[scratch.length][n3];
        pool.forEach(d.frames(), (f, w) -> {
            d.copyPositions(f, pos[w]);
            energies[f] = evaluation.energyAndForces(f, pos[w], frc[w], scratch[w]);
            System.arraycopy(frc[w], 0, forces, f * n3, n3);
        });
        return new Predictions(d.name(), numbers, energies, forces);
    }
}
