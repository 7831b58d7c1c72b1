package org.qmlff.sim;

/**
 * The scalar functions behind Enc(v) = C(t)·I − i S(t)·(v·σ) with t = |v|², C(t) = cos(√t/2),
 * S(t) = sin(√t/2)/√t, and their first two t-derivatives. All are entire functions of t, so writing
 * the gate through t (rather than θ = √t) makes it and its derivatives in v smooth at v = 0. Below
 * t = {@value #SERIES_LIMIT} we sum the Taylor series in t (no cancellation: every term is at most
 * of order one there); above, the closed forms, whose cancellation error ~ε/t is then harmless.
 */
final class EncFunctions {
    /** t below which the series are used (θ < 2). */
    static final double SERIES_LIMIT = 4.0;

    /** Terms of the series; the first omitted term is below 1e-24 of the sum for t < 4. */
    static final int TERMS = 14;

    private EncFunctions() {
    }

    /** Fills out[0..4) = {C, S, S' = dS/dt, S'' = d²S/dt²} at t = |v|² (C' = −S/4, C'' = −S'/4). */
    static void evaluate(double t, double[] out) {
        if (t < SERIES_LIMIT) {
            // S(t) = Σ a_k t^k with a_k = (−1)^k / (2 · 4^k · (2k+1)!),  C(t) = Σ c_k t^k, c_k = (−1)^k / (4^k (2k)!).
            // Horner from the highest term; a_k = a_{k−1} · (−1) / (4 · 2k · (2k+1)), c_k likewise with 2k(2k−1).
            double s = 0;
            double s1 = 0;
            double s2 = 0;
            double c = 0;
            for (int k = TERMS; k >= 0; k--) {
                double ak = seriesCoefficientS(k);
                s = s * t + ak;
                if (k >= 1) {
                    s1 = s1 * t + k * ak;
                }
                if (k >= 2) {
                    s2 = s2 * t + k * (k - 1.0) * ak;
                }
                c = c * t + seriesCoefficientC(k);
            }
            out[0] = c;
            out[1] = s;
            out[2] = s1;
            out[3] = s2;
        } else {
            double theta = Math.sqrt(t);
            double c = Math.cos(0.5 * theta);
            double s = Math.sin(0.5 * theta) / theta;
            double s1 = (0.25 * c - 0.5 * s) / t;
            double s2 = (-s / 16 - 1.5 * s1) / t;
            out[0] = c;
            out[1] = s;
            out[2] = s1;
            out[3] = s2;
        }
    }

    private static final double[] A = coefficients(true);
    private static final double[] C = coefficients(false);

    /** a_k, the k-th series coefficient of S (read by the lane-wise evaluation of {@link LaneSimulator}). */
    static double seriesCoefficientS(int k) {
        return A[k];
    }

    /** c_k, the k-th series coefficient of C. */
    static double seriesCoefficientC(int k) {
        return C[k];
    }

    private static double[] coefficients(boolean sine) {
        double[] out = new double[TERMS + 1];
        double v = sine ? 0.5 : 1.0;
        out[0] = v;
        for (int k = 1; k <= TERMS; k++) {
            v = sine ? -v / (4.0 * (2 * k) * (2 * k + 1)) : -v / (4.0 * (2 * k) * (2 * k - 1));
            out[k] = v;
        }
        return out;
    }
}
