package org.qmlff.hardware;

/**
 * SU(2) helpers for one-qubit gates: 2×2 complex matrices as 8 doubles, row-major, interleaved
 * (re, im). Enc(v) = exp(−i v·σ/2) (MODELS.md) and its inverse map.
 */
final class Su2 {
    private Su2() {
    }

    /** Enc(v) = cos(θ/2)·I − i·(sin(θ/2)/θ)·v·σ, θ = |v|, with the series of sin(θ/2)/θ near 0. */
    static double[] enc(double vx, double vy, double vz) {
        double t2 = vx * vx + vy * vy + vz * vz;
        double t = Math.sqrt(t2);
        double c = Math.cos(0.5 * t);
        double s = t < 1e-4 ? 0.5 - t2 / 48 + t2 * t2 / 3840 : Math.sin(0.5 * t) / t;
        return new double[] {c, -s * vz, -s * vy, -s * vx, s * vy, -s * vx, c, s * vz};
    }

    /** a·b for 2×2 complex matrices. */
    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < 2; k++) {
                    double ar = a[2 * (2 * i + k)], ai = a[2 * (2 * i + k) + 1];
                    double br = b[2 * (2 * k + j)], bi = b[2 * (2 * k + j) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                out[2 * (2 * i + j)] = re;
                out[2 * (2 * i + j) + 1] = im;
            }
        }
        return out;
    }

    /**
     * A vector v with Enc(v) = u for u in SU(2) (|v| ≤ 2π). Writing u = a₀·I − i·b·σ, |v| = 2·atan2(|b|, a₀)
     * along b; u = −I gives (2π, 0, 0).
     */
    static double[] log(double[] u) {
        double a0 = 0.5 * (u[0] + u[6]);
        double bz = 0.5 * (u[7] - u[1]);
        double bx = -0.5 * (u[3] + u[5]);
        double by = 0.5 * (u[4] - u[2]);
        double nb = Math.sqrt(bx * bx + by * by + bz * bz);
        if (nb == 0) return a0 >= 0 ? new double[3] : new double[] {2 * Math.PI, 0, 0};
        double theta = 2 * Math.atan2(nb, a0);
        return new double[] {theta * bx / nb, theta * by / nb, theta * bz / nb};
    }

    /**
     * The 3×3 matrix M(v), row-major, with ∂Enc(v)/∂v_k = (−i/2)·Σ_a M[a][k]·σ_a·Enc(v): the derivative of
     * Enc along v_k is a rotation inserted after the gate. M = Σ_n K^n/(n+1)! with K w = v × w, i.e.
     * M = I + (1 − cos θ)/θ²·K + (θ − sin θ)/θ³·K² (series near θ = 0).
     */
    static double[] insertionMatrix(double vx, double vy, double vz) {
        double t2 = vx * vx + vy * vy + vz * vz;
        double t = Math.sqrt(t2);
        double a, b;
        if (t < 1e-3) {
            a = 0.5 - t2 / 24 + t2 * t2 / 720;
            b = 1.0 / 6 - t2 / 120 + t2 * t2 / 5040;
        } else {
            a = (1 - Math.cos(t)) / t2;
            b = (t - Math.sin(t)) / (t2 * t);
        }
        double[] k = {0, -vz, vy, vz, 0, -vx, -vy, vx, 0};
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double k2 = 0;
                for (int l = 0; l < 3; l++) k2 += k[3 * i + l] * k[3 * l + j];
                m[3 * i + j] = (i == j ? 1 : 0) + a * k[3 * i + j] + b * k2;
            }
        }
        return m;
    }
}
