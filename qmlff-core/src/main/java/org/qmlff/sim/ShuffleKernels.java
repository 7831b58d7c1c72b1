package org.qmlff.sim;

import static org.qmlff.sim.Kernels.insertZero;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels for pair layouts whose low stride 2^lo is below the vector length L, where the two
 * amplitudes of a pair share a vector or sit at the same lanes of two vectors up to an in-vector
 * permutation: lane i pairs with lane i ⊕ p. A gate is then x' = A ⊙ x + B ⊙ perm(x) with
 * lane-dependent coefficients A, B (the matrix's diagonal and off-diagonal entry for the lane's role,
 * or 1 and 0 for lanes the pair family does not touch, e.g. the other part of Ex).
 * <ul>
 *   <li>single vector: both bits below log2 L (one-qubit gates, Ex with both bits low); a chunk's
 *       items cover a contiguous range of amplitudes; p = 2^lo (+ 2^hi);</li>
 *   <li>two vectors: lo below, hi at or above log2 L; V0 (hi bit 0) at a, V1 at a + 2^hi; p = 2^lo.</li>
 * </ul>
 * Reductions accumulate conj(l) ⊙ x and conj(l) ⊙ perm(x) lane-wise and split the lanes by role at the
 * end, in lane order. Lane roles come from a table built once (for L ≤ {@value #MAX_LANES}).
 * Shaped for C2 like {@link VectorKernels}: flat loops, no vectors handed to calls.
 */
final class ShuffleKernels {
    static final int MAX_LANES = 8;

    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SP.length();
    private static final int LOG_L = Integer.numberOfTrailingZeros(L);

    /** shuffles[p]: lane i ← lane i ⊕ p. */
    private final VectorShuffle<Double>[] shuffles;
    /**
     * roles[key(mask, r0, r1)] = {ind0 (L), ind1 (L), inactive (L)}: lane i has role 0 if (i ∧ mask) = r0,
     * role 1 if (i ∧ mask) = r1 (r = L: no lane), otherwise none.
     */
    private final double[][] roles;

    @SuppressWarnings("unchecked")
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

    /** Whether this kernel set handles the layout: a low stride below L. */
    static boolean handles(int lo) {
        return L <= MAX_LANES && (1 << lo) < L;
    }

    private static boolean twoVectors(int hi) {
        return hi != Kernels.NO_BIT && hi >= LOG_L;
    }

    private double[] roleTable(int mask, int r0, int r1) {
        int a = r0 >= 0 && r0 < L ? r0 : L;
        int b = r1 >= 0 && r1 < L ? r1 : L;
        return roles[(mask * (L + 1) + a) * (L + 1) + b];
    }

    /** Single-vector layouts: the lane mask of the pair's bits (both bits are inside the vector). */
    private static int laneMask(int lo, int hi) {
        return (1 << lo) | (hi == Kernels.NO_BIT ? 0 : 1 << hi);
    }

    /** Single-vector layouts: the first amplitude of the items [from, to). */
    private static int firstAmplitude(int lo, int hi, int from) {
        return insertZero(insertZero(from, lo), hi);
    }

    /** Single-vector layouts: the number of amplitudes of the items [from, to). */
    private static int amplitudes(int hi, int from, int to) {
        return (to - from) << (hi == Kernels.NO_BIT ? 1 : 2);
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(SP, a, i);
    }

    private static DoubleVector bc(double v) {
        return DoubleVector.broadcast(SP, v);
    }

    // ------------------------------------------------------------------------------------------
    // x ← G x

    void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from, int to) {
        apply(re, im, lo, hi, o0, o1, m[mo], m[mo + 1], m[mo + 2], m[mo + 3], m[mo + 4], m[mo + 5], m[mo + 6],
                m[mo + 7], from, to);
    }

    void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double g00r, double g00i, double g01r,
               double g01i, double g10r, double g10i, double g11r, double g11i, int from, int to) {
        if (twoVectors(hi)) {
            applyTwo(re, im, lo, hi, o0, o1, g00r, g00i, g01r, g01i, g10r, g10i, g11r, g11i, from, to);
            return;
        }
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final DoubleVector i0 = load(t, 0), i1 = load(t, L), in = load(t, 2 * L);
        // A = diagonal entry of the lane's role (1 if none), B = off-diagonal entry (0 if none)
        final DoubleVector ar = i0.mul(g00r).add(i1.mul(g11r)).add(in), ai = i0.mul(g00i).add(i1.mul(g11i));
        final DoubleVector br = i0.mul(g01r).add(i1.mul(g10r)), bi = i0.mul(g01i).add(i1.mul(g10i));
        final DoubleVector nai = ai.neg(), nbi = bi.neg();
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = load(re, a), xi = load(im, a);
            final DoubleVector pr = xr.rearrange(perm), pi = xi.rearrange(perm);
            xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).intoArray(re, a);
            xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).intoArray(im, a);
        }
    }

    private void applyTwo(double[] re, double[] im, int lo, int hi, int o0, int o1, double g00r, double g00i,
                          double g01r, double g01i, double g10r, double g10i, double g11r, double g11i,
                          int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final DoubleVector i0 = load(t0, 0), n0 = load(t0, 2 * L), i1 = load(t1, L), n1 = load(t1, 2 * L);
        final DoubleVector a0r = i0.mul(g00r).add(n0), a0i = i0.mul(g00i), b0r = i0.mul(g01r), b0i = i0.mul(g01i);
        final DoubleVector a1r = i1.mul(g11r).add(n1), a1i = i1.mul(g11i), b1r = i1.mul(g10r), b1i = i1.mul(g10i);
        final DoubleVector na0i = a0i.neg(), nb0i = b0i.neg(), na1i = a1i.neg(), nb1i = b1i.neg();
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector p0r = x0r.rearrange(perm), p0i = x0i.rearrange(perm);
            final DoubleVector p1r = x1r.rearrange(perm), p1i = x1i.rearrange(perm);
            x0r.fma(a0r, x0i.fma(na0i, p1r.fma(b0r, p1i.mul(nb0i)))).intoArray(re, a);
            x0i.fma(a0r, x0r.fma(a0i, p1i.fma(b0r, p1r.mul(b0i)))).intoArray(im, a);
            x1r.fma(a1r, x1i.fma(na1i, p0r.fma(b1r, p0i.mul(nb1i)))).intoArray(re, b);
            x1i.fma(a1r, x1r.fma(a1i, p0i.fma(b1r, p0r.mul(b1i)))).intoArray(im, b);
        }
    }

    // ------------------------------------------------------------------------------------------
    // d ← G d + H x, x ← G x

    void applyTangent(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                      double[] m, int go, int ho, int from, int to) {
        if (twoVectors(hi)) {
            applyTangentTwo(re, im, dre, dim, lo, hi, o0, o1, m, go, ho, from, to);
            return;
        }
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final DoubleVector i0 = load(t, 0), i1 = load(t, L), in = load(t, 2 * L);
        final DoubleVector ar = i0.mul(m[go]).add(i1.mul(m[go + 6])).add(in);
        final DoubleVector ai = i0.mul(m[go + 1]).add(i1.mul(m[go + 7]));
        final DoubleVector br = i0.mul(m[go + 2]).add(i1.mul(m[go + 4]));
        final DoubleVector bi = i0.mul(m[go + 3]).add(i1.mul(m[go + 5]));
        // H leaves untouched lanes' tangents alone: no identity term
        final DoubleVector hr = i0.mul(m[ho]).add(i1.mul(m[ho + 6])), hi0 = i0.mul(m[ho + 1]).add(i1.mul(m[ho + 7]));
        final DoubleVector kr = i0.mul(m[ho + 2]).add(i1.mul(m[ho + 4])), ki = i0.mul(m[ho + 3]).add(i1.mul(m[ho + 5]));
        final DoubleVector nai = ai.neg(), nbi = bi.neg(), nhi = hi0.neg(), nki = ki.neg();
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = load(re, a), xi = load(im, a), dr = load(dre, a), di = load(dim, a);
            final DoubleVector pr = xr.rearrange(perm), pi = xi.rearrange(perm);
            final DoubleVector qr = dr.rearrange(perm), qi = di.rearrange(perm);
            dr.fma(ar, di.fma(nai, qr.fma(br, qi.fma(nbi,
                    xr.fma(hr, xi.fma(nhi, pr.fma(kr, pi.mul(nki)))))))).intoArray(dre, a);
            di.fma(ar, dr.fma(ai, qi.fma(br, qr.fma(bi,
                    xi.fma(hr, xr.fma(hi0, pi.fma(kr, pr.mul(ki)))))))).intoArray(dim, a);
            xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).intoArray(re, a);
            xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).intoArray(im, a);
        }
    }

    private void applyTangentTwo(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0,
                                 int o1, double[] m, int go, int ho, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final DoubleVector i0 = load(t0, 0), n0 = load(t0, 2 * L), i1 = load(t1, L), n1 = load(t1, 2 * L);
        final DoubleVector a0r = i0.mul(m[go]).add(n0), a0i = i0.mul(m[go + 1]);
        final DoubleVector b0r = i0.mul(m[go + 2]), b0i = i0.mul(m[go + 3]);
        final DoubleVector a1r = i1.mul(m[go + 6]).add(n1), a1i = i1.mul(m[go + 7]);
        final DoubleVector b1r = i1.mul(m[go + 4]), b1i = i1.mul(m[go + 5]);
        final DoubleVector h0r = i0.mul(m[ho]), h0i = i0.mul(m[ho + 1]), k0r = i0.mul(m[ho + 2]), k0i = i0.mul(m[ho + 3]);
        final DoubleVector h1r = i1.mul(m[ho + 6]), h1i = i1.mul(m[ho + 7]), k1r = i1.mul(m[ho + 4]), k1i = i1.mul(m[ho + 5]);
        final VectorShuffle<Double> perm = shuffles[sl];
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector d0r = load(dre, a), d0i = load(dim, a), d1r = load(dre, b), d1i = load(dim, b);
            final DoubleVector px0r = x0r.rearrange(perm), px0i = x0i.rearrange(perm);
            final DoubleVector px1r = x1r.rearrange(perm), px1i = x1i.rearrange(perm);
            final DoubleVector pd0r = d0r.rearrange(perm), pd0i = d0i.rearrange(perm);
            final DoubleVector pd1r = d1r.rearrange(perm), pd1i = d1i.rearrange(perm);
            // V0: d0' = A0 d0 + B0 perm(d1) + H0 x0 + K0 perm(x1); V1 likewise with the roles swapped
            d0r.fma(a0r, d0i.mul(a0i).neg().add(pd1r.fma(b0r, pd1i.mul(b0i).neg()))
                    .add(x0r.fma(h0r, x0i.mul(h0i).neg()).add(px1r.fma(k0r, px1i.mul(k0i).neg())))).intoArray(dre, a);
            d0i.fma(a0r, d0r.mul(a0i).add(pd1i.fma(b0r, pd1r.mul(b0i)))
                    .add(x0i.fma(h0r, x0r.mul(h0i)).add(px1i.fma(k0r, px1r.mul(k0i))))).intoArray(dim, a);
            d1r.fma(a1r, d1i.mul(a1i).neg().add(pd0r.fma(b1r, pd0i.mul(b1i).neg()))
                    .add(x1r.fma(h1r, x1i.mul(h1i).neg()).add(px0r.fma(k1r, px0i.mul(k1i).neg())))).intoArray(dre, b);
            d1i.fma(a1r, d1r.mul(a1i).add(pd0i.fma(b1r, pd0r.mul(b1i)))
                    .add(x1i.fma(h1r, x1r.mul(h1i)).add(px0i.fma(k1r, px0r.mul(k1i))))).intoArray(dim, b);
            x0r.fma(a0r, x0i.mul(a0i).neg().add(px1r.fma(b0r, px1i.mul(b0i).neg()))).intoArray(re, a);
            x0i.fma(a0r, x0r.mul(a0i).add(px1i.fma(b0r, px1r.mul(b0i)))).intoArray(im, a);
            x1r.fma(a1r, x1i.mul(a1i).neg().add(px0r.fma(b1r, px0i.mul(b1i).neg()))).intoArray(re, b);
            x1i.fma(a1r, x1r.mul(a1i).add(px0i.fma(b1r, px0r.mul(b1i)))).intoArray(im, b);
        }
    }

    // ------------------------------------------------------------------------------------------
    // x ← G x, M(l, x), l ← G l

    void reverse(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                 double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        if (twoVectors(hi)) {
            reverseTwo(re, im, lre, lim, lo, hi, o0, o1, m, mo, out, oo, sc, from, to);
            return;
        }
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final DoubleVector i0 = load(t, 0), i1 = load(t, L), in = load(t, 2 * L);
        final DoubleVector ar = i0.mul(m[mo]).add(i1.mul(m[mo + 6])).add(in);
        final DoubleVector ai = i0.mul(m[mo + 1]).add(i1.mul(m[mo + 7]));
        final DoubleVector br = i0.mul(m[mo + 2]).add(i1.mul(m[mo + 4]));
        final DoubleVector bi = i0.mul(m[mo + 3]).add(i1.mul(m[mo + 5]));
        final DoubleVector nai = ai.neg(), nbi = bi.neg();
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        // P = Σ conj(l) ⊙ x', Q = Σ conj(l) ⊙ perm(x')
        DoubleVector pr = bc(0), pi = bc(0), qr = bc(0), qi = bc(0);
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = load(re, a), xi = load(im, a);
            final DoubleVector sr = xr.rearrange(perm), si = xi.rearrange(perm);
            final DoubleVector yr = xr.fma(ar, xi.fma(nai, sr.fma(br, si.mul(nbi))));
            final DoubleVector yi = xi.fma(ar, xr.fma(ai, si.fma(br, sr.mul(bi))));
            yr.intoArray(re, a);
            yi.intoArray(im, a);
            final DoubleVector zr = yr.rearrange(perm), zi = yi.rearrange(perm);
            final DoubleVector lr = load(lre, a), li = load(lim, a), nli = li.neg();
            pr = lr.fma(yr, li.fma(yi, pr));
            pi = lr.fma(yi, nli.fma(yr, pi));
            qr = lr.fma(zr, li.fma(zi, qr));
            qi = lr.fma(zi, nli.fma(zr, qi));
            final DoubleVector mr = lr.rearrange(perm), mi = li.rearrange(perm);
            lr.fma(ar, li.fma(nai, mr.fma(br, mi.mul(nbi)))).intoArray(lre, a);
            li.fma(ar, lr.fma(ai, mi.fma(br, mr.mul(bi)))).intoArray(lim, a);
        }
        pr.intoArray(out, sc);
        pi.intoArray(out, sc + L);
        qr.intoArray(out, sc + 2 * L);
        qi.intoArray(out, sc + 3 * L);
        // M00 = P over role-0 lanes, M01 = Q over role-0 lanes, M10 = Q over role 1, M11 = P over role 1
        splitByRole(out, oo, sc, sc + 2 * L, t, 0);
        splitByRole(out, oo + 4, sc + 2 * L, sc, t, L);
    }

    private void reverseTwo(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                            double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final DoubleVector i0 = load(t0, 0), n0 = load(t0, 2 * L), i1 = load(t1, L), n1 = load(t1, 2 * L);
        final DoubleVector a0r = i0.mul(m[mo]).add(n0), a0i = i0.mul(m[mo + 1]);
        final DoubleVector b0r = i0.mul(m[mo + 2]), b0i = i0.mul(m[mo + 3]);
        final DoubleVector a1r = i1.mul(m[mo + 6]).add(n1), a1i = i1.mul(m[mo + 7]);
        final DoubleVector b1r = i1.mul(m[mo + 4]), b1i = i1.mul(m[mo + 5]);
        final VectorShuffle<Double> perm = shuffles[sl];
        // P0 = conj(l0) ⊙ x0', Q0 = conj(l0) ⊙ perm(x1'), P1 = conj(l1) ⊙ x1', Q1 = conj(l1) ⊙ perm(x0')
        DoubleVector p0r = bc(0), p0i = bc(0), q0r = bc(0), q0i = bc(0);
        DoubleVector p1r = bc(0), p1i = bc(0), q1r = bc(0), q1i = bc(0);
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector s0r = x0r.rearrange(perm), s0i = x0i.rearrange(perm);
            final DoubleVector s1r = x1r.rearrange(perm), s1i = x1i.rearrange(perm);
            final DoubleVector y0r = x0r.fma(a0r, x0i.mul(a0i).neg().add(s1r.fma(b0r, s1i.mul(b0i).neg())));
            final DoubleVector y0i = x0i.fma(a0r, x0r.mul(a0i).add(s1i.fma(b0r, s1r.mul(b0i))));
            final DoubleVector y1r = x1r.fma(a1r, x1i.mul(a1i).neg().add(s0r.fma(b1r, s0i.mul(b1i).neg())));
            final DoubleVector y1i = x1i.fma(a1r, x1r.mul(a1i).add(s0i.fma(b1r, s0r.mul(b1i))));
            y0r.intoArray(re, a);
            y0i.intoArray(im, a);
            y1r.intoArray(re, b);
            y1i.intoArray(im, b);
            final DoubleVector z0r = y0r.rearrange(perm), z0i = y0i.rearrange(perm);
            final DoubleVector z1r = y1r.rearrange(perm), z1i = y1i.rearrange(perm);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg();
            p0r = l0r.fma(y0r, l0i.fma(y0i, p0r));
            p0i = l0r.fma(y0i, nl0i.fma(y0r, p0i));
            q0r = l0r.fma(z1r, l0i.fma(z1i, q0r));
            q0i = l0r.fma(z1i, nl0i.fma(z1r, q0i));
            p1r = l1r.fma(y1r, l1i.fma(y1i, p1r));
            p1i = l1r.fma(y1i, nl1i.fma(y1r, p1i));
            q1r = l1r.fma(z0r, l1i.fma(z0i, q1r));
            q1i = l1r.fma(z0i, nl1i.fma(z0r, q1i));
            final DoubleVector m0r = l0r.rearrange(perm), m0i = l0i.rearrange(perm);
            final DoubleVector m1r = l1r.rearrange(perm), m1i = l1i.rearrange(perm);
            l0r.fma(a0r, l0i.mul(a0i).neg().add(m1r.fma(b0r, m1i.mul(b0i).neg()))).intoArray(lre, a);
            l0i.fma(a0r, l0r.mul(a0i).add(m1i.fma(b0r, m1r.mul(b0i)))).intoArray(lim, a);
            l1r.fma(a1r, l1i.mul(a1i).neg().add(m0r.fma(b1r, m0i.mul(b1i).neg()))).intoArray(lre, b);
            l1i.fma(a1r, l1r.mul(a1i).add(m0i.fma(b1r, m0r.mul(b1i)))).intoArray(lim, b);
        }
        p0r.intoArray(out, sc);
        p0i.intoArray(out, sc + L);
        q0r.intoArray(out, sc + 2 * L);
        q0i.intoArray(out, sc + 3 * L);
        q1r.intoArray(out, sc + 4 * L);
        q1i.intoArray(out, sc + 5 * L);
        p1r.intoArray(out, sc + 6 * L);
        p1i.intoArray(out, sc + 7 * L);
        // M00 = P0, M01 = Q0 over V0's role-0 lanes; M10 = Q1, M11 = P1 over V1's role-1 lanes
        splitByRole(out, oo, sc, sc + 2 * L, t0, 0);
        splitByRole(out, oo + 4, sc + 4 * L, sc + 6 * L, t1, L);
    }

    // ------------------------------------------------------------------------------------------
    // M(l, x), M(e, x) + M(l, d)

    void reduce2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim, double[] ere,
                 double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo, int sc, int from, int to) {
        if (twoVectors(hi)) {
            reduce2Two(re, im, dre, dim, lre, lim, ere, eim, lo, hi, o0, o1, out, oo, sc, from, to);
            return;
        }
        final double[] t = roleTable(laneMask(lo, hi), o0, o1);
        final VectorShuffle<Double> perm = shuffles[laneMask(lo, hi)];
        // P = conj(l) ⊙ x, Q = conj(l) ⊙ perm(x); R, S the same for conj(e) ⊙ x + conj(l) ⊙ d
        DoubleVector pr = bc(0), pi = bc(0), qr = bc(0), qi = bc(0);
        DoubleVector rr = bc(0), ri = bc(0), sr = bc(0), si = bc(0);
        final int start = firstAmplitude(lo, hi, from);
        final int end = start + amplitudes(hi, from, to);
        for (int a = start; a < end; a += L) {
            final DoubleVector xr = load(re, a), xi = load(im, a), dr = load(dre, a), di = load(dim, a);
            final DoubleVector lr = load(lre, a), li = load(lim, a), er = load(ere, a), ei = load(eim, a);
            final DoubleVector zr = xr.rearrange(perm), zi = xi.rearrange(perm);
            final DoubleVector wr = dr.rearrange(perm), wi = di.rearrange(perm);
            final DoubleVector nli = li.neg(), nei = ei.neg();
            pr = lr.fma(xr, li.fma(xi, pr));
            pi = lr.fma(xi, nli.fma(xr, pi));
            qr = lr.fma(zr, li.fma(zi, qr));
            qi = lr.fma(zi, nli.fma(zr, qi));
            rr = er.fma(xr, ei.fma(xi, lr.fma(dr, li.fma(di, rr))));
            ri = er.fma(xi, nei.fma(xr, lr.fma(di, nli.fma(dr, ri))));
            sr = er.fma(zr, ei.fma(zi, lr.fma(wr, li.fma(wi, sr))));
            si = er.fma(zi, nei.fma(zr, lr.fma(wi, nli.fma(wr, si))));
        }
        pr.intoArray(out, sc);
        pi.intoArray(out, sc + L);
        qr.intoArray(out, sc + 2 * L);
        qi.intoArray(out, sc + 3 * L);
        rr.intoArray(out, sc + 4 * L);
        ri.intoArray(out, sc + 5 * L);
        sr.intoArray(out, sc + 6 * L);
        si.intoArray(out, sc + 7 * L);
        splitByRole(out, oo, sc, sc + 2 * L, t, 0);
        splitByRole(out, oo + 4, sc + 2 * L, sc, t, L);
        splitByRole(out, oo + 8, sc + 4 * L, sc + 6 * L, t, 0);
        splitByRole(out, oo + 12, sc + 6 * L, sc + 4 * L, t, L);
    }

    private void reduce2Two(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                            double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo,
                            int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final double[] t0 = roleTable(sl, o0, -1);
        final double[] t1 = roleTable(sl, -1, o1 - sh);
        final VectorShuffle<Double> perm = shuffles[sl];
        // V0 side: P0 = conj(l0) ⊙ x0, Q0 = conj(l0) ⊙ perm(x1) (and R0, S0 for the tangent pair);
        // V1 side: P1 = conj(l1) ⊙ x1, Q1 = conj(l1) ⊙ perm(x0) (R1, S1)
        DoubleVector p0r = bc(0), p0i = bc(0), q0r = bc(0), q0i = bc(0);
        DoubleVector p1r = bc(0), p1i = bc(0), q1r = bc(0), q1i = bc(0);
        DoubleVector r0r = bc(0), r0i = bc(0), s0r = bc(0), s0i = bc(0);
        DoubleVector r1r = bc(0), r1i = bc(0), s1r = bc(0), s1i = bc(0);
        for (int t = from; t < to; t += L / 2) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int b = a + sh;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector d0r = load(dre, a), d0i = load(dim, a), d1r = load(dre, b), d1i = load(dim, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector e0r = load(ere, a), e0i = load(eim, a), e1r = load(ere, b), e1i = load(eim, b);
            final DoubleVector z0r = x0r.rearrange(perm), z0i = x0i.rearrange(perm);
            final DoubleVector z1r = x1r.rearrange(perm), z1i = x1i.rearrange(perm);
            final DoubleVector w0r = d0r.rearrange(perm), w0i = d0i.rearrange(perm);
            final DoubleVector w1r = d1r.rearrange(perm), w1i = d1i.rearrange(perm);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg(), ne0i = e0i.neg(), ne1i = e1i.neg();
            p0r = l0r.fma(x0r, l0i.fma(x0i, p0r));
            p0i = l0r.fma(x0i, nl0i.fma(x0r, p0i));
            q0r = l0r.fma(z1r, l0i.fma(z1i, q0r));
            q0i = l0r.fma(z1i, nl0i.fma(z1r, q0i));
            p1r = l1r.fma(x1r, l1i.fma(x1i, p1r));
            p1i = l1r.fma(x1i, nl1i.fma(x1r, p1i));
            q1r = l1r.fma(z0r, l1i.fma(z0i, q1r));
            q1i = l1r.fma(z0i, nl1i.fma(z0r, q1i));
            r0r = e0r.fma(x0r, e0i.fma(x0i, l0r.fma(d0r, l0i.fma(d0i, r0r))));
            r0i = e0r.fma(x0i, ne0i.fma(x0r, l0r.fma(d0i, nl0i.fma(d0r, r0i))));
            s0r = e0r.fma(z1r, e0i.fma(z1i, l0r.fma(w1r, l0i.fma(w1i, s0r))));
            s0i = e0r.fma(z1i, ne0i.fma(z1r, l0r.fma(w1i, nl0i.fma(w1r, s0i))));
            r1r = e1r.fma(x1r, e1i.fma(x1i, l1r.fma(d1r, l1i.fma(d1i, r1r))));
            r1i = e1r.fma(x1i, ne1i.fma(x1r, l1r.fma(d1i, nl1i.fma(d1r, r1i))));
            s1r = e1r.fma(z0r, e1i.fma(z0i, l1r.fma(w0r, l1i.fma(w0i, s1r))));
            s1i = e1r.fma(z0i, ne1i.fma(z0r, l1r.fma(w0i, nl1i.fma(w0r, s1i))));
        }
        p0r.intoArray(out, sc);
        p0i.intoArray(out, sc + L);
        q0r.intoArray(out, sc + 2 * L);
        q0i.intoArray(out, sc + 3 * L);
        q1r.intoArray(out, sc + 4 * L);
        q1i.intoArray(out, sc + 5 * L);
        p1r.intoArray(out, sc + 6 * L);
        p1i.intoArray(out, sc + 7 * L);
        r0r.intoArray(out, sc + 8 * L);
        r0i.intoArray(out, sc + 9 * L);
        s0r.intoArray(out, sc + 10 * L);
        s0i.intoArray(out, sc + 11 * L);
        s1r.intoArray(out, sc + 12 * L);
        s1i.intoArray(out, sc + 13 * L);
        r1r.intoArray(out, sc + 14 * L);
        r1i.intoArray(out, sc + 15 * L);
        splitByRole(out, oo, sc, sc + 2 * L, t0, 0);
        splitByRole(out, oo + 4, sc + 4 * L, sc + 6 * L, t1, L);
        splitByRole(out, oo + 8, sc + 8 * L, sc + 10 * L, t0, 0);
        splitByRole(out, oo + 12, sc + 12 * L, sc + 14 * L, t1, L);
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
