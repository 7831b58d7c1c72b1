package org.qmlff.cli;

import org.qmlff.train.PairTestForceField;

import java.util.Arrays;

/**
 * A test-only force field: harmonic pairs plus per-element energy offsets,
 * E = Σ_i e0[s_i] + Σ_{i&lt;j} k (r_ij − r0)². Parameters: k, r0, e0[0..S−1]. Its exact objective
 * gradient is checked against finite differences in {@link TestForceFieldTest}.
 */
class TestForceField extends PairTestForceField {
    TestForceField(int[] species, double[] params) {
        super(species, params);
        if (p.length != 2 + species.length) throw new IllegalArgumentException("k, r0 and one e0 per species");
    }

    @Override
    public double energyAndForces(int[] numbers, double[] x, double[] forces, Scratch scratch) {
        int n = numbers.length;
        double e = 0;
        for (int i = 0; i < n; i++) e += p[2 + speciesIndex(numbers[i])];
        Arrays.fill(forces, 0, 3 * n, 0.0);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double r = dist(x, i, j);
                double u = r - p[1];
                e += p[0] * u * u;
                double s = 2 * p[0] * u / r;
                for (int c = 0; c < 3; c++) {
                    double d = x[3 * i + c] - x[3 * j + c];
                    forces[3 * i + c] -= s * d;
                    forces[3 * j + c] += s * d;
                }
            }
        return e;
    }

    @Override
    public void addObjectiveGradient(int[] numbers, double[] x, double dLdE, double[] dLdF, double[] grad,
                                     Scratch scratch) {
        int n = numbers.length;
        for (int i = 0; i < n; i++) grad[2 + speciesIndex(numbers[i])] += dLdE;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double r = dist(x, i, j);
                double u = r - p[1];
                grad[0] += dLdE * u * u;
                grad[1] += dLdE * (-2 * p[0] * u);
                double proj = 0;
                for (int c = 0; c < 3; c++) proj += (dLdF[3 * i + c] - dLdF[3 * j + c]) * (x[3 * i + c] - x[3 * j + c]);
                proj /= r;
                // Σ dLdF·F = −2 k u · proj
                grad[0] += -2 * u * proj;
                grad[1] += 2 * p[0] * proj;
            }
    }

    private static double dist(double[] x, int i, int j) {
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
