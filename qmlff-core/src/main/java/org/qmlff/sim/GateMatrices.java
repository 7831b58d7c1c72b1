package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * The matrices a parametric gate contributes to a sweep, computed once per gate and call into a
 * slot of {@link #SLOT} doubles. 2×2 matrices are row-major with interleaved (re, im) entries.
 *
 * <p>Notation: G(z) the gate, ∂_a G its derivative in its a-th input, Ġ = Σ_a u_a ∂_a G its
 * derivative along the direction u, ∂_a Ġ = Σ_b u_b ∂_a ∂_b G.
 *
 * <p>Each gate is one or two <em>parts</em>, each a 2×2 matrix acting on a family of amplitude pairs
 * (see {@link Kernels}). A part of {@link #PART} doubles holds: G at {@link #G}, G† at {@link #G_ADJ},
 * ∂_a G at {@link #DG} + 8a, Ġ at {@link #G_DOT}, X = −G†ĠG† at {@link #X} (the reverse sweep's
 * tangent uncompute ψ̇_{k−1} = G†ψ̇_k + Xψ_k), Ġ† at {@link #G_DOT_ADJ}, ∂_a Ġ at {@link #DG_DOT} + 8a.
 * Enc and RZ have one part (their qubit's pairs). Ex(J) = α P_s + β P_a with P_s, P_a the projectors
 * on the symmetric and antisymmetric states of the pair, α = e^{−iJ}, β = e^{3iJ} (eigenvalues 1 and
 * −3 of XX+YY+ZZ), has two: diag(α, α) on the pairs (|00⟩, |11⟩) and [[α+β, α−β], [α−β, α+β]]/2 on
 * (|01⟩, |10⟩); every derivative has the same form with α, β replaced by their derivatives. The
 * structured kernels take these (α, β) pairs directly, as (αr, αi, βr, βi) from
 * {@link #EX_COEFFICIENTS}: G at {@link #EX_G}, G† at {@link #EX_G_ADJ}, Ġ at {@link #EX_G_DOT}, X at
 * {@link #EX_X}, Ġ† at {@link #EX_G_DOT_ADJ} (offsets within that block). A tensor gate's slot holds the
 * block of {@link TensorFormulas} instead (3×3 matrices on the triplet coordinates of its quadruples).
 */
final class GateMatrices {
    /** What a sweep needs: the gate only, also its first derivatives, or also directional second ones. */
    static final int VALUE = 0;
    static final int GRADIENT = 1;
    static final int HVP = 2;

    static final int G = 0;
    static final int G_ADJ = 8;
    static final int DG = 16;
    static final int G_DOT = 40;
    static final int X = 48;
    static final int G_DOT_ADJ = 56;
    static final int DG_DOT = 64;
    /** Doubles per part. */
    static final int PART = 88;
    static final int EX_COEFFICIENTS = 2 * PART;
    static final int EX_G = 0;
    static final int EX_G_ADJ = 4;
    static final int EX_G_DOT = 8;
    static final int EX_X = 12;
    static final int EX_G_DOT_ADJ = 16;
    /**
     * One-qubit gates (Enc, RZ), from {@link #GRADIENT} on: G†∂_aG = −(i/2) Σ_b c_ab σ_b (G ∈ SU(2), so
     * this is traceless anti-Hermitian), c_ab at PAULI + 3a + b (b = x, y, z), and for {@link #HVP} its
     * derivative along u, ċ_ab, at PAULI_DOT + 3a + b. Then ∂_a⟨O⟩ = Σ_b c_ab Im⟨λ|σ_b ψ⟩ with ψ, λ both
     * taken before the gate.
     */
    static final int PAULI = 2 * PART + 20;
    static final int PAULI_DOT = PAULI + 9;
    /**
     * The same for the states after the gate, written only by {@link #pauliAfter}: ∂_aG G† = −(i/2) Σ_b
     * c'_ab σ_b (traceless anti-Hermitian too), c'_ab at PAULI_AFTER + 3a + b, ċ'_ab at PAULI_AFTER_DOT +
     * 3a + b. Then ∂_a⟨O⟩ = Σ_b c'_ab Im⟨λ|σ_b ψ⟩ with ψ, λ both taken after the gate.
     */
    static final int PAULI_AFTER = PAULI + 18;
    static final int PAULI_AFTER_DOT = PAULI_AFTER + 9;
    /** Doubles per gate: the one- and two-qubit layouts above, or a tensor gate's block ({@link TensorFormulas}). */
    static final int SLOT = Math.max(PAULI_AFTER + 18, TensorFormulas.BLOCK);
    /** Scratch doubles {@link #prepare} needs. */
    static final int WORK = Math.max(18, TensorFormulas.WORK);

    private GateMatrices() {
    }

    /**
     * Computes the slot of a parametric gate at inputs z (and, for {@link #HVP}, direction u), both
     * read at their offsets plus the gate's input index. {@code work} holds at least {@link #WORK}
     * doubles.
     */
    static void prepare(Gate g, double[] z, int zOff, double[] u, int uOff, int level, double[] out, int off,
                        double[] work) {
        int i = g.input();
        boolean hvp = level == HVP;
        switch (g.kind()) {
            case ENC -> enc(z[zOff + i], z[zOff + i + 1], z[zOff + i + 2],
                    hvp ? u[uOff + i] : 0, hvp ? u[uOff + i + 1] : 0, hvp ? u[uOff + i + 2] : 0, level, out, off, work);
            case RZ -> rz(z[zOff + i], hvp ? u[uOff + i] : 0, level, out, off, work);
            case EX -> ex(z[zOff + i], hvp ? u[uOff + i] : 0, level, out, off, work);
            // the whole slot is the tensor block (its own layout: 3×3 matrices, no 2×2 parts)
            case TENSOR -> TensorFormulas.prepare(z, zOff + i, u, uOff + i, level, out, off, work);
            default -> throw new IllegalStateException("not a parametric gate: " + g.kind());
        }
        if (level != VALUE && g.kind().qubits == 1) {
            pauli(g.kind().inputs, level, out, off, work);
        }
    }

    private static void enc(double vx, double vy, double vz, double ux, double uy, double uz, int level,
                            double[] out, int off, double[] work) {
        // Enc = C I − i S (v·σ) with C, S functions of t = |v|²; ∂t/∂v_a = 2 v_a, C' = −S/4, C'' = −S'/4.
        GateFormulas.enc(vx, vy, vz, work, work, 10);
        double s = work[1];
        double s1 = work[2];
        double s2 = work[3];
        su2(work[10], work[11], work[12], work[13], out, off + G);
        if (level == VALUE) {
            finish(level, out, off, work);
            return;
        }
        work[4] = vx;
        work[5] = vy;
        work[6] = vz;
        work[7] = ux;
        work[8] = uy;
        work[9] = uz;
        for (int a = 0; a < 3; a++) {
            double va = work[4 + a];
            // ∂_a G = −(S/2) v_a I − i (2 S' v_a v + S e_a)·σ
            double k = 2 * s1 * va;
            su2(-0.5 * s * va, k * vx + (a == 0 ? s : 0), k * vy + (a == 1 ? s : 0), k * vz + (a == 2 ? s : 0),
                    out, off + DG + 8 * a);
        }
        if (level == HVP) {
            double uv = ux * vx + uy * vy + uz * vz;
            // Ġ = −(S/2)(u·v) I − i (2 S' (u·v) v + S u)·σ
            su2(-0.5 * s * uv, 2 * s1 * uv * vx + s * ux, 2 * s1 * uv * vy + s * uy, 2 * s1 * uv * vz + s * uz,
                    out, off + G_DOT);
            for (int a = 0; a < 3; a++) {
                double va = work[4 + a];
                double ua = work[7 + a];
                // ∂_a Ġ = (−S' v_a (u·v) − (S/2) u_a) I − i (4 S'' v_a (u·v) v + 2 S' (u_a v + v_a u + (u·v) e_a))·σ
                double k = 4 * s2 * va * uv;
                double bx = k * vx + 2 * s1 * (ua * vx + va * ux + (a == 0 ? uv : 0));
                double by = k * vy + 2 * s1 * (ua * vy + va * uy + (a == 1 ? uv : 0));
                double bz = k * vz + 2 * s1 * (ua * vz + va * uz + (a == 2 ? uv : 0));
                su2(-s1 * va * uv - 0.5 * s * ua, bx, by, bz, out, off + DG_DOT + 8 * a);
            }
        }
        finish(level, out, off, work);
    }

    private static void rz(double phi, double u, int level, double[] out, int off, double[] work) {
        GateFormulas.rzPhase(phi, work, 10);
        double c = work[10];
        double s = -work[11];
        // RZ = cos(φ/2) I − i sin(φ/2) Z; ∂RZ = −(sin/2) I − i (cos/2) Z; ∂²RZ = −RZ/4.
        su2(c, 0, 0, s, out, off + G);
        if (level != VALUE) {
            su2(-0.5 * s, 0, 0, 0.5 * c, out, off + DG);
        }
        if (level == HVP) {
            su2(-0.5 * s * u, 0, 0, 0.5 * c * u, out, off + G_DOT);
            su2(-0.25 * c * u, 0, 0, -0.25 * s * u, out, off + DG_DOT);
        }
        finish(level, out, off, work);
    }

    private static void ex(double j, double u, int level, double[] out, int off, double[] work) {
        int e = off + EX_COEFFICIENTS;
        GateFormulas.exPhasesByTripleAngle(j, out, e);
        double ar = out[e];
        double ai = out[e + 1];
        double br = out[e + 2];
        double bi = out[e + 3];
        // G† = conj(α) P_s + conj(β) P_a
        setPair(out, e + EX_G_ADJ, ar, -ai, br, -bi);
        if (level == HVP) {
            // Ġ = u (∂α P_s + ∂β P_a) with ∂α = −iα, ∂β = 3iβ, and Ġ† its conjugate; X = −G†ĠG† =
            // −conj(α)² α̇ P_s − conj(β)² β̇ P_a = iu conj(α) P_s − 3iu conj(β) P_a (|α| = |β| = 1), which is Ġ†.
            setPair(out, e + EX_G_DOT, u * ai, -u * ar, -3 * u * bi, 3 * u * br);
            setPair(out, e + EX_X, u * ai, u * ar, -3 * u * bi, -3 * u * br);
            setPair(out, e + EX_G_DOT_ADJ, u * ai, u * ar, -3 * u * bi, -3 * u * br);
        }
        for (int part = 0; part < 2; part++) {
            boolean corners = part == 0;
            int p = off + part * PART;
            exPair(corners, ar, ai, br, bi, out, p + G);
            if (level != VALUE) {
                // ∂α = −iα, ∂β = 3iβ
                exPair(corners, ai, -ar, -3 * bi, 3 * br, out, p + DG);
            }
            if (level == HVP) {
                exPair(corners, u * ai, -u * ar, -3 * u * bi, 3 * u * br, out, p + G_DOT);
                // ∂²α = −α, ∂²β = −9β
                exPair(corners, -u * ar, -u * ai, -9 * u * br, -9 * u * bi, out, p + DG_DOT);
            }
            finish(level, out, p, work);
        }
    }

    private static void setPair(double[] out, int off, double ar, double ai, double br, double bi) {
        out[off] = ar;
        out[off + 1] = ai;
        out[off + 2] = br;
        out[off + 3] = bi;
    }

    /** The 2×2 matrix of α P_s + β P_a on the pairs (|00⟩, |11⟩) (corners) or (|01⟩, |10⟩). */
    private static void exPair(boolean corners, double ar, double ai, double br, double bi, double[] out, int off) {
        if (corners) {
            out[off] = ar;
            out[off + 1] = ai;
            out[off + 2] = 0;
            out[off + 3] = 0;
            out[off + 4] = 0;
            out[off + 5] = 0;
            out[off + 6] = ar;
            out[off + 7] = ai;
        } else {
            double pr = 0.5 * (ar + br);
            double pi = 0.5 * (ai + bi);
            double qr = 0.5 * (ar - br);
            double qi = 0.5 * (ai - bi);
            out[off] = pr;
            out[off + 1] = pi;
            out[off + 2] = qr;
            out[off + 3] = qi;
            out[off + 4] = qr;
            out[off + 5] = qi;
            out[off + 6] = pr;
            out[off + 7] = pi;
        }
    }

    /** Fills the derived matrices of a part: G†, and for HVP X = −G†ĠG† and Ġ†. */
    private static void finish(int level, double[] out, int p, double[] work) {
        adjoint(out, p + G, out, p + G_ADJ);
        if (level == HVP) {
            mul(out, p + G_ADJ, out, p + G_DOT, work, 10);
            mul(work, 10, out, p + G_ADJ, out, p + X);
            for (int e = 0; e < 8; e++) {
                out[p + X + e] = -out[p + X + e];
            }
            adjoint(out, p + G_DOT, out, p + G_DOT_ADJ);
        }
    }

    /** The Pauli coefficients c (and ċ) of a one-qubit gate's part, from its matrices (see {@link #PAULI}). */
    private static void pauli(int inputs, int level, double[] out, int off, double[] work) {
        for (int a = 0; a < inputs; a++) {
            mul(out, off + G_ADJ, out, off + DG + 8 * a, work, 0);
            pauliCoefficients(work, 0, out, off + PAULI + 3 * a);
            if (level == HVP) {
                // d/du (G†∂_aG) = Ġ†∂_aG + G†∂_aĠ
                mul(out, off + G_DOT_ADJ, out, off + DG + 8 * a, work, 0);
                mul(out, off + G_ADJ, out, off + DG_DOT + 8 * a, work, 10);
                for (int e = 0; e < 8; e++) {
                    work[e] += work[10 + e];
                }
                pauliCoefficients(work, 0, out, off + PAULI_DOT + 3 * a);
            }
        }
    }

    /**
     * The after-gate Pauli coefficients c' (and for {@link #HVP} ċ') of a one-qubit gate whose slot
     * {@link #prepare} has filled at level {@link #GRADIENT} or above (see {@link #PAULI_AFTER}).
     */
    static void pauliAfter(Gate g, int level, double[] out, int off, double[] work) {
        for (int a = 0; a < g.kind().inputs; a++) {
            mul(out, off + DG + 8 * a, out, off + G_ADJ, work, 0);
            pauliCoefficients(work, 0, out, off + PAULI_AFTER + 3 * a);
            if (level == HVP) {
                // d/du (∂_aG G†) = ∂_aĠ G† + ∂_aG Ġ†
                mul(out, off + DG_DOT + 8 * a, out, off + G_ADJ, work, 0);
                mul(out, off + DG + 8 * a, out, off + G_DOT_ADJ, work, 10);
                for (int e = 0; e < 8; e++) {
                    work[e] += work[10 + e];
                }
                pauliCoefficients(work, 0, out, off + PAULI_AFTER_DOT + 3 * a);
            }
        }
    }

    /** (c_x, c_y, c_z) of T = −(i/2)(c·σ) = −(i/2) [[c_z, c_x − i c_y], [c_x + i c_y, −c_z]]. */
    private static void pauliCoefficients(double[] t, int to, double[] out, int oo) {
        out[oo] = -2 * t[to + 3];
        out[oo + 1] = -2 * t[to + 2];
        out[oo + 2] = -2 * t[to + 1];
    }

    /** a·I − i (b·σ) for real a, b. */
    static void su2(double a, double bx, double by, double bz, double[] out, int off) {
        out[off] = a;
        out[off + 1] = -bz;
        out[off + 2] = -by;
        out[off + 3] = -bx;
        out[off + 4] = by;
        out[off + 5] = -bx;
        out[off + 6] = a;
        out[off + 7] = bz;
    }

    /** out = a·b for 2×2 complex matrices; out must not overlap a or b. */
    static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < 2; k++) {
                    double xr = a[ao + 4 * r + 2 * k];
                    double xi = a[ao + 4 * r + 2 * k + 1];
                    double yr = b[bo + 4 * k + 2 * c];
                    double yi = b[bo + 4 * k + 2 * c + 1];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                out[oo + 4 * r + 2 * c] = sr;
                out[oo + 4 * r + 2 * c + 1] = si;
            }
        }
    }

    /** out = a† for a 2×2 complex matrix; out must not overlap a. */
    static void adjoint(double[] a, int ao, double[] out, int oo) {
        out[oo] = a[ao];
        out[oo + 1] = -a[ao + 1];
        out[oo + 2] = a[ao + 4];
        out[oo + 3] = -a[ao + 5];
        out[oo + 4] = a[ao + 2];
        out[oo + 5] = -a[ao + 3];
        out[oo + 6] = a[ao + 6];
        out[oo + 7] = -a[ao + 7];
    }
}
