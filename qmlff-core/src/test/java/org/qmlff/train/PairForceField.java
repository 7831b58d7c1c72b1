package org.qmlff.train;

import java.util.Arrays;
import org.qmlff.md.ToyForceFields;

/**
 * A test-only force field with a hand-written exact objective gradient: an anharmonic pair potential
 * plus per-element energy offsets,
 * <pre>
 *   E = Σ_i e0[s_i] + Σ_{i&lt;j} ( k (r_ij − r0)² + b (r_ij − r0)³ )
 * </pre>
 * Parameters, in order: k, b, r0, e0[0..S−1] for the species list given at construction.
 */
final class PairForceField extends PairTestForceField {
    PairForceField(int[] species, double k, double b, double r0, double... e0) {
        super(species, params(species, k, b, r0, e0));
    }

    private static double[] params(int[] species, double k, double b, double r0, double[] e0) {
        if (e0.length != species.length) throw new IllegalArgumentException("one e0 per species");
        double[] p = new double[3 + species.length];
        p[0] = k;
        p[1] = b;
        p[2] = r0;
        System.arraycopy(e0, 0, p, 3, e0.length);
        return p;
    }

    @Override
    public double energyAndForces(int[] numbers, double[] x, double[] forces, Scratch scratch) {
        double k = p[0], b = p[1], r0 = p[2];
        int n = numbers.length;
        double e = 0;
        for (int i = 0; i < n; i++) e += p[3 + speciesIndex(numbers[i])];
        Arrays.fill(forces, 0, 3 * n, 0.0);
        return ToyForceFields.addPairs(n, x, forces, e, (i, j, r, out) -> {
            double u = r - r0;
            out[0] = k * u * u + b * u * u * u;
            out[1] = 2 * k * u + 3 * b * u * u;
        });
    }

    @Override
    public void addObjectiveGradient(int[] numbers, double[] x, double dLdE, double[] dLdF, double[] grad,
                                     Scratch scratch) {
        double k = p[0], b = p[1], r0 = p[2];
        int n = numbers.length;
        for (int i = 0; i < n; i++) grad[3 + speciesIndex(numbers[i])] += dLdE;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double u = r - r0;
                // energy part
                grad[0] += dLdE * u * u;
                grad[1] += dLdE * u * u * u;
                grad[2] += dLdE * (-(2 * k * u + 3 * b * u * u));
                // force part: F_i = -g(u) d/r with d = x_i - x_j, F_j = +g(u) d/r, g = 2ku + 3bu²
                // so Σ dLdF·F = -g(u)/r · (dLdF_i - dLdF_j)·d
                double proj = ((dLdF[3 * i] - dLdF[3 * j]) * dx + (dLdF[3 * i + 1] - dLdF[3 * j + 1]) * dy
                        + (dLdF[3 * i + 2] - dLdF[3 * j + 2]) * dz) / r;
                // dg/dk = 2u, dg/db = 3u², dg/dr0 = -(2k + 6bu)
                grad[0] += -proj * 2 * u;
                grad[1] += -proj * 3 * u * u;
                grad[2] += proj * (2 * k + 6 * b * u);
            }
        }
    }
}
