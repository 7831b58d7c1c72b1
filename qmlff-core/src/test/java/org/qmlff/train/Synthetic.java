package org.qmlff.train;

import org.qmlff.data.Dataset;

import java.util.SplittableRandom;

/** Synthetic datasets for the tests: jittered small molecules labelled by a reference pair model. */
final class Synthetic {
    private Synthetic() {
    }

    static final int[] SPECIES = {1, 6, 8};

    /** The "true" model that labels the data. */
    static PairForceField truth() {
        return new PairForceField(SPECIES, 3.0, -0.8, 1.3, -0.6, -37.8, -75.0);
    }

    /**
     * A starting model: the pair terms far from the truth, the element offsets roughly right (as an
     * initialisation fitted to the mean energies would be).
     */
    static PairForceField start() {
        return new PairForceField(SPECIES, 1.0, 0.0, 1.0, -0.4, -37.0, -74.5);
    }

    /** {@code frames} frames of a molecule with atoms {@code numbers}, labels from {@link #truth()} plus noise. */
    static Dataset molecule(String name, int[] numbers, int frames, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = numbers.length;
        double[] base = new double[3 * n];
        for (int a = 0; a < n; a++) {
            // atoms along a zig-zag chain 1.3 Å apart, so no two come too close
            base[3 * a] = 1.3 * a;
            base[3 * a + 1] = (a % 2) * 0.6;
            base[3 * a + 2] = 0.1 * a * a;
        }
        double[] pos = new double[frames * 3 * n];
        double[] energies = new double[frames];
        double[] forces = new double[frames * 3 * n];
        PairForceField truth = truth();
        double[] x = new double[3 * n];
        double[] f = new double[3 * n];
        for (int fr = 0; fr < frames; fr++) {
            for (int i = 0; i < 3 * n; i++) x[i] = base[i] + 0.15 * (2 * rng.nextDouble() - 1);
            double e = truth.energyAndForces(numbers, x, f, null);
            energies[fr] = e + 0.01 * (2 * rng.nextDouble() - 1);
            for (int i = 0; i < 3 * n; i++) forces[fr * 3 * n + i] = f[i] + 0.02 * (2 * rng.nextDouble() - 1);
            System.arraycopy(x, 0, pos, fr * 3 * n, 3 * n);
        }
        return new Dataset(name, numbers, pos, energies, forces);
    }

    /** Thrown by {@link #interruptAfter} to stop a training run the way a crash would. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** A listener that throws {@link Interrupted} once epoch {@code epoch} is recorded (and checkpointed). */
    static TrainingListener interruptAfter(int epoch) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord rec, Progress p) {
                if (rec.epoch() == epoch) throw new Interrupted();
            }
        };
    }
}
