package org.qmlff.md;

import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;

/**
 * Analytic force fields with exact forces, for MD and i-PI tests. Only {@code energyAndForces} is
 * meaningful; the training-side methods throw.
 */
public final class ToyForceFields {
    private ToyForceFields() {
    }

    /** Common plumbing: a fixed atom count, no parameters. */
    public abstract static class Toy implements ForceField {
        private final int atoms;

        protected Toy(int atoms) {
            this.atoms = atoms;
        }

        @Override
        public String architecture() {
            return "toy";
        }

        @Override
        public ModelOptions options() {
            throw new UnsupportedOperationException("toy force field");
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
            if (numbers.length != atoms)
                throw new IllegalArgumentException("toy force field for " + atoms + " atoms, got " + numbers.length);
        }

        @Override
        public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                         Scratch scratch) {
            throw new UnsupportedOperationException("only energyAndForces is used by MD");
        }
    }

    /** Pairwise distances (Å) of a flat position array, row-major n × n. */
    static double[] distances(double[] positions) {
        int n = positions.length / 3;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double dx = positions[3 * j] - positions[3 * i], dy = positions[3 * j + 1] - positions[3 * i + 1],
                        dz = positions[3 * j + 2] - positions[3 * i + 2];
                d[i * n + j] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        return d;
    }

    /** φ_ij(r) and φ_ij'(r) of the pair (i, j) at distance r. */
    @FunctionalInterface
    public interface PairTerm {
        /** Writes {φ_ij(r), φ_ij'(r)} into out. */
        void at(int i, int j, double r, double[] out);
    }

    /**
     * {@code energy} + Σ_{i<j} φ_ij(r_ij) over the first n atoms of x, summed pair by pair in the order
     * (0,1), (0,2), …, (1,2), …; adds the pair forces −∇ Σ φ_ij to f (which the caller zeroes).
     */
    public static double addPairs(int n, double[] x, double[] f, double energy, PairTerm phi) {
        double e = energy;
        double[] p = new double[2];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                phi.at(i, j, r, p);
                e += p[0];
                double g = p[1] / r; // dφ/dr · ∂r/∂x_i = g · (x_i − x_j), F_i = −g · (x_i − x_j)
                f[3 * i] -= g * dx;
                f[3 * i + 1] -= g * dy;
                f[3 * i + 2] -= g * dz;
                f[3 * j] += g * dx;
                f[3 * j + 1] += g * dy;
                f[3 * j + 2] += g * dz;
            }
        return e;
    }

    /**
     * A pair potential over all pairs, φ(r; r0) with r0 the pair's distance in a reference geometry
     * (so the reference is a minimum). Translation, rotation and permutation-of-labels invariant.
     */
    public abstract static class Pairs extends Toy {
        private final int n;
        private final double[] r0;

        protected Pairs(double[] reference) {
            super(reference.length / 3);
            this.n = reference.length / 3;
            this.r0 = distances(reference);
        }

        /** Writes {φ(r), φ'(r)} into out. */
        protected abstract void pair(double r, double r0, double[] out);

        @Override
        public double energyAndForces(int[] numbers, double[] x, double[] f, Scratch scratch) {
            java.util.Arrays.fill(f, 0.0);
            return addPairs(n, x, f, 0, (i, j, r, out) -> pair(r, r0[i * n + j], out));
        }
    }

    /** Harmonic springs ½ k (r − r0)² between all pairs; k in kcal/mol/Å². */
    public static final class HarmonicPairs extends Pairs {
        private final double k;

        public HarmonicPairs(double k, double[] reference) {
            super(reference);
            this.k = k;
        }

        @Override
        protected void pair(double r, double r0, double[] out) {
            out[0] = 0.5 * k * (r - r0) * (r - r0);
            out[1] = k * (r - r0);
        }
    }

    /** Morse pairs D (1 − e^{−a (r − r0)})² between all pairs; D in kcal/mol, a in 1/Å. */
    public static final class MorsePairs extends Pairs {
        private final double depth;
        private final double a;

        public MorsePairs(double depth, double a, double[] reference) {
            super(reference);
            this.depth = depth;
            this.a = a;
        }

        @Override
        protected void pair(double r, double r0, double[] out) {
            double ex = Math.exp(-a * (r - r0));
            out[0] = depth * (1 - ex) * (1 - ex);
            out[1] = 2 * depth * a * (1 - ex) * ex;
        }
    }

    /** Each atom tied to its anchor by ½ k |r − anchor|²: 3N independent harmonic oscillators. */
    public static final class Tethers extends Toy {
        private final double k;
        private final double[] anchors;

        public Tethers(double k, double[] anchors) {
            super(anchors.length / 3);
            this.k = k;
            this.anchors = anchors.clone();
        }

        @Override
        public double energyAndForces(int[] numbers, double[] x, double[] f, Scratch scratch) {
            double e = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - anchors[i];
                e += 0.5 * k * d * d;
                f[i] = -k * d;
            }
            return e;
        }
    }

    /** No forces at all: atoms fly in straight lines. */
    public static final class Free extends Toy {
        public Free(int atoms) {
            super(atoms);
        }

        @Override
        public double energyAndForces(int[] numbers, double[] x, double[] f, Scratch scratch) {
            java.util.Arrays.fill(f, 0.0);
            return 0.0;
        }
    }

    /** Wraps a force field and returns a NaN energy and forces from its {@code poisonAt}-th call on (0-based). */
    public static final class Poisoned extends Toy {
        private final ForceField inner;
        private final long poisonAt;
        private long calls;

        public Poisoned(ForceField inner, int atoms, long poisonAt) {
            super(atoms);
            this.inner = inner;
            this.poisonAt = poisonAt;
        }

        @Override
        public double energyAndForces(int[] numbers, double[] x, double[] f, Scratch scratch) {
            double e = inner.energyAndForces(numbers, x, f, inner.newScratch());
            if (calls++ >= poisonAt) {
                java.util.Arrays.fill(f, Double.NaN);
                return Double.NaN;
            }
            return e;
        }
    }
}
