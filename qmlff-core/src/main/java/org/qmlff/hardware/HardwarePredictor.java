package org.qmlff.hardware;

import org.qmlff.data.Dataset;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

/**
 * {@link Predictor} for a simulated device: every frame of a dataset through
 * {@link HardwareForceField#evaluate}, in parallel over frames. A frame's shot noise is seeded from the
 * options' seed and its positions alone, so the result is the same, bit for bit, for any thread count.
 */
public final class HardwarePredictor {
    private final HardwareForceField model;
    private final Predictor frames;

    public HardwarePredictor(HardwareForceField model, WorkerPool pool) {
        this.model = model;
        this.frames = new Predictor(model, pool);
    }

    /** Estimates, standard errors and circuit counts of every frame of {@code d}. */
    public HardwarePredictions predict(Dataset d) {
        int n3 = d.atoms() * 3;
        double[] energySe = new double[d.frames()];
        double[] forceSe = new double[d.frames() * n3];
        long[] circuits = new long[d.frames()];
        int[] numbers = d.numbers();
        Predictions estimates = frames.predict(d, (f, pos, frc, scratch) -> {
            HardwareEvaluation e = model.evaluate(numbers, pos, scratch);
            energySe[f] = e.energySe();
            circuits[f] = e.circuits();
            System.arraycopy(e.forces(), 0, frc, 0, n3);
            System.arraycopy(e.forceSe(), 0, forceSe, f * n3, n3);
            return e.energy();
        });
        long most = 0;
        for (long c : circuits) most = Math.max(most, c);
        return new HardwarePredictions(estimates, energySe, forceSe, most);
    }
}
