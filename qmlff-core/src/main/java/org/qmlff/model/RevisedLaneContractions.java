package org.qmlff.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The revised model's circuit-input contractions z = W·B + J0 and u = W·U (MODELS.md §Revised; the
 * scalar loops of {@link RevisedModel}) with one channel per SIMD lane: a vector holds the same
 * (species of j, k) term of {@link #LANES} channels, so every sum over (s_j, k) is a vertical
 * multiply-add chain per lane with no horizontal reduction.
 *
 * <p>Exactness: lane c of each vector accumulates exactly the scalar loop's sequence for channel c,
 * {@code acc = acc + w·b} term by term in the same (s_j, k) order from the same start (0, or J0 for
 * the Ex angles), with the Vector API's {@code mul} and {@code add}, which round like Java's scalar
 * operators and are never fused. The results are therefore bit for bit the scalar ones
 * ({@code RevisedLaneBatchTest} asserts equality against the per-atom path).
 *
 * <p>Layout: the parameters transposed so that channels are contiguous, padded with zeros to a
 * multiple of {@link #LANES}: {@code wt[((s_i·|S|·K) + t)·cPad + c] = W[c][s_i][t]} with t = s_j·K + k,
 * likewise {@code vt} for V over the Ex angles e and {@code j0[s_i·ePad + e] = J0[e][s_i]}. The copy is
 * rebuilt when the model's {@link ParameterSet#version} moves (once per optimiser step; 2 × 2 048
 * values for the defaults). One instance per thread's scratch: it holds its own output buffers.
 *
 * <p>Only loaded in a JVM started with {@code jdk.incubator.vector} (the model checks first). C2 note:
 * no method takes or returns a vector (see docs/PERFORMANCE.md, JDK 17 and the Vector API).
 */
final class RevisedLaneContractions {
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    /** Channels per vector. */
    static final int LANES = SP.length();

    private final int channels;
    private final int couplings;
    private final int nSpecies;
    private final int terms;
    private final int cPad;
    private final int ePad;
    private final int oW;
    private final int oV;
    private final int oJ0;
    private final int exBase;
    private final double[] wt;
    private final double[] vt;
    private final double[] j0;
    private final double[] zero;
    /** One atom's results per channel or angle, before they are interleaved into the circuit's inputs. */
    private final double[] zx;
    private final double[] zy;
    private final double[] zz;
    private final double[] ze;
    private final double[] ux;
    private final double[] uy;
    private final double[] uz;
    private final double[] ue;
    private long version = -1;

    /**
     * @param channels  Enc vector channels (D+1)·nq
     * @param couplings Ex angles D·P
     * @param nSpecies  |S|
     * @param kBasis    K
     * @param oW        offset of W in the parameter vector (and oV of V, oJ0 of J0)
     * @param exBase    index of the first Ex angle among the circuit's inputs (3·channels)
     */
    RevisedLaneContractions(int channels, int couplings, int nSpecies, int kBasis, int oW, int oV, int oJ0,
                            int exBase) {
        this.channels = channels;
        this.couplings = couplings;
        this.nSpecies = nSpecies;
        this.terms = nSpecies * kBasis;
        this.cPad = pad(channels);
        this.ePad = pad(Math.max(couplings, 1));
        this.oW = oW;
        this.oV = oV;
        this.oJ0 = oJ0;
        this.exBase = exBase;
        this.wt = new double[nSpecies * terms * cPad];
        this.vt = new double[nSpecies * terms * ePad];
        this.j0 = new double[nSpecies * ePad];
        this.zero = new double[LANES];
        int max = Math.max(cPad, ePad);
        zx = new double[max];
        zy = new double[max];
        zz = new double[max];
        ze = new double[max];
        ux = new double[max];
        uy = new double[max];
        uz = new double[max];
        ue = new double[max];
    }

    private static int pad(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** Rebuilds the transposed copy if the parameters have changed since it was made. */
    void refresh(ParameterSet params) {
        long now = params.version();
        if (now == version) return;
        double[] v = params.values();
        for (int si = 0; si < nSpecies; si++) {
            for (int t = 0; t < terms; t++) {
                int row = si * terms + t;
                for (int c = 0; c < channels; c++) wt[row * cPad + c] = v[oW + (c * nSpecies + si) * terms + t];
                for (int e = 0; e < couplings; e++) vt[row * ePad + e] = v[oV + (e * nSpecies + si) * terms + t];
            }
            for (int e = 0; e < couplings; e++) j0[si * ePad + e] = v[oJ0 + e * nSpecies + si];
        }
        version = now;
    }

    /**
     * Atom i's circuit inputs into z[zo ..]: z[3c + a] = Σ_t W[c][si][t]·B_a[b + t − t0] and the Ex angles
     * z[exBase + e] = J0[e][si] + Σ_t V[e][si][t]·Bsca[..], t = t0 .. t0 + len − 1 (the frame's species span).
     */
    void inputs(int si, int t0, int len, double[] bx, double[] by, double[] bz, double[] bs, int b,
                double[] z, int zo) {
        int row0 = si * terms + t0;
        vectorSums(row0, len, bx, by, bz, b, zx, zy, zz);
        scalarSums(row0, len, j0, si * ePad, bs, b, ze);
        interleave(zx, zy, zz, ze, z, zo);
    }

    /**
     * As {@link #inputs}, and the directions u = W·U into u[zo ..] from the tangent sums U (ux, uy, uz, us at
     * offset o, the same span): u[3c + a] = Σ_t W[c][si][t]·U_a[o + t − t0], u[exBase + e] = Σ_t V[e][si][t]·Us[..].
     */
    void inputsAndDirections(int si, int t0, int len, double[] bx, double[] by, double[] bz, double[] bs, int b,
                             double[] tx, double[] ty, double[] tz, double[] ts, int o,
                             double[] z, double[] u, int zo) {
        inputs(si, t0, len, bx, by, bz, bs, b, z, zo);
        int row0 = si * terms + t0;
        vectorSums(row0, len, tx, ty, tz, o, ux, uy, uz);
        scalarSums(row0, len, zero, 0, ts, o, ue);
        interleave(ux, uy, uz, ue, u, zo);
    }

    /** out_a[c] = Σ_t wt[row0 + t][c]·x_a[at + t] for every channel c (lanes), t in order from 0. */
    private void vectorSums(int row0, int len, double[] x, double[] y, double[] zc, int at,
                            double[] outX, double[] outY, double[] outZ) {
        for (int cb = 0; cb < cPad; cb += LANES) {
            DoubleVector ax = DoubleVector.fromArray(SP, zero, 0);
            DoubleVector ay = ax, az = ax;
            for (int t = 0; t < len; t++) {
                DoubleVector w = DoubleVector.fromArray(SP, wt, (row0 + t) * cPad + cb);
                ax = ax.add(w.mul(DoubleVector.broadcast(SP, x[at + t])));
                ay = ay.add(w.mul(DoubleVector.broadcast(SP, y[at + t])));
                az = az.add(w.mul(DoubleVector.broadcast(SP, zc[at + t])));
            }
            ax.intoArray(outX, cb);
            ay.intoArray(outY, cb);
            az.intoArray(outZ, cb);
        }
    }

    /** out[e] = start[s0 + e] + Σ_t vt[row0 + t][e]·x[at + t] for every Ex angle e (lanes), t in order from 0. */
    private void scalarSums(int row0, int len, double[] start, int s0, double[] x, int at, double[] out) {
        for (int eb = 0; eb < ePad; eb += LANES) {
            // start is j0 (the Ex angles' J0) or the zero row (their directions); the zero row is LANES long
            DoubleVector a = DoubleVector.fromArray(SP, start, start == zero ? 0 : s0 + eb);
            for (int t = 0; t < len; t++) {
                DoubleVector w = DoubleVector.fromArray(SP, vt, (row0 + t) * ePad + eb);
                a = a.add(w.mul(DoubleVector.broadcast(SP, x[at + t])));
            }
            a.intoArray(out, eb);
        }
    }

    /** The circuit's input order: out[at + 3c + a] from the a-th component array, out[at + exBase + e] from ex. */
    private void interleave(double[] x, double[] y, double[] zc, double[] ex, double[] out, int at) {
        for (int c = 0; c < channels; c++) {
            out[at + 3 * c] = x[c];
            out[at + 3 * c + 1] = y[c];
            out[at + 3 * c + 2] = zc[c];
        }
        for (int e = 0; e < couplings; e++) out[at + exBase + e] = ex[e];
    }

    /**
     * The force contraction of {@code RevisedModel.contractGradient}: wg_a[o + t'] = Σ_c W[c][si][t]·g_{3c+a}
     * (channels in pairs, as there) and vg[o + t'] = Σ_e V[e][si][t]·g_{exBase+e}, t = t0 + t', t' &lt; len;
     * lanes over t, the channel sums in the scalar order per lane.
     */
    void contractGradient(int si, int t0, int len, double[] v, double[] g, int go,
                          double[] wgx, double[] wgy, double[] wgz, double[] vg, int o) {
        int wRow = oW + si * terms + t0, cStride = nSpecies * terms;
        int vRow = oV + si * terms + t0;
        int t = 0;
        for (; t + LANES <= len; t += LANES) {
            DoubleVector ax = DoubleVector.fromArray(SP, zero, 0);
            DoubleVector ay = ax, az = ax, as = ax;
            for (int c = 0; c < channels; c += 2) {
                int w = wRow + c * cStride + t, w1 = w + cStride, gc = go + 3 * c;
                DoubleVector a = DoubleVector.fromArray(SP, v, w), a1 = DoubleVector.fromArray(SP, v, w1);
                ax = ax.add(a.mul(DoubleVector.broadcast(SP, g[gc])).add(a1.mul(DoubleVector.broadcast(SP, g[gc + 3]))));
                ay = ay.add(a.mul(DoubleVector.broadcast(SP, g[gc + 1])).add(a1.mul(DoubleVector.broadcast(SP, g[gc + 4]))));
                az = az.add(a.mul(DoubleVector.broadcast(SP, g[gc + 2])).add(a1.mul(DoubleVector.broadcast(SP, g[gc + 5]))));
            }
            for (int e = 0; e < couplings; e++) {
                DoubleVector a = DoubleVector.fromArray(SP, v, vRow + e * cStride + t);
                as = as.add(a.mul(DoubleVector.broadcast(SP, g[go + exBase + e])));
            }
            ax.intoArray(wgx, o + t);
            ay.intoArray(wgy, o + t);
            az.intoArray(wgz, o + t);
            as.intoArray(vg, o + t);
        }
        for (; t < len; t++) {
            double ax = 0, ay = 0, az = 0, as = 0;
            for (int c = 0; c < channels; c += 2) {
                int w = wRow + c * cStride + t, w1 = w + cStride, gc = go + 3 * c;
                double a = v[w], a1 = v[w1];
                ax += a * g[gc] + a1 * g[gc + 3];
                ay += a * g[gc + 1] + a1 * g[gc + 4];
                az += a * g[gc + 2] + a1 * g[gc + 5];
            }
            for (int e = 0; e < couplings; e++) as += v[vRow + e * cStride + t] * g[go + exBase + e];
            wgx[o + t] = ax;
            wgy[o + t] = ay;
            wgz[o + t] = az;
            vg[o + t] = as;
        }
    }

    /**
     * The parameter-gradient update of {@code RevisedModel.accumulate}: grad[W[c][si][t]] += Γ_c·B[t] −
     * h_c·U[t] (3-vectors, h = scale·g) and grad[V[e][si][t]] += Γ_e·Bsca[t] − h_e·Us[t], lanes over t, every
     * element by the scalar expression's operations in its order. Γ = gamma[0 ..]; B at b, U at o.
     */
    void accumulate(int si, int t0, int len, double scale, double[] gamma, double[] g, int zo,
                    double[] bx, double[] by, double[] bz, double[] bs, int b,
                    double[] tx, double[] ty, double[] tz, double[] ts, int o, double[] grad) {
        int cStride = nSpecies * terms;
        int wRow = oW + si * terms + t0, vRow = oV + si * terms + t0;
        for (int c = 0; c < channels; c++) {
            double gx = gamma[3 * c], gy = gamma[3 * c + 1], gz = gamma[3 * c + 2];
            int gc = zo + 3 * c;
            double hx = scale * g[gc], hy = scale * g[gc + 1], hz = scale * g[gc + 2];
            int wi = wRow + c * cStride;
            DoubleVector vx = DoubleVector.broadcast(SP, gx), vy = DoubleVector.broadcast(SP, gy);
            DoubleVector vz = DoubleVector.broadcast(SP, gz);
            DoubleVector wx = DoubleVector.broadcast(SP, hx), wy = DoubleVector.broadcast(SP, hy);
            DoubleVector wz = DoubleVector.broadcast(SP, hz);
            int t = 0;
            for (; t + LANES <= len; t += LANES) {
                DoubleVector x = DoubleVector.fromArray(SP, bx, b + t), y = DoubleVector.fromArray(SP, by, b + t);
                DoubleVector zc = DoubleVector.fromArray(SP, bz, b + t);
                DoubleVector p = DoubleVector.fromArray(SP, tx, o + t), q = DoubleVector.fromArray(SP, ty, o + t);
                DoubleVector r = DoubleVector.fromArray(SP, tz, o + t);
                DoubleVector plus = vx.mul(x).add(vy.mul(y)).add(vz.mul(zc));
                DoubleVector minus = wx.mul(p).add(wy.mul(q)).add(wz.mul(r));
                DoubleVector.fromArray(SP, grad, wi + t).add(plus.sub(minus)).intoArray(grad, wi + t);
            }
            for (; t < len; t++) {
                grad[wi + t] += gx * bx[b + t] + gy * by[b + t] + gz * bz[b + t]
                        - (hx * tx[o + t] + hy * ty[o + t] + hz * tz[o + t]);
            }
        }
        for (int e = 0; e < couplings; e++) {
            double te = gamma[exBase + e], he = scale * g[zo + exBase + e];
            int vi = vRow + e * cStride;
            DoubleVector ve = DoubleVector.broadcast(SP, te), we = DoubleVector.broadcast(SP, he);
            int t = 0;
            for (; t + LANES <= len; t += LANES) {
                DoubleVector plus = ve.mul(DoubleVector.fromArray(SP, bs, b + t));
                DoubleVector minus = we.mul(DoubleVector.fromArray(SP, ts, o + t));
                DoubleVector.fromArray(SP, grad, vi + t).add(plus.sub(minus)).intoArray(grad, vi + t);
            }
            for (; t < len; t++) grad[vi + t] += te * bs[b + t] - he * ts[o + t];
        }
    }
}
