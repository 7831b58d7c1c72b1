package org.qmlff.sim;

import static org.qmlff.sim.SmallSimulator.VALUE;
import static org.qmlff.sim.SmallSimulator.GRADIENT;
import static org.qmlff.sim.SmallSimulator.HVP;
import static org.qmlff.sim.SmallSimulator.E_G;
import static org.qmlff.sim.SmallSimulator.E_C;
import static org.qmlff.sim.SmallSimulator.E_H;
import static org.qmlff.sim.SmallSimulator.E_CDOT;
import static org.qmlff.sim.SmallSimulator.X_ALPHA;
import static org.qmlff.sim.SmallSimulator.X_BETA;
import static org.qmlff.sim.SmallSimulator.X_U;
import static org.qmlff.sim.SmallSimulator.Z_E;
import static org.qmlff.sim.SmallSimulator.Z_U;
import static org.qmlff.sim.SmallSimulator.STRIDE;
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
 * time; a last partial group runs with its empty lanes at zero inputs (results discarded), or row by row
 * where it has at most {@link #SMALL_REMAINDER} rows.
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

    /**
     * A last group of at most this many rows runs row by row in {@link SmallSimulator}: a lane sweep costs about
     * as much as two or three rows of it, however many of its lanes are used (measured on AVX-512, 4 qubits).
     */
    static final int SMALL_REMAINDER = 2;

    // What a sweep computes, and the per-gate data: the constants and field layout of SmallSimulator, each
    // field LANES wide here.

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
    /** Reductions of one gate: R_b at fields 0..3, S_b at 3..6, a partial S at 6..9. */
    private final double[] red = new double[9 * L];
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
        int from = 0;
        for (; from < count; from += L) {
            int rows = Math.min(L, count - from);
            if (rows <= SMALL_REMAINDER && rows < L) break;
            group(level, run, obs, m, from, rows, z, u, values, grads, hvps);
        }
        // a last group of one or two rows: cheaper row by row (the same results, bit for bit)
        for (int i = from; i < count; i++) {
            values[i] = switch (level) {
                case VALUE -> small.expectation(run, obs, z, i * m);
                case GRADIENT -> small.gradient(run, obs, z, i * m, grads, i * m);
                default -> small.hessianVectorProduct(run, obs, z, i * m, u, i * m, grads, i * m, hvps, i * m);
            };
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
    // Per-gate data. Enc: lane-wise, the same operations as EncFunctions and GateFormulas in the same order
    // (the closed-form branch of EncFunctions, t ≥ 4, lane by lane in scalar code: it needs cos and sin). Ex,
    // RZ: lane by lane (cos and sin).
    //
    // C2 note (JDK 17): a DoubleVector that crosses a call C2 did not inline is boxed, which costs far more
    // than the arithmetic. So no method here takes or returns a vector: every kernel loads its coefficients
    // from the data arrays and stores its results, and each is a loop of a few dozen vector operations (a
    // gate's update of ψ, of λ, of a tangent, its reductions: separate loops over the same amplitudes, the
    // same operations per amplitude as SmallSimulator's fused loops), small enough for C2's node budget.

    private static final double[] SERIES_S = new double[EncFunctions.TERMS + 1];
    private static final double[] SERIES_S1 = new double[EncFunctions.TERMS + 1];
    private static final double[] SERIES_S2 = new double[EncFunctions.TERMS + 1];
    private static final double[] SERIES_C = new double[EncFunctions.TERMS + 1];

    /**
     * The series coefficients broadcast over the lanes, [k·LANES + l], and the constants of the kernels likewise
     * (loaded, not broadcast from a scalar: on JDK 17 C2 leaves the scalar-broadcast forms of the vector
     * operations uninlined, and the vectors boxed, where the inlining depth of a kernel runs out).
     */
    private static final double[] SERIES_S_L = new double[(EncFunctions.TERMS + 1) * L];
    private static final double[] SERIES_S1_L = new double[(EncFunctions.TERMS + 1) * L];
    private static final double[] SERIES_S2_L = new double[(EncFunctions.TERMS + 1) * L];
    private static final double[] SERIES_C_L = new double[(EncFunctions.TERMS + 1) * L];
    private static final int ZERO = 0;
    private static final int HALF = L;
    private static final int TWO = 2 * L;
    private static final int THREE = 3 * L;
    private static final int FOUR = 4 * L;
    private static final int MINUS_FOUR = 5 * L;
    private static final int MINUS_HALF = 6 * L;
    private static final double[] CONST = new double[7 * L];

    static {
        if (EncFunctions.TERMS != 14) {
            throw new AssertionError("encFunctions is written out for 14 series terms, EncFunctions has " + EncFunctions.TERMS);
        }
        double[] values = {0.0, 0.5, 2.0, 3.0, 4.0, -4.0, -0.5};
        for (int c = 0; c < values.length; c++) Arrays.fill(CONST, c * L, (c + 1) * L, values[c]);
        for (int k = 0; k <= EncFunctions.TERMS; k++) {
            double ak = EncFunctions.seriesCoefficientS(k);
            SERIES_S[k] = ak;
            SERIES_S1[k] = k * ak;
            SERIES_S2[k] = k * (k - 1.0) * ak;
            SERIES_C[k] = EncFunctions.seriesCoefficientC(k);
            Arrays.fill(SERIES_S_L, k * L, (k + 1) * L, SERIES_S[k]);
            Arrays.fill(SERIES_S1_L, k * L, (k + 1) * L, SERIES_S1[k]);
            Arrays.fill(SERIES_S2_L, k * L, (k + 1) * L, SERIES_S2[k]);
            Arrays.fill(SERIES_C_L, k * L, (k + 1) * L, SERIES_C[k]);
        }
    }

    /** C, S, S', S'' of the current Enc gate per lane, [f·LANES + l]. */
    private final double[] fnL = new double[GateFormulas.ENC_FUNCTIONS * L];
    private final double[] tL = new double[L];
    /** (diag, outer, cross) of encMatrix, or their tangents, per lane. */
    private final double[] coef = new double[3 * L];

    private void prepare(Circuit c, int level) {
        double[] e = gateScratch;
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            int i = g.input();
            int d = k * STRIDE * L;
            switch (g.kind()) {
                case ENC -> {
                    encFunctions(i * L);
                    encGate(i * L, d);
                    if (level != VALUE) encGenerator(i * L, d);
                    if (level == HVP) {
                        encTangentGenerator(i * L, d);
                        encGeneratorTangent(i * L, d);
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

    /** fnL = EncFunctions.evaluate(|v|²) per lane, v at zL[at ..]. */
    private void encFunctions(int at) {
        DoubleVector vx = DoubleVector.fromArray(SP, zL, at);
        DoubleVector vy = DoubleVector.fromArray(SP, zL, at + L);
        DoubleVector vz = DoubleVector.fromArray(SP, zL, at + 2 * L);
        DoubleVector t = vx.mul(vx).add(vy.mul(vy)).add(vz.mul(vz));
        t.intoArray(tL, 0);
        // Horner from the highest term, written out (generated: one line per term): no loop, so no vector
        // merges at a loop head, which C2 (JDK 17) boxes. The first step of each sum is its coefficient itself,
        // as 0·t + a = a exactly (t ≥ 0) in EncFunctions' loop.
        DoubleVector s = DoubleVector.fromArray(SP, SERIES_S_L, 14 * L);
        DoubleVector c = DoubleVector.fromArray(SP, SERIES_C_L, 14 * L);
        DoubleVector s1 = DoubleVector.fromArray(SP, SERIES_S1_L, 14 * L);
        DoubleVector s2 = DoubleVector.fromArray(SP, SERIES_S2_L, 14 * L);
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 13 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 13 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 13 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 13 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 12 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 12 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 12 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 12 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 11 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 11 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 11 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 11 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 10 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 10 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 10 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 10 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 9 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 9 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 9 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 9 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 8 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 8 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 8 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 8 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 7 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 7 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 7 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 7 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 6 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 6 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 6 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 6 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 5 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 5 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 5 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 5 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 4 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 4 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 4 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 4 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 3 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 3 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 3 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 3 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 2 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 2 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 2 * L));
        s2 = s2.mul(t).add(DoubleVector.fromArray(SP, SERIES_S2_L, 2 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 1 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 1 * L));
        s1 = s1.mul(t).add(DoubleVector.fromArray(SP, SERIES_S1_L, 1 * L));
        s = s.mul(t).add(DoubleVector.fromArray(SP, SERIES_S_L, 0 * L));
        c = c.mul(t).add(DoubleVector.fromArray(SP, SERIES_C_L, 0 * L));
        c.intoArray(fnL, 0);
        s.intoArray(fnL, L);
        s1.intoArray(fnL, 2 * L);
        s2.intoArray(fnL, 3 * L);
        for (int l = 0; l < L; l++) {
            if (!(tL[l] < EncFunctions.SERIES_LIMIT)) {
                EncFunctions.evaluate(tL[l], fn);
                for (int f = 0; f < GateFormulas.ENC_FUNCTIONS; f++) fnL[f * L + l] = fn[f];
            }
        }
    }

    /** G = a I − i b·σ: (a, b) = (C, S v) (GateFormulas.enc). */
    private void encGate(int at, int d) {
        DoubleVector s = DoubleVector.fromArray(SP, fnL, L);
        DoubleVector.fromArray(SP, fnL, 0).intoArray(data, d + E_G * L);
        s.mul(DoubleVector.fromArray(SP, zL, at)).intoArray(data, d + (E_G + 1) * L);
        s.mul(DoubleVector.fromArray(SP, zL, at + L)).intoArray(data, d + (E_G + 2) * L);
        s.mul(DoubleVector.fromArray(SP, zL, at + 2 * L)).intoArray(data, d + (E_G + 3) * L);
    }

    /** c (GateFormulas.encGenerator). */
    private void encGenerator(int at, int d) {
        DoubleVector cc = DoubleVector.fromArray(SP, fnL, 0);
        DoubleVector s = DoubleVector.fromArray(SP, fnL, L);
        DoubleVector s1 = DoubleVector.fromArray(SP, fnL, 2 * L);
        cc.mul(DoubleVector.fromArray(SP, CONST, TWO)).mul(s).intoArray(coef, 0);
        cc.mul(DoubleVector.fromArray(SP, CONST, FOUR)).mul(s1).add(s.mul(s)).intoArray(coef, L);
        s.mul(DoubleVector.fromArray(SP, CONST, TWO)).mul(s).intoArray(coef, 2 * L);
        encMatrix(at, d + E_C * L);
    }

    /**
     * out = diag·I + outer·v vᵀ − cross·[ε_abc v_c] (GateFormulas.encMatrix) into data[o ..], v at zL[at ..],
     * (diag, outer, cross) from coef.
     */
    private void encMatrix(int at, int o) {
        DoubleVector diag = DoubleVector.fromArray(SP, coef, 0);
        DoubleVector outer = DoubleVector.fromArray(SP, coef, L);
        DoubleVector cross = DoubleVector.fromArray(SP, coef, 2 * L);
        DoubleVector vx = DoubleVector.fromArray(SP, zL, at);
        DoubleVector vy = DoubleVector.fromArray(SP, zL, at + L);
        DoubleVector vz = DoubleVector.fromArray(SP, zL, at + 2 * L);
        diag.add(outer.mul(vx).mul(vx)).intoArray(data, o);
        outer.mul(vx).mul(vy).sub(cross.mul(vz)).intoArray(data, o + L);
        outer.mul(vx).mul(vz).add(cross.mul(vy)).intoArray(data, o + 2 * L);
        outer.mul(vy).mul(vx).add(cross.mul(vz)).intoArray(data, o + 3 * L);
        diag.add(outer.mul(vy).mul(vy)).intoArray(data, o + 4 * L);
        outer.mul(vy).mul(vz).sub(cross.mul(vx)).intoArray(data, o + 5 * L);
        outer.mul(vz).mul(vx).sub(cross.mul(vy)).intoArray(data, o + 6 * L);
        outer.mul(vz).mul(vy).add(cross.mul(vx)).intoArray(data, o + 7 * L);
        diag.add(outer.mul(vz).mul(vz)).intoArray(data, o + 8 * L);
    }

    /** h = −w/2, w_b = Σ_a u_a c_ab (SmallSimulator.prepareEnc). */
    private void encTangentGenerator(int at, int d) {
        DoubleVector ux = DoubleVector.fromArray(SP, uL, at);
        DoubleVector uy = DoubleVector.fromArray(SP, uL, at + L);
        DoubleVector uz = DoubleVector.fromArray(SP, uL, at + 2 * L);
        for (int b = 0; b < 3; b++) {
            DoubleVector c0 = DoubleVector.fromArray(SP, data, d + (E_C + b) * L);
            DoubleVector c1 = DoubleVector.fromArray(SP, data, d + (E_C + 3 + b) * L);
            DoubleVector c2 = DoubleVector.fromArray(SP, data, d + (E_C + 6 + b) * L);
            ux.mul(c0).add(uy.mul(c1)).add(uz.mul(c2)).mul(DoubleVector.fromArray(SP, CONST, MINUS_HALF)).intoArray(data, d + (E_H + b) * L);
        }
    }

    /** ċ (GateFormulas.encGeneratorTangent). */
    private void encGeneratorTangent(int at, int d) {
        DoubleVector cc = DoubleVector.fromArray(SP, fnL, 0);
        DoubleVector s = DoubleVector.fromArray(SP, fnL, L);
        DoubleVector s1 = DoubleVector.fromArray(SP, fnL, 2 * L);
        DoubleVector s2 = DoubleVector.fromArray(SP, fnL, 3 * L);
        DoubleVector vx = DoubleVector.fromArray(SP, zL, at);
        DoubleVector vy = DoubleVector.fromArray(SP, zL, at + L);
        DoubleVector vz = DoubleVector.fromArray(SP, zL, at + 2 * L);
        DoubleVector ux = DoubleVector.fromArray(SP, uL, at);
        DoubleVector uy = DoubleVector.fromArray(SP, uL, at + L);
        DoubleVector uz = DoubleVector.fromArray(SP, uL, at + 2 * L);
        DoubleVector uv2 = ux.mul(vx).add(uy.mul(vy)).add(uz.mul(vz)).mul(DoubleVector.fromArray(SP, CONST, TWO));
        uv2.mul(cc.mul(DoubleVector.fromArray(SP, CONST, TWO)).mul(s1).sub(s.mul(DoubleVector.fromArray(SP, CONST, HALF)).mul(s))).intoArray(coef, 0);
        uv2.mul(s.mul(s1).add(cc.mul(DoubleVector.fromArray(SP, CONST, FOUR)).mul(s2))).intoArray(coef, L);
        uv2.mul(s.mul(DoubleVector.fromArray(SP, CONST, FOUR)).mul(s1)).intoArray(coef, 2 * L);
        encMatrix(at, d + E_CDOT * L);
        encGeneratorTangentRest(at, d);
    }

    /** The v → u terms of ċ, added to data[E_CDOT ..]. */
    private void encGeneratorTangentRest(int at, int d) {
        DoubleVector cc = DoubleVector.fromArray(SP, fnL, 0);
        DoubleVector s = DoubleVector.fromArray(SP, fnL, L);
        DoubleVector s1 = DoubleVector.fromArray(SP, fnL, 2 * L);
        DoubleVector outer = cc.mul(DoubleVector.fromArray(SP, CONST, FOUR)).mul(s1).add(s.mul(s));
        DoubleVector outer2 = outer.mul(DoubleVector.fromArray(SP, CONST, TWO));
        DoubleVector cross = s.mul(DoubleVector.fromArray(SP, CONST, TWO)).mul(s);
        DoubleVector vx = DoubleVector.fromArray(SP, zL, at);
        DoubleVector vy = DoubleVector.fromArray(SP, zL, at + L);
        DoubleVector vz = DoubleVector.fromArray(SP, zL, at + 2 * L);
        DoubleVector ux = DoubleVector.fromArray(SP, uL, at);
        DoubleVector uy = DoubleVector.fromArray(SP, uL, at + L);
        DoubleVector uz = DoubleVector.fromArray(SP, uL, at + 2 * L);
        int o = d + E_CDOT * L;
        DoubleVector.fromArray(SP, data, o).add(outer2.mul(ux).mul(vx)).intoArray(data, o);
        DoubleVector.fromArray(SP, data, o + L).add(outer.mul(ux.mul(vy).add(vx.mul(uy))).sub(cross.mul(uz))).intoArray(data, o + L);
        DoubleVector.fromArray(SP, data, o + 2 * L).add(outer.mul(ux.mul(vz).add(vx.mul(uz))).add(cross.mul(uy))).intoArray(data, o + 2 * L);
        DoubleVector.fromArray(SP, data, o + 3 * L).add(outer.mul(uy.mul(vx).add(vy.mul(ux))).add(cross.mul(uz))).intoArray(data, o + 3 * L);
        DoubleVector.fromArray(SP, data, o + 4 * L).add(outer2.mul(uy).mul(vy)).intoArray(data, o + 4 * L);
        DoubleVector.fromArray(SP, data, o + 5 * L).add(outer.mul(uy.mul(vz).add(vy.mul(uz))).sub(cross.mul(ux))).intoArray(data, o + 5 * L);
        DoubleVector.fromArray(SP, data, o + 6 * L).add(outer.mul(uz.mul(vx).add(vz.mul(ux))).sub(cross.mul(uy))).intoArray(data, o + 6 * L);
        DoubleVector.fromArray(SP, data, o + 7 * L).add(outer.mul(uz.mul(vy).add(vz.mul(uy))).add(cross.mul(ux))).intoArray(data, o + 7 * L);
        DoubleVector.fromArray(SP, data, o + 8 * L).add(outer2.mul(uz).mul(vz)).intoArray(data, o + 8 * L);
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
                    int m = mask(n, g.p());
                    // ψ̇ ← G(ψ̇ + Wψ) with the old ψ, then ψ ← Gψ
                    if (tangent) encForwardTangent(size, m, d);
                    su2(psiRe, psiIm, size, m, d, false);
                }
                case EX -> {
                    int mp = mask(n, g.p());
                    int mq = mask(n, g.q());
                    exApply(psiRe, psiIm, size, mp, mq, d, false);
                    // ψ̇ ← Gψ̇ + W(Gψ) with the new ψ, W = −iuH
                    if (tangent) exTangent(dpsiRe, dpsiIm, psiRe, psiIm, size, mp, mq, d, false);
                }
                case RZ -> {
                    int m = mask(n, g.p());
                    if (tangent) rzForwardTangent(size, m, d);
                    rzApply(psiRe, psiIm, size, m, d, false);
                }
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
                    int m = mask(n, g.p());
                    su2(psiRe, psiIm, size, m, d, true);
                    su2(lamRe, lamIm, size, m, d, true);
                    pauliReductions(lamRe, lamIm, psiRe, psiIm, size, m, 0);
                    if (hvpToo) {
                        // S from ⟨λ|σψ̇⟩ minus that from ⟨ψ|σλ̇⟩ (SmallSimulator.encReverseTangents)
                        encTangentUpdate(dpsiRe, dpsiIm, psiRe, psiIm, size, m, d);
                        pauliReductions(lamRe, lamIm, dpsiRe, dpsiIm, size, m, 3);
                        encTangentUpdate(dlamRe, dlamIm, lamRe, lamIm, size, m, d);
                        pauliReductions(psiRe, psiIm, dlamRe, dlamIm, size, m, 6);
                        for (int b = 3; b < 6; b++) {
                            DoubleVector.fromArray(SP, red, b * L).sub(DoubleVector.fromArray(SP, red, (b + 3) * L))
                                    .intoArray(red, b * L);
                        }
                    }
                    encContract(d, in, hvpToo);
                }
                case EX -> {
                    int mp = mask(n, g.p());
                    int mq = mask(n, g.q());
                    exApply(psiRe, psiIm, size, mp, mq, d, true);
                    exApply(lamRe, lamIm, size, mp, mq, d, true);
                    exReduction(size, mp, mq, false);
                    if (hvpToo) {
                        exTangent(dpsiRe, dpsiIm, psiRe, psiIm, size, mp, mq, d, true);
                        exTangent(dlamRe, dlamIm, lamRe, lamIm, size, mp, mq, d, true);
                        exReduction(size, mp, mq, true);
                    }
                    addRed(gL, in, 0);
                    if (hvpToo) addRed(hL, in, 3);
                }
                case RZ -> {
                    int m = mask(n, g.p());
                    rzApply(psiRe, psiIm, size, m, d, true);
                    rzApply(lamRe, lamIm, size, m, d, true);
                    rzReduction(lamRe, lamIm, psiRe, psiIm, size, m, 0);
                    if (hvpToo) {
                        rzReverseTangent(dpsiRe, dpsiIm, psiRe, psiIm, size, m, d);
                        rzReverseTangent(dlamRe, dlamIm, lamRe, lamIm, size, m, d);
                        rzTangentReduction(size, m);
                    }
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
        for (int a = 0; a < 3; a++) {
            int row = d + (E_C + 3 * a) * L;
            DoubleVector c0 = DoubleVector.fromArray(SP, data, row);
            DoubleVector c1 = DoubleVector.fromArray(SP, data, row + L);
            DoubleVector c2 = DoubleVector.fromArray(SP, data, row + 2 * L);
            DoubleVector r0 = DoubleVector.fromArray(SP, red, 0);
            DoubleVector r1 = DoubleVector.fromArray(SP, red, L);
            DoubleVector r2 = DoubleVector.fromArray(SP, red, 2 * L);
            int at = (in + a) * L;
            DoubleVector.fromArray(SP, gL, at).add(c0.mul(r0).add(c1.mul(r1)).add(c2.mul(r2))).intoArray(gL, at);
            if (hvpToo) {
                int cd = d + (E_CDOT + 3 * a) * L;
                DoubleVector t = c0.mul(DoubleVector.fromArray(SP, red, 3 * L))
                        .add(c1.mul(DoubleVector.fromArray(SP, red, 4 * L)))
                        .add(c2.mul(DoubleVector.fromArray(SP, red, 5 * L)))
                        .add(DoubleVector.fromArray(SP, data, cd).mul(r0)
                                .add(DoubleVector.fromArray(SP, data, cd + L).mul(r1))
                                .add(DoubleVector.fromArray(SP, data, cd + 2 * L).mul(r2)));
                DoubleVector.fromArray(SP, hL, at).add(t).intoArray(hL, at);
            }
        }
    }

    /** out ← O x per lane (scalar, via the observable); vals[l] = ⟨x|O|x⟩ of lane l. */
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
    // Enc on bit m, over the pairs (i0, i1 = i0 + m); indices below are of lane blocks (amplitude × LANES).

    /** x ← Gx, or G†x with {@code adjoint} (G = a I − i b·σ, G† = a I + i b·σ). */
    private void su2(double[] re, double[] im, int size, int m, int d, boolean adjoint) {
        DoubleVector a = DoubleVector.fromArray(SP, data, d + E_G * L);
        DoubleVector bx = DoubleVector.fromArray(SP, data, d + (E_G + 1) * L);
        DoubleVector by = DoubleVector.fromArray(SP, data, d + (E_G + 2) * L);
        DoubleVector bz = DoubleVector.fromArray(SP, data, d + (E_G + 3) * L);
        if (adjoint) {
            bx = bx.neg();
            by = by.neg();
            bz = bz.neg();
        }
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

    /** ψ̇ ← G(ψ̇ + Wψ) with the ψ before the gate (SmallSimulator.encForwardTangent's ψ̇ half). */
    private void encForwardTangent(int size, int m, int d) {
        DoubleVector a = DoubleVector.fromArray(SP, data, d + E_G * L);
        DoubleVector bx = DoubleVector.fromArray(SP, data, d + (E_G + 1) * L);
        DoubleVector by = DoubleVector.fromArray(SP, data, d + (E_G + 2) * L);
        DoubleVector bz = DoubleVector.fromArray(SP, data, d + (E_G + 3) * L);
        DoubleVector hx = DoubleVector.fromArray(SP, data, d + E_H * L).neg();
        DoubleVector hy = DoubleVector.fromArray(SP, data, d + (E_H + 1) * L).neg();
        DoubleVector hz = DoubleVector.fromArray(SP, data, d + (E_H + 2) * L).neg();
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
        }
    }

    /** red fields f..f+3 = Im⟨l|σ_b x⟩ per lane (SmallSimulator's pauliX, pauliY, pauliZ sums). */
    private void pauliReductions(double[] lr, double[] li, double[] xr, double[] xi, int size, int m, int f) {
        DoubleVector rx = DoubleVector.fromArray(SP, CONST, ZERO);
        DoubleVector ry = rx;
        DoubleVector rz = rx;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector l0r = DoubleVector.fromArray(SP, lr, i0);
            DoubleVector l0i = DoubleVector.fromArray(SP, li, i0);
            DoubleVector l1r = DoubleVector.fromArray(SP, lr, i1);
            DoubleVector l1i = DoubleVector.fromArray(SP, li, i1);
            DoubleVector p0r = DoubleVector.fromArray(SP, xr, i0);
            DoubleVector p0i = DoubleVector.fromArray(SP, xi, i0);
            DoubleVector p1r = DoubleVector.fromArray(SP, xr, i1);
            DoubleVector p1i = DoubleVector.fromArray(SP, xi, i1);
            rx = rx.add(l0r.mul(p1i).sub(l0i.mul(p1r)).add(l1r.mul(p0i)).sub(l1i.mul(p0r)));
            ry = ry.add(l1r.mul(p0r).add(l1i.mul(p0i)).sub(l0r.mul(p1r)).sub(l0i.mul(p1i)));
            rz = rz.add(l0r.mul(p0i).sub(l0i.mul(p0r)).sub(l1r.mul(p1i)).add(l1i.mul(p1r)));
        }
        rx.intoArray(red, f * L);
        ry.intoArray(red, (f + 1) * L);
        rz.intoArray(red, (f + 2) * L);
    }

    /** y ← G†y − Wx, x the updated state (SmallSimulator.encTangentPass's update). */
    private void encTangentUpdate(double[] yr, double[] yi, double[] xr, double[] xi, int size, int m, int d) {
        DoubleVector a = DoubleVector.fromArray(SP, data, d + E_G * L);
        DoubleVector bx = DoubleVector.fromArray(SP, data, d + (E_G + 1) * L).neg();
        DoubleVector by = DoubleVector.fromArray(SP, data, d + (E_G + 2) * L).neg();
        DoubleVector bz = DoubleVector.fromArray(SP, data, d + (E_G + 3) * L).neg();
        DoubleVector hx = DoubleVector.fromArray(SP, data, d + E_H * L);
        DoubleVector hy = DoubleVector.fromArray(SP, data, d + (E_H + 1) * L);
        DoubleVector hz = DoubleVector.fromArray(SP, data, d + (E_H + 2) * L);
        DoubleVector nhz = hz.neg();
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
            a.mul(x0r).add(bz.mul(x0i)).sub(by.mul(x1r)).add(bx.mul(x1i))
                    .add(hz.mul(p0i).sub(hy.mul(p1r)).add(hx.mul(p1i))).intoArray(yr, i0);
            a.mul(x0i).sub(bz.mul(x0r)).sub(by.mul(x1i)).sub(bx.mul(x1r))
                    .add(nhz.mul(p0r).sub(hy.mul(p1i)).sub(hx.mul(p1r))).intoArray(yi, i0);
            by.mul(x0r).add(bx.mul(x0i)).add(a.mul(x1r)).sub(bz.mul(x1i))
                    .add(hy.mul(p0r).add(hx.mul(p0i)).sub(hz.mul(p1i))).intoArray(yr, i1);
            by.mul(x0i).sub(bx.mul(x0r)).add(a.mul(x1i)).add(bz.mul(x1r))
                    .add(hy.mul(p0i).sub(hx.mul(p0r)).add(hz.mul(p1r))).intoArray(yi, i1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Ex on bits mp, mq: α on |00⟩, |11⟩ and s = x01 + x10, β on d = x01 − x10 (SmallSimulator).

    /** x ← Gx, or G†x with {@code adjoint}. */
    private void exApply(double[] re, double[] im, int size, int mp, int mq, int d, boolean adjoint) {
        DoubleVector ar = DoubleVector.fromArray(SP, data, d + X_ALPHA * L);
        DoubleVector ai = DoubleVector.fromArray(SP, data, d + (X_ALPHA + 1) * L);
        DoubleVector br = DoubleVector.fromArray(SP, data, d + X_BETA * L);
        DoubleVector bi = DoubleVector.fromArray(SP, data, d + (X_BETA + 1) * L);
        if (adjoint) {
            ai = ai.neg();
            bi = bi.neg();
        }
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        for (int j = 0; j < size / 4; j++) {
            int a00 = pair(pair(j, lo), hi);
            int i00 = a00 * L;
            int i01 = (a00 + mq) * L;
            int i10 = (a00 + mp) * L;
            int i11 = (a00 + mp + mq) * L;
            DoubleVector xr = DoubleVector.fromArray(SP, re, i00);
            DoubleVector xi = DoubleVector.fromArray(SP, im, i00);
            ar.mul(xr).sub(ai.mul(xi)).intoArray(re, i00);
            ar.mul(xi).add(ai.mul(xr)).intoArray(im, i00);
            xr = DoubleVector.fromArray(SP, re, i11);
            xi = DoubleVector.fromArray(SP, im, i11);
            ar.mul(xr).sub(ai.mul(xi)).intoArray(re, i11);
            ar.mul(xi).add(ai.mul(xr)).intoArray(im, i11);
            DoubleVector r01 = DoubleVector.fromArray(SP, re, i01);
            DoubleVector r10 = DoubleVector.fromArray(SP, re, i10);
            DoubleVector m01 = DoubleVector.fromArray(SP, im, i01);
            DoubleVector m10 = DoubleVector.fromArray(SP, im, i10);
            DoubleVector sr = r01.add(r10);
            DoubleVector si = m01.add(m10);
            DoubleVector dr = r01.sub(r10);
            DoubleVector di = m01.sub(m10);
            DoubleVector nsr = ar.mul(sr).sub(ai.mul(si));
            DoubleVector nsi = ar.mul(si).add(ai.mul(sr));
            DoubleVector ndr = br.mul(dr).sub(bi.mul(di));
            DoubleVector ndi = br.mul(di).add(bi.mul(dr));
            nsr.add(ndr).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(re, i01);
            nsi.add(ndi).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(im, i01);
            nsr.sub(ndr).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(re, i10);
            nsi.sub(ndi).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(im, i10);
        }
    }

    /**
     * The tangent y after the gate, x the updated state: forward ψ̇ ← Gψ̇ + W(Gψ) (W = −iuH), or with
     * {@code adjoint} y ← G†y − Wx: −iw on |00⟩, |11⟩, s and +3iw on d (w = −u forward, u reverse), the
     * phases as in exApply (SmallSimulator's exDiagTangent and exMiddleTangent).
     */
    private void exTangent(double[] yr, double[] yi, double[] xr, double[] xi, int size, int mp, int mq, int d,
                           boolean adjoint) {
        DoubleVector ar = DoubleVector.fromArray(SP, data, d + X_ALPHA * L);
        DoubleVector ai = DoubleVector.fromArray(SP, data, d + (X_ALPHA + 1) * L);
        DoubleVector br = DoubleVector.fromArray(SP, data, d + X_BETA * L);
        DoubleVector bi = DoubleVector.fromArray(SP, data, d + (X_BETA + 1) * L);
        DoubleVector u = DoubleVector.fromArray(SP, data, d + X_U * L);
        if (adjoint) {
            ai = ai.neg();
            bi = bi.neg();
        } else {
            u = u.neg();
        }
        DoubleVector u3 = u.mul(DoubleVector.fromArray(SP, CONST, THREE));
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        for (int j = 0; j < size / 4; j++) {
            int a00 = pair(pair(j, lo), hi);
            int i00 = a00 * L;
            int i01 = (a00 + mq) * L;
            int i10 = (a00 + mp) * L;
            int i11 = (a00 + mp + mq) * L;
            DoubleVector r = DoubleVector.fromArray(SP, yr, i00);
            DoubleVector m = DoubleVector.fromArray(SP, yi, i00);
            ar.mul(r).sub(ai.mul(m)).sub(u.mul(DoubleVector.fromArray(SP, xi, i00))).intoArray(yr, i00);
            ar.mul(m).add(ai.mul(r)).add(u.mul(DoubleVector.fromArray(SP, xr, i00))).intoArray(yi, i00);
            r = DoubleVector.fromArray(SP, yr, i11);
            m = DoubleVector.fromArray(SP, yi, i11);
            ar.mul(r).sub(ai.mul(m)).sub(u.mul(DoubleVector.fromArray(SP, xi, i11))).intoArray(yr, i11);
            ar.mul(m).add(ai.mul(r)).add(u.mul(DoubleVector.fromArray(SP, xr, i11))).intoArray(yi, i11);
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
            DoubleVector nsr = ar.mul(qsr).sub(ai.mul(qsi)).sub(u.mul(sxi));
            DoubleVector nsi = ar.mul(qsi).add(ai.mul(qsr)).add(u.mul(sxr));
            DoubleVector ndr = br.mul(qdr).sub(bi.mul(qdi)).add(u3.mul(dxi));
            DoubleVector ndi = br.mul(qdi).add(bi.mul(qdr)).sub(u3.mul(dxr));
            nsr.add(ndr).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(yr, i01);
            nsi.add(ndi).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(yi, i01);
            nsr.sub(ndr).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(yr, i10);
            nsi.sub(ndi).mul(DoubleVector.fromArray(SP, CONST, HALF)).intoArray(yi, i10);
        }
    }

    /**
     * red[0] = −4 Σ Im(d̄_λ d_ψ) or, with {@code tangent}, red[3] = −4 Σ (Im(d̄_λ̇ d_ψ) + Im(d̄_λ d_ψ̇)) over the
     * antisymmetric differences d = x01 − x10 (SmallSimulator.exReverse).
     */
    private void exReduction(int size, int mp, int mq, boolean tangent) {
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        DoubleVector r = DoubleVector.fromArray(SP, CONST, ZERO);
        double[] ar = tangent ? dlamRe : lamRe;
        double[] ai = tangent ? dlamIm : lamIm;
        for (int j = 0; j < size / 4; j++) {
            int a00 = pair(pair(j, lo), hi);
            int i01 = (a00 + mq) * L;
            int i10 = (a00 + mp) * L;
            DoubleVector pr = DoubleVector.fromArray(SP, psiRe, i01).sub(DoubleVector.fromArray(SP, psiRe, i10));
            DoubleVector pi = DoubleVector.fromArray(SP, psiIm, i01).sub(DoubleVector.fromArray(SP, psiIm, i10));
            DoubleVector lr = DoubleVector.fromArray(SP, ar, i01).sub(DoubleVector.fromArray(SP, ar, i10));
            DoubleVector li = DoubleVector.fromArray(SP, ai, i01).sub(DoubleVector.fromArray(SP, ai, i10));
            DoubleVector term = lr.mul(pi).sub(li.mul(pr));
            if (tangent) {
                DoubleVector qr = DoubleVector.fromArray(SP, dpsiRe, i01).sub(DoubleVector.fromArray(SP, dpsiRe, i10));
                DoubleVector qi = DoubleVector.fromArray(SP, dpsiIm, i01).sub(DoubleVector.fromArray(SP, dpsiIm, i10));
                DoubleVector mr = DoubleVector.fromArray(SP, lamRe, i01).sub(DoubleVector.fromArray(SP, lamRe, i10));
                DoubleVector mi = DoubleVector.fromArray(SP, lamIm, i01).sub(DoubleVector.fromArray(SP, lamIm, i10));
                term = term.add(mr.mul(qi).sub(mi.mul(qr)));
            }
            r = r.add(term);
        }
        r.mul(DoubleVector.fromArray(SP, CONST, MINUS_FOUR)).intoArray(red, tangent ? 3 * L : 0);
    }

    // ---------------------------------------------------------------------------------------------
    // RZ on bit m: diag(e, ē), e = e^{−iφ/2}; W = −(iu/2) Z (SmallSimulator).

    /** x ← Gx, or G†x with {@code adjoint}. */
    private void rzApply(double[] re, double[] im, int size, int m, int d, boolean adjoint) {
        DoubleVector er = DoubleVector.fromArray(SP, data, d + Z_E * L);
        DoubleVector ei = DoubleVector.fromArray(SP, data, d + (Z_E + 1) * L);
        if (adjoint) ei = ei.neg();
        DoubleVector nei = ei.neg();
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector xr = DoubleVector.fromArray(SP, re, i0);
            DoubleVector xi = DoubleVector.fromArray(SP, im, i0);
            er.mul(xr).sub(ei.mul(xi)).intoArray(re, i0);
            er.mul(xi).add(ei.mul(xr)).intoArray(im, i0);
            xr = DoubleVector.fromArray(SP, re, i1);
            xi = DoubleVector.fromArray(SP, im, i1);
            er.mul(xr).sub(nei.mul(xi)).intoArray(re, i1);
            er.mul(xi).add(nei.mul(xr)).intoArray(im, i1);
        }
    }

    /** ψ̇ ← G(ψ̇ + Wψ) with the ψ before the gate. */
    private void rzForwardTangent(int size, int m, int d) {
        DoubleVector er = DoubleVector.fromArray(SP, data, d + Z_E * L);
        DoubleVector ei = DoubleVector.fromArray(SP, data, d + (Z_E + 1) * L);
        DoubleVector hu = DoubleVector.fromArray(SP, data, d + Z_U * L).mul(DoubleVector.fromArray(SP, CONST, HALF));
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector y0r = DoubleVector.fromArray(SP, dpsiRe, i0).add(hu.mul(DoubleVector.fromArray(SP, psiIm, i0)));
            DoubleVector y0i = DoubleVector.fromArray(SP, dpsiIm, i0).sub(hu.mul(DoubleVector.fromArray(SP, psiRe, i0)));
            DoubleVector y1r = DoubleVector.fromArray(SP, dpsiRe, i1).sub(hu.mul(DoubleVector.fromArray(SP, psiIm, i1)));
            DoubleVector y1i = DoubleVector.fromArray(SP, dpsiIm, i1).add(hu.mul(DoubleVector.fromArray(SP, psiRe, i1)));
            er.mul(y0r).sub(ei.mul(y0i)).intoArray(dpsiRe, i0);
            er.mul(y0i).add(ei.mul(y0r)).intoArray(dpsiIm, i0);
            er.mul(y1r).add(ei.mul(y1i)).intoArray(dpsiRe, i1);
            er.mul(y1i).sub(ei.mul(y1r)).intoArray(dpsiIm, i1);
        }
    }

    /** y ← G†y − Wx (x updated): ēy + i(u/2)x on bit 0, ey − i(u/2)x on bit 1. */
    private void rzReverseTangent(double[] yr, double[] yi, double[] xr, double[] xi, int size, int m, int d) {
        DoubleVector er = DoubleVector.fromArray(SP, data, d + Z_E * L);
        DoubleVector ei = DoubleVector.fromArray(SP, data, d + (Z_E + 1) * L).neg();
        DoubleVector nei = ei.neg();
        DoubleVector hu = DoubleVector.fromArray(SP, data, d + Z_U * L).mul(DoubleVector.fromArray(SP, CONST, HALF));
        DoubleVector nhu = hu.neg();
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector r = DoubleVector.fromArray(SP, yr, i0);
            DoubleVector q = DoubleVector.fromArray(SP, yi, i0);
            er.mul(r).sub(ei.mul(q)).sub(hu.mul(DoubleVector.fromArray(SP, xi, i0))).intoArray(yr, i0);
            er.mul(q).add(ei.mul(r)).add(hu.mul(DoubleVector.fromArray(SP, xr, i0))).intoArray(yi, i0);
            r = DoubleVector.fromArray(SP, yr, i1);
            q = DoubleVector.fromArray(SP, yi, i1);
            er.mul(r).sub(nei.mul(q)).sub(nhu.mul(DoubleVector.fromArray(SP, xi, i1))).intoArray(yr, i1);
            er.mul(q).add(nei.mul(r)).add(nhu.mul(DoubleVector.fromArray(SP, xr, i1))).intoArray(yi, i1);
        }
    }

    /** red field f = Σ (Im(l̄0 x0) − Im(l̄1 x1)) = Im⟨l|Zx⟩ per lane. */
    private void rzReduction(double[] lr, double[] li, double[] xr, double[] xi, int size, int m, int f) {
        DoubleVector r = DoubleVector.fromArray(SP, CONST, ZERO);
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector a = DoubleVector.fromArray(SP, lr, i0).mul(DoubleVector.fromArray(SP, xi, i0))
                    .sub(DoubleVector.fromArray(SP, li, i0).mul(DoubleVector.fromArray(SP, xr, i0)));
            DoubleVector b = DoubleVector.fromArray(SP, lr, i1).mul(DoubleVector.fromArray(SP, xi, i1))
                    .sub(DoubleVector.fromArray(SP, li, i1).mul(DoubleVector.fromArray(SP, xr, i1)));
            r = r.add(a.sub(b));
        }
        r.intoArray(red, f * L);
    }

    /** red[3] = Σ (Im(λ̇̄0 ψ0) + Im(λ̄0 ψ̇0) − Im(λ̇̄1 ψ1) − Im(λ̄1 ψ̇1)) (SmallSimulator.rzReverse's order). */
    private void rzTangentReduction(int size, int m) {
        DoubleVector s = DoubleVector.fromArray(SP, CONST, ZERO);
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m) * L;
            int i1 = i0 + m * L;
            DoubleVector a = DoubleVector.fromArray(SP, dlamRe, i0).mul(DoubleVector.fromArray(SP, psiIm, i0))
                    .sub(DoubleVector.fromArray(SP, dlamIm, i0).mul(DoubleVector.fromArray(SP, psiRe, i0)));
            DoubleVector b = DoubleVector.fromArray(SP, lamRe, i0).mul(DoubleVector.fromArray(SP, dpsiIm, i0))
                    .sub(DoubleVector.fromArray(SP, lamIm, i0).mul(DoubleVector.fromArray(SP, dpsiRe, i0)));
            DoubleVector c = DoubleVector.fromArray(SP, dlamRe, i1).mul(DoubleVector.fromArray(SP, psiIm, i1))
                    .sub(DoubleVector.fromArray(SP, dlamIm, i1).mul(DoubleVector.fromArray(SP, psiRe, i1)));
            DoubleVector e = DoubleVector.fromArray(SP, lamRe, i1).mul(DoubleVector.fromArray(SP, dpsiIm, i1))
                    .sub(DoubleVector.fromArray(SP, lamIm, i1).mul(DoubleVector.fromArray(SP, dpsiRe, i1)));
            s = s.add(a.add(b).sub(c).sub(e));
        }
        s.intoArray(red, 3 * L);
    }

    private static int pair(int j, int m) {
        return j + (j & -m);
    }

    private static int mask(int n, int q) {
        return 1 << Simulator.bitOf(n, q);
    }
}
