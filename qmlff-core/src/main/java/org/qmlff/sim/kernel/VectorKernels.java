package org.qmlff.sim.kernel;

import static org.qmlff.sim.kernel.Kernels.insertZero;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on jdk.incubator.vector's preferred double vectors (L lanes) for layouts whose low stride
 * 2^lo is at least L: then L consecutive work items are L consecutive pairs, whose first amplitudes
 * form one vector and whose second amplitudes another, and the scalar formulas apply lane by lane
 * (with fused multiply-adds, hence results within rounding of {@link ScalarKernels}, not bit-equal).
 * Layouts with a lower stride go to {@link ShuffleKernels}; the rarely used diagonal and dense
 * two-qubit gates to the scalar kernels.
 *
 * <p>How the code is shaped for C2 (JDK 17), which otherwise boxes vectors — 10–100× slower:
 * one flat loop per kernel (vectors carried around nested loops get boxed); reductions leave their
 * accumulators through {@code intoArray} into scratch and add the lanes in lane order (never hand a
 * vector to a method that might not be inlined; and {@code reduceLanes} might sum in a different
 * order in interpreted and compiled code); each kernel's loop body stays small (the kernels are
 * split where a fused body would exceed C2's inlining node budget).
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SP.length();
    /** Accumulators of the widest reduction. */
    private static final int ACCUMULATORS = 16;

    private final ScalarKernels scalar = new ScalarKernels();
    /** Kernels for low strides, or null where the role tables do not cover the vector length. */
    private final ShuffleKernels shuffle = L <= ShuffleKernels.MAX_LANES ? new ShuffleKernels() : null;

    /** Doubles per preferred vector on this hardware. */
    public static int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int scratch() {
        return ACCUMULATORS * L;
    }

    private static DoubleVector bc(double v) {
        return DoubleVector.broadcast(SP, v);
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(SP, a, i);
    }

    /** out[oo + j] = Σ_l out[sc + j·L + l] for j &lt; count, lanes in order. */
    private static void sumLanes(double[] out, int oo, int sc, int count) {
        for (int j = 0; j < count; j++) {
            double s = 0;
            for (int l = 0; l < L; l++) {
                s += out[sc + j * L + l];
            }
            out[oo + j] = s;
        }
    }

    @Override
    public void applyDiag(double[] re, double[] im, int bit, double[] m, int mo, int from, int to) {
        scalar.applyDiag(re, im, bit, m, mo, from, to);
    }

    @Override
    public void apply2(double[] re, double[] im, int bitP, int bitQ, double[] m, int mo, int from, int to) {
        scalar.apply2(re, im, bitP, bitQ, m, mo, from, to);
    }

    // The tensor gate's triplet kernels: scalar, like the dense two-qubit gate (few such gates per circuit, and
    // its 3×3 complex matrix mixes both pair families of a quadruple, which the lane layouts here do not cover).

    @Override
    public void applyTriplet(double[] re, double[] im, int lo, int hi, double[] m, int mo, int from, int to) {
        scalar.applyTriplet(re, im, lo, hi, m, mo, from, to);
    }

    @Override
    public void applyTangentTriplet(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] m,
                                    int go, int fo, int from, int to) {
        scalar.applyTangentTriplet(re, im, dre, dim, lo, hi, m, go, fo, from, to);
    }

    @Override
    public void reverseTriplet(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] m,
                               int mo, double[] out, int oo, int sc, int from, int to) {
        scalar.reverseTriplet(re, im, lre, lim, lo, hi, m, mo, out, oo, sc, from, to);
    }

    @Override
    public void reduceTriplet2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                               double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                               int to) {
        scalar.reduceTriplet2(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
    }

    @Override
    public void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.apply(re, im, lo, hi, o0, o1, m, mo, from, to);
            } else {
                scalar.apply(re, im, lo, hi, o0, o1, m, mo, from, to);
            }
            return;
        }
        applyHigh(re, im, lo, hi, o0, o1, m, mo, from, to);
    }

    /** The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch). */
    private void applyHigh(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from,
                           int to) {
        final DoubleVector g00r = bc(m[mo]), g00i = bc(m[mo + 1]), g01r = bc(m[mo + 2]), g01i = bc(m[mo + 3]);
        final DoubleVector g10r = bc(m[mo + 4]), g10i = bc(m[mo + 5]), g11r = bc(m[mo + 6]), g11i = bc(m[mo + 7]);
        final DoubleVector n00i = bc(-m[mo + 1]), n01i = bc(-m[mo + 3]), n10i = bc(-m[mo + 5]), n11i = bc(-m[mo + 7]);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            x0r.fma(g00r, x0i.fma(n00i, x1r.fma(g01r, x1i.mul(n01i)))).intoArray(re, a);
            x0r.fma(g00i, x0i.fma(g00r, x1r.fma(g01i, x1i.mul(g01r)))).intoArray(im, a);
            x0r.fma(g10r, x0i.fma(n10i, x1r.fma(g11r, x1i.mul(n11i)))).intoArray(re, b);
            x0r.fma(g10i, x0i.fma(g10r, x1r.fma(g11i, x1i.mul(g11r)))).intoArray(im, b);
        }
    }

    @Override
    public void applyTangent(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                             double[] m, int go, int ho, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.applyTangent(re, im, dre, dim, lo, hi, o0, o1, m, go, ho, from, to);
            } else {
                scalar.applyTangent(re, im, dre, dim, lo, hi, o0, o1, m, go, ho, from, to);
            }
            return;
        }
        applyTangentHigh(re, im, dre, dim, lo, hi, o0, o1, m, go, ho, from, to);
    }

    /** The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch). */
    private void applyTangentHigh(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                             double[] m, int go, int ho, int from, int to) {
        final DoubleVector g00r = bc(m[go]), g00i = bc(m[go + 1]), g01r = bc(m[go + 2]), g01i = bc(m[go + 3]);
        final DoubleVector g10r = bc(m[go + 4]), g10i = bc(m[go + 5]), g11r = bc(m[go + 6]), g11i = bc(m[go + 7]);
        final DoubleVector n00i = bc(-m[go + 1]), n01i = bc(-m[go + 3]), n10i = bc(-m[go + 5]), n11i = bc(-m[go + 7]);
        final DoubleVector h00r = bc(m[ho]), h00i = bc(m[ho + 1]), h01r = bc(m[ho + 2]), h01i = bc(m[ho + 3]);
        final DoubleVector h10r = bc(m[ho + 4]), h10i = bc(m[ho + 5]), h11r = bc(m[ho + 6]), h11i = bc(m[ho + 7]);
        final DoubleVector k00i = bc(-m[ho + 1]), k01i = bc(-m[ho + 3]), k10i = bc(-m[ho + 5]), k11i = bc(-m[ho + 7]);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector d0r = load(dre, a), d0i = load(dim, a), d1r = load(dre, b), d1i = load(dim, b);
            // d' = G d + H x
            d0r.fma(g00r, d0i.fma(n00i, d1r.fma(g01r, d1i.fma(n01i,
                    x0r.fma(h00r, x0i.fma(k00i, x1r.fma(h01r, x1i.mul(k01i)))))))).intoArray(dre, a);
            d0r.fma(g00i, d0i.fma(g00r, d1r.fma(g01i, d1i.fma(g01r,
                    x0r.fma(h00i, x0i.fma(h00r, x1r.fma(h01i, x1i.mul(h01r)))))))).intoArray(dim, a);
            d0r.fma(g10r, d0i.fma(n10i, d1r.fma(g11r, d1i.fma(n11i,
                    x0r.fma(h10r, x0i.fma(k10i, x1r.fma(h11r, x1i.mul(k11i)))))))).intoArray(dre, b);
            d0r.fma(g10i, d0i.fma(g10r, d1r.fma(g11i, d1i.fma(g11r,
                    x0r.fma(h10i, x0i.fma(h10r, x1r.fma(h11i, x1i.mul(h11r)))))))).intoArray(dim, b);
            // x' = G x
            x0r.fma(g00r, x0i.fma(n00i, x1r.fma(g01r, x1i.mul(n01i)))).intoArray(re, a);
            x0r.fma(g00i, x0i.fma(g00r, x1r.fma(g01i, x1i.mul(g01r)))).intoArray(im, a);
            x0r.fma(g10r, x0i.fma(n10i, x1r.fma(g11r, x1i.mul(n11i)))).intoArray(re, b);
            x0r.fma(g10i, x0i.fma(g10r, x1r.fma(g11i, x1i.mul(g11r)))).intoArray(im, b);
        }
    }

    @Override
    public void reverse(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                        double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.reverse(re, im, lre, lim, lo, hi, o0, o1, m, mo, out, oo, sc, from, to);
            } else {
                scalar.reverse(re, im, lre, lim, lo, hi, o0, o1, m, mo, out, oo, sc, from, to);
            }
            return;
        }
        reverseHigh(re, im, lre, lim, lo, hi, o0, o1, m, mo, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch). */
    private void reverseHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                        double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        final DoubleVector g00r = bc(m[mo]), g00i = bc(m[mo + 1]), g01r = bc(m[mo + 2]), g01i = bc(m[mo + 3]);
        final DoubleVector g10r = bc(m[mo + 4]), g10i = bc(m[mo + 5]), g11r = bc(m[mo + 6]), g11i = bc(m[mo + 7]);
        final DoubleVector n00i = bc(-m[mo + 1]), n01i = bc(-m[mo + 3]), n10i = bc(-m[mo + 5]), n11i = bc(-m[mo + 7]);
        DoubleVector m00r = bc(0), m00i = bc(0), m01r = bc(0), m01i = bc(0);
        DoubleVector m10r = bc(0), m10i = bc(0), m11r = bc(0), m11i = bc(0);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector p0r = x0r.fma(g00r, x0i.fma(n00i, x1r.fma(g01r, x1i.mul(n01i))));
            final DoubleVector p0i = x0r.fma(g00i, x0i.fma(g00r, x1r.fma(g01i, x1i.mul(g01r))));
            final DoubleVector p1r = x0r.fma(g10r, x0i.fma(n10i, x1r.fma(g11r, x1i.mul(n11i))));
            final DoubleVector p1i = x0r.fma(g10i, x0i.fma(g10r, x1r.fma(g11i, x1i.mul(g11r))));
            p0r.intoArray(re, a);
            p0i.intoArray(im, a);
            p1r.intoArray(re, b);
            p1i.intoArray(im, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg();
            // M_ij += conj(l_i) x'_j
            m00r = l0r.fma(p0r, l0i.fma(p0i, m00r));
            m00i = l0r.fma(p0i, nl0i.fma(p0r, m00i));
            m01r = l0r.fma(p1r, l0i.fma(p1i, m01r));
            m01i = l0r.fma(p1i, nl0i.fma(p1r, m01i));
            m10r = l1r.fma(p0r, l1i.fma(p0i, m10r));
            m10i = l1r.fma(p0i, nl1i.fma(p0r, m10i));
            m11r = l1r.fma(p1r, l1i.fma(p1i, m11r));
            m11i = l1r.fma(p1i, nl1i.fma(p1r, m11i));
            l0r.fma(g00r, l0i.fma(n00i, l1r.fma(g01r, l1i.mul(n01i)))).intoArray(lre, a);
            l0r.fma(g00i, l0i.fma(g00r, l1r.fma(g01i, l1i.mul(g01r)))).intoArray(lim, a);
            l0r.fma(g10r, l0i.fma(n10i, l1r.fma(g11r, l1i.mul(n11i)))).intoArray(lre, b);
            l0r.fma(g10i, l0i.fma(g10r, l1r.fma(g11i, l1i.mul(g11r)))).intoArray(lim, b);
        }
        m00r.intoArray(out, sc);
        m00i.intoArray(out, sc + L);
        m01r.intoArray(out, sc + 2 * L);
        m01i.intoArray(out, sc + 3 * L);
        m10r.intoArray(out, sc + 4 * L);
        m10i.intoArray(out, sc + 5 * L);
        m11r.intoArray(out, sc + 6 * L);
        m11i.intoArray(out, sc + 7 * L);
        sumLanes(out, oo, sc, 8);
    }

    @Override
    public void reduce2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                        double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo,
                        int sc, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.reduce2(re, im, dre, dim, lre, lim, ere, eim, lo, hi, o0, o1, out, oo, sc, from, to);
            } else {
                scalar.reduce2(re, im, dre, dim, lre, lim, ere, eim, lo, hi, o0, o1, out, oo, sc, from, to);
            }
            return;
        }
        reduce2High(re, im, dre, dim, lre, lim, ere, eim, lo, hi, o0, o1, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch). */
    private void reduce2High(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                        double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo,
                        int sc, int from, int to) {
        DoubleVector m00r = bc(0), m00i = bc(0), m01r = bc(0), m01i = bc(0);
        DoubleVector m10r = bc(0), m10i = bc(0), m11r = bc(0), m11i = bc(0);
        DoubleVector q00r = bc(0), q00i = bc(0), q01r = bc(0), q01i = bc(0);
        DoubleVector q10r = bc(0), q10i = bc(0), q11r = bc(0), q11i = bc(0);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector d0r = load(dre, a), d0i = load(dim, a), d1r = load(dre, b), d1i = load(dim, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector e0r = load(ere, a), e0i = load(eim, a), e1r = load(ere, b), e1i = load(eim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg(), ne0i = e0i.neg(), ne1i = e1i.neg();
            // M(l, x)
            m00r = l0r.fma(x0r, l0i.fma(x0i, m00r));
            m00i = l0r.fma(x0i, nl0i.fma(x0r, m00i));
            m01r = l0r.fma(x1r, l0i.fma(x1i, m01r));
            m01i = l0r.fma(x1i, nl0i.fma(x1r, m01i));
            m10r = l1r.fma(x0r, l1i.fma(x0i, m10r));
            m10i = l1r.fma(x0i, nl1i.fma(x0r, m10i));
            m11r = l1r.fma(x1r, l1i.fma(x1i, m11r));
            m11i = l1r.fma(x1i, nl1i.fma(x1r, m11i));
            // M(e, x) + M(l, d)
            q00r = e0r.fma(x0r, e0i.fma(x0i, l0r.fma(d0r, l0i.fma(d0i, q00r))));
            q00i = e0r.fma(x0i, ne0i.fma(x0r, l0r.fma(d0i, nl0i.fma(d0r, q00i))));
            q01r = e0r.fma(x1r, e0i.fma(x1i, l0r.fma(d1r, l0i.fma(d1i, q01r))));
            q01i = e0r.fma(x1i, ne0i.fma(x1r, l0r.fma(d1i, nl0i.fma(d1r, q01i))));
            q10r = e1r.fma(x0r, e1i.fma(x0i, l1r.fma(d0r, l1i.fma(d0i, q10r))));
            q10i = e1r.fma(x0i, ne1i.fma(x0r, l1r.fma(d0i, nl1i.fma(d0r, q10i))));
            q11r = e1r.fma(x1r, e1i.fma(x1i, l1r.fma(d1r, l1i.fma(d1i, q11r))));
            q11i = e1r.fma(x1i, ne1i.fma(x1r, l1r.fma(d1i, nl1i.fma(d1r, q11i))));
        }
        m00r.intoArray(out, sc);
        m00i.intoArray(out, sc + L);
        m01r.intoArray(out, sc + 2 * L);
        m01i.intoArray(out, sc + 3 * L);
        m10r.intoArray(out, sc + 4 * L);
        m10i.intoArray(out, sc + 5 * L);
        m11r.intoArray(out, sc + 6 * L);
        m11i.intoArray(out, sc + 7 * L);
        q00r.intoArray(out, sc + 8 * L);
        q00i.intoArray(out, sc + 9 * L);
        q01r.intoArray(out, sc + 10 * L);
        q01i.intoArray(out, sc + 11 * L);
        q10r.intoArray(out, sc + 12 * L);
        q10i.intoArray(out, sc + 13 * L);
        q11r.intoArray(out, sc + 14 * L);
        q11i.intoArray(out, sc + 15 * L);
        sumLanes(out, oo, sc, 16);
    }

    @Override
    public void applyEx(double[] re, double[] im, int lo, int hi, double[] c, int co, int from, int to) {
        final int sl = 1 << lo;
        if (sl < L) {
            if (shuffle != null) {
                shuffle.applyEx(re, im, lo, hi, c, co, from, to);
            } else {
                scalar.applyEx(re, im, lo, hi, c, co, from, to);
            }
            return;
        }
        applyExHigh(re, im, lo, hi, c, co, from, to);
    }

    /** The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch). */
    private void applyExHigh(double[] re, double[] im, int lo, int hi, double[] c, int co, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final DoubleVector ar = bc(c[co]), ai = bc(c[co + 1]), nai = bc(-c[co + 1]);
        final DoubleVector har = bc(0.5 * c[co]), hai = bc(0.5 * c[co + 1]), nhai = bc(-0.5 * c[co + 1]);
        final DoubleVector hbr = bc(0.5 * c[co + 2]), hbi = bc(0.5 * c[co + 3]), nhbi = bc(-0.5 * c[co + 3]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final int i11 = i10 + sl;
            final DoubleVector x00r = load(re, a), x00i = load(im, a);
            x00r.fma(ar, x00i.mul(nai)).intoArray(re, a);
            x00r.fma(ai, x00i.mul(ar)).intoArray(im, a);
            final DoubleVector x11r = load(re, i11), x11i = load(im, i11);
            x11r.fma(ar, x11i.mul(nai)).intoArray(re, i11);
            x11r.fma(ai, x11i.mul(ar)).intoArray(im, i11);
            final DoubleVector x01r = load(re, i01), x01i = load(im, i01);
            final DoubleVector x10r = load(re, i10), x10i = load(im, i10);
            final DoubleVector sr = x01r.add(x10r), si = x01i.add(x10i);
            final DoubleVector dr = x01r.sub(x10r), di = x01i.sub(x10i);
            final DoubleVector ur = sr.fma(har, si.mul(nhai)), ui = sr.fma(hai, si.mul(har));
            final DoubleVector vr = dr.fma(hbr, di.mul(nhbi)), vi = dr.fma(hbi, di.mul(hbr));
            ur.add(vr).intoArray(re, i01);
            ui.add(vi).intoArray(im, i01);
            ur.sub(vr).intoArray(re, i10);
            ui.sub(vi).intoArray(im, i10);
        }
    }

    /** Always: layouts with 2^lo &lt; L take the one-pass lane-permutation kernels of {@link ShuffleKernels}. */
    @Override
    public boolean structuredEx(int lo) {
        return true;
    }

    @Override
    public void applyTangentEx(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] c,
                               int eo, int fo, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.applyTangentEx(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
            } else {
                scalar.applyTangentEx(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
            }
            return;
        }
        applyTangentExHigh(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
    }

    /**
     * The layouts with 2^lo ≥ L: as {@link ScalarKernels#applyTangentEx} lane by lane, the corner and the
     * middle amplitudes in two loops (one loop over both exceeds C2's inlining budget on JDK 17, and
     * the vectors get boxed).
     */
    private void applyTangentExHigh(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi,
                                    double[] c, int eo, int fo, int from, int to) {
        tangentExCorners(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
        tangentExMiddle(re, im, dre, dim, lo, hi, c, eo, fo, from, to);
    }

    private void tangentExCorners(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi,
                                  double[] c, int eo, int fo, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final DoubleVector ar = bc(c[eo]), ai = bc(c[eo + 1]), nai = bc(-c[eo + 1]);
        final DoubleVector fr = bc(c[fo]), fi = bc(c[fo + 1]), nfi = bc(-c[fo + 1]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i11 = a + sh + sl;
            final DoubleVector x00r = load(re, a), x00i = load(im, a);
            final DoubleVector d00r = load(dre, a), d00i = load(dim, a);
            d00r.fma(ar, d00i.fma(nai, x00r.fma(fr, x00i.mul(nfi)))).intoArray(dre, a);
            d00r.fma(ai, d00i.fma(ar, x00r.fma(fi, x00i.mul(fr)))).intoArray(dim, a);
            x00r.fma(ar, x00i.mul(nai)).intoArray(re, a);
            x00r.fma(ai, x00i.mul(ar)).intoArray(im, a);
            final DoubleVector x11r = load(re, i11), x11i = load(im, i11);
            final DoubleVector d11r = load(dre, i11), d11i = load(dim, i11);
            d11r.fma(ar, d11i.fma(nai, x11r.fma(fr, x11i.mul(nfi)))).intoArray(dre, i11);
            d11r.fma(ai, d11i.fma(ar, x11r.fma(fi, x11i.mul(fr)))).intoArray(dim, i11);
            x11r.fma(ar, x11i.mul(nai)).intoArray(re, i11);
            x11r.fma(ai, x11i.mul(ar)).intoArray(im, i11);
        }
    }

    private void tangentExMiddle(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi,
                                 double[] c, int eo, int fo, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final DoubleVector har = bc(0.5 * c[eo]), hai = bc(0.5 * c[eo + 1]), nhai = bc(-0.5 * c[eo + 1]);
        final DoubleVector hbr = bc(0.5 * c[eo + 2]), hbi = bc(0.5 * c[eo + 3]), nhbi = bc(-0.5 * c[eo + 3]);
        final DoubleVector hfr = bc(0.5 * c[fo]), hfi = bc(0.5 * c[fo + 1]), nhfi = bc(-0.5 * c[fo + 1]);
        final DoubleVector hgr = bc(0.5 * c[fo + 2]), hgi = bc(0.5 * c[fo + 3]), nhgi = bc(-0.5 * c[fo + 3]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final DoubleVector x01r = load(re, i01), x01i = load(im, i01);
            final DoubleVector x10r = load(re, i10), x10i = load(im, i10);
            final DoubleVector sr = x01r.add(x10r), si = x01i.add(x10i);
            final DoubleVector dr = x01r.sub(x10r), di = x01i.sub(x10i);
            final DoubleVector d01r = load(dre, i01), d01i = load(dim, i01);
            final DoubleVector d10r = load(dre, i10), d10i = load(dim, i10);
            final DoubleVector tr = d01r.add(d10r), ti = d01i.add(d10i);
            final DoubleVector er = d01r.sub(d10r), ei = d01i.sub(d10i);
            final DoubleVector pr = tr.fma(har, ti.fma(nhai, sr.fma(hfr, si.mul(nhfi))));
            final DoubleVector pi = tr.fma(hai, ti.fma(har, sr.fma(hfi, si.mul(hfr))));
            final DoubleVector qr = er.fma(hbr, ei.fma(nhbi, dr.fma(hgr, di.mul(nhgi))));
            final DoubleVector qi = er.fma(hbi, ei.fma(hbr, dr.fma(hgi, di.mul(hgr))));
            pr.add(qr).intoArray(dre, i01);
            pi.add(qi).intoArray(dim, i01);
            pr.sub(qr).intoArray(dre, i10);
            pi.sub(qi).intoArray(dim, i10);
            final DoubleVector ur = sr.fma(har, si.mul(nhai)), ui = sr.fma(hai, si.mul(har));
            final DoubleVector vr = dr.fma(hbr, di.mul(nhbi)), vi = dr.fma(hbi, di.mul(hbr));
            ur.add(vr).intoArray(re, i01);
            ui.add(vi).intoArray(im, i01);
            ur.sub(vr).intoArray(re, i10);
            ui.sub(vi).intoArray(im, i10);
        }
    }

    @Override
    public void reverseEx(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c, int eo,
                          double[] out, int oo, int sc, int from, int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.reverseEx(re, im, lre, lim, lo, hi, c, eo, out, oo, sc, from, to);
            } else {
                scalar.reverseEx(re, im, lre, lim, lo, hi, c, eo, out, oo, sc, from, to);
            }
            return;
        }
        reverseExHigh(re, im, lre, lim, lo, hi, c, eo, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L: as {@link ScalarKernels#reverseEx} lane by lane. */
    private void reverseExHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c,
                               int eo, double[] out, int oo, int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final DoubleVector ar = bc(c[eo]), ai = bc(c[eo + 1]), nai = bc(-c[eo + 1]);
        final DoubleVector har = bc(0.5 * c[eo]), hai = bc(0.5 * c[eo + 1]), nhai = bc(-0.5 * c[eo + 1]);
        final DoubleVector hbr = bc(0.5 * c[eo + 2]), hbi = bc(0.5 * c[eo + 3]), nhbi = bc(-0.5 * c[eo + 3]);
        DoubleVector singlet = bc(0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final int i11 = i10 + sl;
            final DoubleVector x00r = load(re, a), x00i = load(im, a);
            x00r.fma(ar, x00i.mul(nai)).intoArray(re, a);
            x00r.fma(ai, x00i.mul(ar)).intoArray(im, a);
            final DoubleVector x11r = load(re, i11), x11i = load(im, i11);
            x11r.fma(ar, x11i.mul(nai)).intoArray(re, i11);
            x11r.fma(ai, x11i.mul(ar)).intoArray(im, i11);
            final DoubleVector l00r = load(lre, a), l00i = load(lim, a);
            l00r.fma(ar, l00i.mul(nai)).intoArray(lre, a);
            l00r.fma(ai, l00i.mul(ar)).intoArray(lim, a);
            final DoubleVector l11r = load(lre, i11), l11i = load(lim, i11);
            l11r.fma(ar, l11i.mul(nai)).intoArray(lre, i11);
            l11r.fma(ai, l11i.mul(ar)).intoArray(lim, i11);
            final DoubleVector x01r = load(re, i01), x01i = load(im, i01);
            final DoubleVector x10r = load(re, i10), x10i = load(im, i10);
            final DoubleVector l01r = load(lre, i01), l01i = load(lim, i01);
            final DoubleVector l10r = load(lre, i10), l10i = load(lim, i10);
            final DoubleVector sr = x01r.add(x10r), si = x01i.add(x10i);
            final DoubleVector dr = x01r.sub(x10r), di = x01i.sub(x10i);
            final DoubleVector er = l01r.sub(l10r), ei = l01i.sub(l10i);
            // Im(conj(l01 − l10)(x01 − x10))
            singlet = er.fma(di, ei.neg().fma(dr, singlet));
            final DoubleVector ur = sr.fma(har, si.mul(nhai)), ui = sr.fma(hai, si.mul(har));
            final DoubleVector vr = dr.fma(hbr, di.mul(nhbi)), vi = dr.fma(hbi, di.mul(hbr));
            ur.add(vr).intoArray(re, i01);
            ui.add(vi).intoArray(im, i01);
            ur.sub(vr).intoArray(re, i10);
            ui.sub(vi).intoArray(im, i10);
            final DoubleVector tr = l01r.add(l10r), ti = l01i.add(l10i);
            final DoubleVector pr = tr.fma(har, ti.mul(nhai)), pi = tr.fma(hai, ti.mul(har));
            final DoubleVector qr = er.fma(hbr, ei.mul(nhbi)), qi = er.fma(hbi, ei.mul(hbr));
            pr.add(qr).intoArray(lre, i01);
            pi.add(qi).intoArray(lim, i01);
            pr.sub(qr).intoArray(lre, i10);
            pi.sub(qi).intoArray(lim, i10);
        }
        singlet.intoArray(out, sc);
        sumLanes(out, oo, sc, 1);
    }

    @Override
    public void reduceEx2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                          double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                          int to) {
        if ((1 << lo) < L) {
            if (shuffle != null) {
                shuffle.reduceEx2(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
            } else {
                scalar.reduceEx2(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
            }
            return;
        }
        reduceEx2High(re, im, dre, dim, lre, lim, ere, eim, lo, hi, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L: as {@link ScalarKernels#reduceEx2} lane by lane. */
    private void reduceEx2High(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                               double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                               int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        DoubleVector singlet = bc(0);
        DoubleVector singletDot = bc(0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final DoubleVector x01r = load(re, i01), x01i = load(im, i01);
            final DoubleVector x10r = load(re, i10), x10i = load(im, i10);
            final DoubleVector l01r = load(lre, i01), l01i = load(lim, i01);
            final DoubleVector l10r = load(lre, i10), l10i = load(lim, i10);
            final DoubleVector d01r = load(dre, i01), d01i = load(dim, i01);
            final DoubleVector d10r = load(dre, i10), d10i = load(dim, i10);
            final DoubleVector e01r = load(ere, i01), e01i = load(eim, i01);
            final DoubleVector e10r = load(ere, i10), e10i = load(eim, i10);
            final DoubleVector xr = x01r.sub(x10r), xi = x01i.sub(x10i), dr = d01r.sub(d10r), di = d01i.sub(d10i);
            final DoubleVector lr = l01r.sub(l10r), nli = l10i.sub(l01i), er = e01r.sub(e10r), nei = e10i.sub(e01i);
            singlet = lr.fma(xi, nli.fma(xr, singlet));
            singletDot = er.fma(xi, nei.fma(xr, lr.fma(di, nli.fma(dr, singletDot))));
        }
        singlet.intoArray(out, sc);
        singletDot.intoArray(out, sc + L);
        sumLanes(out, oo, sc, 2);
    }

    @Override
    public boolean pauliReductions(int lo) {
        return (1 << lo) >= L;
    }

    @Override
    public void reverseSu2(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] m, int mo,
                           double[] out, int oo, int sc, int from, int to) {
        if ((1 << lo) < L) {
            scalar.reverseSu2(re, im, lre, lim, lo, m, mo, out, oo, sc, from, to);
            return;
        }
        reverseSu2High(re, im, lre, lim, lo, m, mo, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L: as {@link ScalarKernels#reverseSu2} lane by lane. */
    private void reverseSu2High(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] m, int mo,
                                double[] out, int oo, int sc, int from, int to) {
        final int s = 1 << lo;
        final DoubleVector g00r = bc(m[mo]), g00i = bc(m[mo + 1]), g01r = bc(m[mo + 2]), g01i = bc(m[mo + 3]);
        final DoubleVector g10r = bc(m[mo + 4]), g10i = bc(m[mo + 5]), g11r = bc(m[mo + 6]), g11i = bc(m[mo + 7]);
        final DoubleVector n00i = bc(-m[mo + 1]), n01i = bc(-m[mo + 3]), n10i = bc(-m[mo + 5]), n11i = bc(-m[mo + 7]);
        DoubleVector rx = bc(0), ry = bc(0), rz = bc(0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector p0r = x0r.fma(g00r, x0i.fma(n00i, x1r.fma(g01r, x1i.mul(n01i))));
            final DoubleVector p0i = x0r.fma(g00i, x0i.fma(g00r, x1r.fma(g01i, x1i.mul(g01r))));
            final DoubleVector p1r = x0r.fma(g10r, x0i.fma(n10i, x1r.fma(g11r, x1i.mul(n11i))));
            final DoubleVector p1i = x0r.fma(g10i, x0i.fma(g10r, x1r.fma(g11i, x1i.mul(g11r))));
            p0r.intoArray(re, a);
            p0i.intoArray(im, a);
            p1r.intoArray(re, b);
            p1i.intoArray(im, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector q0r = l0r.fma(g00r, l0i.fma(n00i, l1r.fma(g01r, l1i.mul(n01i))));
            final DoubleVector q0i = l0r.fma(g00i, l0i.fma(g00r, l1r.fma(g01i, l1i.mul(g01r))));
            final DoubleVector q1r = l0r.fma(g10r, l0i.fma(n10i, l1r.fma(g11r, l1i.mul(n11i))));
            final DoubleVector q1i = l0r.fma(g10i, l0i.fma(g10r, l1r.fma(g11i, l1i.mul(g11r))));
            q0r.intoArray(lre, a);
            q0i.intoArray(lim, a);
            q1r.intoArray(lre, b);
            q1i.intoArray(lim, b);
            final DoubleVector nq0i = q0i.neg(), nq1i = q1i.neg();
            rx = q0r.fma(p1i, nq0i.fma(p1r, q1r.fma(p0i, nq1i.fma(p0r, rx))));
            ry = q1r.fma(p0r, q1i.fma(p0i, q0r.neg().fma(p1r, nq0i.fma(p1i, ry))));
            rz = q0r.fma(p0i, nq0i.fma(p0r, q1i.fma(p1r, q1r.neg().fma(p1i, rz))));
        }
        rx.intoArray(out, sc);
        ry.intoArray(out, sc + L);
        rz.intoArray(out, sc + 2 * L);
        sumLanes(out, oo, sc, 3);
    }

    @Override
    public void reducePauli(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo,
                            int sc, int from, int to) {
        if ((1 << lo) < L) {
            scalar.reducePauli(re, im, lre, lim, lo, out, oo, sc, from, to);
            return;
        }
        reducePauliHigh(re, im, lre, lim, lo, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L: as {@link ScalarKernels#reducePauli} lane by lane. */
    private void reducePauliHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo,
                                 int sc, int from, int to) {
        final int s = 1 << lo;
        DoubleVector rx = bc(0), ry = bc(0), rz = bc(0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg(), nl0r = l0r.neg();
            rx = l0r.fma(x1i, nl0i.fma(x1r, l1r.fma(x0i, nl1i.fma(x0r, rx))));
            ry = l1r.fma(x0r, l1i.fma(x0i, nl0r.fma(x1r, nl0i.fma(x1i, ry))));
            rz = l0r.fma(x0i, nl0i.fma(x0r, l1r.neg().fma(x1i, l1i.fma(x1r, rz))));
        }
        rx.intoArray(out, sc);
        ry.intoArray(out, sc + L);
        rz.intoArray(out, sc + 2 * L);
        sumLanes(out, oo, sc, 3);
    }

    @Override
    public void reducePauli2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                             double[] ere, double[] eim, int lo, double[] out, int oo, int sc, int from, int to) {
        if ((1 << lo) < L) {
            scalar.reducePauli2(re, im, dre, dim, lre, lim, ere, eim, lo, out, oo, sc, from, to);
            return;
        }
        reducePauli2High(re, im, dre, dim, lre, lim, ere, eim, lo, out, oo, sc, from, to);
    }

    /** The layouts with 2^lo ≥ L: as {@link ScalarKernels#reducePauli2} lane by lane. */
    private void reducePauli2High(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                                  double[] ere, double[] eim, int lo, double[] out, int oo, int sc, int from,
                                  int to) {
        final int s = 1 << lo;
        DoubleVector rx = bc(0), ry = bc(0), rz = bc(0), sx = bc(0), sy = bc(0), sz = bc(0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector x0r = load(re, a), x0i = load(im, a), x1r = load(re, b), x1i = load(im, b);
            final DoubleVector d0r = load(dre, a), d0i = load(dim, a), d1r = load(dre, b), d1i = load(dim, b);
            final DoubleVector l0r = load(lre, a), l0i = load(lim, a), l1r = load(lre, b), l1i = load(lim, b);
            final DoubleVector e0r = load(ere, a), e0i = load(eim, a), e1r = load(ere, b), e1i = load(eim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg(), nl0r = l0r.neg(), nl1r = l1r.neg();
            final DoubleVector ne0i = e0i.neg(), ne1i = e1i.neg(), ne0r = e0r.neg(), ne1r = e1r.neg();
            rx = l0r.fma(x1i, nl0i.fma(x1r, l1r.fma(x0i, nl1i.fma(x0r, rx))));
            ry = l1r.fma(x0r, l1i.fma(x0i, nl0r.fma(x1r, nl0i.fma(x1i, ry))));
            rz = l0r.fma(x0i, nl0i.fma(x0r, nl1r.fma(x1i, l1i.fma(x1r, rz))));
            sx = e0r.fma(x1i, ne0i.fma(x1r, e1r.fma(x0i, ne1i.fma(x0r,
                    l0r.fma(d1i, nl0i.fma(d1r, l1r.fma(d0i, nl1i.fma(d0r, sx))))))));
            sy = e1r.fma(x0r, e1i.fma(x0i, ne0r.fma(x1r, ne0i.fma(x1i,
                    l1r.fma(d0r, l1i.fma(d0i, nl0r.fma(d1r, nl0i.fma(d1i, sy))))))));
            sz = e0r.fma(x0i, ne0i.fma(x0r, ne1r.fma(x1i, e1i.fma(x1r,
                    l0r.fma(d0i, nl0i.fma(d0r, nl1r.fma(d1i, l1i.fma(d1r, sz))))))));
        }
        rx.intoArray(out, sc);
        ry.intoArray(out, sc + L);
        rz.intoArray(out, sc + 2 * L);
        sx.intoArray(out, sc + 3 * L);
        sy.intoArray(out, sc + 4 * L);
        sz.intoArray(out, sc + 5 * L);
        sumLanes(out, oo, sc, 6);
    }
}
