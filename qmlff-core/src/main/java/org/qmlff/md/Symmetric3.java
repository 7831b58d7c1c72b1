package org.qmlff.md;

/**
 * Eigen-decomposition of a symmetric 3 × 3 matrix by cyclic Jacobi rotations (accurate to rounding
 * for every symmetric input, including singular and degenerate ones, which is what inertia tensors
 * of linear molecules and single atoms are).
 */
final class Symmetric3 {
    private Symmetric3() {
    }

    /**
     * Decomposes the symmetric matrix {@code a} (row-major, 9 values; only read) into
     * {@code a = V diag(values) Vᵀ}; eigenvector i is column i of {@code vectors} (row-major,
     * {@code vectors[r * 3 + i]}). Eigenvalues are not sorted.
     */
    static void eigen(double[] a, double[] values, double[] vectors) {
        double[] m = a.clone();
        for (int i = 0; i < 9; i++) vectors[i] = (i % 4 == 0) ? 1.0 : 0.0;
        double scale = 0;
        for (double x : m) scale = Math.max(scale, Math.abs(x));
        for (int sweep = 0; sweep < 64 && scale > 0; sweep++) {
            double off = Math.abs(m[1]) + Math.abs(m[2]) + Math.abs(m[5]);
            if (off <= 1e-300 || off <= 1e-17 * scale) break;
            rotate(m, vectors, 0, 1);
            rotate(m, vectors, 0, 2);
            rotate(m, vectors, 1, 2);
        }
        values[0] = m[0];
        values[1] = m[4];
        values[2] = m[8];
    }

    /** One Jacobi rotation zeroing m[p][q] (p &lt; q), applied to m and accumulated into v. */
    private static void rotate(double[] m, double[] v, int p, int q) {
        double apq = m[p * 3 + q];
        if (apq == 0.0) return;
        double app = m[p * 3 + p], aqq = m[q * 3 + q];
        double theta = (aqq - app) / (2.0 * apq);
        // The smaller root of t² + 2θt − 1 = 0, computed without cancellation.
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
        if (theta == 0.0) t = 1.0;
        double c = 1.0 / Math.sqrt(t * t + 1.0), s = t * c;
        for (int k = 0; k < 3; k++) { // columns p, q of m ← m J
            double mkp = m[k * 3 + p], mkq = m[k * 3 + q];
            m[k * 3 + p] = c * mkp - s * mkq;
            m[k * 3 + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < 3; k++) { // rows p, q of m ← Jᵀ m
            double mpk = m[p * 3 + k], mqk = m[q * 3 + k];
            m[p * 3 + k] = c * mpk - s * mqk;
            m[q * 3 + k] = s * mpk + c * mqk;
        }
        m[p * 3 + q] = 0.0;
        m[q * 3 + p] = 0.0;
        for (int k = 0; k < 3; k++) {
            double vkp = v[k * 3 + p], vkq = v[k * 3 + q];
            v[k * 3 + p] = c * vkp - s * vkq;
            v[k * 3 + q] = s * vkp + c * vkq;
        }
    }
}
