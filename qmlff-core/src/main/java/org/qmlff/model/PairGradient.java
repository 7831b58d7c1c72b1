package org.qmlff.model;

/** Forces from the gradient of an energy term with respect to one pair separation. */
final class PairGradient {
    private PairGradient() {
    }

    /**
     * For g = ∂E/∂x_ij with x_ij = r_j − r_i (kcal/mol/Å): F_j −= g and F_i += g, in {@code forces}
     * laid out {@code [a * 3 + k]}.
     */
    static void addForces(double[] forces, int i, int j, double gx, double gy, double gz) {
        forces[3 * j] -= gx;
        forces[3 * j + 1] -= gy;
        forces[3 * j + 2] -= gz;
        forces[3 * i] += gx;
        forces[3 * i + 1] += gy;
        forces[3 * i + 2] += gz;
    }
}
