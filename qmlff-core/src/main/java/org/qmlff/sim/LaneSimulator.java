package org.qmlff.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Many small circuits of one structure at once, one circuit per SIMD lane: the value, gradient and
 * Hessian-vector product of ⟨O⟩(z) for up to {@link #LANES} input rows per sweep, bit for bit what
 * {@link SmallSimulator} computes for each row on its own.
 *
 * <p>Layout: amplitude-major. Amplitude a of lane l of a state vector is at {@code [a·LANES + l]}, and
 * every per-gate quantity (a gate's matrix entries, its generator coefficients, its reductions) likewise
 * at {@code [f·LANES + l]}, so every gate is a sequence of vertical vector operations (one
 * {@link DoubleVector} per amplitude, no shuffles, no horizontal sums: the inner products of the reverse
 * sweep accumulate per lane). LANES is the machine's double vector width ({@link DoubleVector#SPECIES_PREFERRED}:
 * 8 with AVX-512).
 *
 * <p>Exactness: every kernel here is {@link SmallSimulator}'s kernel with each scalar operation replaced by the
 * same lane-wise vector operation, in the same order (Java's vector additions and multiplications round
 * like its scalar ones, and neither fuses them), and the per-gate data are computed per lane by the same
 * {@link GateFormulas}. A row's results therefore do not depend on the other rows of its sweep, on its lane,
 * or on whether it ran here or in {@link SmallSimulator}: {@code LaneSimulatorTest} checks bit-for-bit
 * equality. Circuits whose plan holds gates without a lane kernel (tensor gates, fixed gates after the
 * first parametric gate) run row by row in the embedded {@link SmallSimulator}, the same results by definition.
 *
 * <p>Batch arrays are flat, row i of each belonging to circuit i, as in {@link BatchSimulator}: with m =
 * {@code c.inputs()}, inputs {@code z[i·m ..]}, directions {@code u[i·m ..]}, gradients {@code grads[i·m ..]},
 * Hessian-vector products {@code hvps[i·m ..]}, values {@code values[i]}. Rows are taken {@link #LANES} at a
 * time; a last partial group runs with its empty lanes at zero inputs (results discarded).
 *
 * <p>Not thread-safe (one per thread); allocates nothing after the per-gate data has grown to the
 * longest circuit seen. Deterministic.
 */
public final class LaneSimulator {
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    /** Circuits per sweep: the preferred vector's double lanes. */
    public static final int LANES = SP.length();
    private static final int L = LANES;
    /** Largest number of qubits (as {@link SmallSimulator}). */
    public static final int MAX_QUBITS = SmallSimulator.MAX_QUBITS;

    private static final int VALUE = 0;
    private static final int GRADIENT = 1;
    private static final int HVP = 2;

    // Per-gate data, STRIDE fields per gate, each LANES wide: the fields of SmallSimulator.
    private static final int E_G = 0;
    private static final int E_C = 4;
    private static final int E_H = 13;
    private static final int E_CDOT = 16;
    private static final int X_ALPHA = 0;
    private static final int X_BETA = 2;
    private static final int X_U = 4;
    private static final int Z_E = 0;
    private static final int Z_U = 2;
    private static final int STRIDE = 25;

    private static final int AMPS = 1 << MAX_QUBITS;
    private final double[] psiRe = new double[AMPS * L];
    private final double[] psiIm = new double[AMPS * L];
    private final double[] lamRe = new double[AMPS * L];
    private final double[] lamIm = new double[AMPS * L];
    private final double[] dpsiRe = new double[AMPS * L];
    private final double[] dpsiIm = new double[AMPS * L];
    private final double[] dlamRe = new double[AMPS * L];
    private final double[] dlamIm = new double[AMPS * L];
    /** The state after the leading fixed gates, broadcast over the lanes (as in SmallSimulator, once per circuit). */
    private final double[] prefixRe = new double[AMPS * L];
    private final double[] prefixIm = new double[AMPS * L];
    private Circuit prefixOf;
    /** One lane's state, gathered for the observable (scalar). */
    private final double[] oneRe = new double[AMPS];
    private final double[] oneIm = new double[AMPS];
    private final double[] oneOutRe = new double[AMPS];
    private final double[] oneOutIm = new double[AMPS];
    private final double[] fn = new double[GateFormulas.ENC_FUNCTIONS];
    private final double[] gateScratch = new double[STRIDE];
    /** Reductions of one gate: R_b at fields 0..3, S_b at 3..6. */
    private final double[] red = new double[6 * L];
    private final double[] values = new double[L];
    private final double[] values2 = new double[L];
    private double[] data = new double[0];
    /** Inputs, directions, gradients and Hessian-vector products of the current group, [input·LANES + lane]. */
    private double[] zL = new double[0];
    private double[] uL = new double[0];
    private double[] gL = new double[0];
    private double[] hL = new double[0];
    /** The path for circuits without lane kernels, and the per-row reference. */
    private final SmallSimulator small = new SmallSimulator();

    /** A simulator for up to {@value #MAX_QUBITS}-qubit circuits, {@link #LANES} at a time. */
    public LaneSimulator() {
    }

    /** Whether circuits of this many qubits fit. */
    public static boolean fits(int qubits) {
        return qubits <= MAX_QUBITS;
    }

    /** values[i] = ⟨O⟩ of row i, for i &lt; count. */
    public void expectations(Circuit c, Observable o, int count, double[] z, double[] values) {
        run(VALUE, c, o, count, z, null, values, null, null);
    }

    /** values[i] = ⟨O⟩ and row i of grads = ∂⟨O⟩/∂z of circuit i, for i &lt; count. */
    public void gradients(Circuit c, Observable o, int count, double[] z, double[] values, double[] grads) {
        run(GRADIENT, c, o, count, z, null, values, grads, null);
    }

    /** values[i] = ⟨O⟩, row i of grads = ∂⟨O⟩/∂z and row i of hvps = H·u_i of circuit i, for i &lt; count. */
    public void hessianVectorProducts(Circuit c, Observable o, int count, double[] z, double[] u, double[] values,
                                      double[] grads, double[] hvps) {
        run(HVP, c, o, count, z, u, values, grads, hvps);
    }

    private void run(int level, Circuit c, Observable o, int count, double[] z, double[] u, double[] values,
                     double[] grads, double[] hvps) {
        if (!fits(c.qubits())) {
            throw new IllegalArgumentException("lane simulator: the circuit has " + c.qubits() + " qubits, more than "
                    + MAX_QUBITS);
        }
        o.checkQubits(c.qubits());
        int m = c.inputs();
        checkRows("z", z, count, m);
        checkRows("values", values, count, 1);
        if (level >= GRADIENT) checkRows("grads", grads, count, m);
        if (level == HVP) {
            checkRows("u", u, count, m);
            checkRows("hvps", hvps, count, m);
        }
        ExecutionPlan plan = c.plan(o, Simulator.CHUNK_LOG);
        Circuit run = plan.circuit();
        Observable obs = plan.observable();
        if (!laneKernels(run)) {
            for (int i = 0; i < count; i++) {
                values[i] = switch (level) {
                    case VALUE -> small.expectation(run, obs, z, i * m);
                    case GRADIENT -> small.gradient(run, obs, z, i * m, grads, i * m);
                    default -> small.hessianVectorProduct(run, obs, z, i * m, u, i * m, grads, i * m, hvps, i * m);
                };
            }
            return;
        }
        ensure(run, m);
        for (int from = 0; from < count; from += L) {
            int rows = Math.min(L, count - from);
            group(level, run, obs, m, from, rows, z, u, values, grads, hvps);
        }
    }

    /** Whether every gate of the (planned) circuit after its fixed prefix has a lane kernel. */
    static boolean laneKernels(Circuit c) {
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            GateKind kind = c.gate(k).kind();
            if (kind != GateKind.ENC && kind != GateKind.EX && kind != GateKind.RZ) return false;
        }
        return true;
    }

    private void ensure(Circuit c, int m) {
        int need = c.gateCount() * STRIDE * L;
        if (data.length < need) data = new double[need];
        if (zL.length < m * L) {
            zL = new double[m * L];
            uL = new double[m * L];
            gL = new double[m * L];
            hL = new double[m * L];
        }
    }

    private void group(int level, Circuit c, Observable o, int m, int from, int rows, double[] z, double[] u,
                       double[] values, double[] grads, double[] hvps) {
        gather(z, from, rows, m, zL);
        if (level == HVP) gather(u, from, rows, m, uL);
        prepare(c, level);
        int n = c.qubits();
        forward(c, level == HVP);
        observe(n, o, psiRe, psiIm, lamRe, lamIm, this.values);
        if (level == HVP) observe(n, o, dpsiRe, dpsiIm, dlamRe, dlamIm, values2);
        System.arraycopy(this.values, 0, values, from, rows);
        if (level == VALUE) return;
        Arrays.fill(gL, 0, m * L, 0.0);
        if (level == HVP) Arrays.fill(hL, 0, m * L, 0.0);
        reverse(c, level == HVP);
        scatter(gL, from, rows, m, grads);
        if (level == HVP) scatter(hL, from, rows, m, hvps);
    }

    /** Rows from..from+rows of the row-major x into the lane-major out; empty lanes get zeros. */
    private static void gather(double[] x, int from, int rows, int m, double[] out) {
        if (rows < L) Arrays.fill(out, 0, m * L, 0.0);
        for (int l = 0; l < rows; l++) {
            int r = (from + l) * m;
            for (int t = 0; t < m; t++) out[t * L + l] = x[r + t];
        }
    }

    private static void scatter(double[] x, int from, int rows, int m, double[] out) {
        for (int l = 0; l < rows; l++) {
            int r = (from + l) * m;
            for (int t = 0; t < m; t++) out[r + t] = x[t * L + l];
        }
    }

    private static void checkRows(String name, double[] a, int count, int m) {
        if (a == null) throw new IllegalArgumentException("lane simulator: array " + name + " is null");
        if (count < 0 || (long) count * m > a.length) {
            throw new IllegalArgumentException("lane simulator: array " + name + " has length " + a.length + " but "
                    + count + " rows of " + m + " are needed");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Per-gate data, lane by lane (scalar: the same GateFormulas calls as SmallSimulator)

    private void prepare(Circuit c, int level) {
        double[] e = gateScratch;
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            int i = g.input();
            int d = k * STRIDE * L;
            switch (g.kind()) {
                case ENC -> {
                    for (int l = 0; l < L; l++) {
                        double vx = zL[i * L + l], vy = zL[(i + 1) * L + l], vz = zL[(i + 2) * L + l];
                        GateFormulas.enc(vx, vy, vz, fn, e, E_G);
                        int fields = 4;
                        if (level != VALUE) {
                            GateFormulas.encGenerator(fn, vx, vy, vz, e, E_C);
                            fields = 13;
                            if (level == HVP) {
                                double ux = uL[i * L + l], uy = uL[(i + 1) * L + l], uz = uL[(i + 2) * L + l];
                                for (int b = 0; b < 3; b++) {
                                    e[E_H + b] = -0.5 * (ux * e[E_C + b] + uy * e[E_C + 3 + b] + uz * e[E_C + 6 + b]);
                                }
                                GateFormulas.encGeneratorTangent(fn, vx, vy, vz, ux, uy, uz, e, E_CDOT);
                                fields = STRIDE;
                            }
                        }
                        for (int f = 0; f < fields; f++) data[d + f * L + l] = e[f];
                    }
                }
                case EX -> {
                    for (int l = 0; l < L; l++) {
                        GateFormulas.exPhases(zL[i * L + l], e, X_ALPHA);
                        e[X_U] = level == HVP ? uL[i * L + l] : 0;
                        for (int f = 0; f < 5; f++) data[d + f * L + l] = e[f];
                    }
                }
                case RZ -> {
                    for (int l = 0; l < L; l++) {
                        GateFormulas.rzPhase(zL[i * L + l], e, Z_E);
                        e[Z_U] = level == HVP ? uL[i * L + l] : 0;
                        for (int f = 0; f < 3; f++) data[d + f * L + l] = e[f];
                    }
                }
                default -> throw new IllegalStateException("lane simulator: no lane kernel for " + g.kind());
            }
        }
    }

    private DoubleVector field(int d, int f) {
        return DoubleVector.fromArray(SP, data, d + f * L);
    }

    // ---------------------------------------------------------------------------------------------
    // Sweeps

    private void forward(Circuit c, boolean tangent) {
        int n = c.qubits();
        int size = 1 << n;
        if (prefixOf != c) {
            double[] re = new double[size];
            double[] im = new double[size];
            re[0] = 1.0;
            for (int k = 0; k < c.firstParametric(); k++) {
                Gate g = c.gate(k);
                GateLayout.applyFixed(KernelPolicy.SMALL_PATH_KERNELS, n, g, g.matrix(), re, im, 0,
                        1 << (n - g.kind().qubits));
            }
            for (int a = 0; a < size; a++) {
                Arrays.fill(prefixRe, a * L, (a + 1) * L, re[a]);
                Arrays.fill(prefixIm, a * L, (a + 1) * L, im[a]);
            }
            prefixOf = c;
        }
        System.arraycopy(prefixRe, 0, psiRe, 0, size * L);
        System.arraycopy(prefixIm, 0, psiIm, 0, size * L);
        if (tangent) {
            Arrays.fill(dpsiRe, 0, size * L, 0.0);
            Arrays.fill(dpsiIm, 0, size * L, 0.0);
        }
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            int d = k * STRIDE * L;
            switch (g.kind()) {
                case ENC -> {
                    if (tangent) encForwardTangent(size, mask(n, g.p()), d);
                    else su2(size, mask(n, g.p()), d);
                }
                case EX -> exForward(size, mask(n, g.p()), mask(n, g.q()), d, tangent);
                case RZ -> rzForward(size, mask(n, g.p()), d, tangent);
                default -> throw new IllegalStateException("lane simulator: no lane kernel for " + g.kind());
            }
        }
    }

    private void reverse(Circuit c, boolean hvpToo) {
        int n = c.qubits();
        int size = 1 << n;
        for (int k = c.gateCount() - 1; k >= c.firstParametric(); k--) {
            Gate g = c.gate(k);
            int d = k * STRIDE * L;
            int in = g.input();
            switch (g.kind()) {
                case ENC -> {
                    encReverse(size, mask(n, g.p()), d, hvpToo);
                    encContract(d, in, hvpToo);
                }
                case EX -> {
                    exReverse(size, mask(n, g.p()), mask(n, g.q()), d, hvpToo);
                    addRed(gL, in, 0);
                    if (hvpToo) addRed(hL, in, 3);
                }
                case RZ -> {
                    rzReverse(size, mask(n, g.p()), d, hvpToo);
                    addRed(gL, in, 0);
                    if (hvpToo) addRed(hL, in, 3);
                }
                default -> throw new IllegalStateException("lane simulator: no lane kernel for " + g.kind());
            }
        }
    }

    /** x[in] += red field f, lane-wise. */
    private void addRed(double[] x, int in, int f) {
        DoubleVector.fromArray(SP, x, in * L).add(DoubleVector.fromArray(SP, red, f * L)).intoArray(x, in * L);
    }

    /** grad[in + a] += c_a·R and hvp[in + a] += c_a·S + ċ_a·R (SmallSimulator's dot3 order). */
    private void encContract(int d, int in, boolean hvpToo) {
        DoubleVector r0 = DoubleVector.fromArray(SP, red, 0);
        DoubleVector r1 = DoubleVector.fromArray(SP, red, L);
        DoubleVector r2 = DoubleVector.fromArray(SP, red, 2 * L);
        for (int a = 0; a < 3; a++) {
            int row = E_C + 3 * a;
            DoubleVector c0 = field(d, row);
            DoubleVector c1 = field(d, row + 1);
            DoubleVector c2 = field(d, row + 2);
            int at = (in + a) * L;
            DoubleVector.fromArray(SP, gL, at).add(c0.mul(r0).add(c1.mul(r1)).add(c2.mul(r2))).intoArray(gL, at);
            if (hvpToo) {
                DoubleVector s0 = DoubleVector.fromArray(SP, red, 3 * L);
                DoubleVector s1 = DoubleVector.fromArray(SP, red, 4 * L);
                DoubleVector s2 = DoubleVector.fromArray(SP, red, 5 * L);
                int cd = E_CDOT + 3 * a;
                DoubleVector t = c0.mul(s0).add(c1.mul(s1)).add(c2.mul(s2))
                        .add(field(d, cd).mul(r0).add(field(d, cd + 1).mul(r1)).add(field(d, cd + 2).mul(r2)));
                DoubleVector.fromArray(SP, hL, at).add(t).intoArray(hL, at);
            }
        }
    }

    /** out ← O x per lane (scalar, via the observable); values[l] = ⟨x|O|x⟩ of lane l. */
    private void observe(int n, Observable o, double[] xr, double[] xi, double[] outRe, double[] outIm, double[] vals) {
        int size = 1 << n;
        for (int l = 0; l < L; l++) {
            for (int a = 0; a < size; a++) {
                oneRe[a] = xr[a * L + l];
                oneIm[a] = xi[a * L + l];
            }
            o.apply(n, oneRe, oneIm, oneOutRe, oneOutIm, 0, size);
            double s = 0;
            for (int a = 0; a < size; a++) {
                s += oneRe[a] * oneOutRe[a] + oneIm[a] * oneOutIm[a];
                outRe[a * L + l] = oneOutRe[a];
                outIm[a * L + l] = oneOutIm[a];
            }
            vals[l] = s;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Enc (SmallSimulator's su2, encForwardTangent, encReverse, encTangentPass lane-wise). Indices are of
    // amplitudes; ×L gives the lane block.

    private static DoubleVector ld(double[] x, int amp) {
        return DoubleVector.fromArray(SP, x, amp * L);
    }

    private void su2(int size, int m, int d) {
        DoubleVector a = field(d, E_G);
        DoubleVector bx = field(d, E_G + 1);
        DoubleVector by = field(d, E_G + 2);
        DoubleVector bz = field(d, E_G + 3);
        double[] re = psiRe;
        double[] im = psiIm;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector x0r = DoubleVector.fromArray(SP, re, i0);
            DoubleVector x0i = DoubleVector.fromArray(SP, im, i0);
            DoubleVector x1r = DoubleVector.fromArray(SP, re, i1);
            DoubleVector x1i = DoubleVector.fromArray(SP, im, i1);
            a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i)).intoArray(re, i0);
            a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r)).intoArray(im, i0);
            by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i)).intoArray(re, i1);
            by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r)).intoArray(im, i1);
        }
    }

    private void encForwardTangent(int size, int m, int d) {
        DoubleVector a = field(d, E_G);
        DoubleVector bx = field(d, E_G + 1);
        DoubleVector by = field(d, E_G + 2);
        DoubleVector bz = field(d, E_G + 3);
        DoubleVector hx = field(d, E_H).neg();
        DoubleVector hy = field(d, E_H + 1).neg();
        DoubleVector hz = field(d, E_H + 2).neg();
        DoubleVector nhz = hz.neg();
        double[] xr = psiRe;
        double[] xi = psiIm;
        double[] yr = dpsiRe;
        double[] yi = dpsiIm;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector x0r = DoubleVector.fromArray(SP, xr, i0);
            DoubleVector x0i = DoubleVector.fromArray(SP, xi, i0);
            DoubleVector x1r = DoubleVector.fromArray(SP, xr, i1);
            DoubleVector x1i = DoubleVector.fromArray(SP, xi, i1);
            DoubleVector y0r = DoubleVector.fromArray(SP, yr, i0)
                    .add(hz.mul(x0i).sub(hy.mul(x1r)).add(hx.mul(x1i)));
            DoubleVector y0i = DoubleVector.fromArray(SP, yi, i0)
                    .add(nhz.mul(x0r).sub(hy.mul(x1i)).sub(hx.mul(x1r)));
            DoubleVector y1r = DoubleVector.fromArray(SP, yr, i1)
                    .add(hy.mul(x0r).add(hx.mul(x0i)).sub(hz.mul(x1i)));
            DoubleVector y1i = DoubleVector.fromArray(SP, yi, i1)
                    .add(hy.mul(x0i).sub(hx.mul(x0r)).add(hz.mul(x1r)));
            a.mul(y0r).add(bz.mul(y0i)).sub(by.mul(y1r)).add(bx.mul(y1i)).intoArray(yr, i0);
            a.mul(y0i).sub(bz.mul(y0r)).sub(by.mul(y1i)).sub(bx.mul(y1r)).intoArray(yi, i0);
            by.mul(y0r).add(bx.mul(y0i)).add(a.mul(y1r)).sub(bz.mul(y1i)).intoArray(yr, i1);
            by.mul(y0i).sub(bx.mul(y0r)).add(a.mul(y1i)).add(bz.mul(y1r)).intoArray(yi, i1);
            a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i)).intoArray(xr, i0);
            a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r)).intoArray(xi, i0);
            by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i)).intoArray(xr, i1);
            by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r)).intoArray(xi, i1);
        }
    }

    private void encReverse(int size, int m, int d, boolean hvpToo) {
        DoubleVector a = field(d, E_G);
        DoubleVector bx = field(d, E_G + 1).neg();
        DoubleVector by = field(d, E_G + 2).neg();
        DoubleVector bz = field(d, E_G + 3).neg();
        DoubleVector rx = DoubleVector.zero(SP);
        DoubleVector ry = rx;
        DoubleVector rz = rx;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector x0r = DoubleVector.fromArray(SP, psiRe, i0);
            DoubleVector x0i = DoubleVector.fromArray(SP, psiIm, i0);
            DoubleVector x1r = DoubleVector.fromArray(SP, psiRe, i1);
            DoubleVector x1i = DoubleVector.fromArray(SP, psiIm, i1);
            DoubleVector p0r = a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i));
            DoubleVector p0i = a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r));
            DoubleVector p1r = by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i));
            DoubleVector p1i = by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r));
            p0r.intoArray(psiRe, i0);
            p0i.intoArray(psiIm, i0);
            p1r.intoArray(psiRe, i1);
            p1i.intoArray(psiIm, i1);
            x0r = DoubleVector.fromArray(SP, lamRe, i0);
            x0i = DoubleVector.fromArray(SP, lamIm, i0);
            x1r = DoubleVector.fromArray(SP, lamRe, i1);
            x1i = DoubleVector.fromArray(SP, lamIm, i1);
            DoubleVector l0r = a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i));
            DoubleVector l0i = a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r));
            DoubleVector l1r = by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i));
            DoubleVector l1i = by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r));
            l0r.intoArray(lamRe, i0);
            l0i.intoArray(lamIm, i0);
            l1r.intoArray(lamRe, i1);
            l1i.intoArray(lamIm, i1);
            // pauliX, pauliY, pauliZ of SmallSimulator
            rx = rx.add(l0r.mul(p1i).sub(l0i.mul(p1r)).add(l1r.mul(p0i)).sub(l1i.mul(p0r)));
            ry = ry.add(l1r.mul(p0r).add(l1i.mul(p0i)).sub(l0r.mul(p1r)).sub(l0i.mul(p1i)));
            rz = rz.add(l0r.mul(p0i).sub(l0i.mul(p0r)).sub(l1r.mul(p1i)).add(l1i.mul(p1r)));
        }
        rx.intoArray(red, 0);
        ry.intoArray(red, L);
        rz.intoArray(red, 2 * L);
        if (hvpToo) {
            encTangentPass(dpsiRe, dpsiIm, psiRe, psiIm, lamRe, lamIm, size, m, d);
            DoubleVector sx = DoubleVector.fromArray(SP, red, 3 * L);
            DoubleVector sy = DoubleVector.fromArray(SP, red, 4 * L);
            DoubleVector sz = DoubleVector.fromArray(SP, red, 5 * L);
            encTangentPass(dlamRe, dlamIm, lamRe, lamIm, psiRe, psiIm, size, m, d);
            sx.sub(DoubleVector.fromArray(SP, red, 3 * L)).intoArray(red, 3 * L);
            sy.sub(DoubleVector.fromArray(SP, red, 4 * L)).intoArray(red, 4 * L);
            sz.sub(DoubleVector.fromArray(SP, red, 5 * L)).intoArray(red, 5 * L);
        }
    }

    /** y ← G†y − Wx, and red fields 3..6 = Im⟨w|σ_b y⟩ of the updated y. */
    private void encTangentPass(double[] yr, double[] yi, double[] xr, double[] xi, double[] wr, double[] wi,
                                int size, int m, int d) {
        DoubleVector a = field(d, E_G);
        DoubleVector bx = field(d, E_G + 1).neg();
        DoubleVector by = field(d, E_G + 2).neg();
        DoubleVector bz = field(d, E_G + 3).neg();
        DoubleVector hx = field(d, E_H);
        DoubleVector hy = field(d, E_H + 1);
        DoubleVector hz = field(d, E_H + 2);
        DoubleVector nhz = hz.neg();
        DoubleVector sx = DoubleVector.zero(SP);
        DoubleVector sy = sx;
        DoubleVector sz = sx;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector p0r = DoubleVector.fromArray(SP, xr, i0);
            DoubleVector p0i = DoubleVector.fromArray(SP, xi, i0);
            DoubleVector p1r = DoubleVector.fromArray(SP, xr, i1);
            DoubleVector p1i = DoubleVector.fromArray(SP, xi, i1);
            DoubleVector x0r = DoubleVector.fromArray(SP, yr, i0);
            DoubleVector x0i = DoubleVector.fromArray(SP, yi, i0);
            DoubleVector x1r = DoubleVector.fromArray(SP, yr, i1);
            DoubleVector x1i = DoubleVector.fromArray(SP, yi, i1);
            DoubleVector q0r = a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i))
                    .add(hz.mul(p0i).sub(hy.mul(p1r)).add(hx.mul(p1i)));
            DoubleVector q0i = a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r))
                    .add(nhz.mul(p0r).sub(hy.mul(p1i)).sub(hx.mul(p1r)));
            DoubleVector q1r = by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i))
                    .add(hy.mul(p0r).add(hx.mul(p0i)).sub(hz.mul(p1i)));
            DoubleVector q1i = by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r))
                    .add(hy.mul(p0i).sub(hx.mul(p0r)).add(hz.mul(p1r)));
            q0r.intoArray(yr, i0);
            q0i.intoArray(yi, i0);
            q1r.intoArray(yr, i1);
            q1i.intoArray(yi, i1);
            DoubleVector w0r = DoubleVector.fromArray(SP, wr, i0);
            DoubleVector w0i = DoubleVector.fromArray(SP, wi, i0);
            DoubleVector w1r = DoubleVector.fromArray(SP, wr, i1);
            DoubleVector w1i = DoubleVector.fromArray(SP, wi, i1);
            sx = sx.add(w0r.mul(q1i).sub(w0i.mul(q1r)).add(w1r.mul(q0i)).sub(w1i.mul(q0r)));
            sy = sy.add(w1r.mul(q0r).add(w1i.mul(q0i)).sub(w0r.mul(q1r)).sub(w0i.mul(q1i)));
            sz = sz.add(w0r.mul(q0i).sub(w0i.mul(q0r)).sub(w1r.mul(q1i)).add(w1i.mul(q1r)));
        }
        sx.intoArray(red, 3 * L);
        sy.intoArray(red, 4 * L);
        sz.intoArray(red, 5 * L);
    }

    // ---------------------------------------------------------------------------------------------
    // Ex (SmallSimulator's exForward, exReverse lane-wise)

    private void exForward(int size, int mp, int mq, int d, boolean tangent) {
        DoubleVector ar = field(d, X_ALPHA);
        DoubleVector ai = field(d, X_ALPHA + 1);
        DoubleVector br = field(d, X_BETA);
        DoubleVector bi = field(d, X_BETA + 1);
        DoubleVector nu = field(d, X_U).neg();
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        for (int j = 0; j < size / 4; j++) {
            int i00 = pair(pair(j, lo), hi);
            int i01 = (i00 + mq) * L;
            int i10 = (i00 + mp) * L;
            int i11 = (i00 + mp + mq) * L;
            i00 *= L;
            mul(psiRe, psiIm, i00, ar, ai);
            mul(psiRe, psiIm, i11, ar, ai);
            exMiddle(psiRe, psiIm, i01, i10, ar, ai, br, bi);
            if (tangent) {
                diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i00, ar, ai, nu);
                diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i11, ar, ai, nu);
                exMiddleTangent(dpsiRe, dpsiIm, psiRe, psiIm, i01, i10, ar, ai, br, bi, nu);
            }
        }
    }

    private void exReverse(int size, int mp, int mq, int d, boolean hvpToo) {
        DoubleVector ar = field(d, X_ALPHA);
        DoubleVector ai = field(d, X_ALPHA + 1).neg();
        DoubleVector br = field(d, X_BETA);
        DoubleVector bi = field(d, X_BETA + 1).neg();
        DoubleVector u = field(d, X_U);
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        DoubleVector r = DoubleVector.zero(SP);
        DoubleVector s = r;
        for (int j = 0; j < size / 4; j++) {
            int i00 = pair(pair(j, lo), hi);
            int i01 = (i00 + mq) * L;
            int i10 = (i00 + mp) * L;
            int i11 = (i00 + mp + mq) * L;
            i00 *= L;
            mul(psiRe, psiIm, i00, ar, ai);
            mul(psiRe, psiIm, i11, ar, ai);
            mul(lamRe, lamIm, i00, ar, ai);
            mul(lamRe, lamIm, i11, ar, ai);
            exMiddle(psiRe, psiIm, i01, i10, ar, ai, br, bi);
            exMiddle(lamRe, lamIm, i01, i10, ar, ai, br, bi);
            r = r.add(imConjDifference(lamRe, lamIm, psiRe, psiIm, i01, i10));
            if (!hvpToo) continue;
            diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i00, ar, ai, u);
            diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i11, ar, ai, u);
            diagTangent(dlamRe, dlamIm, lamRe, lamIm, i00, ar, ai, u);
            diagTangent(dlamRe, dlamIm, lamRe, lamIm, i11, ar, ai, u);
            exMiddleTangent(dpsiRe, dpsiIm, psiRe, psiIm, i01, i10, ar, ai, br, bi, u);
            exMiddleTangent(dlamRe, dlamIm, lamRe, lamIm, i01, i10, ar, ai, br, bi, u);
            s = s.add(imConjDifference(dlamRe, dlamIm, psiRe, psiIm, i01, i10)
                    .add(imConjDifference(lamRe, lamIm, dpsiRe, dpsiIm, i01, i10)));
        }
        r.mul(-4.0).intoArray(red, 0);
        s.mul(-4.0).intoArray(red, 3 * L);
    }

    /** On lane blocks (x01, x10): s ← a s, d ← b d (s = x01 + x10, d = x01 − x10). */
    private static void exMiddle(double[] re, double[] im, int i01, int i10, DoubleVector ar, DoubleVector ai,
                                 DoubleVector br, DoubleVector bi) {
        DoubleVector r01 = DoubleVector.fromArray(SP, re, i01);
        DoubleVector r10 = DoubleVector.fromArray(SP, re, i10);
        DoubleVector m01 = DoubleVector.fromArray(SP, im, i01);
        DoubleVector m10 = DoubleVector.fromArray(SP, im, i10);
        DoubleVector sr = r01.add(r10);
        DoubleVector si = m01.add(m10);
        DoubleVector dr = r01.sub(r10);
        DoubleVector di = m01.sub(m10);
        rebuild(re, im, i01, i10, ar.mul(sr).sub(ai.mul(si)), ar.mul(si).add(ai.mul(sr)),
                br.mul(dr).sub(bi.mul(di)), br.mul(di).add(bi.mul(dr)));
    }

    /** The tangent y of exMiddle, x the updated state: s_y ← a s_y + iu s_x, d_y ← b d_y − 3iu d_x. */
    private static void exMiddleTangent(double[] yr, double[] yi, double[] xr, double[] xi, int i01, int i10,
                                        DoubleVector ar, DoubleVector ai, DoubleVector br, DoubleVector bi,
                                        DoubleVector u) {
        DoubleVector y01r = DoubleVector.fromArray(SP, yr, i01);
        DoubleVector y10r = DoubleVector.fromArray(SP, yr, i10);
        DoubleVector y01i = DoubleVector.fromArray(SP, yi, i01);
        DoubleVector y10i = DoubleVector.fromArray(SP, yi, i10);
        DoubleVector x01r = DoubleVector.fromArray(SP, xr, i01);
        DoubleVector x10r = DoubleVector.fromArray(SP, xr, i10);
        DoubleVector x01i = DoubleVector.fromArray(SP, xi, i01);
        DoubleVector x10i = DoubleVector.fromArray(SP, xi, i10);
        DoubleVector qsr = y01r.add(y10r);
        DoubleVector qsi = y01i.add(y10i);
        DoubleVector qdr = y01r.sub(y10r);
        DoubleVector qdi = y01i.sub(y10i);
        DoubleVector sxr = x01r.add(x10r);
        DoubleVector sxi = x01i.add(x10i);
        DoubleVector dxr = x01r.sub(x10r);
        DoubleVector dxi = x01i.sub(x10i);
        DoubleVector u3 = u.mul(3.0);
        rebuild(yr, yi, i01, i10, ar.mul(qsr).sub(ai.mul(qsi)).sub(u.mul(sxi)),
                ar.mul(qsi).add(ai.mul(qsr)).add(u.mul(sxr)),
                br.mul(qdr).sub(bi.mul(qdi)).add(u3.mul(dxi)),
                br.mul(qdi).add(bi.mul(qdr)).sub(u3.mul(dxr)));
    }

    /** Im(conj(l01 − l10)(x01 − x10)) per lane. */
    private static DoubleVector imConjDifference(double[] lr, double[] li, double[] xr, double[] xi, int i01, int i10) {
        DoubleVector dlr = DoubleVector.fromArray(SP, lr, i01).sub(DoubleVector.fromArray(SP, lr, i10));
        DoubleVector dli = DoubleVector.fromArray(SP, li, i01).sub(DoubleVector.fromArray(SP, li, i10));
        DoubleVector dxi = DoubleVector.fromArray(SP, xi, i01).sub(DoubleVector.fromArray(SP, xi, i10));
        DoubleVector dxr = DoubleVector.fromArray(SP, xr, i01).sub(DoubleVector.fromArray(SP, xr, i10));
        return dlr.mul(dxi).sub(dli.mul(dxr));
    }

    /** x01 = (s + d)/2, x10 = (s − d)/2. */
    private static void rebuild(double[] re, double[] im, int i01, int i10, DoubleVector sr, DoubleVector si,
                                DoubleVector dr, DoubleVector di) {
        sr.add(dr).mul(0.5).intoArray(re, i01);
        si.add(di).mul(0.5).intoArray(im, i01);
        sr.sub(dr).mul(0.5).intoArray(re, i10);
        si.sub(di).mul(0.5).intoArray(im, i10);
    }

    /** Lane block i ← (ar + i ai)·block. */
    private static void mul(double[] re, double[] im, int i, DoubleVector ar, DoubleVector ai) {
        DoubleVector xr = DoubleVector.fromArray(SP, re, i);
        DoubleVector xi = DoubleVector.fromArray(SP, im, i);
        ar.mul(xr).sub(ai.mul(xi)).intoArray(re, i);
        ar.mul(xi).add(ai.mul(xr)).intoArray(im, i);
    }

    /** y ← e·y + i w x on lane block i (SmallSimulator's exDiagTangent). */
    private static void diagTangent(double[] yr, double[] yi, double[] xr, double[] xi, int i, DoubleVector er,
                                    DoubleVector ei, DoubleVector w) {
        DoubleVector r = DoubleVector.fromArray(SP, yr, i);
        DoubleVector m = DoubleVector.fromArray(SP, yi, i);
        er.mul(r).sub(ei.mul(m)).sub(w.mul(DoubleVector.fromArray(SP, xi, i))).intoArray(yr, i);
        er.mul(m).add(ei.mul(r)).add(w.mul(DoubleVector.fromArray(SP, xr, i))).intoArray(yi, i);
    }

    // ---------------------------------------------------------------------------------------------
    // RZ (SmallSimulator's rzForward, rzReverse lane-wise)

    private void rzForward(int size, int m, int d, boolean tangent) {
        DoubleVector er = field(d, Z_E);
        DoubleVector ei = field(d, Z_E + 1);
        DoubleVector nei = ei.neg();
        DoubleVector hu = field(d, Z_U).mul(0.5);
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            if (tangent) {
                DoubleVector p0r = DoubleVector.fromArray(SP, psiRe, i0);
                DoubleVector p0i = DoubleVector.fromArray(SP, psiIm, i0);
                DoubleVector p1r = DoubleVector.fromArray(SP, psiRe, i1);
                DoubleVector p1i = DoubleVector.fromArray(SP, psiIm, i1);
                DoubleVector y0r = DoubleVector.fromArray(SP, dpsiRe, i0).add(hu.mul(p0i));
                DoubleVector y0i = DoubleVector.fromArray(SP, dpsiIm, i0).sub(hu.mul(p0r));
                DoubleVector y1r = DoubleVector.fromArray(SP, dpsiRe, i1).sub(hu.mul(p1i));
                DoubleVector y1i = DoubleVector.fromArray(SP, dpsiIm, i1).add(hu.mul(p1r));
                er.mul(y0r).sub(ei.mul(y0i)).intoArray(dpsiRe, i0);
                er.mul(y0i).add(ei.mul(y0r)).intoArray(dpsiIm, i0);
                er.mul(y1r).add(ei.mul(y1i)).intoArray(dpsiRe, i1);
                er.mul(y1i).sub(ei.mul(y1r)).intoArray(dpsiIm, i1);
            }
            mul(psiRe, psiIm, i0, er, ei);
            mul(psiRe, psiIm, i1, er, nei);
        }
    }

    private void rzReverse(int size, int m, int d, boolean hvpToo) {
        DoubleVector er = field(d, Z_E);
        DoubleVector ei = field(d, Z_E + 1).neg();
        DoubleVector nei = ei.neg();
        DoubleVector hu = field(d, Z_U).mul(0.5);
        DoubleVector nhu = hu.neg();
        DoubleVector r = DoubleVector.zero(SP);
        DoubleVector s = r;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            mul(psiRe, psiIm, i0, er, ei);
            mul(psiRe, psiIm, i1, er, nei);
            mul(lamRe, lamIm, i0, er, ei);
            mul(lamRe, lamIm, i1, er, nei);
            r = r.add(imConjMul(lamRe, lamIm, psiRe, psiIm, i0).sub(imConjMul(lamRe, lamIm, psiRe, psiIm, i1)));
            if (!hvpToo) continue;
            diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i0, er, ei, hu);
            diagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i1, er, nei, nhu);
            diagTangent(dlamRe, dlamIm, lamRe, lamIm, i0, er, ei, hu);
            diagTangent(dlamRe, dlamIm, lamRe, lamIm, i1, er, nei, nhu);
            s = s.add(imConjMul(dlamRe, dlamIm, psiRe, psiIm, i0).add(imConjMul(lamRe, lamIm, dpsiRe, dpsiIm, i0))
                    .sub(imConjMul(dlamRe, dlamIm, psiRe, psiIm, i1)).sub(imConjMul(lamRe, lamIm, dpsiRe, dpsiIm, i1)));
        }
        r.intoArray(red, 0);
        s.intoArray(red, 3 * L);
    }

    /** Im(l̄ x) per lane of block i. */
    private static DoubleVector imConjMul(double[] lr, double[] li, double[] xr, double[] xi, int i) {
        return DoubleVector.fromArray(SP, lr, i).mul(DoubleVector.fromArray(SP, xi, i))
                .sub(DoubleVector.fromArray(SP, li, i).mul(DoubleVector.fromArray(SP, xr, i)));
    }

    private static int pair(int j, int m) {
        return j + (j & -m);
    }

    private static int mask(int n, int q) {
        return 1 << Simulator.bitOf(n, q);
    }
}
