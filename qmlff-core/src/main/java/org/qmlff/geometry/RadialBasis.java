package org.qmlff.geometry;

/**
 * Bessel radial basis with a cosine cutoff (MODELS.md §Revised), with first and second radial
 * derivatives:
 * <pre>
 *   β_k(r) = b_k(r) · f_c(r),   b_k(r) = sqrt(2/r_c) · sin(kπr/r_c) / r,   k = 1..K,
 *   f_c(r) = ½(cos(πr/r_c) + 1) for r &lt; r_c, else 0.
 * </pre>
 * Lengths in Å. β_k and its first two derivatives vanish at r_c, so the model built on it is twice
 * differentiable there. Also provides γ_k(r) = β_k(r)/r, the radial factor of the vector (l = 1)
 * channel β_k(r)·r̂ = γ_k(r)·r_vec, and its derivative.
 *
 * <p>Immutable; evaluation writes into caller-owned arrays of length ≥ K.
 */
public final class RadialBasis {
    private final int k;
    private final double rc;
    private final double norm;

    public RadialBasis(int k, double rc) {
        if (k < 1) throw new IllegalArgumentException("K must be >= 1");
        if (!(rc > 0)) throw new IllegalArgumentException("cutoff must be positive");
        this.k = k;
        this.rc = rc;
        this.norm = Math.sqrt(2.0 / rc);
    }

    public int size() {
        return k;
    }

    public double cutoff() {
        return rc;
    }

    /** Cosine cutoff f_c(r). */
    public double cutoffFunction(double r) {
        return r < rc ? 0.5 * (Math.cos(Math.PI * r / rc) + 1) : 0.0;
    }

    /**
     * Writes β_k(r) into {@code beta} and dβ_k/dr into {@code dbeta} for k = 1..K (index k−1).
     * For r ≥ r_c all are zero. r must be positive.
     */
    public void evaluate(double r, double[] beta, double[] dbeta) {
        evaluate(r, beta, dbeta, 0);
    }

    /**
     * Writes β_k(r), dβ_k/dr, γ_k(r) = β_k(r)/r and dγ_k/dr = (dβ_k/dr − γ_k)/r for k = 1..K into
     * the four arrays at {@code [offset + k − 1]}; β and dβ/dr are the values of
     * {@link #evaluate(double, double[], double[])}, bit for bit. r must be positive; for r ≥ r_c all
     * four are zero.
     */
    public void evaluate(double r, double[] beta, double[] dbeta, double[] gamma, double[] dgamma, int offset) {
        evaluate(r, beta, dbeta, offset);
        for (int i = offset; i < offset + k; i++) {
            double g = beta[i] / r;
            gamma[i] = g;
            dgamma[i] = (dbeta[i] - g) / r;
        }
    }

    /**
     * β_k and dβ_k/dr at {@code [offset + k − 1]}. sin(kπr/r_c) and cos(kπr/r_c) come from the
     * angle-addition recurrence on k, seeded by the sine and cosine that the cutoff needs anyway: two
     * transcendental calls per distance instead of 2K + 2, with an error that grows only like k·ε.
     */
    private void evaluate(double r, double[] beta, double[] dbeta, int offset) {
        if (r >= rc) {
            for (int i = offset; i < offset + k; i++) {
                beta[i] = 0;
                dbeta[i] = 0;
            }
            return;
        }
        double w = Math.PI / rc;
        double s1 = Math.sin(w * r);
        double c1 = Math.cos(w * r);
        double fc = 0.5 * (c1 + 1);
        double dfc = -0.5 * w * s1;
        double inv = 1.0 / r;
        double sn = s1, cs = c1;
        for (int i = 0; i < k; i++) {
            double kw = (i + 1) * w;
            double b = norm * sn * inv;
            double db = norm * (kw * cs * inv - sn * inv * inv);
            beta[offset + i] = b * fc;
            dbeta[offset + i] = db * fc + b * dfc;
            double next = sn * c1 + cs * s1;
            cs = cs * c1 - sn * s1;
            sn = next;
        }
    }
}
