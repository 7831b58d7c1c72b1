package org.qmlff.model;

import org.qmlff.error.InputException;

/**
 * The optional short-range pair repulsion of the hybrid architecture (docs/HYBRID.md §Repulsion):
 * <pre>
 *   E_rep = Σ_{i&lt;j} ε · (r0_ij / r)^12 · (1 − (r / rc_ij)²)³   for r &lt; rc_ij, else 0
 *   r0_ij = a0 · (ρ_i + ρ_j),   rc_ij = ac · (ρ_i + ρ_j)
 * </pre>
 * with ρ the covalent radii of Cordero et al. (Dalton Trans. 2008, 2832; H to Ar, Å) and ε, a0, ac the
 * options {@code repEps} (kcal/mol), {@code repR0}, {@code repRc}. The switch (1 − x²)³ takes the
 * energy and its first two derivatives to 0 at rc_ij, so the term is twice continuously
 * differentiable; below r0_ij it grows as r^−12. It has no trainable parameters. Immutable.
 */
final class PairRepulsion {
    /** Covalent radii (Å) of Z = 1..18 (index Z − 1). */
    private static final double[] COVALENT = {
            0.31, 0.28, 1.28, 0.96, 0.84, 0.76, 0.71, 0.66, 0.57, 0.58,
            1.66, 1.41, 1.21, 1.11, 1.07, 1.05, 1.02, 1.06};

    private final double epsilon;
    private final double r0Scale;
    private final double rcScale;

    PairRepulsion(double epsilon, double r0Scale, double rcScale) {
        if (!(epsilon > 0) || !(r0Scale > 0) || !(rcScale > r0Scale) || Double.isInfinite(epsilon) || Double.isInfinite(rcScale))
            throw new IllegalArgumentException("repulsion needs repEps > 0 and 0 < repR0 < repRc, got "
                    + epsilon + ", " + r0Scale + ", " + rcScale);
        this.epsilon = epsilon;
        this.r0Scale = r0Scale;
        this.rcScale = rcScale;
    }

    /** A one-line {@link InputException} for an element without a tabulated covalent radius. */
    static void check(int[] numbers) {
        for (int a = 0; a < numbers.length; a++)
            if (numbers[a] < 1 || numbers[a] > COVALENT.length)
                throw new InputException("atom " + a + " has atomic number " + numbers[a]
                        + "; the pair repulsion knows covalent radii of H to Ar only");
    }

    /** E_rep (kcal/mol); adds its forces (kcal/mol/Å) to {@code forces}. */
    double addEnergyAndForces(int[] numbers, double[] positions, double[] forces) {
        double energy = 0;
        for (int i = 0; i < numbers.length; i++)
            for (int j = i + 1; j < numbers.length; j++) {
                double sum = COVALENT[numbers[i] - 1] + COVALENT[numbers[j] - 1];
                double rc = rcScale * sum;
                double dx = positions[3 * j] - positions[3 * i], dy = positions[3 * j + 1] - positions[3 * i + 1],
                        dz = positions[3 * j + 2] - positions[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc * rc) continue;
                double r = Math.sqrt(r2);
                double x2 = r2 / (rc * rc), one = 1 - x2;
                double s = one * one * one, ds = -6 * r / (rc * rc) * one * one;
                double q = r0Scale * sum / r, q12 = Math.pow(q, 12);
                energy += epsilon * q12 * s;
                double dEdr = epsilon * (-12 * q12 / r * s + q12 * ds);
                double gx = dEdr * dx / r, gy = dEdr * dy / r, gz = dEdr * dz / r;
                PairGradient.addForces(forces, i, j, gx, gy, gz);
            }
        return energy;
    }
}
