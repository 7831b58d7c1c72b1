package org.qmlff.sim.kernel;

import static org.qmlff.sim.kernel.Kernels.insertZero;

import java.util.Arrays;

/**
 * The reference kernels: plain scalar Java, one amplitude pair (or quadruple) at a time, walking
 * contiguous runs of the low index bits so that the inner loops are unit-stride. Every other kernel
 * set is tested against this one. Stateless, so one instance may serve any number of threads.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int scratch() {
        return 0;
    }

    @Override
    public void apply(double[] re, double[] im, int lo, int hi, int o0, int o1, double[] m, int mo, int from, int to) {
        final int run = Math.min(1 << lo, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int base = start; base < end; base++) {
                final int a = base + o0;
                final int b = base + o1;
                pair(m, mo, re, im, a, b);
            }
        }
    }

    @Override
    public void applyTangent(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, int o0, int o1,
                             double[] m, int go, int ho, int from, int to) {
        final int run = Math.min(1 << lo, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int base = start; base < end; base++) {
                final int a = base + o0;
                final int b = base + o1;
                pair(m, go, dre, dim, a, b);
                addPair(m, ho, re, im, dre, dim, a, b);
                pair(m, go, re, im, a, b);
            }
        }
    }

    @Override
    public void reverse(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, int o0, int o1,
                        double[] m, int mo, double[] out, int oo, int sc, int from, int to) {
        double m00r = 0, m00i = 0, m01r = 0, m01i = 0, m10r = 0, m10i = 0, m11r = 0, m11i = 0;
        final int run = Math.min(1 << lo, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int base = start; base < end; base++) {
                final int a = base + o0;
                final int b = base + o1;
                pair(m, mo, re, im, a, b);
                final double p0r = re[a], p0i = im[a], p1r = re[b], p1i = im[b];
                final double l0r = lre[a], l0i = lim[a], l1r = lre[b], l1i = lim[b];
                m00r += l0r * p0r + l0i * p0i;
                m00i += l0r * p0i - l0i * p0r;
                m01r += l0r * p1r + l0i * p1i;
                m01i += l0r * p1i - l0i * p1r;
                m10r += l1r * p0r + l1i * p0i;
                m10i += l1r * p0i - l1i * p0r;
                m11r += l1r * p1r + l1i * p1i;
                m11i += l1r * p1i - l1i * p1r;
                pair(m, mo, lre, lim, a, b);
            }
        }
        out[oo] = m00r;
        out[oo + 1] = m00i;
        out[oo + 2] = m01r;
        out[oo + 3] = m01i;
        out[oo + 4] = m10r;
        out[oo + 5] = m10i;
        out[oo + 6] = m11r;
        out[oo + 7] = m11i;
    }

    @Override
    public void reduce2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                        double[] ere, double[] eim, int lo, int hi, int o0, int o1, double[] out, int oo,
                        int sc, int from, int to) {
        double m00r = 0, m00i = 0, m01r = 0, m01i = 0, m10r = 0, m10i = 0, m11r = 0, m11i = 0;
        double n00r = 0, n00i = 0, n01r = 0, n01i = 0, n10r = 0, n10i = 0, n11r = 0, n11i = 0;
        final int run = Math.min(1 << lo, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int base = start; base < end; base++) {
                final int a = base + o0;
                final int b = base + o1;
                final double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
                final double d0r = dre[a], d0i = dim[a], d1r = dre[b], d1i = dim[b];
                final double l0r = lre[a], l0i = lim[a], l1r = lre[b], l1i = lim[b];
                final double e0r = ere[a], e0i = eim[a], e1r = ere[b], e1i = eim[b];
                // M(l, x)
                m00r += l0r * x0r + l0i * x0i;
                m00i += l0r * x0i - l0i * x0r;
                m01r += l0r * x1r + l0i * x1i;
                m01i += l0r * x1i - l0i * x1r;
                m10r += l1r * x0r + l1i * x0i;
                m10i += l1r * x0i - l1i * x0r;
                m11r += l1r * x1r + l1i * x1i;
                m11i += l1r * x1i - l1i * x1r;
                // M(e, x) + M(l, d)
                n00r += e0r * x0r + e0i * x0i + (l0r * d0r + l0i * d0i);
                n00i += e0r * x0i - e0i * x0r + (l0r * d0i - l0i * d0r);
                n01r += e0r * x1r + e0i * x1i + (l0r * d1r + l0i * d1i);
                n01i += e0r * x1i - e0i * x1r + (l0r * d1i - l0i * d1r);
                n10r += e1r * x0r + e1i * x0i + (l1r * d0r + l1i * d0i);
                n10i += e1r * x0i - e1i * x0r + (l1r * d0i - l1i * d0r);
                n11r += e1r * x1r + e1i * x1i + (l1r * d1r + l1i * d1i);
                n11i += e1r * x1i - e1i * x1r + (l1r * d1i - l1i * d1r);
            }
        }
        out[oo] = m00r;
        out[oo + 1] = m00i;
        out[oo + 2] = m01r;
        out[oo + 3] = m01i;
        out[oo + 4] = m10r;
        out[oo + 5] = m10i;
        out[oo + 6] = m11r;
        out[oo + 7] = m11i;
        out[oo + 8] = n00r;
        out[oo + 9] = n00i;
        out[oo + 10] = n01r;
        out[oo + 11] = n01i;
        out[oo + 12] = n10r;
        out[oo + 13] = n10i;
        out[oo + 14] = n11r;
        out[oo + 15] = n11i;
    }

    @Override
    public void applyDiag(double[] re, double[] im, int bit, double[] m, int mo, int from, int to) {
        final double d0r = m[mo], d0i = m[mo + 1], d1r = m[mo + 6], d1i = m[mo + 7];
        final int s = 1 << bit;
        final int run = Math.min(s, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(t, bit);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int b = a + s;
                final double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
                re[a] = d0r * x0r - d0i * x0i;
                im[a] = d0r * x0i + d0i * x0r;
                re[b] = d1r * x1r - d1i * x1i;
                im[b] = d1r * x1i + d1i * x1r;
            }
        }
    }

    @Override
    public void apply2(double[] re, double[] im, int bitP, int bitQ, double[] m, int mo, int from, int to) {
        final int lo = Math.min(bitP, bitQ);
        final int hi = Math.max(bitP, bitQ);
        final int sp = 1 << bitP;
        final int sq = 1 << bitQ;
        final int run = Math.min(1 << lo, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                // Local basis |pq⟩: offsets 0, q, p, p+q.
                final int i1 = a + sq;
                final int i2 = a + sp;
                final int i3 = a + sp + sq;
                final double x0r = re[a], x0i = im[a], x1r = re[i1], x1i = im[i1];
                final double x2r = re[i2], x2i = im[i2], x3r = re[i3], x3i = im[i3];
                re[a] = row(m, mo, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                im[a] = rowIm(m, mo, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                re[i1] = row(m, mo + 8, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                im[i1] = rowIm(m, mo + 8, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                re[i2] = row(m, mo + 16, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                im[i2] = rowIm(m, mo + 16, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                re[i3] = row(m, mo + 24, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                im[i3] = rowIm(m, mo + 24, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            }
        }
    }

    /** Re of row (m[o..o+8)) · x for a 4-vector x. */
    private static double row(double[] m, int o, double x0r, double x0i, double x1r, double x1i, double x2r,
                              double x2i, double x3r, double x3i) {
        return m[o] * x0r - m[o + 1] * x0i + m[o + 2] * x1r - m[o + 3] * x1i
                + m[o + 4] * x2r - m[o + 5] * x2i + m[o + 6] * x3r - m[o + 7] * x3i;
    }

    /** Im of row (m[o..o+8)) · x for a 4-vector x. */
    private static double rowIm(double[] m, int o, double x0r, double x0i, double x1r, double x1i, double x2r,
                                double x2i, double x3r, double x3i) {
        return m[o] * x0i + m[o + 1] * x0r + m[o + 2] * x1i + m[o + 3] * x1r
                + m[o + 4] * x2i + m[o + 5] * x2r + m[o + 6] * x3i + m[o + 7] * x3r;
    }

    @Override
    public void applyEx(double[] re, double[] im, int lo, int hi, double[] c, int co, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                exQuad(c, co, re, im, a, i01, i10, i11);
            }
        }
    }

    @Override
    public boolean structuredEx(int lo) {
        return true;
    }

    @Override
    public void applyTangentEx(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] c,
                               int eo, int fo, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                exQuad(c, eo, dre, dim, a, i01, i10, i11);
                addExQuad(c, fo, re, im, dre, dim, a, i01, i10, i11);
                exQuad(c, eo, re, im, a, i01, i10, i11);
            }
        }
    }

    @Override
    public void reverseEx(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] c, int eo,
                          double[] out, int oo, int sc, int from, int to) {
        double singlet = 0;
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                final double dr = re[i01] - re[i10], di = im[i01] - im[i10];
                final double er = lre[i01] - lre[i10], ei = lim[i01] - lim[i10];
                singlet += er * di - ei * dr;
                exQuad(c, eo, re, im, a, i01, i10, i11);
                exQuad(c, eo, lre, lim, a, i01, i10, i11);
            }
        }
        out[oo] = singlet;
    }

    @Override
    public void reduceEx2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                          double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                          int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        double singlet = 0;
        double singletDot = 0;
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final double x01r = re[i01], x01i = im[i01], x10r = re[i10], x10i = im[i10];
                final double d01r = dre[i01], d01i = dim[i01], d10r = dre[i10], d10i = dim[i10];
                final double l01r = lre[i01], l01i = lim[i01], l10r = lre[i10], l10i = lim[i10];
                final double e01r = ere[i01], e01i = eim[i01], e10r = ere[i10], e10i = eim[i10];
                final double xr = x01r - x10r, xi = x01i - x10i, dr = d01r - d10r, di = d01i - d10i;
                final double lr = l01r - l10r, li = l01i - l10i, er = e01r - e10r, ei = e01i - e10i;
                singlet += lr * xi - li * xr;
                singletDot += er * xi - ei * xr + (lr * di - li * dr);
            }
        }
        out[oo] = singlet;
        out[oo + 1] = singletDot;
    }

    @Override
    public boolean pauliReductions(int lo) {
        return true;
    }

    @Override
    public void reverseSu2(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] m, int mo,
                           double[] out, int oo, int sc, int from, int to) {
        final int s = 1 << lo;
        final int run = Math.min(s, to - from);
        double rx = 0, ry = 0, rz = 0;
        for (int t = from; t < to; t += run) {
            final int start = insertZero(t, lo);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int b = a + s;
                pair(m, mo, re, im, a, b);
                pair(m, mo, lre, lim, a, b);
                final double p0r = re[a], p0i = im[a], p1r = re[b], p1i = im[b];
                final double q0r = lre[a], q0i = lim[a], q1r = lre[b], q1i = lim[b];
                // Im⟨q|σ_x p⟩ = Im(q̄0 p1 + q̄1 p0), Im⟨q|σ_y p⟩ = Re(q̄1 p0) − Re(q̄0 p1), Im⟨q|σ_z p⟩ = Im(q̄0 p0 − q̄1 p1)
                rx += q0r * p1i - q0i * p1r + (q1r * p0i - q1i * p0r);
                ry += q1r * p0r + q1i * p0i - (q0r * p1r + q0i * p1i);
                rz += q0r * p0i - q0i * p0r - (q1r * p1i - q1i * p1r);
            }
        }
        out[oo] = rx;
        out[oo + 1] = ry;
        out[oo + 2] = rz;
    }

    @Override
    public void reducePauli(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo,
                            int sc, int from, int to) {
        pauliSums(re, im, lre, lim, lo, out, oo, false, from, to);
    }

    @Override
    public void reducePauli2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                             double[] ere, double[] eim, int lo, double[] out, int oo, int sc, int from, int to) {
        pauliSums(re, im, lre, lim, lo, out, oo, false, from, to);
        pauliSums(re, im, ere, eim, lo, out, oo + 3, false, from, to);
        pauliSums(dre, dim, lre, lim, lo, out, oo + 3, true, from, to);
    }

    /** out[oo + b] = Im⟨l|σ_b x⟩ over the pairs of items [from, to) on bit lo (added to it with {@code add}). */
    private static void pauliSums(double[] re, double[] im, double[] lre, double[] lim, int lo, double[] out, int oo,
                                  boolean add, int from, int to) {
        final int s = 1 << lo;
        final int run = Math.min(s, to - from);
        double rx = 0, ry = 0, rz = 0;
        for (int t = from; t < to; t += run) {
            final int start = insertZero(t, lo);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int b = a + s;
                final double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
                final double l0r = lre[a], l0i = lim[a], l1r = lre[b], l1i = lim[b];
                rx += l0r * x1i - l0i * x1r + (l1r * x0i - l1i * x0r);
                ry += l1r * x0r + l1i * x0i - (l0r * x1r + l0i * x1i);
                rz += l0r * x0i - l0i * x0r - (l1r * x1i - l1i * x1r);
            }
        }
        out[oo] = add ? out[oo] + rx : rx;
        out[oo + 1] = add ? out[oo + 1] + ry : ry;
        out[oo + 2] = add ? out[oo + 2] + rz : rz;
    }

    @Override
    public void applyTriplet(double[] re, double[] im, int lo, int hi, double[] m, int mo, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                tripletQuad(m, mo, re, im, a, a + sl, a + sh, a + sl + sh);
            }
        }
    }

    @Override
    public void applyTangentTriplet(double[] re, double[] im, double[] dre, double[] dim, int lo, int hi, double[] m,
                                    int go, int fo, int from, int to) {
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                tripletQuad(m, go, dre, dim, a, i01, i10, i11);
                addTripletQuad(m, fo, re, im, dre, dim, a, i01, i10, i11);
                tripletQuad(m, go, re, im, a, i01, i10, i11);
            }
        }
    }

    @Override
    public void reverseTriplet(double[] re, double[] im, double[] lre, double[] lim, int lo, int hi, double[] m,
                               int mo, double[] out, int oo, int sc, int from, int to) {
        Arrays.fill(out, oo, oo + 18, 0.0);
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                tripletQuad(m, mo, re, im, a, i01, i10, i11);
                addOuter(out, oo, lre, lim, re, im, a, i01, i10, i11);
                tripletQuad(m, mo, lre, lim, a, i01, i10, i11);
            }
        }
    }

    @Override
    public void reduceTriplet2(double[] re, double[] im, double[] dre, double[] dim, double[] lre, double[] lim,
                               double[] ere, double[] eim, int lo, int hi, double[] out, int oo, int sc, int from,
                               int to) {
        Arrays.fill(out, oo, oo + 36, 0.0);
        final int sl = 1 << lo;
        final int sh = 1 << hi;
        final int run = Math.min(sl, to - from);
        for (int t = from; t < to; t += run) {
            final int start = insertZero(insertZero(t, lo), hi);
            final int end = start + run;
            for (int a = start; a < end; a++) {
                final int i01 = a + sl;
                final int i10 = a + sh;
                final int i11 = i10 + sl;
                addOuter(out, oo, lre, lim, re, im, a, i01, i10, i11);
                addOuter(out, oo + 18, ere, eim, re, im, a, i01, i10, i11);
                addOuter(out, oo + 18, lre, lim, dre, dim, a, i01, i10, i11);
            }
        }
    }

    /**
     * x ← (P_s ⊕ K) x on one quadruple: the triplet coordinates (A, B, C) = (x11 − x00, x00 + x11, x01 + x10)
     * go to K (A, B, C), the singlet S = x01 − x10 stays; then x00 = (B − A)/2, x11 = (A + B)/2,
     * x01 = (C + S)/2, x10 = (C − S)/2.
     */
    private static void tripletQuad(double[] m, int mo, double[] re, double[] im, int a, int i01, int i10, int i11) {
        final double ar = re[i11] - re[a], ai = im[i11] - im[a];
        final double br = re[a] + re[i11], bi = im[a] + im[i11];
        final double cr = re[i01] + re[i10], ci = im[i01] + im[i10];
        final double sr = re[i01] - re[i10], si = im[i01] - im[i10];
        final double pr = tripletRow(m, mo, ar, ai, br, bi, cr, ci);
        final double pi = tripletRowIm(m, mo, ar, ai, br, bi, cr, ci);
        final double qr = tripletRow(m, mo + 6, ar, ai, br, bi, cr, ci);
        final double qi = tripletRowIm(m, mo + 6, ar, ai, br, bi, cr, ci);
        final double ur = tripletRow(m, mo + 12, ar, ai, br, bi, cr, ci);
        final double ui = tripletRowIm(m, mo + 12, ar, ai, br, bi, cr, ci);
        re[a] = 0.5 * (qr - pr);
        im[a] = 0.5 * (qi - pi);
        re[i11] = 0.5 * (pr + qr);
        im[i11] = 0.5 * (pi + qi);
        re[i01] = 0.5 * (ur + sr);
        im[i01] = 0.5 * (ui + si);
        re[i10] = 0.5 * (ur - sr);
        im[i10] = 0.5 * (ui - si);
    }

    /** d += (0 ⊕ F) x on one quadruple, F at m[mo..] (as in {@link #tripletQuad}, with no singlet part). */
    private static void addTripletQuad(double[] m, int mo, double[] xr, double[] xi, double[] dr, double[] di, int a,
                                       int i01, int i10, int i11) {
        final double ar = xr[i11] - xr[a], ai = xi[i11] - xi[a];
        final double br = xr[a] + xr[i11], bi = xi[a] + xi[i11];
        final double cr = xr[i01] + xr[i10], ci = xi[i01] + xi[i10];
        final double pr = tripletRow(m, mo, ar, ai, br, bi, cr, ci);
        final double pi = tripletRowIm(m, mo, ar, ai, br, bi, cr, ci);
        final double qr = tripletRow(m, mo + 6, ar, ai, br, bi, cr, ci);
        final double qi = tripletRowIm(m, mo + 6, ar, ai, br, bi, cr, ci);
        final double ur = 0.5 * tripletRow(m, mo + 12, ar, ai, br, bi, cr, ci);
        final double ui = 0.5 * tripletRowIm(m, mo + 12, ar, ai, br, bi, cr, ci);
        dr[a] += 0.5 * (qr - pr);
        di[a] += 0.5 * (qi - pi);
        dr[i11] += 0.5 * (pr + qr);
        di[i11] += 0.5 * (pi + qi);
        dr[i01] += ur;
        di[i01] += ui;
        dr[i10] += ur;
        di[i10] += ui;
    }

    /** Re of row (m[o..o+6)) · (A, B, C). */
    private static double tripletRow(double[] m, int o, double ar, double ai, double br, double bi, double cr,
                                     double ci) {
        return m[o] * ar - m[o + 1] * ai + m[o + 2] * br - m[o + 3] * bi + m[o + 4] * cr - m[o + 5] * ci;
    }

    /** Im of row (m[o..o+6)) · (A, B, C). */
    private static double tripletRowIm(double[] m, int o, double ar, double ai, double br, double bi, double cr,
                                       double ci) {
        return m[o] * ai + m[o + 1] * ar + m[o + 2] * bi + m[o + 3] * br + m[o + 4] * ci + m[o + 5] * cr;
    }

    /** out[oo..oo+18) += N_ij = conj(L_i) X_j of one quadruple, L and X the triplet coordinates of l and x. */
    private static void addOuter(double[] out, int oo, double[] lr, double[] li, double[] xr, double[] xi, int a,
                                 int i01, int i10, int i11) {
        final double l0r = lr[i11] - lr[a], l0i = li[i11] - li[a];
        final double l1r = lr[a] + lr[i11], l1i = li[a] + li[i11];
        final double l2r = lr[i01] + lr[i10], l2i = li[i01] + li[i10];
        final double x0r = xr[i11] - xr[a], x0i = xi[i11] - xi[a];
        final double x1r = xr[a] + xr[i11], x1i = xi[a] + xi[i11];
        final double x2r = xr[i01] + xr[i10], x2i = xi[i01] + xi[i10];
        addConjRow(out, oo, l0r, l0i, x0r, x0i, x1r, x1i, x2r, x2i);
        addConjRow(out, oo + 6, l1r, l1i, x0r, x0i, x1r, x1i, x2r, x2i);
        addConjRow(out, oo + 12, l2r, l2i, x0r, x0i, x1r, x1i, x2r, x2i);
    }

    /** out[o..o+6) += conj(l) (x0, x1, x2). */
    private static void addConjRow(double[] out, int o, double lr, double li, double x0r, double x0i, double x1r,
                                   double x1i, double x2r, double x2i) {
        out[o] += lr * x0r + li * x0i;
        out[o + 1] += lr * x0i - li * x0r;
        out[o + 2] += lr * x1r + li * x1i;
        out[o + 3] += lr * x1i - li * x1r;
        out[o + 4] += lr * x2r + li * x2i;
        out[o + 5] += lr * x2i - li * x2r;
    }

    /** (x_a, x_b) ← G (x_a, x_b) for the 2×2 matrix G at m[mo..]. */
    private static void pair(double[] m, int mo, double[] re, double[] im, int a, int b) {
        final double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
        re[a] = m[mo] * x0r - m[mo + 1] * x0i + m[mo + 2] * x1r - m[mo + 3] * x1i;
        im[a] = m[mo] * x0i + m[mo + 1] * x0r + m[mo + 2] * x1i + m[mo + 3] * x1r;
        re[b] = m[mo + 4] * x0r - m[mo + 5] * x0i + m[mo + 6] * x1r - m[mo + 7] * x1i;
        im[b] = m[mo + 4] * x0i + m[mo + 5] * x0r + m[mo + 6] * x1i + m[mo + 7] * x1r;
    }

    /** (d_a, d_b) += H (x_a, x_b) for the 2×2 matrix H at m[mo..]. */
    private static void addPair(double[] m, int mo, double[] xr, double[] xi, double[] dr, double[] di, int a, int b) {
        final double x0r = xr[a], x0i = xi[a], x1r = xr[b], x1i = xi[b];
        dr[a] += m[mo] * x0r - m[mo + 1] * x0i + m[mo + 2] * x1r - m[mo + 3] * x1i;
        di[a] += m[mo] * x0i + m[mo + 1] * x0r + m[mo + 2] * x1i + m[mo + 3] * x1r;
        dr[b] += m[mo + 4] * x0r - m[mo + 5] * x0i + m[mo + 6] * x1r - m[mo + 7] * x1i;
        di[b] += m[mo + 4] * x0i + m[mo + 5] * x0r + m[mo + 6] * x1i + m[mo + 7] * x1r;
    }

    /**
     * x ← E x on one quadruple for E = α P_s + β P_a, (αr, αi, βr, βi) at c[co..]: α on |00⟩ and |11⟩;
     * x01' = (α s + β d)/2, x10' = (α s − β d)/2 with s = x01 + x10, d = x01 − x10.
     */
    private static void exQuad(double[] c, int co, double[] re, double[] im, int a, int i01, int i10, int i11) {
        final double ar = c[co], ai = c[co + 1], br = c[co + 2], bi = c[co + 3];
        final double x00r = re[a], x00i = im[a], x11r = re[i11], x11i = im[i11];
        re[a] = ar * x00r - ai * x00i;
        im[a] = ar * x00i + ai * x00r;
        re[i11] = ar * x11r - ai * x11i;
        im[i11] = ar * x11i + ai * x11r;
        final double sr = re[i01] + re[i10], si = im[i01] + im[i10];
        final double dr = re[i01] - re[i10], di = im[i01] - im[i10];
        final double ur = 0.5 * (ar * sr - ai * si), ui = 0.5 * (ar * si + ai * sr);
        final double vr = 0.5 * (br * dr - bi * di), vi = 0.5 * (br * di + bi * dr);
        re[i01] = ur + vr;
        im[i01] = ui + vi;
        re[i10] = ur - vr;
        im[i10] = ui - vi;
    }

    /** d += F x on one quadruple, F = φ P_s + γ P_a at c[co..] (as in {@link #exQuad}). */
    private static void addExQuad(double[] c, int co, double[] xr, double[] xi, double[] dr, double[] di, int a,
                                  int i01, int i10, int i11) {
        final double fr = c[co], fi = c[co + 1], gr = c[co + 2], gi = c[co + 3];
        dr[a] += fr * xr[a] - fi * xi[a];
        di[a] += fr * xi[a] + fi * xr[a];
        dr[i11] += fr * xr[i11] - fi * xi[i11];
        di[i11] += fr * xi[i11] + fi * xr[i11];
        final double sr = xr[i01] + xr[i10], si = xi[i01] + xi[i10];
        final double er = xr[i01] - xr[i10], ei = xi[i01] - xi[i10];
        final double ur = 0.5 * (fr * sr - fi * si), ui = 0.5 * (fr * si + fi * sr);
        final double vr = 0.5 * (gr * er - gi * ei), vi = 0.5 * (gr * ei + gi * er);
        dr[i01] += ur + vr;
        di[i01] += ui + vi;
        dr[i10] += ur - vr;
        di[i10] += ui - vi;
    }
}
