package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;

import java.util.Arrays;

/** A toy force field and an ethanol dataset for CLI tests of md and serve-ipi. */
final class MdCliTestSupport {
    static final int[] NUMBERS = {6, 6, 8, 1, 1, 1, 1, 1, 1};
    static final double[] MASSES = {12.011, 12.011, 15.999, 1.008, 1.008, 1.008, 1.008, 1.008, 1.008};
    static final String[] SYMBOLS = {"C", "C", "O", "H", "H", "H", "H", "H", "H"};
    static final double[] ETHANOL = {
            1.168, -0.400, 0.000, 0.000, 0.559, 0.000, -1.190, -0.228, 0.000,
            -1.947, 0.382, 0.000, 0.043, 1.208, 0.887, 0.043, 1.208, -0.887,
            2.116, 0.145, 0.000, 1.129, -1.037, 0.886, 1.129, -1.037, -0.886};

    private MdCliTestSupport() {
    }

    /**
     * A freshly initialised revised model for {@link #ethanol()}; skips the calling test while the
     * circuit simulator it needs is not merged into this branch (it throws UnsupportedOperationException).
     */
    static ForceField revisedModel(long seed) {
        try {
            return org.qmlff.model.Models.create(ModelOptions.defaults("revised"), java.util.List.of(ethanol()), seed);
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false,
                    "the revised model cannot be built yet (" + e.getMessage() + "): skipping the real-model test");
            throw e;
        }
    }

    /** Two frames of ethanol (the second slightly displaced) with made-up labels. */
    static Dataset ethanol() {
        double[] pos = new double[54];
        System.arraycopy(ETHANOL, 0, pos, 0, 27);
        for (int i = 0; i < 27; i++) pos[27 + i] = ETHANOL[i] + 0.02 * Math.cos(i);
        return new Dataset("ethanol_test", NUMBERS, pos, new double[]{-1.0, -0.5}, new double[54]);
    }

    /** Harmonic springs ½ k (r − r0)² between all pairs, r0 from the reference geometry. */
    static final class Springs implements ForceField {
        private final double k;
        private final double[] r0;
        private final int n;

        Springs(double k, double[] reference) {
            this.k = k;
            this.n = reference.length / 3;
            this.r0 = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) r0[i * n + j] = dist(reference, i, j);
        }

        private static double dist(double[] x, int i, int j) {
            double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
            return Math.sqrt(dx * dx + dy * dy + dz * dz);
        }

        @Override
        public double energyAndForces(int[] numbers, double[] x, double[] f, Scratch scratch) {
            Arrays.fill(f, 0.0);
            double e = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) {
                    double r = dist(x, i, j), d = r - r0[i * n + j];
                    e += 0.5 * k * d * d;
                    for (int c = 0; c < 3; c++) {
                        double g = k * d * (x[3 * j + c] - x[3 * i + c]) / r;
                        f[3 * j + c] -= g;
                        f[3 * i + c] += g;
                    }
                }
            return e;
        }

        @Override
        public String architecture() {
            return "toy";
        }

        @Override
        public ModelOptions options() {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public int parameterCount() {
            return 0;
        }

        @Override
        public void getParameters(double[] out) {
        }

        @Override
        public void setParameters(double[] in) {
        }

        @Override
        public Scratch newScratch() {
            return new Scratch() {
            };
        }

        @Override
        public void checkCompatible(int[] numbers) {
            if (numbers.length != n) throw new IllegalArgumentException("toy model has " + n + " atoms, got " + numbers.length);
        }

        @Override
        public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                         Scratch scratch) {
            throw new UnsupportedOperationException("only energyAndForces is used by MD");
        }
    }
}
