package org.qmlff.hardware;

import java.util.Arrays;

/**
 * An n-qubit density matrix ρ (n ≤ {@link #MAX_QUBITS}) with gates and Kraus channels applied in place.
 * Storage: ρ[r][c] at index r·2ⁿ + c, separate real and imaginary arrays; qubit 0 is the most significant
 * bit of r and c (MODELS.md). Matrices of gates are row-major, interleaved (re, im); a two-qubit matrix
 * acts on the local basis |pq⟩. Not thread-safe.
 */
final class DensityMatrix {
    /** Largest supported n: ρ then takes 2·4ⁿ doubles (64 MiB at 11). */
    static final int MAX_QUBITS = 11;

    private final int n;
    private final int dim;
    private final double[] re;
    private final double[] im;

    DensityMatrix(int n) {
        if (n < 1 || n > MAX_QUBITS)
            throw new IllegalArgumentException("density matrices are simulated up to " + MAX_QUBITS
                    + " qubits; this circuit has " + n);
        this.n = n;
        this.dim = 1 << n;
        this.re = new double[dim * dim];
        this.im = new double[dim * dim];
    }

    int qubits() {
        return n;
    }

    /** ρ = |0…0⟩⟨0…0|. */
    void reset() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        re[0] = 1;
    }

    void copyFrom(DensityMatrix o) {
        System.arraycopy(o.re, 0, re, 0, re.length);
        System.arraycopy(o.im, 0, im, 0, im.length);
    }

    private int mask(int q) {
        return 1 << (n - 1 - q);
    }

    /** ρ ↦ Σ_k K_k ρ K_k† for one-qubit Kraus operators K_k (8 doubles each) on qubit q. */
    void channel1(int q, double[]... kraus) {
        int m = mask(q);
        double[] xr = new double[4], xi = new double[4], yr = new double[4], yi = new double[4];
        for (int r = 0; r < dim; r++) {
            if ((r & m) != 0) continue;
            for (int c = 0; c < dim; c++) {
                if ((c & m) != 0) continue;
                int[] idx = {r * dim + c, r * dim + (c | m), (r | m) * dim + c, (r | m) * dim + (c | m)};
                for (int t = 0; t < 4; t++) {
                    xr[t] = re[idx[t]];
                    xi[t] = im[idx[t]];
                }
                Arrays.fill(yr, 0);
                Arrays.fill(yi, 0);
                for (double[] k : kraus) conjugateAdd(k, 2, xr, xi, yr, yi);
                for (int t = 0; t < 4; t++) {
                    re[idx[t]] = yr[t];
                    im[idx[t]] = yi[t];
                }
            }
        }
    }

    /** ρ ↦ U ρ U† for a two-qubit unitary U (32 doubles) on qubits p, q. */
    void unitary2(int p, int q, double[] u) {
        int mp = mask(p), mq = mask(q);
        int[] off = {0, mq, mp, mp | mq};
        double[] xr = new double[16], xi = new double[16], yr = new double[16], yi = new double[16];
        int[] idx = new int[16];
        for (int r = 0; r < dim; r++) {
            if ((r & (mp | mq)) != 0) continue;
            for (int c = 0; c < dim; c++) {
                if ((c & (mp | mq)) != 0) continue;
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        int i = (r | off[a]) * dim + (c | off[b]);
                        idx[4 * a + b] = i;
                        xr[4 * a + b] = re[i];
                        xi[4 * a + b] = im[i];
                    }
                }
                Arrays.fill(yr, 0);
                Arrays.fill(yi, 0);
                conjugateAdd(u, 4, xr, xi, yr, yi);
                for (int t = 0; t < 16; t++) {
                    re[idx[t]] = yr[t];
                    im[idx[t]] = yi[t];
                }
            }
        }
    }

    /** Aer's depolarizing_error(λ, 2) on qubits p, q: ρ ↦ (1 − λ)ρ + λ·Tr_pq(ρ) ⊗ I/4. */
    void depolarize2(int p, int q, double lambda) {
        int mp = mask(p), mq = mask(q);
        int[] off = {0, mq, mp, mp | mq};
        for (int r = 0; r < dim; r++) {
            if ((r & (mp | mq)) != 0) continue;
            for (int c = 0; c < dim; c++) {
                if ((c & (mp | mq)) != 0) continue;
                double tr = 0, ti = 0;
                for (int a = 0; a < 4; a++) {
                    int i = (r | off[a]) * dim + (c | off[a]);
                    tr += re[i];
                    ti += im[i];
                }
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        int i = (r | off[a]) * dim + (c | off[b]);
                        re[i] *= 1 - lambda;
                        im[i] *= 1 - lambda;
                        if (a == b) {
                            re[i] += lambda * tr / 4;
                            im[i] += lambda * ti / 4;
                        }
                    }
                }
            }
        }
    }

    /** Aer's depolarizing_error(λ, 1) on qubit q: ρ ↦ (1 − λ)ρ + λ·Tr_q(ρ) ⊗ I/2. */
    void depolarize1(int q, double lambda) {
        int m = mask(q);
        for (int r = 0; r < dim; r++) {
            if ((r & m) != 0) continue;
            for (int c = 0; c < dim; c++) {
                if ((c & m) != 0) continue;
                int i00 = r * dim + c, i01 = r * dim + (c | m), i10 = (r | m) * dim + c, i11 = (r | m) * dim + (c | m);
                double tr = re[i00] + re[i11], ti = im[i00] + im[i11];
                re[i00] = (1 - lambda) * re[i00] + lambda * tr / 2;
                im[i00] = (1 - lambda) * im[i00] + lambda * ti / 2;
                re[i11] = (1 - lambda) * re[i11] + lambda * tr / 2;
                im[i11] = (1 - lambda) * im[i11] + lambda * ti / 2;
                re[i01] *= 1 - lambda;
                im[i01] *= 1 - lambda;
                re[i10] *= 1 - lambda;
                im[i10] *= 1 - lambda;
            }
        }
    }

    /** Re Tr(ρ·SWAP_pq) = Σ_i Re ρ[i][swap(i)]. */
    double swapExpectation(int p, int q) {
        int mp = mask(p), mq = mask(q), both = mp | mq;
        double s = 0;
        for (int i = 0; i < dim; i++) {
            int bits = i & both;
            int j = (bits == 0 || bits == both) ? i : i ^ both;
            s += re[i * dim + j];
        }
        return s;
    }

    /** Probabilities of the outcomes (b_p, b_q), index 2·b_p + b_q, of measuring qubits p, q. */
    double[] probabilities(int p, int q) {
        int mp = mask(p), mq = mask(q);
        double[] out = new double[4];
        for (int i = 0; i < dim; i++) out[((i & mp) != 0 ? 2 : 0) + ((i & mq) != 0 ? 1 : 0)] += re[i * dim + i];
        return out;
    }

    /** Re Tr ρ (1 for a state). */
    double trace() {
        double s = 0;
        for (int i = 0; i < dim; i++) s += re[i * dim + i];
        return s;
    }

    /** y += K x K† for d×d matrices, x and y row-major in separate (re, im) arrays, K interleaved. */
    private static void conjugateAdd(double[] k, int d, double[] xr, double[] xi, double[] yr, double[] yi) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                // (K x)[a][c] then times conj(K[b][c])
                double sr = 0, si = 0;
                for (int c = 0; c < d; c++) {
                    double tr = 0, ti = 0;
                    for (int e = 0; e < d; e++) {
                        double kr = k[2 * (a * d + e)], ki = k[2 * (a * d + e) + 1];
                        double vr = xr[e * d + c], vi = xi[e * d + c];
                        tr += kr * vr - ki * vi;
                        ti += kr * vi + ki * vr;
                    }
                    double cr = k[2 * (b * d + c)], ci = -k[2 * (b * d + c) + 1];
                    sr += tr * cr - ti * ci;
                    si += tr * ci + ti * cr;
                }
                yr[a * d + b] += sr;
                yi[a * d + b] += si;
            }
        }
    }
}
