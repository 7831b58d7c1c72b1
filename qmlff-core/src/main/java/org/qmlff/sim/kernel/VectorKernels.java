package org.qmlff.sim.kernel;

import static org.qmlff.sim.kernel.Kernels.insertZero;

import static jdk.incubator.vector.DoubleVector.broadcast;
import static jdk.incubator.vector.DoubleVector.fromArray;

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
 * split where a fused body would exceed C2's inlining node budget); and no helper method of ours
 * returns a vector: vectors are made by {@code DoubleVector.fromArray} and {@code broadcast} themselves,
 * which the JDK forces inline. A helper such as {@code bc(v) = broadcast(SP, v)} is inlined only if C2's
 * profile counts enough calls of it (MinInliningThreshold), and a kernel compiled early, or on
 * stack replacement, can see too few of its set-up calls: it then calls the helper's own compiled
 * code and gets a boxed vector of unknown class (seen once, in {@code ShuffleKernels.exOne}). Kernels
 * whose one loop reached C2's node budget (NodeCountInliningCutoff) are split into a reduction loop and
 * update loops with the same operations: a JVM that compiled such a loop past the budget ran it with
 * boxed vectors, about 1 GB allocated per 20-qubit le-d6 gradient and 1.6–1.8× the time, in 3 of 12
 * fresh JVMs (docs/PERFORMANCE.md).
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
        final DoubleVector g00r = broadcast(SP, m[mo]), g00i = broadcast(SP, m[mo + 1]);
        final DoubleVector g01r = broadcast(SP, m[mo + 2]), g01i = broadcast(SP, m[mo + 3]);
        final DoubleVector g10r = broadcast(SP, m[mo + 4]), g10i = broadcast(SP, m[mo + 5]);
        final DoubleVector g11r = broadcast(SP, m[mo + 6]), g11i = broadcast(SP, m[mo + 7]);
        final DoubleVector n00i = broadcast(SP, -m[mo + 1]), n01i = broadcast(SP, -m[mo + 3]);
        final DoubleVector n10i = broadcast(SP, -m[mo + 5]), n11i = broadcast(SP, -m[mo + 7]);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
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
        final DoubleVector g00r = broadcast(SP, m[go]), g00i = broadcast(SP, m[go + 1]);
        final DoubleVector g01r = broadcast(SP, m[go + 2]), g01i = broadcast(SP, m[go + 3]);
        final DoubleVector g10r = broadcast(SP, m[go + 4]), g10i = broadcast(SP, m[go + 5]);
        final DoubleVector g11r = broadcast(SP, m[go + 6]), g11i = broadcast(SP, m[go + 7]);
        final DoubleVector n00i = broadcast(SP, -m[go + 1]), n01i = broadcast(SP, -m[go + 3]);
        final DoubleVector n10i = broadcast(SP, -m[go + 5]), n11i = broadcast(SP, -m[go + 7]);
        final DoubleVector h00r = broadcast(SP, m[ho]), h00i = broadcast(SP, m[ho + 1]);
        final DoubleVector h01r = broadcast(SP, m[ho + 2]), h01i = broadcast(SP, m[ho + 3]);
        final DoubleVector h10r = broadcast(SP, m[ho + 4]), h10i = broadcast(SP, m[ho + 5]);
        final DoubleVector h11r = broadcast(SP, m[ho + 6]), h11i = broadcast(SP, m[ho + 7]);
        final DoubleVector k00i = broadcast(SP, -m[ho + 1]), k01i = broadcast(SP, -m[ho + 3]);
        final DoubleVector k10i = broadcast(SP, -m[ho + 5]), k11i = broadcast(SP, -m[ho + 7]);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector d0r = fromArray(SP, dre, a), d0i = fromArray(SP, dim, a), d1r = fromArray(SP, dre, b);
            final DoubleVector d1i = fromArray(SP, dim, b);
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

    /**
     * The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch): x ← G x
     * ({@link #applyHigh}), M(l, x) over the new x ({@link #pairReductionHigh}), l ← G l, in three loops. The
     * fused loop was at C2's node budget on JDK 17 (NodeCountInliningCutoff at its last call in every
     * compilation seen), the limit past which a JVM runs a kernel with boxed vectors (docs/PERFORMANCE.md);
     * the split computes the same values with the same operations.
     */
    private void reverseHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                        double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        applyHigh(re, im, lo, hi, o0, o1, m, mo, from, to);
        pairReductionHigh(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        applyHigh(lre, lim, lo, hi, o0, o1, m, mo, from, to);
    }

    /** out[oo..oo+8) = M(l, x) for the layouts with 2^lo ≥ L; reads only. */
    private void pairReductionHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0,
                                   int o1, double[] out, int oo, int sc, int from, int to) {
        DoubleVector m00r = broadcast(SP, 0.0), m00i = broadcast(SP, 0.0), m01r = broadcast(SP, 0.0);
        DoubleVector m01i = broadcast(SP, 0.0);
        DoubleVector m10r = broadcast(SP, 0.0), m10i = broadcast(SP, 0.0), m11r = broadcast(SP, 0.0);
        DoubleVector m11i = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a), l1r = fromArray(SP, lre, b);
            final DoubleVector l1i = fromArray(SP, lim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg();
            // M_ij += conj(l_i) x_j
            m00r = l0r.fma(x0r, l0i.fma(x0i, m00r));
            m00i = l0r.fma(x0i, nl0i.fma(x0r, m00i));
            m01r = l0r.fma(x1r, l0i.fma(x1i, m01r));
            m01i = l0r.fma(x1i, nl0i.fma(x1r, m01i));
            m10r = l1r.fma(x0r, l1i.fma(x0i, m10r));
            m10i = l1r.fma(x0i, nl1i.fma(x0r, m10i));
            m11r = l1r.fma(x1r, l1i.fma(x1i, m11r));
            m11i = l1r.fma(x1i, nl1i.fma(x1r, m11i));
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

    /**
     * The layouts with 2^lo ≥ L (a separate method, so that C2 compiles it without the other branch): M(l, x)
     * ({@link #pairReductionHigh}), then M(e, x) + M(l, d), in two loops (one loop over all 16 accumulators was
     * at C2's node budget, see {@link #reverseHigh}). Same operations, same values.
     */
    private void reduce2High(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                        double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo,
                        int sc, int from, int to) {
        pairReductionHigh(re, im, lre, lim, lo, hi, o0, o1, out, oo, sc, from, to);
        tangentReductionHigh(re, im, dre, dim, lre, lim, ere, eim, lo, hi, o0, o1, out, oo + 8, sc, from, to);
    }

    /** out[oo..oo+8) = M(e, x) + M(l, d) for the layouts with 2^lo ≥ L; reads only. */
    private void tangentReductionHigh(double[] re, double[] im, double[] dre, double[] dim, double[] lre,
                                      double[] lim, double[] ere, double[] eim, int lo, int hi, int o0, int o1,
                                      double[] out, int oo, int sc, int from, int to) {
        DoubleVector q00r = broadcast(SP, 0.0), q00i = broadcast(SP, 0.0), q01r = broadcast(SP, 0.0);
        DoubleVector q01i = broadcast(SP, 0.0);
        DoubleVector q10r = broadcast(SP, 0.0), q10i = broadcast(SP, 0.0), q11r = broadcast(SP, 0.0);
        DoubleVector q11i = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int base = insertZero(insertZero(t, lo), hi);
            final int a = base + o0;
            final int b = base + o1;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector d0r = fromArray(SP, dre, a), d0i = fromArray(SP, dim, a), d1r = fromArray(SP, dre, b);
            final DoubleVector d1i = fromArray(SP, dim, b);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a), l1r = fromArray(SP, lre, b);
            final DoubleVector l1i = fromArray(SP, lim, b);
            final DoubleVector e0r = fromArray(SP, ere, a), e0i = fromArray(SP, eim, a), e1r = fromArray(SP, ere, b);
            final DoubleVector e1i = fromArray(SP, eim, b);
            final DoubleVector nl0i = l0i.neg(), nl1i = l1i.neg(), ne0i = e0i.neg(), ne1i = e1i.neg();
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
        q00r.intoArray(out, sc);
        q00i.intoArray(out, sc + L);
        q01r.intoArray(out, sc + 2 * L);
        q01i.intoArray(out, sc + 3 * L);
        q10r.intoArray(out, sc + 4 * L);
        q10i.intoArray(out, sc + 5 * L);
        q11r.intoArray(out, sc + 6 * L);
        q11i.intoArray(out, sc + 7 * L);
        sumLanes(out, oo, sc, 8);
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
        final DoubleVector ar = broadcast(SP, c[co]), ai = broadcast(SP, c[co + 1]), nai = broadcast(SP, -c[co + 1]);
        final DoubleVector har = broadcast(SP, 0.5 * c[co]), hai = broadcast(SP, 0.5 * c[co + 1]);
        final DoubleVector nhai = broadcast(SP, -0.5 * c[co + 1]);
        final DoubleVector hbr = broadcast(SP, 0.5 * c[co + 2]), hbi = broadcast(SP, 0.5 * c[co + 3]);
        final DoubleVector nhbi = broadcast(SP, -0.5 * c[co + 3]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final int i11 = i10 + sl;
            final DoubleVector x00r = fromArray(SP, re, a), x00i = fromArray(SP, im, a);
            x00r.fma(ar, x00i.mul(nai)).intoArray(re, a);
            x00r.fma(ai, x00i.mul(ar)).intoArray(im, a);
            final DoubleVector x11r = fromArray(SP, re, i11), x11i = fromArray(SP, im, i11);
            x11r.fma(ar, x11i.mul(nai)).intoArray(re, i11);
            x11r.fma(ai, x11i.mul(ar)).intoArray(im, i11);
            final DoubleVector x01r = fromArray(SP, re, i01), x01i = fromArray(SP, im, i01);
            final DoubleVector x10r = fromArray(SP, re, i10), x10i = fromArray(SP, im, i10);
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
        final DoubleVector ar = broadcast(SP, c[eo]), ai = broadcast(SP, c[eo + 1]), nai = broadcast(SP, -c[eo + 1]);
        final DoubleVector fr = broadcast(SP, c[fo]), fi = broadcast(SP, c[fo + 1]), nfi = broadcast(SP, -c[fo + 1]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i11 = a + sh + sl;
            final DoubleVector x00r = fromArray(SP, re, a), x00i = fromArray(SP, im, a);
            final DoubleVector d00r = fromArray(SP, dre, a), d00i = fromArray(SP, dim, a);
            d00r.fma(ar, d00i.fma(nai, x00r.fma(fr, x00i.mul(nfi)))).intoArray(dre, a);
            d00r.fma(ai, d00i.fma(ar, x00r.fma(fi, x00i.mul(fr)))).intoArray(dim, a);
            x00r.fma(ar, x00i.mul(nai)).intoArray(re, a);
            x00r.fma(ai, x00i.mul(ar)).intoArray(im, a);
            final DoubleVector x11r = fromArray(SP, re, i11), x11i = fromArray(SP, im, i11);
            final DoubleVector d11r = fromArray(SP, dre, i11), d11i = fromArray(SP, dim, i11);
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
        final DoubleVector har = broadcast(SP, 0.5 * c[eo]), hai = broadcast(SP, 0.5 * c[eo + 1]);
        final DoubleVector nhai = broadcast(SP, -0.5 * c[eo + 1]);
        final DoubleVector hbr = broadcast(SP, 0.5 * c[eo + 2]), hbi = broadcast(SP, 0.5 * c[eo + 3]);
        final DoubleVector nhbi = broadcast(SP, -0.5 * c[eo + 3]);
        final DoubleVector hfr = broadcast(SP, 0.5 * c[fo]), hfi = broadcast(SP, 0.5 * c[fo + 1]);
        final DoubleVector nhfi = broadcast(SP, -0.5 * c[fo + 1]);
        final DoubleVector hgr = broadcast(SP, 0.5 * c[fo + 2]), hgi = broadcast(SP, 0.5 * c[fo + 3]);
        final DoubleVector nhgi = broadcast(SP, -0.5 * c[fo + 3]);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final DoubleVector x01r = fromArray(SP, re, i01), x01i = fromArray(SP, im, i01);
            final DoubleVector x10r = fromArray(SP, re, i10), x10i = fromArray(SP, im, i10);
            final DoubleVector sr = x01r.add(x10r), si = x01i.add(x10i);
            final DoubleVector dr = x01r.sub(x10r), di = x01i.sub(x10i);
            final DoubleVector d01r = fromArray(SP, dre, i01), d01i = fromArray(SP, dim, i01);
            final DoubleVector d10r = fromArray(SP, dre, i10), d10i = fromArray(SP, dim, i10);
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

    /**
     * The layouts with 2^lo ≥ L: as {@link ScalarKernels#reverseEx} lane by lane, the reduction over the old x
     * and l, then x ← E x and l ← E l ({@link #applyExHigh}), in three loops: the fused loop was at C2's node
     * budget on JDK 17 (NodeCountInliningCutoff at its last call in every compilation seen), the limit past
     * which a JVM runs such a kernel with boxed vectors (docs/PERFORMANCE.md). Same operations, same values.
     */
    private void reverseExHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c,
                               int eo, double[] out, int oo, int sc, int from, int to) {
        singletHigh(re, im, lre, lim, lo, hi, out, oo, sc, from, to);
        applyExHigh(re, im, lo, hi, c, eo, from, to);
        applyExHigh(lre, lim, lo, hi, c, eo, from, to);
    }

    /** out[oo] = Σ Im(conj(l01 − l10)(x01 − x10)) over these quadruples; reads only. */
    private void singletHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] out,
                             int oo, int sc, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        DoubleVector singlet = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final DoubleVector x01r = fromArray(SP, re, i01), x01i = fromArray(SP, im, i01);
            final DoubleVector x10r = fromArray(SP, re, i10), x10i = fromArray(SP, im, i10);
            final DoubleVector l01r = fromArray(SP, lre, i01), l01i = fromArray(SP, lim, i01);
            final DoubleVector l10r = fromArray(SP, lre, i10), l10i = fromArray(SP, lim, i10);
            final DoubleVector dr = x01r.sub(x10r), di = x01i.sub(x10i);
            final DoubleVector er = l01r.sub(l10r), ei = l01i.sub(l10i);
            singlet = er.fma(di, ei.neg().fma(dr, singlet));
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
        DoubleVector singlet = broadcast(SP, 0.0);
        DoubleVector singletDot = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(insertZero(t, lo), hi);
            final int i01 = a + sl;
            final int i10 = a + sh;
            final DoubleVector x01r = fromArray(SP, re, i01), x01i = fromArray(SP, im, i01);
            final DoubleVector x10r = fromArray(SP, re, i10), x10i = fromArray(SP, im, i10);
            final DoubleVector l01r = fromArray(SP, lre, i01), l01i = fromArray(SP, lim, i01);
            final DoubleVector l10r = fromArray(SP, lre, i10), l10i = fromArray(SP, lim, i10);
            final DoubleVector d01r = fromArray(SP, dre, i01), d01i = fromArray(SP, dim, i01);
            final DoubleVector d10r = fromArray(SP, dre, i10), d10i = fromArray(SP, dim, i10);
            final DoubleVector e01r = fromArray(SP, ere, i01), e01i = fromArray(SP, eim, i01);
            final DoubleVector e10r = fromArray(SP, ere, i10), e10i = fromArray(SP, eim, i10);
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

    /**
     * The layouts with 2^lo ≥ L: as {@link ScalarKernels#reverseSu2} lane by lane, x ← G x and l ← G l
     * ({@link #applyHigh}), then the reductions over the new x and l, in three loops (the fused loop reached
     * C2's node budget on JDK 17 in some compilations, see {@link #reverseHigh}). Same operations, same values.
     */
    private void reverseSu2High(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] m, int mo,
                                double[] out, int oo, int sc, int from, int to) {
        applyHigh(re, im, lo, NO_BIT, 0, 1 << lo, m, mo, from, to);
        applyHigh(lre, lim, lo, NO_BIT, 0, 1 << lo, m, mo, from, to);
        su2ReductionHigh(re, im, lre, lim, lo, out, oo, sc, from, to);
    }

    /**
     * out[oo + b] = Im⟨l|σ_b x⟩, b = x, y, z, for the layouts with 2^lo ≥ L, summed in {@link #reverseSu2}'s
     * order (not quite {@link #reducePauliHigh}'s: the z terms come the other way round); reads only.
     */
    private void su2ReductionHigh(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo,
                                  int sc, int from, int to) {
        final int s = 1 << lo;
        DoubleVector rx = broadcast(SP, 0.0), ry = broadcast(SP, 0.0), rz = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector p0r = fromArray(SP, re, a), p0i = fromArray(SP, im, a), p1r = fromArray(SP, re, b);
            final DoubleVector p1i = fromArray(SP, im, b);
            final DoubleVector q0r = fromArray(SP, lre, a), q0i = fromArray(SP, lim, a), q1r = fromArray(SP, lre, b);
            final DoubleVector q1i = fromArray(SP, lim, b);
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
        DoubleVector rx = broadcast(SP, 0.0), ry = broadcast(SP, 0.0), rz = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a), l1r = fromArray(SP, lre, b);
            final DoubleVector l1i = fromArray(SP, lim, b);
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
        DoubleVector rx = broadcast(SP, 0.0), ry = broadcast(SP, 0.0), rz = broadcast(SP, 0.0), sx = broadcast(SP, 0.0);
        DoubleVector sy = broadcast(SP, 0.0), sz = broadcast(SP, 0.0);
        for (int t = from; t < to; t += L) {
            final int a = insertZero(t, lo);
            final int b = a + s;
            final DoubleVector x0r = fromArray(SP, re, a), x0i = fromArray(SP, im, a), x1r = fromArray(SP, re, b);
            final DoubleVector x1i = fromArray(SP, im, b);
            final DoubleVector d0r = fromArray(SP, dre, a), d0i = fromArray(SP, dim, a), d1r = fromArray(SP, dre, b);
            final DoubleVector d1i = fromArray(SP, dim, b);
            final DoubleVector l0r = fromArray(SP, lre, a), l0i = fromArray(SP, lim, a), l1r = fromArray(SP, lre, b);
            final DoubleVector l1i = fromArray(SP, lim, b);
            final DoubleVector e0r = fromArray(SP, ere, a), e0i = fromArray(SP, eim, a), e1r = fromArray(SP, ere, b);
            final DoubleVector e1i = fromArray(SP, eim, b);
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
