package org.qmlff.sim.kernel;

/**
 * Gate kernels on split (re, im) state vectors, updated in place.
 *
 * <p>Most kernels act on <em>amplitude pairs</em> with a 2×2 complex matrix. Work item t stands for
 * the base index {@code insertZero(insertZero(t, lo), hi)} and the pair (base + o0, base + o1):
 * <ul>
 *   <li>a one-qubit gate on bit b: lo = b, hi = {@link #NO_BIT}, o0 = 0, o1 = 2^b;</li>
 *   <li>Ex on bits lo &lt; hi splits into the pair (|00⟩, |11⟩), o0 = 0, o1 = 2^lo + 2^hi, where it is
 *       diag(α, α), and the pair (|01⟩, |10⟩), o0 = 2^lo, o1 = 2^hi, where it is
 *       [[α+β, α−β], [α−β, α+β]]/2 (see {@code org.qmlff.sim.GateMatrices}).</li>
 * </ul>
 * Consecutive items map to consecutive indices in runs of 2^lo. A call covers items [from, to),
 * multiples of the caller's chunk size (a power of two) or the whole range, so that gates can be split
 * over threads. Reductions write per-call results into {@code out[oo ..]} and may use
 * {@code out[sc .. sc + scratch())} as scratch; the caller adds the results of all calls up in a
 * fixed order.
 *
 * <p>Bits are positions in the basis index (qubit q of n is bit n−1−q). 2×2 matrices are row-major
 * with interleaved (re, im) entries at {@code m[offset ..]}.
 *
 * <p>A reduction M(x, y) is the 2×2 matrix M_ij = Σ_pairs conj(x_i) y_j (i, j index the pair's two
 * amplitudes), so that ⟨x|A y⟩ restricted to these pairs is Σ_ij A_ij M_ij.
 */
public interface Kernels {
    /** The {@code hi} of a one-qubit layout: inserting a zero at bit 31 leaves any index below 2^31 as it is. */
    int NO_BIT = 31;

    /** x ← G x for G at m[mo..]. */
    void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from, int to);

    /** d ← G d + H x, then x ← G x, for G at m[go..] and H at m[ho..] (the tangent of x ← G x). */
    void applyTangent(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                      double[] m, int go, int ho, int from, int to);

    /** x ← G x, then out[oo..oo+8) = M(l, x) (the new x, the old l), then l ← G l; G at m[mo..]. */
    void reverse(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                 double[] m, int mo, double[] out, int oo, int sc, int from, int to);

    /** out[oo..oo+8) = M(l, x) and out[oo+8..oo+16) = M(e, x) + M(l, d); reads only. */
    void reduce2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                 double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo, int sc,
                 int from, int to);

    /** x ← diag(G00, G11) x on bit {@code bit} (items are pairs), for the diagonal of the matrix at m[mo..]. */
    void applyDiag(double[] re, double[] im, int bit, double[] m, int mo, int from, int to);

    /** x ← G x for the 4×4 matrix at m[mo..] in the local basis |pq⟩ (p on {@code bitP}); items are quadruples. */
    void apply2(double[] re, double[] im, int bitP, int bitQ, double[] m, int mo, int from, int to);

    /**
     * x ← Ex x on bits lo &lt; hi, using its structure α P_s + β P_a (P_s, P_a the projectors on the
     * symmetric and antisymmetric states of the pair), (αr, αi, βr, βi) at c[co..]; items are quadruples.
     */
    void applyEx(double[] re, double[] im, int lo, int hi, double[] c, int co, int from, int to);

    /**
     * Whether the structured Ex kernels below are the fast way for an Ex whose lower bit is {@code lo};
     * where they are not, the caller treats the gate as its two pair families with the 2×2 kernels.
     */
    boolean structuredEx(int lo);

    /**
     * d ← E d + F x, then x ← E x, on bits lo &lt; hi, for E = α P_s + β P_a at c[eo..] and F likewise at
     * c[fo..] (each as (αr, αi, βr, βi)); items are quadruples.
     */
    void applyTangentEx(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] c, int eo,
                        int fo, int from, int to);

    /**
     * out[oo] = Im Σ conj(l₀₁ − l₁₀)(x₀₁ − x₁₀) = 2 Im⟨l|P_a x⟩ over these quadruples (taken before the
     * update; the same after it, as P_a commutes with E), then x ← E x and l ← E l for E at c[eo..] as in
     * {@link #applyTangentEx}.
     */
    void reverseEx(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c, int eo,
                   double[] out, int oo, int sc, int from, int to);

    /**
     * out[oo] = 2 Im⟨l|P_a x⟩ and out[oo+1] = 2 Im(⟨e|P_a x⟩ + ⟨l|P_a d⟩) over these quadruples (as in
     * {@link #reverseEx}); reads only.
     */
    void reduceEx2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim, double[] ere,
                   double[] eim, int lo, int hi, double[] out, int oo, int sc, int from, int to);

    /**
     * Whether {@link #reverseSu2} is the fast way for a one-qubit gate on bit {@code lo}; where it is not,
     * the caller uses {@link #reverse} and contracts the 2×2 reduction.
     */
    boolean pauliReductions(int lo);

    /**
     * x ← G x and l ← G l for the one-qubit gate G at m[mo..] on bit {@code lo}, then out[oo + b] =
     * Im⟨l|σ_b x⟩ over these pairs for b = x, y, z (σ_b on the gate's qubit; the new x and the new l).
     */
    void reverseSu2(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] m, int mo, double[] out,
                    int oo, int sc, int from, int to);

    /**
     * For a one-qubit layout on bit {@code lo}: out[oo + b] = Im⟨l|σ_b x⟩ over these pairs, b = x, y, z;
     * reads only.
     */
    void reducePauli(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo, int sc,
                     int from, int to);

    /**
     * For a one-qubit layout on bit {@code lo}: out[oo + b] = Im⟨l|σ_b x⟩ and out[oo + 3 + b] =
     * Im(⟨e|σ_b x⟩ + ⟨l|σ_b d⟩) over these pairs, b = x, y, z; reads only.
     */
    void reducePauli2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim, double[] ere,
                      double[] eim, int lo, double[] out, int oo, int sc, int from, int to);

    /**
     * x ← G x on bits lo &lt; hi for a gate G = P_s ⊕ K that keeps the singlet S = x01 − x10 and acts on the
     * triplet coordinates (A, B, C) = (x11 − x00, x00 + x11, x01 + x10) with the complex 3×3 matrix K at
     * m[mo..] (row-major, interleaved); x00 = (B − A)/2, x11 = (A + B)/2, x01 = (C + S)/2, x10 = (C − S)/2
     * (the tensor gate, see {@code org.qmlff.sim.TensorFormulas}); items are quadruples.
     */
    void applyTriplet(double[] re, double[] im, int lo, int hi, double[] m, int mo, int from, int to);

    /**
     * d ← G d + F x, then x ← G x, for G = P_s ⊕ K at m[go..] and F = 0 ⊕ K_F at m[fo..] (F has no singlet
     * part), as in {@link #applyTriplet}.
     */
    void applyTangentTriplet(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] m,
                             int go, int fo, int from, int to);

    /**
     * x ← G x (as in {@link #applyTriplet}, K at m[mo..]), then out[oo..oo+18) = N(l, x) (the new x, the old l),
     * then l ← G l. N is the 3×3 complex matrix N_ij = Σ conj(L_i) X_j over these quadruples of the triplet
     * coordinates L of l and X of x, row-major and interleaved.
     */
    void reverseTriplet(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] m, int mo,
                        double[] out, int oo, int sc, int from, int to);

    /** out[oo..oo+18) = N(l, x) and out[oo+18..oo+36) = N(e, x) + N(l, d) (see {@link #reverseTriplet}); reads only. */
    void reduceTriplet2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                        double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from, int to);

    /** Doubles of scratch a reduction kernel needs (at {@code out[sc ..]}). */
    int scratch();

    /** A short name for logs and tests. */
    String name();

    /** Index of work item t's first amplitude: t with a zero bit inserted at position {@code bit}. */
    static int insertZero(int t, int bit) {
        int low = t & ((1 << bit) - 1);
        return ((t ^ low) << 1) | low;
    }
}
