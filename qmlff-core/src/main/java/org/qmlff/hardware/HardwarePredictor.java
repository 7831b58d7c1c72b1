package org.qmlff.hardware;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;

/**
 * {@link org.qmlff.train.Predictor} for a simulated device: every frame of a dataset through
 * {@link HardwareForceField#evaluate}, in parallel over frames. A frame's shot noise is seeded from the
 * options' seed and its positions alone, so the result is the same, bit for bit, for any thread count.
 */
public final class HardwarePredictor {
    private final HardwareForceField model;
    private final WorkerPool pool;
    private final ForceField.Scratch[] scratch;

    public HardwarePredictor(HardwareForceField model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.scratch = new ForceField.Scratch[pool.threads()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = model.newScratch();
    }

    /** Estimates, standard errors and circuit counts of every frame of {@code d}. */
    public HardwarePredictions predict(Dataset d) {
        model.checkCompatible(d.numbers());
        int n3 = d.atoms() * 3;
        double[] energies = new double[d.frames()];
        double[] energySe = new double[d.frames()];
        double[] forces = new double[d.frames() * n3];
        double[] forceSe = new double[d.frames() * n3];
        long[] circuits = new long[d.frames()];
        double[][] pos = new double[scratch.length][n3];
        int[] numbers = d.numbers();
        pool.forEach(d.frames(), (f, w) -> {
            d.copyPositions(f, pos[w]);
            HardwareEvaluation e = model.evaluate(numbers, pos[w], scratch[w]);
            energies[f] = e.energy();
            energySe[f] = e.energySe();
            circuits[f] = e.circuits();
            System.arraycopy(e.forces(), 0, forces, f * n3, n3);
            System.arraycopy(e.forceSe(), 0, forceSe, f * n3, n3);
        });
        long most = 0;
        for (long c : circuits) most = Math.max(most, c);
        return new HardwarePredictions(new Predictions(d.name(), numbers, energies, forces), energySe, forceSe, most);
    }
}
