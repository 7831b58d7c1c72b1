package org.qmlff.sim.kernel;

import static org.qmlff.sim.kernel.Kernels.insertZero;

import static jdk.incubator.vector.DoubleVector.broadcast;
import static jdk.incubator.vector.DoubleVector.fromArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels for pair layouts whose low stride 2^lo is below the vector length L, where the two
 * amplitudes of a pair share a vector or sit in two vectors up to an in-vector permutation: lane i
 * pairs with lane i ⊕ p. A 2×2 gate is then x' = A ⊙ x + B ⊙ perm(x) with lane-dependent
 * coefficients A, B (the matrix's diagonal and off-diagonal entry for the lane's role in its pair, or
 * 1 and 0 for lanes the pair family does not touch, e.g. the other part of Ex).
 * <ul>
 *   <li>one vector: both bits below log2 L (one-qubit gates, Ex with both bits low); a chunk's items
 *       cover a contiguous range of amplitudes; p = 2^lo (+ 2^hi);</li>
 *   <li>two vectors: lo below, hi at or above log2 L; V0 (hi bit 0) at a, V1 at a + 2^hi; p = 2^lo, and
 *       lane i of V0 pairs with lane i ⊕ p of V1.</li>
 * </ul>
 * Reductions accumulate conj(l) ⊙ x and conj(l) ⊙ perm(x) lane by lane and split the lanes by role at
 * the end, in lane order. Lane roles come from a table built once (for L ≤ {@value #MAX_LANES}).
 *
 * <p>Ex on a low bit lo takes one pass for both its pair families: with p = 2^lo + 2^hi (one vector) or
 * 2^lo (two vectors), every lane's partner is its partner in the quadruple (|00⟩ ↔ |11⟩, |01⟩ ↔ |10⟩),
 * and the structured Ex operations of {@link Kernels} run on that.
 *
 * <p>Shaped for C2 like {@link VectorKernels}; in addition every loop is kept small (C2 stops inlining
 * the Vector API calls of a method past a node budget, and then boxes every vector): the fused
 * operations are sequences of the primitive loops below (except the reverse step of Ex, one loop
 * that stays within the budget). All layouts here have bits inside a chunk, so the extra passes stay
 * in cache.
 */
final class ShuffleKernels {
    static final int MAX_LANES = 8;

    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SP.length();
    private static final int LOG_L = Integer.numberOfTrailingZeros(L);

    /** shuffles[p]: lane i ← lane i ⊕ p. */
    private final VectorShuffle<Double>[] shuffles;
    /**
     * roles[key(mask, r0, r1)] = {ind0 (L), ind1 (L), untouched (L)} as 0/1: lane i has role 0 if
     * (i ∧ mask) = r0, role 1 if (i ∧ mask) = r1 (r = L: no lane), otherwise none.
     */
    private final double[][] roles;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ShuffleKernels() {
        if (L > MAX_LANES) {
            throw new IllegalStateException(L + " lanes are more than the role tables cover");
        }
        shuffles = new VectorShuffle[L];
        for (int p = 1; p < L; p++) {
            final int flip = p;
            shuffles[p] = VectorShuffle.fromOp(SP, i -> i ^ flip);
        }
        roles = new double[L * (L + 1) * (L + 1)][];
        for (int mask = 0; mask < L; mask++) {
            for (int r0 = 0; r0 <= L; r0++) {
                for (int r1 = 0; r1 <= L; r1++) {
                    double[] t = new double[3 * L];
                    for (int i = 0; i < L; i++) {
                        int off = i & mask;
                        t[i] = off == r0 ? 1 : 0;
                        t[L + i] = off == r1 && r1 != r0 ? 1 : 0;
                        t[2 * L + i] = 1 - t[i] - t[L + i];
                    }
                    roles[(mask * (L + 1) + r0) * (L + 1) + r1] = t;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // The operations of Kernels, as sequences of primitive loops

    /** x ← G x (G at m[mo..]). */
    void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from, int to) {
        final double g00r = m[mo], g00i = m[mo + 1], g01r = m[mo + 2], g01i = m[mo + 3];
        final double g10r = m[mo + 4], g10i = m[mo + 5], g11r = m[mo + 6], g11i = m[mo + 7];
        if (twoVectors(hi)) {
            applyTwo(re, im, lo, hi, o0, o1, g00r, g00i, g01r, g01i, g10r, g10i, g11r, g11i, from, to);
        } else {
            applyOne(re, im, lo, hi, o0, o1, g00r, g00i, g01r, g01i, g10r, g10i, g11r, g11i, from, to);
        }
    }

    /** d ← G d + H x, then x ← G x. */
    void applyTangent(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                      double[] m, int go, int ho, int from, int to) {
        if (twoVectors(hi)) {
            apply(dre, dim, lo, hi, o0, o1, m, go, from, to);
            addTwo(re, im, dre, dim, lo, hi, o0, o1, m, ho, from, to);
        } else {
            applyAddOne(re, im, dre, dim, lo, hi, o0, o1, m, go, ho, from, to);
        }
        apply(re, im, lo, hi, o0, o1, m, go, from, to);
    }

    /** x ← G x, out[oo..oo+8) = M(l, x), l ← G l. */
    void reverse(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                 double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        apply(re, im, lo, hi, o0, o1, m, mo, from, to);
        reduce(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        apply(lre, lim, lo, hi, o0, o1, m, mo, from, to);
    }

    /** out[oo..oo+8) = M(l, x), out[oo+8..oo+16) = M(e, x) + M(l, d). */
    void reduce2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim, double[] ere,
                 double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo, int sc, int from, int to) {
        reduce(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        reduce(re, im, ere, eim, lo, hi, o0, o1, out, oo + 8, sc, from, to);
        // M(l, d) goes to the end of the scratch (the lane sums use at most its first 8 L doubles)
        int tmp = sc + 12 * L;
        reduce(dre, dim, lre, lim, lo, hi, o0, o1, out, tmp, sc, from, to);
        for (int j = 0; j < 8; j++) {
            out[oo + 8 + j] += out[tmp + j];
        }
    }

    /** out[oo..oo+8) = M(l, x). */
    private void reduce(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                        double[] out, int oo, int sc, int from, int to) {
        if (twoVectors(hi)) {
            reduceTwo(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        } else {
            reduceOne(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        }
    }

    // ------------------------------------------------------------------------------------------
    // The structured Ex operations (see Kernels), on bits lo < hi with 2^lo < L
    //
    // Ex = α P_s + β P_a is diag(α, α) on (|00⟩, |11⟩) and [[p, q], [q, p]] on (|01⟩, |10⟩), p = (α+β)/2,
    // q = (α−β)/2. In both layouts a lane's partner under perm is its partner in the quadruple for both
    // pair families (one vector: i ⊕ (2^lo + 2^hi); two vectors: i ⊕ 2^lo of the other vector), so the
    // whole gate is one pass x' = A x + B perm(x), (A, B) = (α, 0) on the corner lanes and (p, q) on the
    // middle ones. Ex has loops of its own (exOne, exTwo, ...): the generic loops' role-by-role
    // coefficients for three lane roles took C2 past its node budget in the tangent loops (boxed
    // vectors, 5–10× slower). The singlet reductions pair x₀₁ − x₁₀ in the |01⟩ lanes. reverseEx is one
    // loop (reduction and both updates; about 20 % faster than three loops in the one-vector layout, on
    // a par in the two-vector one); applyTangentEx stays two or three loops (one loop measured no faster).

    /** x ← E x for E at c[co..] (αr, αi, βr, βi). */
    void applyEx(double[] re, double[] im, int lo, int hi, double[] c, int co, int from, int to) {
        if (twoVectors(hi)) {
            exTwo(re, im, lo, hi, c[co], c[co + 1], c[co + 2], c[co + 3], from, to);
        } else {
            exOne(re, im, lo, hi, c[co], c[co + 1], c[co + 2], c[co + 3], from, to);
        }
    }

    /** d ← E d + F x, then x ← E x, for E at c[eo..] and F at c[fo..]. */
    void applyTangentEx(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] c, int eo,
                        int fo, int from, int to) {
        if (twoVectors(hi)) {
            exTwo(dre, dim, lo, hi, c[eo], c[eo + 1], c[eo + 2], c[eo + 3], from, to);
            exAddTwo(re, im, dre, dim, lo, hi, c[fo], c[fo + 1], c[fo + 2], c[fo + 3], from, to);
        } else {
            exAddOne(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
        }
        applyEx(re, im, lo, hi, c, eo, from, to);
    }

    /**
     * out[oo] = 2 Im⟨l|P_a x⟩ (before the update), then x ← E x and l ← E l for E at c[eo..]: the reduction
     * and the two updates in three loops. One fused loop exceeded C2's node budget now and then on JDK 17
     * (NodeCountInliningCutoff in the middle of its Vector API calls), and that JVM ran it with boxed vectors
     * (docs/PERFORMANCE.md); the split computes the same values with the same operations.
     */
    void reverseEx(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c, int eo,
                   double[] out, int oo, int sc, int from, int to) {
        if (twoVectors(hi)) {
            singletTwo(re, im, lre, lim, lo, hi, out, oo, sc, from, to);
            exTwo(re, im, lo, hi, c[eo], c[eo + 1], c[eo + 2], c[eo + 3], from, to);
            exTwo(lre, lim, lo, hi, c[eo], c[eo + 1], c[eo + 2], c[eo + 3], from, to);
        } else {
            singletOne(re, im, lre, lim, lo, hi, out, oo, sc, from, to);
            exOne(re, im, lo, hi, c[eo], c[eo + 1], c[eo + 2], c[eo + 3], from, to);
            exOne(lre, lim, lo, hi, c[eo], c[eo + 1], c[eo + 2], c[eo + 3], from, to);
        }
    }

    /** out[oo] = 2 Im⟨l|P_a x⟩, out[oo+1] = 2 Im(⟨e|P_a x⟩ + ⟨l|P_a d⟩). */
    void reduceEx2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim, double[] ere,
                   double[] eim, int lo, int hi, double[] out, int oo, int sc, int from, int to) {
        if (twoVectors(hi)) {
            singlet2Two(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
        } else {
            singlet2One(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Layout helpers

    private static boolean twoVectors(int hi) {
        return hi != Kernels.NO_BIT && hi >= LOG_L;
    }

    private double[] roleTable(int mask, int r0, int r1) {
        int a = r0 >= 0 && r0 < L ? r0 : L;
        int b = r1 >= 0 && r1 < L ? r1 : L;
        return roles[(mask * (L + 1) + a) * (L + 1) + b];
    }

    /** One-vector layouts: the lane mask of the pair's bits. */
    private static int laneMask(int lo, int hi) {
        return (1 << lo) | (hi == Kernels.NO_BIT ? 0 : 1 << hi);
    }

    /** One-vector layouts: the first amplitude of the items from {@code from} on. */
    private static int firstAmplitude(int lo, int hi, int from) {
        return insertZero(insertZero(from, lo), hi);
    }

    /** One-vector layouts: the number of amplitudes of the items [from, to). */
    private static int amplitudes(int hi, int from, int to) {
        return (to - from) << (hi == Kernels.NO_BIT ? 1 : 2);
    }

    // ------------------------------------------------------------------------------------------
    // Primitive loops, one vector

    /** x ← A x + B perm(x). */
    private void applyOne(double[] re, double[] im, int lo, int hi, int o0, int o1, double g00r, double g00i,
                          double g01r, double g01i, double g10r, double g10i, double g11r, double g11i,
                          int from, int to) {
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final DoubleVector i0 = fromArray(SP, t, 0), i1 = fromArray(SP, t, L), in = fromArray(SP, t, 2 * L);
        final DoubleVector ar = i0.mul(g00r).add(i1.mul(g11r)).add(in), ai = i0.mul(g00i).add(i1.mul(g11i));
        final DoubleVector br = i0.mul(g01r).add(i1.mul(g10r)), bi = i0.mul(g01i).add(i1.mul(g10i));
        final DoubleVector nai = ai.neg(), nbi = bi.neg();
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a);
            final DoubleVector pr = xr.rearrange(perm), pi = xi.rearrange(perm);
            xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).intoArray(re, a);
            xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).intoArray(im, a);
        }
    }

    /** d ← A d + B perm(d) + C x + D perm(x), where (A, B) come from G and (C, D) from H (0 off the pairs). */
    private void applyAddOne(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                             double[] m, int go, int ho, int from, int to) {
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final DoubleVector i0 = fromArray(SP, t, 0), i1 = fromArray(SP, t, L), in = fromArray(SP, t, 2 * L);
        final DoubleVector ar = i0.mul(m[go]).add(i1.mul(m[go + 6])).add(in);
        final DoubleVector ai = i0.mul(m[go + 1]).add(i1.mul(m[go + 7]));
        final DoubleVector br = i0.mul(m[go + 2]).add(i1.mul(m[go + 4]));
        final DoubleVector bi = i0.mul(m[go + 3]).add(i1.mul(m[go + 5]));
        final DoubleVector cr = i0.mul(m[ho]).add(i1.mul(m[ho + 6])), ci = i0.mul(m[ho + 1]).add(i1.mul(m[ho + 7]));
        final DoubleVector er = i0.mul(m[ho + 2]).add(i1.mul(m[ho + 4])), ei = i0.mul(m[ho + 3]).add(i1.mul(m[ho + 5]));
        final DoubleVector nai = ai.neg(), nbi = bi.neg(), nci = ci.neg(), nei = ei.neg();
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a), dr = fromArray(SP, dre, a);
            final DoubleVector di = fromArray(SP, dim, a);
            final DoubleVector pr = xr.rearrange(perm), pi = xi.rearrange(perm);
            final DoubleVector qr = dr.rearrange(perm), qi = di.rearrange(perm);
            dr.fma(ar, di.fma(nai, qr.fma(br, qi.fma(nbi,
                    xr.fma(cr, xi.fma(nci, pr.fma(er, pi.mul(nei)))))))).intoArray(dre, a);
            di.fma(ar, dr.fma(ai, qi.fma(br, qr.fma(bi,
                    xi.fma(cr, xr.fma(ci, pi.fma(er, pr.mul(ei)))))))).intoArray(dim, a);
        }
    }

    /** out[oo..oo+8) = M(l, x) from P = Σ conj(l) ⊙ x, Q = Σ conj(l) ⊙ perm(x). */
    private void reduceOne(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                           double[] out, int oo, int sc, int from, int to) {
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        DoubleVector pr = broadcast(SP, 0.0), pi = broadcast(SP, 0.0), qr = broadcast(SP, 0.0), qi = broadcast(SP, 0.0);
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a), lr = fromArray(SP, lre, a);
            final DoubleVector li = fromArray(SP, lim, a);
            final DoubleVector zr = xr.rearrange(perm), zi = xi.rearrange(perm), nli = li.neg();
            pr = lr.fma(xr, li.fma(xi, pr));
            pi = lr.fma(xi, nli.fma(xr, pi));
            qr = lr.fma(zr, li.fma(zi, qr));
            qi = lr.fma(zi, nli.fma(zr, qi));
        }
        pr.intoArray(out, sc);
        pi.intoArray(out, sc + L);
        qr.intoArray(out, sc + 2 * L);
        qi.intoArray(out, sc + 3 * L);
        // M00 = P, M01 = Q over role-0 lanes; M10 = Q, M11 = P over role-1 lanes
        splitByRole(out, oo, sc, sc + 2 * L, t, 0);
        splitByRole(out, oo + 4, sc + 2 * L, sc, t, L);
    }

    /**
     * x ← A x + B perm(x) for Ex (α, β given): (A, B) = (α, 0) on the corner lanes (|00⟩, |11⟩), (p, q)
     * on the middle ones. The coefficients are built as k (α − p) + p and m q from the corner and
     * middle indicators k, m: fewer Vector API calls than the role-by-role sums of {@link #applyOne}.
     */
    private void exOne(double[] re, double[] im, int lo, int hi, double ar, double ai, double br, double bi,
                       int from, int to) {
        final int mask = laneMask(lo, hi);
        final double[] t = roleTable(mask, 1 << lo, mask - (1 << lo));
        final DoubleVector mid = fromArray(SP, t, 0).add(fromArray(SP, t, L)), k = fromArray(SP, t, 2 * L);
        final double pr = 0.5 * (ar + br), pi = 0.5 * (ai + bi);
        final DoubleVector cr = k.fma(broadcast(SP, ar - pr), broadcast(SP, pr));
        final DoubleVector ci = k.fma(broadcast(SP, ai - pi), broadcast(SP, pi)), nci = ci.neg();
        final DoubleVector qr = mid.mul(0.5 * (ar - br)), qi = mid.mul(0.5 * (ai - bi)), nqi = qi.neg();
        final VectorShuffle<Double> perm = shuffles[mask];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a);
            final DoubleVector pr2 = xr.rearrange(perm), pi2 = xi.rearrange(perm);
            xr.fma(cr, xi.fma(nci, pr2.fma(qr, pi2.mul(nqi)))).intoArray(re, a);
            xi.fma(cr, xr.fma(ci, pi2.fma(qr, pr2.mul(qi)))).intoArray(im, a);
        }
    }

    /** d ← E d + F x for Ex-shaped E at c[eo..], F at c[fo..] (coefficients as in {@link #exOne}). */
    private void exAddOne(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] c, int eo,
                          int fo, int from, int to) {
        final int mask = laneMask(lo, hi);
        final double[] t = roleTable(mask, 1 << lo, mask - (1 << lo));
        final DoubleVector mid = fromArray(SP, t, 0).add(fromArray(SP, t, L)), k = fromArray(SP, t, 2 * L);
        final double pr = 0.5 * (c[eo] + c[eo + 2]), pi = 0.5 * (c[eo + 1] + c[eo + 3]);
        final double ur = 0.5 * (c[fo] + c[fo + 2]), ui = 0.5 * (c[fo + 1] + c[fo + 3]);
        final DoubleVector ar = k.fma(broadcast(SP, c[eo] - pr), broadcast(SP, pr));
        final DoubleVector ai = k.fma(broadcast(SP, c[eo + 1] - pi), broadcast(SP, pi));
        final DoubleVector br = mid.mul(0.5 * (c[eo] - c[eo + 2])), bi = mid.mul(0.5 * (c[eo + 1] - c[eo + 3]));
        final DoubleVector cr = k.fma(broadcast(SP, c[fo] - ur), broadcast(SP, ur));
        final DoubleVector ci = k.fma(broadcast(SP, c[fo + 1] - ui), broadcast(SP, ui));
        final DoubleVector er = mid.mul(0.5 * (c[fo] - c[fo + 2])), ei = mid.mul(0.5 * (c[fo + 1] - c[fo + 3]));
        final DoubleVector nai = ai.neg(), nbi = bi.neg(), nci = ci.neg(), nei = ei.neg();
        final VectorShuffle<Double> perm = shuffles[mask];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a), dr = fromArray(SP, dre, a);
            final DoubleVector di = fromArray(SP, dim, a);
            final DoubleVector pr2 = xr.rearrange(perm), pi2 = xi.rearrange(perm);
            final DoubleVector qr = dr.rearrange(perm), qi = di.rearrange(perm);
            dr.fma(ar, di.fma(nai, qr.fma(br, qi.fma(nbi,
                    xr.fma(cr, xi.fma(nci, pr2.fma(er, pi2.mul(nei)))))))).intoArray(dre, a);
            di.fma(ar, dr.fma(ai, qi.fma(br, qr.fma(bi,
                    xi.fma(cr, xr.fma(ci, pi2.fma(er, pr2.mul(ei)))))))).intoArray(dim, a);
        }
    }

    /**
     * out[oo] = Σ Im(conj(l − perm(l)) ⊙ (x − perm(x))) over the |01⟩ lanes (each the quadruple's
     * Im conj(l₀₁ − l₁₀)(x₀₁ − x₁₀)); reads only.
     */
    private void singletOne(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] out,
                            int oo, int sc, int from, int to) {
        final int mask = laneMask(lo, hi);
        final VectorShuffle<Double> perm = shuffles[mask];
        DoubleVector s = broadcast(SP, 0.0);
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a), lr = fromArray(SP, lre, a);
            final DoubleVector li = fromArray(SP, lim, a);
            final DoubleVector yr = xr.rearrange(perm), yi = xi.rearrange(perm);
            final DoubleVector mr = lr.rearrange(perm), mi = li.rearrange(perm);
            s = lr.sub(mr).fma(xi.sub(yi), mi.sub(li).fma(xr.sub(yr), s));
        }
        s.intoArray(out, sc);
        out[oo] = sumRole(out, sc, roleTable(mask, 1 << lo, -1));
    }

    /** out[oo] = the singlet sum of {@link #singletOne}, out[oo+1] = that of (e, x) plus that of (l, d). */
    private void singlet2One(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                             double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                             int to) {
        final int mask = laneMask(lo, hi);
        final VectorShuffle<Double> perm = shuffles[mask];
        DoubleVector s = broadcast(SP, 0.0), u = broadcast(SP, 0.0);
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = fromArray(SP, re, a), xi = fromArray(SP, im, a), lr = fromArray(SP, lre, a);
            final DoubleVector li = fromArray(SP, lim, a);
            final DoubleVector dr = fromArray(SP, dre, a), di = fromArray(SP, dim, a), er = fromArray(SP, ere, a);
            final DoubleVector ei = fromArray(SP, eim, a);
            final DoubleVector yr = xr.sub(xr.rearrange(perm)), yi = xi.sub(xi.rearrange(perm));
            final DoubleVector zr = dr.sub(dr.rearrange(perm)), zi = di.sub(di.rearrange(perm));
            final DoubleVector mr = lr.sub(lr.rearrange(perm)), nmi = li.rearrange(perm).sub(li);
            final DoubleVector fr = er.sub(er.rearrange(perm)), nfi = ei.rearrange(perm).sub(ei);
            s = mr.fma(yi, nmi.fma(yr, s));
            u = fr.fma(yi, nfi.fma(yr, mr.fma(zi, nmi.fma(zr, u))));
        }
        s.intoArray(out, sc);
        u.intoArray(out, sc + L);
        final double[] t = roleTable(mask, 1 << lo, -1);
        out[oo] = sumRole(out, sc, t);
        out[oo + 1] = sumRole(out, sc + L, t);
    }

    // ------------------------------------------------------------------------------------------
    // Primitive loops, two vectors: V0 has the role-0 lanes (or none), V1 the role-1 lanes (or none)

    /** x0 ← A0 x0 + B0 perm(x1), x1 ← A1 x1 + B1 perm(x0). */
    private void applyTwo(double[] re, double[] im, int lo, int hi, int o0, int o1, double g00r, double g00i,
                          double g01r, double g01i, double g10r, double g10i, double g11r, double g11i,
                          int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final DoubleVector i0 = fromArray(SP, t0, 0), n0 = fromArray(SP, t0, 2 * L), i1 = fromArray(SP, t1, L);
        final DoubleVector n1 = fromArray(SP, t1, 2 * L);
        final DoubleVector a0r = i0.mul(g00r).add(n0), a0i = i0.mul(g00i), b0r = i0.mul(g01r), b0i = i0.mul(g01i);
        final DoubleVector a1r = i1.mul(g11r).add(n1), a1i = i1.mul(g11i), b1r = i1.mul(g10r), b1i = i1.mul(g10i);
        final DoubleVector na0i = a0i.neg(), nb0i = b0i.neg(), na1i = a1i.neg(), nb1i = b1i.neg();
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector p0r = x0r.rearrange(perm), p0i = x0i.rearrange(perm);
            final DoubleVector p1r = x1r.rearrange(perm), p1i = x1i.rearrange(perm);
            x0r.fma(a0r, x0i.fma(na0i, p1r.fma(b0r, p1i.mul(nb0i)))).intoArray(re, a);
            x0i.fma(a0r, x0r.fma(a0i, p1i.fma(b0r, p1r.mul(b0i)))).intoArray(im, a);
            x1r.fma(a1r, x1i.fma(na1i, p0r.fma(b1r, p0i.mul(nb1i)))).intoArray(re, b);
            x1i.fma(a1r, x1r.fma(a1i, p0i.fma(b1r, p0r.mul(b1i)))).intoArray(im, b);
        }
    }

    /** d0 += C0 x0 + D0 perm(x1), d1 += C1 x1 + D1 perm(x0), with (C, D) from H (0 off the pairs). */
    private void addTwo(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                        double[] m, int ho, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final DoubleVector i0 = fromArray(SP, t0, 0), i1 = fromArray(SP, t1, L);
        final DoubleVector c0r = i0.mul(m[ho]), c0i = i0.mul(m[ho + 1]);
        final DoubleVector e0r = i0.mul(m[ho + 2]), e0i = i0.mul(m[ho + 3]);
        final DoubleVector c1r = i1.mul(m[ho + 6]), c1i = i1.mul(m[ho + 7]);
        final DoubleVector e1r = i1.mul(m[ho + 4]), e1i = i1.mul(m[ho + 5]);
        final DoubleVector nc0i = c0i.neg(), ne0i = e0i.neg(), nc1i = c1i.neg(), ne1i = e1i.neg();
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector p0r = x0r.rearrange(perm), p0i = x0i.rearrange(perm);
            final DoubleVector p1r = x1r.rearrange(perm), p1i = x1i.rearrange(perm);
            final DoubleVector d0r = fromArray(SP, dre, a), d0i = fromArray(SP, dim, a), d1r = fromArray(SP, dre, b);
            final DoubleVector d1i = fromArray(SP, dim, b);
            x0r.fma(c0r, x0i.fma(nc0i, p1r.fma(e0r, p1i.fma(ne0i, d0r)))).intoArray(dre, a);
            x0i.fma(c0r, x0r.fma(c0i, p1i.fma(e0r, p1r.fma(e0i, d0i)))).intoArray(dim, a);
            x1r.fma(c1r, x1i.fma(nc1i, p0r.fma(e1r, p0i.fma(ne1i, d1r)))).intoArray(dre, b);
            x1i.fma(c1r, x1r.fma(c1i, p0i.fma(e1r, p0r.fma(e1i, d1i)))).intoArray(dim, b);
        }
    }

    /** out[oo..oo+8) = M(l, x): P0 = conj(l0) ⊙ x0, Q0 = conj(l0) ⊙ perm(x1), P1, Q1 likewise. */
    private void reduceTwo(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                           double[] out, int oo, int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final VectorShuffle<Double> perm = shuffles[sl];
        DoubleVector p0r = broadcast(SP, 0.0), p0i = broadcast(SP, 0.0), q0r = broadcast(SP, 0.0);
        DoubleVector q0i = broadcast(SP, 0.0);
        DoubleVector p1r = broadcast(SP, 0.0), p1i = broadcast(SP, 0.0), q1r = broadcast(SP, 0.0);
        DoubleVector q1i = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a), l1r = fromArray(SP, lre, b);
            final DoubleVector l1i = fromArray(SP, lim, b);
            final DoubleVector z0r = x0r.rearrange(perm), z0i = x0i.rearrange(perm);
            final DoubleVector z1r = x1r.rearrange(perm), z1i = x1i.rearrange(perm);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg();
            p0r = l0r.fma(x0r, l0i.fma(x0i, p0r));
            p0i = l0r.fma(x0i, nl0i.fma(x0r, p0i));
            q0r = l0r.fma(z1r, l0i.fma(z1i, q0r));
            q0i = l0r.fma(z1i, nl0i.fma(z1r, q0i));
            p1r = l1r.fma(x1r, l1i.fma(x1i, p1r));
            p1i = l1r.fma(x1i, nl1i.fma(x1r, p1i));
            q1r = l1r.fma(z0r, l1i.fma(z0i, q1r));
            q1i = l1r.fma(z0i, nl1i.fma(z0r, q1i));
        }
        p0r.intoArray(out, sc);
        p0i.intoArray(out, sc + L);
        q0r.intoArray(out, sc + 2 * L);
        q0i.intoArray(out, sc + 3 * L);
        q1r.intoArray(out, sc + 4 * L);
        q1i.intoArray(out, sc + 5 * L);
        p1r.intoArray(out, sc + 6 * L);
        p1i.intoArray(out, sc + 7 * L);
        splitTwo(out, oo, sc, sl, sh, o0, o1);
    }

    /**
     * x ← E x for Ex (α, β given): V0's corner lanes (|00⟩) are those with the lo bit clear (k0), its
     * middle ones (|01⟩) the others (k1); V1's the other way round; coefficients as in {@link #exOne}.
     */
    private void exTwo(double[] re, double[] im, int lo, int hi, double ar, double ai, double br, double bi,
                       int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t = roleTable(sl, 0, -1);
        final DoubleVector k0 = fromArray(SP, t, 0), k1 = fromArray(SP, t, 2 * L);
        final double pr = 0.5 * (ar + br), pi = 0.5 * (ai + bi), qr = 0.5 * (ar - br), qi = 0.5 * (ai - bi);
        final DoubleVector dr = broadcast(SP, ar - pr), di = broadcast(SP, ai - pi), ur = broadcast(SP, pr);
        final DoubleVector ui = broadcast(SP, pi);
        final DoubleVector a0r = k0.fma(dr, ur), a0i = k0.fma(di, ui), b0r = k1.mul(qr), b0i = k1.mul(qi);
        final DoubleVector a1r = k1.fma(dr, ur), a1i = k1.fma(di, ui), b1r = k0.mul(qr), b1i = k0.mul(qi);
        final DoubleVector na0i = a0i.neg(), nb0i = b0i.neg(), na1i = a1i.neg(), nb1i = b1i.neg();
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int i = from; i < to; i += L / 2) {
            final int a = insertZero(insertZero(i, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector p0r = x0r.rearrange(perm), p0i = x0i.rearrange(perm);
            final DoubleVector p1r = x1r.rearrange(perm), p1i = x1i.rearrange(perm);
            x0r.fma(a0r, x0i.fma(na0i, p1r.fma(b0r, p1i.mul(nb0i)))).intoArray(re, a);
            x0i.fma(a0r, x0r.fma(a0i, p1i.fma(b0r, p1r.mul(b0i)))).intoArray(im, a);
            x1r.fma(a1r, x1i.fma(na1i, p0r.fma(b1r, p0i.mul(nb1i)))).intoArray(re, b);
            x1i.fma(a1r, x1r.fma(a1i, p0i.fma(b1r, p0r.mul(b1i)))).intoArray(im, b);
        }
    }

    /** d ← d + F x for Ex-shaped F (φ, γ given), coefficients as in {@link #exTwo}. */
    private void exAddTwo(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double fr,
                          double fi, double gr, double gi, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t = roleTable(sl, 0, -1);
        final DoubleVector k0 = fromArray(SP, t, 0), k1 = fromArray(SP, t, 2 * L);
        final double pr = 0.5 * (fr + gr), pi = 0.5 * (fi + gi), qr = 0.5 * (fr - gr), qi = 0.5 * (fi - gi);
        final DoubleVector dr = broadcast(SP, fr - pr), di = broadcast(SP, fi - pi), ur = broadcast(SP, pr);
        final DoubleVector ui = broadcast(SP, pi);
        final DoubleVector c0r = k0.fma(dr, ur), c0i = k0.fma(di, ui), e0r = k1.mul(qr), e0i = k1.mul(qi);
        final DoubleVector c1r = k1.fma(dr, ur), c1i = k1.fma(di, ui), e1r = k0.mul(qr), e1i = k0.mul(qi);
        final DoubleVector nc0i = c0i.neg(), ne0i = e0i.neg(), nc1i = c1i.neg(), ne1i = e1i.neg();
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int i = from; i < to; i += L / 2) {
            final int a = insertZero(insertZero(i, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector p0r = x0r.rearrange(perm), p0i = x0i.rearrange(perm);
            final DoubleVector p1r = x1r.rearrange(perm), p1i = x1i.rearrange(perm);
            final DoubleVector d0r = fromArray(SP, dre, a), d0i = fromArray(SP, dim, a), d1r = fromArray(SP, dre, b);
            final DoubleVector d1i = fromArray(SP, dim, b);
            x0r.fma(c0r, x0i.fma(nc0i, p1r.fma(e0r, p1i.fma(ne0i, d0r)))).intoArray(dre, a);
            x0i.fma(c0r, x0r.fma(c0i, p1i.fma(e0r, p1r.fma(e0i, d0i)))).intoArray(dim, a);
            x1r.fma(c1r, x1i.fma(nc1i, p0r.fma(e1r, p0i.fma(ne1i, d1r)))).intoArray(dre, b);
            x1i.fma(c1r, x1r.fma(c1i, p0i.fma(e1r, p0r.fma(e1i, d1i)))).intoArray(dim, b);
        }
    }

    /**
     * out[oo] = Σ Im(conj(l0 − perm(l1)) ⊙ (x0 − perm(x1))) over V0's |01⟩ lanes (those with the lo bit
     * set; each the quadruple's Im conj(l₀₁ − l₁₀)(x₀₁ − x₁₀)); reads only.
     */
    private void singletTwo(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] out,
                            int oo, int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final VectorShuffle<Double> perm = shuffles[sl];
        DoubleVector s = broadcast(SP, 0.0);
        for (int i = from; i < to; i += L / 2) {
            final int a = insertZero(insertZero(i, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a);
            final DoubleVector p1r = fromArray(SP, re, b).rearrange(perm), p1i = fromArray(SP, im, b).rearrange(perm);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a);
            final DoubleVector m1r = fromArray(SP, lre, b).rearrange(perm), m1i = fromArray(SP, lim, b).rearrange(perm);
            s = l0r.sub(m1r).fma(x0i.sub(p1i), m1i.sub(l0i).fma(x0r.sub(p1r), s));
        }
        s.intoArray(out, sc);
        out[oo] = sumRole(out, sc, roleTable(sl, sl, -1));
    }

    /** out[oo] = the singlet sum of {@link #singletTwo}, out[oo+1] = that of (e, x) plus that of (l, d). */
    private void singlet2Two(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                             double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                             int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final VectorShuffle<Double> perm = shuffles[sl];
        DoubleVector s = broadcast(SP, 0.0), u = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector yr = fromArray(SP, re, a).sub(fromArray(SP, re, b).rearrange(perm));
            final DoubleVector yi = fromArray(SP, im, a).sub(fromArray(SP, im, b).rearrange(perm));
            final DoubleVector zr = fromArray(SP, dre, a).sub(fromArray(SP, dre, b).rearrange(perm));
            final DoubleVector zi = fromArray(SP, dim, a).sub(fromArray(SP, dim, b).rearrange(perm));
            final DoubleVector mr = fromArray(SP, lre, a).sub(fromArray(SP, lre, b).rearrange(perm));
            final DoubleVector nmi = fromArray(SP, lim, b).rearrange(perm).sub(fromArray(SP, lim, a));
            final DoubleVector fr = fromArray(SP, ere, a).sub(fromArray(SP, ere, b).rearrange(perm));
            final DoubleVector nfi = fromArray(SP, eim, b).rearrange(perm).sub(fromArray(SP, eim, a));
            s = mr.fma(yi, nmi.fma(yr, s));
            u = fr.fma(yi, nfi.fma(yr, mr.fma(zi, nmi.fma(zr, u))));
        }
        s.intoArray(out, sc);
        u.intoArray(out, sc + L);
        final double[] t = roleTable(sl, sl, -1);
        out[oo] = sumRole(out, sc, t);
        out[oo + 1] = sumRole(out, sc + L, t);
    }

    /**
     * Two-vector reductions, after the accumulators went to out[sc..] as P0, Q0, Q1, P1 (re then im
     * lanes each): M00 = P0, M01 = Q0 over V0's role-0 lanes; M10 = Q1, M11 = P1 over V1's role-1 lanes.
     */
    private void splitTwo(double[] out, int oo, int sc, int sl, int sh, int o0, int o1) {
        splitByRole(out, oo, sc, sc + 2 * L, roleTable(sl, o0, -1), 0);
        splitByRole(out, oo + 4, sc + 4 * L, sc + 6 * L, roleTable(sl, -1, o1 - sh), L);
    }

    /** Σ out[from + i] over the role-0 lanes of the table, in lane order. */
    private static double sumRole(double[] out, int from, double[] roles) {
        double s = 0;
        for (int i = 0; i < L; i++) {
            if (roles[i] != 0) {
                s += out[from + i];
            }
        }
        return s;
    }

    /**
     * Writes two complex sums over the lanes whose indicator {@code roles[ro + i]} is set, in lane
     * order: out[oo..oo+2) = Σ (first[i], first[L+i]), out[oo+2..oo+4) = Σ (second[i], second[L+i]),
     * where first, second are complex lane arrays stored as L real parts then L imaginary parts.
     */
    private static void splitByRole(double[] out, int oo, int first, int second, double[] roles, int ro) {
        double ar = 0;
        double ai = 0;
        double br = 0;
        double bi = 0;
        for (int i = 0; i < L; i++) {
            if (roles[ro + i] != 0) {
                ar += out[first + i];
                ai += out[first + L + i];
                br += out[second + i];
                bi += out[second + L + i];
            }
        }
        out[oo] = ar;
        out[oo + 1] = ai;
        out[oo + 2] = br;
        out[oo + 3] = bi;
    }
}
