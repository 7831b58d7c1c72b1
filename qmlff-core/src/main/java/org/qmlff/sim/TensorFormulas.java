package org.qmlff.sim;

/**
 * The tensor gate G(T) = exp(−i Σ_ab T_ab σ_a⊗σ_b) (T real symmetric traceless) as a function of its five
 * inputs, with its first derivatives and what the Hessian-vector product needs, written once for both
 * simulator paths ({@link GateMatrices} for the chunked engine, {@link SmallSimulator}).
 *
 * <p><b>Inputs.</b> T = Σ_k t_k B_k over an orthonormal basis (Frobenius inner product) of the symmetric
 * traceless 3×3 matrices, in the order of the real spherical harmonics of degree 2 (m = −2 … 2):
 * B_0 = (xy + yx)/√2, B_1 = (yz + zy)/√2, B_2 = (2zz − xx − yy)/√6, B_3 = (xz + zx)/√2, B_4 = (xx − yy)/√2
 * (xy the matrix unit e_x e_yᵀ). So |T|_F = |t|, and T ↦ R T Rᵀ turns t by the l = 2 representation.
 *
 * <p><b>Structure.</b> With the singlet |s⟩ = (|01⟩ − |10⟩)/√2 and the Cartesian triplet t_c = (σ_c ⊗ I)|s⟩
 * (t_x = (|11⟩ − |00⟩)/√2, t_y = i(|00⟩ + |11⟩)/√2, t_z = (|01⟩ + |10⟩)/√2, orthonormal as ⟨s|σ|s⟩ = 0),
 * (I⊗σ_b)|s⟩ = −(σ_b⊗I)|s⟩ and σ_aσ_cσ_b = δ_ac σ_b + δ_cb σ_a − δ_ab σ_c + iε_acb give
 * H t_c = Σ_b (tr T δ_cb − 2T_cb) t_b and H|s⟩ = −tr T |s⟩: for traceless T, H is −2T on the triplet and
 * zero on the singlet (it commutes with SWAP). Hence G = P_s + Σ_cd E_cd |t_c⟩⟨t_d| with E = exp(2iT), a
 * 3×3 matrix function of a real symmetric matrix, and the singlet part is constant in T.
 *
 * <p><b>E and its derivatives, exactly.</b> T = Q Λ Qᵀ by cyclic Jacobi rotations (accurate to rounding,
 * also for repeated eigenvalues, where any orthonormal eigenbasis will do). With f(x) = e^{2ix}:
 * E = Q f(Λ) Qᵀ; the Daleckii–Krein formulas ∂_k E = Q (F¹ ∘ B̃_k) Qᵀ with B̃_k = Qᵀ B_k Q and
 * F¹_ij = f[λ_i, λ_j], and for the Hessian-vector product, along S = Σ_l u_l B_l,
 * ∂_k Ė = Q [Σ_m F²_imj (B̃_k,im S̃_mj + S̃_im B̃_k,mj)] Qᵀ with F²_imj = f[λ_i, λ_m, λ_j]. The divided
 * differences are taken in forms without cancellation, so that everything is smooth at T = 0 and at
 * degenerate T: f[a, b] = 2i e^{i(a+b)} sin(a − b)/(a − b); f[a, b, c] as the difference quotient over the
 * widest gap where the spread exceeds 1, else e^{2im} Σ_{n≥2} (2i)^n/n! h_{n−2}(a − m, b − m, c − m)
 * (m the mean, h_k the complete homogeneous symmetric polynomials: the divided differences of x^n).
 *
 * <p><b>Kernel form.</b> The kernels act on a quadruple (x00, x01, x10, x11) of the gate's two bits through
 * the real-combination coordinates A = x11 − x00, B = x00 + x11, C = x01 + x10 (triplet) and S = x01 − x10
 * (singlet): (A, B, C) = √2 D (⟨t_x|x⟩, ⟨t_y|x⟩, ⟨t_z|x⟩) with D = diag(1, i, 1), so G acts on them as
 * K = D E D⁻¹ (entries xy and zy times −i, yx and yz times +i) and leaves S; x00 = (B − A)/2,
 * x11 = (A + B)/2, x01 = (C + S)/2, x10 = (C − S)/2. The gate is symmetric in its two qubits, so which one
 * is the high bit does not matter. Every derivative has the same form with a zero singlet part. The
 * reduction N_ij = Σ conj(L_i) X_j over the quadruples (L, X the coordinates of λ and ψ) gives
 * ⟨λ|∂G ψ⟩ = (1/2) Σ_ij ∂K_ij N_ij, so a derivative 2 Re⟨λ|∂G ψ⟩ is Re Σ_ij ∂K_ij N_ij ({@link #contract}).
 *
 * <p>Slot layout (complex 3×3 matrices, row-major, interleaved (re, im), {@value #MATRIX} doubles each):
 * K at {@link #K}, K† at {@link #K_ADJ}, ∂_k K at {@link #DK} + {@value #MATRIX}k; for the Hessian-vector
 * product K̇ = Σ_k u_k ∂_k K at {@link #K_DOT}, X = −K†K̇K† at {@link #X} (the reverse sweep's tangent
 * uncompute), K̇† at {@link #K_DOT_ADJ} and ∂_k K̇ at {@link #DK_DOT} + {@value #MATRIX}k. Allocates nothing.
 */
final class TensorFormulas {
    /** Inputs the gate reads. */
    static final int INPUTS = 5;
    /** Doubles of one complex 3×3 matrix. */
    static final int MATRIX = 18;
    static final int K = 0;
    static final int K_ADJ = K + MATRIX;
    static final int DK = K_ADJ + MATRIX;
    static final int K_DOT = DK + MATRIX * INPUTS;
    static final int X = K_DOT + MATRIX;
    static final int K_DOT_ADJ = X + MATRIX;
    static final int DK_DOT = K_DOT_ADJ + MATRIX;
    /** Doubles of one gate's block. */
    static final int BLOCK = DK_DOT + MATRIX * INPUTS;
    /** Doubles of the reductions of one gate: N(λ, ψ) and, for the Hessian-vector product, its tangent. */
    static final int REDUCTIONS = 2 * MATRIX;

    // Scratch layout of prepare.
    private static final int W_A = 0;
    private static final int W_Q = W_A + 9;
    private static final int W_LAMBDA = W_Q + 9;
    private static final int W_F1 = W_LAMBDA + 3;
    private static final int W_F2 = W_F1 + 18;
    private static final int W_BT = W_F2 + 54;
    private static final int W_ST = W_BT + 9 * INPUTS;
    private static final int W_M = W_ST + 9;
    private static final int W_N = W_M + MATRIX;
    /** Scratch doubles {@link #prepare} needs. */
    static final int WORK = W_N + MATRIX;

    private static final double R2 = Math.sqrt(0.5);
    private static final double R6 = 1 / Math.sqrt(6);
    /** The basis B_k, row-major 3×3 each (never written). */
    private static final double[] BASIS = {
        0, R2, 0, R2, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, R2, 0, R2, 0,
        -R6, 0, 0, 0, -R6, 0, 0, 0, 2 * R6,
        0, 0, R2, 0, 0, 0, R2, 0, 0,
        R2, 0, 0, 0, -R2, 0, 0, 0, 0};
    /** Jacobi sweeps after which the off-diagonal part is below rounding for any input (it converges quadratically). */
    private static final int MAX_SWEEPS = 30;
    /** Spread of the eigenvalues below which f[a, b, c] is summed as a series (see the class comment). */
    private static final double SERIES_SPREAD = 1.0;
    /** Highest power of that series: the first omitted term is below 1e-20 for a spread of at most 1. */
    private static final int SERIES_TERMS = 27;

    private TensorFormulas() {
    }

    /** B_k at [3a + b], for tests and tools that build T from the inputs. */
    static double basis(int k, int a, int b) {
        return BASIS[9 * k + 3 * a + b];
    }

    /**
     * Fills the block at out[off ..] for inputs t = z[zo .. zo + 5) at {@code level} ({@link GateMatrices#VALUE}:
     * K and K†; {@link GateMatrices#GRADIENT}: also ∂K; {@link GateMatrices#HVP}: everything, along
     * u[uo .. uo + 5), which is read only then). {@code work} holds at least {@link #WORK} doubles.
     */
    static void prepare(double[] z, int zo, double[] u, int uo, int level, double[] out, int off, double[] work) {
        double[] w = work;
        for (int e = 0; e < 9; e++) {
            double s = 0;
            for (int k = 0; k < INPUTS; k++) {
                s += z[zo + k] * BASIS[9 * k + e];
            }
            w[W_A + e] = s;
        }
        eigen(w);
        // f(λ) = e^{2iλ} on the diagonal of the eigenbasis, then E = Q f(Λ) Qᵀ
        for (int e = 0; e < MATRIX; e++) {
            w[W_M + e] = 0;
        }
        for (int i = 0; i < 3; i++) {
            double l = w[W_LAMBDA + i];
            w[W_M + 8 * i] = Math.cos(2 * l);
            w[W_M + 8 * i + 1] = Math.sin(2 * l);
        }
        toBasis(w, W_M, out, off + K);
        adjoint(out, off + K, out, off + K_ADJ);
        if (level == GateMatrices.VALUE) {
            return;
        }
        firstDifferences(w);
        for (int k = 0; k < INPUTS; k++) {
            rotate(BASIS, 9 * k, w, W_BT + 9 * k);
            // ∂_k E = Q (F¹ ∘ B̃_k) Qᵀ
            for (int e = 0; e < 9; e++) {
                double b = w[W_BT + 9 * k + e];
                w[W_M + 2 * e] = w[W_F1 + 2 * e] * b;
                w[W_M + 2 * e + 1] = w[W_F1 + 2 * e + 1] * b;
            }
            toBasis(w, W_M, out, off + DK + MATRIX * k);
        }
        if (level != GateMatrices.HVP) {
            return;
        }
        // K̇ = Σ u_k ∂_k K (linear), S̃ = Σ u_k B̃_k
        for (int e = 0; e < MATRIX; e++) {
            double s = 0;
            for (int k = 0; k < INPUTS; k++) {
                s += u[uo + k] * out[off + DK + MATRIX * k + e];
            }
            out[off + K_DOT + e] = s;
        }
        for (int e = 0; e < 9; e++) {
            double s = 0;
            for (int k = 0; k < INPUTS; k++) {
                s += u[uo + k] * w[W_BT + 9 * k + e];
            }
            w[W_ST + e] = s;
        }
        adjoint(out, off + K_DOT, out, off + K_DOT_ADJ);
        // X = −K† K̇ K†
        mul(out, off + K_ADJ, out, off + K_DOT, w, W_N);
        mul(w, W_N, out, off + K_ADJ, out, off + X);
        for (int e = 0; e < MATRIX; e++) {
            out[off + X + e] = -out[off + X + e];
        }
        secondDifferences(w);
        for (int k = 0; k < INPUTS; k++) {
            int bt = W_BT + 9 * k;
            // [Σ_m F²_imj (B̃_im S̃_mj + S̃_im B̃_mj)]_ij
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int m = 0; m < 3; m++) {
                        double c = w[bt + 3 * i + m] * w[W_ST + 3 * m + j] + w[W_ST + 3 * i + m] * w[bt + 3 * m + j];
                        int f = W_F2 + 2 * (9 * i + 3 * m + j);
                        sr += w[f] * c;
                        si += w[f + 1] * c;
                    }
                    w[W_M + 2 * (3 * i + j)] = sr;
                    w[W_M + 2 * (3 * i + j) + 1] = si;
                }
            }
            toBasis(w, W_M, out, off + DK_DOT + MATRIX * k);
        }
    }

    /**
     * Adds the gate's derivatives from its reductions red[ro ..] (N(λ, ψ), then for the Hessian-vector product
     * N(λ̇, ψ) + N(λ, ψ̇)): grad[go + k] += Re Σ ∂_kK ∘ N, and with {@code hvpToo} hvp[ho + k] += Re Σ (∂_kK ∘ Ṅ +
     * ∂_kK̇ ∘ N); the block at slots[off ..].
     */
    static void contract(double[] slots, int off, double[] red, int ro, boolean hvpToo, double[] grad, int go,
                         double[] hvp, int ho) {
        for (int k = 0; k < INPUTS; k++) {
            grad[go + k] += reDot(slots, off + DK + MATRIX * k, red, ro);
            if (hvpToo) {
                hvp[ho + k] += reDot(slots, off + DK + MATRIX * k, red, ro + MATRIX)
                        + reDot(slots, off + DK_DOT + MATRIX * k, red, ro);
            }
        }
    }

    /** Re Σ_e a_e b_e over the nine complex entries of two 3×3 matrices. */
    private static double reDot(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int e = 0; e < 9; e++) {
            s += a[ao + 2 * e] * b[bo + 2 * e] - a[ao + 2 * e + 1] * b[bo + 2 * e + 1];
        }
        return s;
    }

    /**
     * Cyclic Jacobi on the symmetric matrix at w[W_A ..] (destroyed): eigenvalues to w[W_LAMBDA ..], eigenvectors
     * as the columns of w[W_Q ..]. Each rotation zeroes one off-diagonal entry (Numerical Recipes' stable form
     * t = sgn θ/(|θ| + √(θ² + 1))); it stops when the off-diagonal part is exactly zero or negligible against
     * the diagonal, which also leaves T = 0 and diagonal T untouched (Q = I).
     */
    private static void eigen(double[] w) {
        for (int e = 0; e < 9; e++) {
            w[W_Q + e] = e % 4 == 0 ? 1 : 0;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = w[W_A + 1] * w[W_A + 1] + w[W_A + 2] * w[W_A + 2] + w[W_A + 5] * w[W_A + 5];
            double diag = w[W_A] * w[W_A] + w[W_A + 4] * w[W_A + 4] + w[W_A + 8] * w[W_A + 8];
            if (off == 0 || off < 1e-40 * diag) {
                break;
            }
            rotation(w, 0, 1);
            rotation(w, 0, 2);
            rotation(w, 1, 2);
        }
        for (int i = 0; i < 3; i++) {
            w[W_LAMBDA + i] = w[W_A + 4 * i];
        }
    }

    /** One Jacobi rotation in the plane (p, q), p &lt; q: A ← JᵀAJ with (JᵀAJ)_pq = 0, Q ← QJ. */
    private static void rotation(double[] w, int p, int q) {
        double apq = w[W_A + 3 * p + q];
        if (apq == 0) {
            return;
        }
        double theta = (w[W_A + 4 * q] - w[W_A + 4 * p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.hypot(theta, 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        // A ← A J (columns p, q), then A ← Jᵀ A (rows p, q); J_pp = J_qq = c, J_pq = s, J_qp = −s
        for (int r = 0; r < 3; r++) {
            double xp = w[W_A + 3 * r + p];
            double xq = w[W_A + 3 * r + q];
            w[W_A + 3 * r + p] = c * xp - s * xq;
            w[W_A + 3 * r + q] = s * xp + c * xq;
            double vp = w[W_Q + 3 * r + p];
            double vq = w[W_Q + 3 * r + q];
            w[W_Q + 3 * r + p] = c * vp - s * vq;
            w[W_Q + 3 * r + q] = s * vp + c * vq;
        }
        for (int col = 0; col < 3; col++) {
            double xp = w[W_A + 3 * p + col];
            double xq = w[W_A + 3 * q + col];
            w[W_A + 3 * p + col] = c * xp - s * xq;
            w[W_A + 3 * q + col] = s * xp + c * xq;
        }
        // exact zeros where the rotation was aimed, and exact symmetry
        w[W_A + 3 * p + q] = 0;
        w[W_A + 3 * q + p] = 0;
    }

    /** F¹_ij = f[λ_i, λ_j] = 2i e^{i(λ_i+λ_j)} sinc(λ_i − λ_j) into w[W_F1 ..]. */
    private static void firstDifferences(double[] w) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double a = w[W_LAMBDA + i];
                double b = w[W_LAMBDA + j];
                double d = a - b;
                double sinc = d == 0 ? 1 : Math.sin(d) / d;
                w[W_F1 + 2 * (3 * i + j)] = -2 * Math.sin(a + b) * sinc;
                w[W_F1 + 2 * (3 * i + j) + 1] = 2 * Math.cos(a + b) * sinc;
            }
        }
    }

    /** F²_imj = f[λ_i, λ_m, λ_j] into w[W_F2 + 2(9i + 3m + j) ..]: symmetric in its indices, so each computed once. */
    private static void secondDifferences(double[] w) {
        for (int i = 0; i < 3; i++) {
            for (int m = i; m < 3; m++) {
                for (int j = m; j < 3; j++) {
                    secondDifference(w, w[W_LAMBDA + i], w[W_LAMBDA + m], w[W_LAMBDA + j], W_N);
                    double r = w[W_N];
                    double im = w[W_N + 1];
                    storeF2(w, i, m, j, r, im);
                    storeF2(w, i, j, m, r, im);
                    storeF2(w, m, i, j, r, im);
                    storeF2(w, m, j, i, r, im);
                    storeF2(w, j, i, m, r, im);
                    storeF2(w, j, m, i, r, im);
                }
            }
        }
    }

    private static void storeF2(double[] w, int i, int m, int j, double r, double im) {
        int f = W_F2 + 2 * (9 * i + 3 * m + j);
        w[f] = r;
        w[f + 1] = im;
    }

    /**
     * f[a, b, c] for f(x) = e^{2ix} into w[o], w[o + 1]: where the spread exceeds {@value #SERIES_SPREAD}, the
     * quotient (f[lo, mid] − f[mid, hi])/(lo − hi) (dividing by the widest gap, cancellation error at most a
     * few ε); else e^{2im} Σ_{n=2}^{N} (2i)^n/n! h_{n−2}(δ) with δ = (a, b, c) − m, m their mean (the divided
     * difference of e^{2i(m+δ)} in δ, term by term; no cancellation since |δ| ≤ 2/3).
     */
    static void secondDifference(double[] w, double a, double b, double c, int o) {
        double lo = Math.min(a, Math.min(b, c));
        double hi = Math.max(a, Math.max(b, c));
        if (hi - lo > SERIES_SPREAD) {
            double mid = a + b + c - lo - hi;
            double d1 = lo - mid;
            double d2 = mid - hi;
            double s1 = d1 == 0 ? 1 : Math.sin(d1) / d1;
            double s2 = d2 == 0 ? 1 : Math.sin(d2) / d2;
            double f1r = -2 * Math.sin(lo + mid) * s1;
            double f1i = 2 * Math.cos(lo + mid) * s1;
            double f2r = -2 * Math.sin(mid + hi) * s2;
            double f2i = 2 * Math.cos(mid + hi) * s2;
            double q = 1 / (lo - hi);
            w[o] = (f1r - f2r) * q;
            w[o + 1] = (f1i - f2i) * q;
            return;
        }
        double m = (a + b + c) / 3;
        double x0 = a - m;
        double x1 = b - m;
        double x2 = c - m;
        // h_k(x0) = x0^k, h_k(x0, x1) = h_k(x0) + x1 h_{k−1}(x0, x1), h_k(x0, x1, x2) likewise with x2
        double h1 = 1;
        double h2 = 1;
        double h3 = 1;
        // coefficient (2i)^n/n! from n = 2: −2
        double cr = -2;
        double ci = 0;
        double sr = cr;
        double si = 0;
        for (int n = 3; n <= SERIES_TERMS; n++) {
            h1 *= x0;
            h2 = h1 + x1 * h2;
            h3 = h2 + x2 * h3;
            // (2i)^n/n! = (2i)^{n−1}/(n−1)! · 2i/n
            double nr = -ci * 2 / n;
            double ni = cr * 2 / n;
            cr = nr;
            ci = ni;
            sr += cr * h3;
            si += ci * h3;
        }
        double er = Math.cos(2 * m);
        double ei = Math.sin(2 * m);
        w[o] = er * sr - ei * si;
        w[o + 1] = er * si + ei * sr;
    }

    /** B̃ = Qᵀ B Q for the real symmetric 3×3 matrix at b[bo ..], Q at w[W_Q ..], into w[o ..]. */
    private static void rotate(double[] b, int bo, double[] w, int o) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int x = 0; x < 3; x++) {
                    double qx = w[W_Q + 3 * x + i];
                    double r = 0;
                    for (int y = 0; y < 3; y++) {
                        r += b[bo + 3 * x + y] * w[W_Q + 3 * y + j];
                    }
                    s += qx * r;
                }
                w[o + 3 * i + j] = s;
            }
        }
    }

    /**
     * The kernel matrix D (Q M Qᵀ) D⁻¹ of a complex 3×3 matrix M at w[mo ..] given in the eigenbasis (see the
     * class comment), into out[oo ..].
     */
    private static void toBasis(double[] w, int mo, double[] out, int oo) {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < 3; i++) {
                    double qa = w[W_Q + 3 * a + i];
                    for (int j = 0; j < 3; j++) {
                        double q = qa * w[W_Q + 3 * b + j];
                        sr += q * w[mo + 2 * (3 * i + j)];
                        si += q * w[mo + 2 * (3 * i + j) + 1];
                    }
                }
                int e = oo + 2 * (3 * a + b);
                // D = diag(1, i, 1): entry (a, b) times d_a conj(d_b)
                if ((a == 0 && b == 1) || (a == 2 && b == 1)) {
                    out[e] = si;
                    out[e + 1] = -sr;
                } else if ((a == 1 && b == 0) || (a == 1 && b == 2)) {
                    out[e] = -si;
                    out[e + 1] = sr;
                } else {
                    out[e] = sr;
                    out[e + 1] = si;
                }
            }
        }
    }

    /** out = a† for complex 3×3 matrices; out must not overlap a. */
    static void adjoint(double[] a, int ao, double[] out, int oo) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[oo + 2 * (3 * i + j)] = a[ao + 2 * (3 * j + i)];
                out[oo + 2 * (3 * i + j) + 1] = -a[ao + 2 * (3 * j + i) + 1];
            }
        }
    }

    /** out = a·b for complex 3×3 matrices; out must not overlap a or b. */
    static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < 3; k++) {
                    double xr = a[ao + 2 * (3 * r + k)];
                    double xi = a[ao + 2 * (3 * r + k) + 1];
                    double yr = b[bo + 2 * (3 * k + c)];
                    double yi = b[bo + 2 * (3 * k + c) + 1];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                out[oo + 2 * (3 * r + c)] = sr;
                out[oo + 2 * (3 * r + c) + 1] = si;
            }
        }
    }
}
