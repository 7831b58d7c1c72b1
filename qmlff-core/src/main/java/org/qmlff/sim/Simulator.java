package org.qmlff.sim;

import java.util.Arrays;

/**
 * Exact state-vector simulation of a {@link Circuit} with first and directional second derivatives
 * of an expectation value ⟨O⟩(z) = ⟨0|U(z)† O U(z)|0⟩ with respect to the circuit inputs z.
 *
 * <p>One instance owns the scratch state vectors for circuits of up to {@code maxQubits} qubits (a
 * fixed number of them, independent of the circuit's length) and is not thread-safe: use one per
 * thread. Methods allocate nothing, except that the two tangent vectors are allocated on the first
 * {@link #hessianVectorProduct} call and per-gate matrix storage grows when a circuit with more gates
 * than any before arrives. Results are bit-identical for any thread count.
 *
 * <p>Method. With ψ_k = G_k ψ_{k−1} (ψ_0 = |0…0⟩) and the adjoint state λ_k = G_{k+1}† … G_K† O ψ_K,
 * the derivative in an input θ of gate k is 2 Re⟨λ_k|∂_θ G_k ψ_{k−1}⟩. {@link #gradient} runs the
 * circuit forward, sets λ = Oψ, and walks back, uncomputing ψ with the inverse gates while it carries
 * λ, so it holds two state vectors however long the circuit. {@link #hessianVectorProduct}
 * differentiates that whole procedure along a direction u (forward-over-reverse): the forward pass
 * also carries ψ̇_k = G_k ψ̇_{k−1} + Ġ_k ψ_{k−1}; the reverse pass carries λ̇ (λ̇_K = O ψ̇_K,
 * λ̇_{k−1} = G_k† λ̇_k + Ġ_k† λ_k) and uncomputes ψ̇ (ψ̇_{k−1} = G_k†(ψ̇_k − Ġ_k ψ_{k−1})); the derivative
 * of each gradient entry along u is 2 Re[⟨λ̇_k|∂_θ G_k ψ_{k−1}⟩ + ⟨λ_k|∂_θ G_k ψ̇_{k−1}⟩ +
 * ⟨λ_k|∂_θ Ġ_k ψ_{k−1}⟩]. Four state vectors. Both stop short of the circuit's first layer of
 * one-qubit gates when it follows fixed gates only (the le circuit's first encoding layer): those gates
 * commute, so their derivatives are all read off the states after the layer, without uncomputing
 * through it.
 *
 * <p>Execution. The state is cut into chunks (2^13 to 2^15 amplitudes, so that a chunk of each state
 * vector a sweep touches fits in a core's cache together). A gate whose bits all lie inside a chunk is
 * <em>local</em>; a run of consecutive local gates is applied chunk by chunk (all gates of the run on
 * one chunk while it is in cache, then the next chunk), a non-local gate on its own, its work items
 * again split into as many chunks. With {@code threads > 1} and at least 2^{@value #PARALLEL_MIN_LOG}
 * amplitudes the chunks are spread over a fixed pool. Inner products are summed per chunk and the
 * chunk sums added in chunk order; chunks with reductions depend only on n, never on the thread count.
 *
 * <p>Expectations and their derivatives run an {@link ExecutionPlan}: the circuit's
 * {@linkplain Circuit#lightCone light cone} for the observable (gates that cannot change ⟨O⟩ are
 * skipped; their inputs' derivatives are zero), on qubits relabelled so that few gates fall on the
 * high bits. {@link #state} runs every gate on the original labels.
 *
 * <p>Circuits of at most {@value SmallSimulator#MAX_QUBITS} qubits (the revised model's atomic circuits)
 * go to a {@link SmallSimulator}, which computes the same quantities by the same method without the
 * chunk machinery (results agree to rounding; its tests compare the two paths).
 */
public final class Simulator implements AutoCloseable {
    /**
     * log2 of the amplitudes per chunk in the Hessian-vector reverse sweep and for the observable, the
     * smallest chunks used (the other sweeps touch fewer state vectors and use larger chunks, so that
     * one chunk of every vector involved stays within about 512 KiB).
     */
    static final int CHUNK_LOG = 13;
    /** log2 of the smallest state split over threads. */
    static final int PARALLEL_MIN_LOG = 14;
    /** Result slots of one reduction (a gate part's two 2×2 complex matrices). */
    private static final int RESULT = 16;
    /** Most gate parts with reductions in one run (bounds the partial-sum storage). */
    private static final int MAX_PARTS = 32;
    /**
     * Smallest state that uses the configured (vector) kernels; smaller ones always use the scalar
     * kernels: a vector or two per gate gains nothing, and the many small circuits of a batch then
     * never run Vector API code before the JIT has compiled it (when it would allocate).
     */
    static final int VECTOR_MIN_QUBITS = 6;

    private static final int FORWARD = 0;
    private static final int FORWARD_TANGENT = 1;
    private static final int REVERSE = 2;
    private static final int REVERSE_HVP = 3;
    private static final int OBSERVE = 4;
    private static final int PERMUTE = 5;

    /** State vectors a permutation moves, as bits. */
    private static final int PSI = 1;
    private static final int DPSI = 2;
    private static final int LAM = 4;
    private static final int DLAM = 8;

    private final int maxQubits;
    private final Kernels kernels;
    private final Kernels scalarKernels = new ScalarKernels();
    private final WorkerPool pool;
    private final double[] psiRe;
    private final double[] psiIm;
    private final double[] lamRe;
    private final double[] lamIm;
    private double[] dpsiRe;
    private double[] dpsiIm;
    private double[] dlamRe;
    private double[] dlamIm;
    /** Per chunk: kernel scratch, then {@link #MAX_PARTS} result blocks of {@link #RESULT} doubles. */
    private final double[] partials;
    /** Offset of the result blocks within a chunk's partials (after the kernels' scratch). */
    private final int resultBase;
    private final int stride;
    private final double[] sums = new double[MAX_PARTS * RESULT];
    private final double[] work = new double[GateMatrices.WORK];
    private double[] slots = new double[0];
    private final Sweep sweep = new Sweep();
    /** The path for small circuits, or null where every circuit takes the chunked sweeps. */
    private final SmallSimulator small;
    /** Whether circuits run through an {@link ExecutionPlan} (always, except in some tests). */
    private final boolean planned;

    /** A single-threaded simulator for circuits of up to {@code maxQubits} qubits. */
    public Simulator(int maxQubits) {
        this(maxQubits, 1);
    }

    /**
     * A simulator that splits each gate over {@code threads} threads when the state has at least
     * 2^14 amplitudes (below that it runs on the calling thread).
     */
    public Simulator(int maxQubits, int threads) {
        this(maxQubits, threads, KernelKind.configured());
    }

    /** As {@link #Simulator(int, int)} with the given kernels. */
    public Simulator(int maxQubits, int threads, KernelKind kernelKind) {
        this(maxQubits, threads, kernelKind, true, true);
    }

    /**
     * A simulator that runs every circuit, however small, through the chunked sweeps (so that tests can
     * compare them with {@link SmallSimulator}).
     */
    static Simulator sweepsOnly(int maxQubits, KernelKind kernelKind) {
        return new Simulator(maxQubits, 1, kernelKind, false, true);
    }

    /**
     * A simulator that runs every circuit as given, all its gates on their own labels in their own order
     * (no {@link ExecutionPlan}), so that tests can compare the plans with the plain sweeps.
     */
    static Simulator asGiven(int maxQubits, int threads, KernelKind kernelKind) {
        return new Simulator(maxQubits, threads, kernelKind, false, false);
    }

    private Simulator(int maxQubits, int threads, KernelKind kernelKind, boolean smallCircuits, boolean planned) {
        if (maxQubits < 1 || maxQubits > Circuit.MAX_QUBITS) {
            throw new IllegalArgumentException("simulator: maxQubits " + maxQubits + " is outside 1.."
                    + Circuit.MAX_QUBITS);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("simulator: thread count must be at least 1, got " + threads);
        }
        this.maxQubits = maxQubits;
        this.kernels = kernelKind.create();
        int size = 1 << maxQubits;
        this.psiRe = new double[size];
        this.psiIm = new double[size];
        this.lamRe = new double[size];
        this.lamIm = new double[size];
        this.resultBase = kernels.scratch();
        this.stride = resultBase + MAX_PARTS * RESULT;
        this.partials = new double[chunks(maxQubits, CHUNK_LOG) * stride];
        this.pool = threads > 1 && maxQubits >= PARALLEL_MIN_LOG ? new WorkerPool(threads, "qmlff-sim") : null;
        this.small = smallCircuits ? new SmallSimulator() : null;
        this.planned = planned;
    }

    private ExecutionPlan plan(Circuit c, Observable o) {
        return planned ? c.plan(o, CHUNK_LOG) : ExecutionPlan.asGiven(c, o);
    }

    private boolean isSmall(Circuit c) {
        return small != null && c.qubits() <= SmallSimulator.MAX_QUBITS;
    }

    /** The largest number of qubits this instance simulates. */
    public int maxQubits() {
        return maxQubits;
    }

    /**
     * The name of the kernels in use ({@code scalar} or {@code vector}); states of fewer than
     * {@value #VECTOR_MIN_QUBITS} qubits always use the scalar ones.
     */
    public String kernelName() {
        return kernels.name();
    }

    /** ⟨O⟩ at inputs z. */
    public double expectation(Circuit c, Observable o, double[] z) {
        return expectation(c, o, z, 0);
    }

    /** As {@link #expectation(Circuit, Observable, double[])} with z read from an offset. */
    double expectation(Circuit c, Observable o, double[] z, int zOff) {
        check(c, o);
        checkLength("z", z, zOff, c.inputs());
        ExecutionPlan plan = plan(c, o);
        Circuit run = plan.circuit();
        if (isSmall(run)) {
            return small.expectation(run, plan.observable(), z, zOff);
        }
        prepare(run, z, zOff, null, 0, GateMatrices.VALUE);
        forward(plan, false);
        return observe(run, psiRe, psiIm, lamRe, lamIm, plan.observable());
    }

    /**
     * Writes the final state U(z)|0…0⟩ into {@code re[0 .. 2^n)} and {@code im[0 .. 2^n)} (basis index
     * b = Σ_q bit_q 2^{n−1−q}).
     */
    public void state(Circuit c, double[] z, double[] re, double[] im) {
        if (c.qubits() > maxQubits) {
            throw tooLarge(c);
        }
        int size = 1 << c.qubits();
        checkLength("z", z, 0, c.inputs());
        checkLength("re", re, 0, size);
        checkLength("im", im, 0, size);
        prepare(c, z, 0, null, 0, GateMatrices.VALUE);
        forward(ExecutionPlan.asGiven(c, null), false);
        System.arraycopy(psiRe, 0, re, 0, size);
        System.arraycopy(psiIm, 0, im, 0, size);
    }

    /** ⟨O⟩ at z, and writes ∂⟨O⟩/∂z into {@code grad[0 .. c.inputs())} (adjoint method). */
    public double gradient(Circuit c, Observable o, double[] z, double[] grad) {
        return gradient(c, o, z, 0, grad, 0);
    }

    /**
     * ⟨O⟩ at z, writes ∂⟨O⟩/∂z into {@code grad} and the Hessian-vector product H·u = ∇_z(u·∇_z⟨O⟩)
     * into {@code hvp} (forward-over-reverse, exact).
     */
    public double hessianVectorProduct(Circuit c, Observable o, double[] z, double[] u, double[] grad, double[] hvp) {
        return hessianVectorProduct(c, o, z, 0, u, 0, grad, 0, hvp, 0);
    }

    /** As {@link #gradient(Circuit, Observable, double[], double[])}, z and grad at offsets. */
    double gradient(Circuit c, Observable o, double[] z, int zOff, double[] grad, int gOff) {
        check(c, o);
        int m = c.inputs();
        checkLength("z", z, zOff, m);
        checkLength("grad", grad, gOff, m);
        ExecutionPlan plan = plan(c, o);
        Circuit run = plan.circuit();
        if (isSmall(run)) {
            return small.gradient(run, plan.observable(), z, zOff, grad, gOff);
        }
        prepare(run, z, zOff, null, 0, GateMatrices.GRADIENT);
        int tail = tailEnd(plan);
        prepareTail(run, tail, GateMatrices.GRADIENT);
        forward(plan, false);
        double value = observe(run, psiRe, psiIm, lamRe, lamIm, plan.observable());
        Arrays.fill(grad, gOff, gOff + m, 0.0);
        reverse(plan, REVERSE, tail, grad, gOff, null, 0);
        return value;
    }

    /**
     * As {@link #hessianVectorProduct(Circuit, Observable, double[], double[], double[], double[])}, the
     * arrays read and written from offsets.
     */
    double hessianVectorProduct(Circuit c, Observable o, double[] z, int zOff, double[] u, int uOff,
                                double[] grad, int gOff, double[] hvp, int hOff) {
        check(c, o);
        int m = c.inputs();
        checkLength("z", z, zOff, m);
        checkLength("u", u, uOff, m);
        checkLength("grad", grad, gOff, m);
        checkLength("hvp", hvp, hOff, m);
        ExecutionPlan plan = plan(c, o);
        Circuit run = plan.circuit();
        if (isSmall(run)) {
            return small.hessianVectorProduct(run, plan.observable(), z, zOff, u, uOff, grad, gOff, hvp, hOff);
        }
        ensureTangents();
        prepare(run, z, zOff, u, uOff, GateMatrices.HVP);
        int tail = tailEnd(plan);
        prepareTail(run, tail, GateMatrices.HVP);
        forward(plan, true);
        double value = observe(run, psiRe, psiIm, lamRe, lamIm, plan.observable());
        observe(run, dpsiRe, dpsiIm, dlamRe, dlamIm, plan.observable());
        Arrays.fill(grad, gOff, gOff + m, 0.0);
        Arrays.fill(hvp, hOff, hOff + m, 0.0);
        reverse(plan, REVERSE_HVP, tail, grad, gOff, hvp, hOff);
        return value;
    }

    /** Releases the worker threads, if any. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Computes the matrices of every parametric gate for this call. */
    private void prepare(Circuit c, double[] z, int zOff, double[] u, int uOff, int level) {
        int need = c.gateCount() * GateMatrices.SLOT;
        if (slots.length < need) {
            slots = new double[need];
        }
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            if (g.kind().parametric()) {
                GateMatrices.prepare(g, z, zOff, u, uOff, level, slots, k * GateMatrices.SLOT, work);
            }
        }
    }

    /**
     * End of the plan's closing block: the parametric one-qubit gates on distinct qubits that directly
     * follow the leading fixed gates (the le circuit's first encoding layer). They commute, and nothing
     * before them needs ψ or λ, so the reverse sweeps take all their derivatives from the states after
     * the block (with the after-gate coefficients of {@link GateMatrices#PAULI_AFTER}) instead of
     * uncomputing ψ and λ gate by gate through it: reductions only, no writes. Returns
     * {@code firstParametric()} where there is no such block.
     */
    static int tailEnd(ExecutionPlan plan) {
        Circuit c = plan.circuit();
        int limit = plan.permutations() > 0 ? plan.permutationGate(0) : c.gateCount();
        int end = c.firstParametric();
        long used = 0;
        while (end < limit) {
            Gate g = c.gate(end);
            if ((g.kind() != GateKind.ENC && g.kind() != GateKind.RZ) || (used >>> g.p() & 1) != 0) {
                break;
            }
            used |= 1L << g.p();
            end++;
        }
        return end;
    }

    /** The after-gate coefficients of the closing block's gates [firstParametric, tail). */
    private void prepareTail(Circuit c, int tail, int level) {
        for (int k = c.firstParametric(); k < tail; k++) {
            GateMatrices.pauliAfter(c.gate(k), level, slots, k * GateMatrices.SLOT, work);
        }
    }

    /** ψ ← U|0…0⟩, and with {@code tangent} also ψ̇ ← (d/du) U|0…0⟩, for the plan's circuit and labels. */
    private void forward(ExecutionPlan plan, boolean tangent) {
        Circuit c = plan.circuit();
        int n = c.qubits();
        int size = 1 << n;
        Arrays.fill(psiRe, 0, size, 0.0);
        Arrays.fill(psiIm, 0, size, 0.0);
        psiRe[0] = 1.0;
        if (tangent) {
            Arrays.fill(dpsiRe, 0, size, 0.0);
            Arrays.fill(dpsiIm, 0, size, 0.0);
        }
        int k = productStart(c);
        int mode = tangent ? FORWARD_TANGENT : FORWARD;
        int log = chunkLog(mode, n);
        int next = 0;
        while (k < c.gateCount()) {
            if (next < plan.permutations() && plan.permutationGate(next) == k) {
                permute(n, log, plan, next, tangent ? PSI | DPSI : PSI);
                next++;
                continue;
            }
            int stop = next < plan.permutations() ? plan.permutationGate(next) : c.gateCount();
            int end = k + 1;
            if (local(n, c.gate(k), log)) {
                while (end < stop && local(n, c.gate(end), log)) {
                    end++;
                }
            }
            sweep.set(mode, log, c, k, end);
            dispatch(n);
            k = end;
        }
    }

    /**
     * Applies permutation i of the plan to the state vectors in {@code vectors} ({@link #PSI}, ...). It is
     * its own inverse, so the reverse sweeps undo it by applying it again.
     */
    private void permute(int n, int log, ExecutionPlan plan, int i, int vectors) {
        sweep.setPermutation(n, log, plan.highBits(i), plan.lowBits(i), vectors);
        dispatch(n);
    }

    /**
     * Applies the circuit's leading fixed gates on disjoint qubits to ψ = |0…0⟩ by writing the product
     * state they make: each gate multiplies its qubits' |0…⟩ column into the amplitudes present so far
     * (those whose bits outside the qubits done are zero), so the work is about 4/3 · 2^n products
     * instead of one sweep over the state per gate. Returns the number of gates done.
     */
    private int productStart(Circuit c) {
        int n = c.qubits();
        int done = 0;
        for (int k = 0; k < c.productPrefix(); k++) {
            Gate g = c.gate(k);
            double[] m = g.matrix();
            int bp = 1 << bitOf(n, g.p());
            if (g.q() < 0) {
                // column 0 of the 2×2 matrix: rows |0⟩, |1⟩ at offsets 0, bp
                spread(done, m[0], m[1], 0, 0, 0, 0, 0, 0, m[4], m[5], bp);
                done |= bp;
            } else {
                int bq = 1 << bitOf(n, g.q());
                // column 0 of the 4×4 matrix in the local basis |pq⟩: rows at offsets 0, bq, bp, bp + bq
                spread(done, m[0], m[1], m[8], m[9], bq, m[16], m[17], bp, m[24], m[25], bp + bq);
                done |= bp | bq;
            }
        }
        return c.productPrefix();
    }

    /**
     * For every index b whose set bits lie within {@code support}: with x = ψ[b], ψ[b + o_r] = c_r x for
     * the rows r = 1..3 (offsets o_r, coefficients (cr_r, ci_r)), then ψ[b] = c_0 x. Rows 1 and 2 are
     * skipped where their offset is zero (a one-qubit gate uses rows 0 and 3 only).
     */
    private void spread(int support, double c0r, double c0i, double c1r, double c1i, int o1, double c2r, double c2i,
                        int o2, double c3r, double c3i, int o3) {
        int b = 0;
        do {
            double xr = psiRe[b];
            double xi = psiIm[b];
            if (o1 != 0) {
                psiRe[b + o1] = c1r * xr - c1i * xi;
                psiIm[b + o1] = c1r * xi + c1i * xr;
            }
            if (o2 != 0) {
                psiRe[b + o2] = c2r * xr - c2i * xi;
                psiIm[b + o2] = c2r * xi + c2i * xr;
            }
            psiRe[b + o3] = c3r * xr - c3i * xi;
            psiIm[b + o3] = c3r * xi + c3i * xr;
            psiRe[b] = c0r * xr - c0i * xi;
            psiIm[b] = c0r * xi + c0i * xr;
            b = (b - support) & support;
        } while (b != 0);
    }

    /**
     * The reverse sweep from the last gate down to the closing block [firstParametric, tail) (see
     * {@link #tailEnd}), then the block's reductions, accumulating derivatives.
     */
    private void reverse(ExecutionPlan plan, int mode, int tail, double[] grad, int gOff, double[] hvp, int hOff) {
        Circuit c = plan.circuit();
        int n = c.qubits();
        int log = chunkLog(mode, n);
        int k = c.gateCount();
        int next = plan.permutations() - 1;
        // a relabelling right before a non-empty block is undone too: the block's reductions need the labels it has
        while (k > tail || (k > c.firstParametric() && next >= 0 && plan.permutationGate(next) == k)) {
            if (next >= 0 && plan.permutationGate(next) == k) {
                // the forward sweep relabelled the qubits before gate k: undo it before walking on
                permute(n, log, plan, next, mode == REVERSE_HVP ? PSI | DPSI | LAM | DLAM : PSI | LAM);
                next--;
                continue;
            }
            int floor = Math.max(tail, next >= 0 ? plan.permutationGate(next) : 0);
            // Gates [first, k), walked backwards: a run of local gates with at most MAX_PARTS parts, or one gate.
            int first = k - 1;
            int parts = parts(c.gate(first), n);
            if (local(n, c.gate(first), log)) {
                while (first > floor && local(n, c.gate(first - 1), log)
                        && parts + parts(c.gate(first - 1), n) <= MAX_PARTS) {
                    first--;
                    parts += parts(c.gate(first), n);
                }
            }
            sweep.set(mode, log, c, first, k);
            dispatch(n);
            sumPartials(n, log, parts);
            int j = 0;
            for (int g = k - 1; g >= first; g--) {
                Gate gate = c.gate(g);
                if (!gate.kind().parametric()) {
                    continue;
                }
                if (structuredEx(gate, n)) {
                    // ∂_J⟨O⟩ = 2 Im⟨λ|Hψ⟩ with H = XX+YY+ZZ = I − 4 P_a, and Im⟨λ_k|ψ_k⟩ = Im⟨O⟩ = 0 at every k
                    // (and so is its derivative along u), which leaves −8 Im⟨λ|P_a ψ⟩ (the kernels' sums are
                    // 2 Im⟨λ|P_a ψ⟩) and its tangent.
                    int i = gate.input();
                    int r = j * RESULT;
                    grad[gOff + i] -= 4 * sums[r];
                    if (mode == REVERSE_HVP) {
                        hvp[hOff + i] -= 4 * sums[r + 1];
                    }
                    j++;
                    continue;
                }
                if (pauliReverse(gate, n)) {
                    addPauli(gate, g * GateMatrices.SLOT + GateMatrices.PAULI, j * RESULT, mode, grad, gOff, hvp, hOff);
                    j++;
                    continue;
                }
                for (int part = 0; part < parts(gate, n); part++, j++) {
                    int p = g * GateMatrices.SLOT + part * GateMatrices.PART;
                    int r = j * RESULT;
                    // ∂_a⟨O⟩ = 2 Re Σ ∂_aG·M1;  (H u)_a = 2 Re Σ (∂_aG·M2 + ∂_aĠ·M1)
                    for (int a = 0; a < gate.kind().inputs; a++) {
                        int i = gate.input() + a;
                        grad[gOff + i] += 2 * reDot(slots, p + GateMatrices.DG + 8 * a, sums, r);
                        if (mode == REVERSE_HVP) {
                            hvp[hOff + i] += 2 * (reDot(slots, p + GateMatrices.DG + 8 * a, sums, r + 8)
                                    + reDot(slots, p + GateMatrices.DG_DOT + 8 * a, sums, r));
                        }
                    }
                }
            }
            k = first;
        }
        // the closing block: every gate's reductions at the states after the block, read-only
        for (int first = c.firstParametric(); first < tail; first += MAX_PARTS) {
            int last = Math.min(tail, first + MAX_PARTS);
            sweep.setTail(mode, log, c, first, last);
            dispatch(n);
            sumPartials(n, log, last - first);
            int j = 0;
            for (int g = last - 1; g >= first; g--, j++) {
                addPauli(c.gate(g), g * GateMatrices.SLOT + GateMatrices.PAULI_AFTER, j * RESULT, mode, grad, gOff,
                        hvp, hOff);
            }
        }
    }

    /**
     * Adds a one-qubit gate's derivatives from its Pauli reductions at sums[r ..]: ∂_a⟨O⟩ = Σ_b c_ab R_b with
     * R_b = Im⟨λ|σ_b ψ⟩; along u, (Hu)_a = Σ_b (c_ab S_b + ċ_ab R_b) with S_b = Im(⟨λ̇|σ_b ψ⟩ + ⟨λ|σ_b ψ̇⟩);
     * c at slots[pc ..], ċ 9 doubles on (see {@link GateMatrices#PAULI}, {@link GateMatrices#PAULI_AFTER}).
     */
    private void addPauli(Gate gate, int pc, int r, int mode, double[] grad, int gOff, double[] hvp, int hOff) {
        int pd = pc + 9;
        for (int a = 0; a < gate.kind().inputs; a++) {
            grad[gOff + gate.input() + a] += slots[pc + 3 * a] * sums[r]
                    + slots[pc + 3 * a + 1] * sums[r + 1] + slots[pc + 3 * a + 2] * sums[r + 2];
            if (mode == REVERSE_HVP) {
                hvp[hOff + gate.input() + a] += slots[pc + 3 * a] * sums[r + 3]
                        + slots[pc + 3 * a + 1] * sums[r + 4] + slots[pc + 3 * a + 2] * sums[r + 5]
                        + (slots[pd + 3 * a] * sums[r] + slots[pd + 3 * a + 1] * sums[r + 1]
                        + slots[pd + 3 * a + 2] * sums[r + 2]);
            }
        }
    }

    /** out ← O x; returns Re⟨x|O x⟩. */
    private double observe(Circuit c, double[] xr, double[] xi, double[] outRe, double[] outIm, Observable o) {
        int n = c.qubits();
        sweep.setObserve(n, chunkLog(OBSERVE, n), o, xr, xi, outRe, outIm);
        dispatch(n);
        double s = 0;
        for (int chunk = 0; chunk < chunks(n, sweep.chunkLog); chunk++) {
            s += partials[chunk * stride + resultBase];
        }
        return s;
    }

    /** Runs the prepared sweep over all chunks of an n-qubit state. */
    private void dispatch(int n) {
        int chunkCount = chunks(n, sweep.chunkLog);
        if (pool != null && n >= PARALLEL_MIN_LOG) {
            pool.execute(sweep, chunkCount);
        } else {
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                sweep.run(chunk, 0);
            }
        }
    }

    /** sums[j] = Σ_chunks partial result j, chunks in order, for the results of {@code parts} gate parts. */
    private void sumPartials(int n, int log, int parts) {
        int chunkCount = chunks(n, log);
        int base = resultBase;
        for (int j = 0; j < parts * RESULT; j++) {
            double s = 0;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                s += partials[chunk * stride + base + j];
            }
            sums[j] = s;
        }
    }

    private Kernels kernelsFor(int n) {
        return n >= VECTOR_MIN_QUBITS ? kernels : scalarKernels;
    }

    /**
     * log2 of the chunk size of a sweep: the reductions' chunks depend only on the mode and n (never on
     * the thread count: sums over chunks must be the same however split); the forward sweeps have no
     * reductions, so with a pool they take smaller chunks to give every thread work.
     */
    private int chunkLog(int mode, int n) {
        int log = switch (mode) {
            case FORWARD -> CHUNK_LOG + 2;
            case FORWARD_TANGENT, REVERSE -> CHUNK_LOG + 1;
            default -> CHUNK_LOG;
        };
        if (pool != null && (mode == FORWARD || mode == FORWARD_TANGENT)) {
            log = Math.max(CHUNK_LOG - 3, Math.min(log, n - 3));
        }
        return log;
    }

    private static int chunks(int n, int log) {
        return n > log ? 1 << (n - log) : 1;
    }

    static int bitOf(int n, int qubit) {
        return n - 1 - qubit;
    }

    /** Whether all of the gate's bits lie inside one chunk of 2^log amplitudes. */
    private static boolean local(int n, Gate g, int log) {
        return bitOf(n, g.p()) < log && (g.q() < 0 || bitOf(n, g.q()) < log);
    }

    /**
     * Result blocks of a gate in the reverse sweeps: one per parametric gate, except an Ex that does not
     * run through the structured Ex kernels (see {@link #structuredEx(Gate, int)}), which is its two pair
     * families.
     */
    private int parts(Gate g, int n) {
        if (g.kind() == GateKind.EX) {
            return structuredEx(g, n) ? 1 : 2;
        }
        return g.kind().parametric() ? 1 : 0;
    }

    /** Whether the reverse sweeps take this one-qubit gate's derivatives from Pauli reductions. */
    private boolean pauliReverse(Gate g, int n) {
        return (g.kind() == GateKind.ENC || g.kind() == GateKind.RZ)
                && kernelsFor(n).pauliReductions(bitOf(n, g.p()));
    }

    /**
     * Whether this Ex runs through the structured Ex kernels (else as two 2×2 pair families): where the
     * kernels take its low bit, and where both bits lie inside the smallest chunk. For an Ex on high bits
     * a whole-quadruple pass reads four far-apart streams per state vector, and at 20 qubits the two
     * pair-family passes measured about 10 % faster in the gradient.
     */
    private boolean structuredEx(Gate g, int n) {
        return g.kind() == GateKind.EX
                && kernelsFor(n).structuredEx(Math.min(bitOf(n, g.p()), bitOf(n, g.q())))
                && Math.max(bitOf(n, g.p()), bitOf(n, g.q())) < CHUNK_LOG;
    }

    /**
     * x[b] ↔ x[σ(b)] for the index map σ that exchanges bit high[k] with bit low[k] for every k (an
     * involution), for the b in [from, to) with σ(b) > b, so that calls on disjoint ranges never touch the
     * same pair. Every low bit is below every high bit, so the indices move in blocks of 2^{min low} (or
     * of the whole range, if shorter, which is then aligned to its length) that stay whole.
     */
    static void exchangeBits(double[] re, double[] im, int[] high, int[] low, int from, int to) {
        int minLow = Integer.MAX_VALUE;
        for (int b : low) {
            minLow = Math.min(minLow, b);
        }
        // a range shorter than 2^{min low} (small chunks) is itself a block that σ moves whole
        int block = Math.min(1 << minLow, to - from);
        for (int b = from; b < to; b += block) {
            int t = b;
            for (int k = 0; k < high.length; k++) {
                if ((((b >>> high[k]) ^ (b >>> low[k])) & 1) != 0) {
                    t ^= (1 << high[k]) | (1 << low[k]);
                }
            }
            if (t > b) {
                for (int a = 0; a < block; a++) {
                    double r = re[b + a];
                    re[b + a] = re[t + a];
                    re[t + a] = r;
                    double i = im[b + a];
                    im[b + a] = im[t + a];
                    im[t + a] = i;
                }
            }
        }
    }

    /** Re Σ_e a_e b_e over the four complex entries of two 2×2 matrices. */
    private static double reDot(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int e = 0; e < 4; e++) {
            s += a[ao + 2 * e] * b[bo + 2 * e] - a[ao + 2 * e + 1] * b[bo + 2 * e + 1];
        }
        return s;
    }

    private void ensureTangents() {
        if (dpsiRe == null) {
            int size = 1 << maxQubits;
            dpsiRe = new double[size];
            dpsiIm = new double[size];
            dlamRe = new double[size];
            dlamIm = new double[size];
        }
    }

    private void check(Circuit c, Observable o) {
        if (c.qubits() > maxQubits) {
            throw tooLarge(c);
        }
        o.checkQubits(c.qubits());
    }

    private IllegalArgumentException tooLarge(Circuit c) {
        return new IllegalArgumentException("simulator: the circuit has " + c.qubits()
                + " qubits but this simulator was made for at most " + maxQubits);
    }

    private static void checkLength(String name, double[] array, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException("simulator: array " + name + " is null");
        }
        if (offset < 0 || (long) offset + length > array.length) {
            throw new IllegalArgumentException("simulator: array " + name + " has length " + array.length
                    + " but " + length + " entries from offset " + offset + " are needed");
        }
    }

    /**
     * The work in flight: gates [first, last) of a circuit in one of the sweep modes, or the observable.
     * Reused for every dispatch so that nothing is allocated; its fields are set by the owner thread
     * before {@link WorkerPool#execute} (which publishes them) and only read by the workers, which
     * keep everything else in locals.
     */
    private final class Sweep implements WorkerPool.Task {
        int mode;
        /** log2 of the amplitudes per chunk. */
        int chunkLog;
        /** The kernels for this state size. */
        Kernels kern;
        Circuit circuit;
        int first;
        int last;
        int n;
        Observable observable;
        double[] xr;
        double[] xi;
        double[] outRe;
        double[] outIm;
        /** A permutation's exchanged bits and the vectors it moves. */
        int[] high;
        int[] low;
        int vectors;
        /** Whether a reverse sweep only takes the reductions of a closing block (see {@link #tailEnd}). */
        boolean tail;

        void set(int mode, int chunkLog, Circuit c, int first, int last) {
            this.tail = false;
            this.mode = mode;
            this.chunkLog = chunkLog;
            this.circuit = c;
            this.first = first;
            this.last = last;
            this.n = c.qubits();
            this.kern = kernelsFor(n);
        }

        void setTail(int mode, int chunkLog, Circuit c, int first, int last) {
            set(mode, chunkLog, c, first, last);
            this.tail = true;
        }

        void setPermutation(int n, int chunkLog, int[] high, int[] low, int vectors) {
            this.mode = PERMUTE;
            this.chunkLog = chunkLog;
            this.n = n;
            this.high = high;
            this.low = low;
            this.vectors = vectors;
        }

        void setObserve(int n, int chunkLog, Observable o, double[] xr, double[] xi, double[] outRe,
                        double[] outIm) {
            this.mode = OBSERVE;
            this.chunkLog = chunkLog;
            this.n = n;
            this.kern = kernelsFor(n);
            this.observable = o;
            this.xr = xr;
            this.xi = xi;
            this.outRe = outRe;
            this.outIm = outIm;
        }

        @Override
        public void run(int chunk, int worker) {
            int base = chunk * stride;
            int sc = base;
            int results = base + resultBase;
            if (mode == PERMUTE) {
                int per = (1 << n) / chunks(n, chunkLog);
                int from = chunk * per;
                if ((vectors & PSI) != 0) {
                    exchangeBits(psiRe, psiIm, high, low, from, from + per);
                }
                if ((vectors & DPSI) != 0) {
                    exchangeBits(dpsiRe, dpsiIm, high, low, from, from + per);
                }
                if ((vectors & LAM) != 0) {
                    exchangeBits(lamRe, lamIm, high, low, from, from + per);
                }
                if ((vectors & DLAM) != 0) {
                    exchangeBits(dlamRe, dlamIm, high, low, from, from + per);
                }
                return;
            }
            if (mode == OBSERVE) {
                int size = 1 << n;
                int per = size / chunks(n, chunkLog);
                int from = chunk * per;
                int to = from + per;
                observable.apply(n, xr, xi, outRe, outIm, from, to);
                double s = 0;
                for (int a = from; a < to; a++) {
                    s += xr[a] * outRe[a] + xi[a] * outIm[a];
                }
                partials[results] = s;
                return;
            }
            if (mode == FORWARD || mode == FORWARD_TANGENT) {
                for (int k = first; k < last; k++) {
                    forwardGate(k, chunk);
                }
            } else if (tail) {
                int j = 0;
                for (int k = last - 1; k >= first; k--, j++) {
                    tailGate(k, chunk, sc, results + j * RESULT);
                }
            } else {
                int j = 0;
                for (int k = last - 1; k >= first; k--) {
                    j = reverseGate(k, chunk, sc, results, j);
                }
            }
        }

        /** The reductions of closing-block gate k on one chunk, at partials[r ..]; reads only. */
        private void tailGate(int k, int chunk, int sc, int r) {
            Gate g = circuit.gate(k);
            int per = (1 << (n - 1)) / chunks(n, chunkLog);
            int from = chunk * per;
            int to = from + per;
            if (mode == REVERSE) {
                kern.reducePauli(psiRe, psiIm, lamRe, lamIm, lo(g), partials, r, sc, from, to);
            } else {
                kern.reducePauli2(psiRe, psiIm, dpsiRe, dpsiIm, lamRe, lamIm, dlamRe, dlamIm, lo(g), partials, r, sc,
                        from, to);
            }
        }

        private void forwardGate(int k, int chunk) {
            Gate g = circuit.gate(k);
            int chunkCount = chunks(n, chunkLog);
            int ql = g.kind().qubits;
            int per = (1 << (n - ql)) / chunkCount;
            int from = chunk * per;
            int to = from + per;
            int slot = k * GateMatrices.SLOT;
            if (!g.kind().parametric()) {
                applyFixed(g, g.matrix(), psiRe, psiIm, from, to);
                // ψ̇ is zero, and stays so under fixed gates, until the first parametric gate.
                if (mode == FORWARD_TANGENT && k > circuit.firstParametric()) {
                    applyFixed(g, g.matrix(), dpsiRe, dpsiIm, from, to);
                }
                return;
            }
            if (mode == FORWARD_TANGENT) {
                // ψ̇ ← Gψ̇ + Ġψ, ψ ← Gψ
                if (structuredEx(g, n)) {
                    int e = slot + GateMatrices.EX_COEFFICIENTS;
                    kern.applyTangentEx(psiRe, psiIm, dpsiRe, dpsiIm, lo(g), hi(g), slots, e + GateMatrices.EX_G,
                            e + GateMatrices.EX_G_DOT, from, to);
                    return;
                }
                for (int part = 0; part < parts(g, n); part++) {
                    int p = slot + part * GateMatrices.PART;
                    kern.applyTangent(psiRe, psiIm, dpsiRe, dpsiIm, lo(g), hi(g), o0(g, part), o1(g, part),
                            slots, p + GateMatrices.G, p + GateMatrices.G_DOT, from, to);
                }
                return;
            }
            switch (g.kind()) {
                case ENC -> kern.apply(psiRe, psiIm, lo(g), hi(g), o0(g, 0), o1(g, 0), slots, slot + GateMatrices.G,
                        from, to);
                case RZ -> kern.applyDiag(psiRe, psiIm, lo(g), slots, slot + GateMatrices.G, from, to);
                default -> kern.applyEx(psiRe, psiIm, lo(g), hi(g), slots, slot + GateMatrices.EX_COEFFICIENTS,
                        from, to);
            }
        }

        /** Reverse step of gate k on one chunk; returns the next result block index. */
        private int reverseGate(int k, int chunk, int sc, int results, int j) {
            Gate g = circuit.gate(k);
            int chunkCount = chunks(n, chunkLog);
            int per = (1 << (n - g.kind().qubits)) / chunkCount;
            int from = chunk * per;
            int to = from + per;
            if (!g.kind().parametric()) {
                applyFixed(g, g.adjoint(), psiRe, psiIm, from, to);
                applyFixed(g, g.adjoint(), lamRe, lamIm, from, to);
                if (mode == REVERSE_HVP) {
                    applyFixed(g, g.adjoint(), dpsiRe, dpsiIm, from, to);
                    applyFixed(g, g.adjoint(), dlamRe, dlamIm, from, to);
                }
                return j;
            }
            if (structuredEx(g, n)) {
                int e = k * GateMatrices.SLOT + GateMatrices.EX_COEFFICIENTS;
                int r = results + j * RESULT;
                if (mode == REVERSE) {
                    // 2 Im⟨λ|P_a ψ⟩, ψ ← G†ψ, λ ← G†λ
                    kern.reverseEx(psiRe, psiIm, lamRe, lamIm, lo(g), hi(g), slots, e + GateMatrices.EX_G_ADJ,
                            partials, r, sc, from, to);
                } else {
                    // 2 Im⟨λ|P_a ψ⟩ and its tangent at the states after gate k, then the updates as below.
                    kern.reduceEx2(psiRe, psiIm, dpsiRe, dpsiIm, lamRe, lamIm, dlamRe, dlamIm, lo(g), hi(g),
                            partials, r, sc, from, to);
                    kern.applyTangentEx(psiRe, psiIm, dpsiRe, dpsiIm, lo(g), hi(g), slots,
                            e + GateMatrices.EX_G_ADJ, e + GateMatrices.EX_X, from, to);
                    kern.applyTangentEx(lamRe, lamIm, dlamRe, dlamIm, lo(g), hi(g), slots,
                            e + GateMatrices.EX_G_ADJ, e + GateMatrices.EX_G_DOT_ADJ, from, to);
                }
                return j + 1;
            }
            if (pauliReverse(g, n)) {
                int p = k * GateMatrices.SLOT;
                int r = results + j * RESULT;
                if (mode == REVERSE) {
                    // ψ ← G†ψ, λ ← G†λ, then Im⟨λ|σ_b ψ⟩ of the new states
                    kern.reverseSu2(psiRe, psiIm, lamRe, lamIm, lo(g), slots, p + GateMatrices.G_ADJ, partials, r,
                            sc, from, to);
                } else {
                    // ψ̇ ← G†ψ̇ + Xψ, ψ ← G†ψ; λ̇ ← G†λ̇ + Ġ†λ, λ ← G†λ; then the reductions of the new states
                    kern.applyTangent(psiRe, psiIm, dpsiRe, dpsiIm, lo(g), hi(g), o0(g, 0), o1(g, 0), slots,
                            p + GateMatrices.G_ADJ, p + GateMatrices.X, from, to);
                    kern.applyTangent(lamRe, lamIm, dlamRe, dlamIm, lo(g), hi(g), o0(g, 0), o1(g, 0), slots,
                            p + GateMatrices.G_ADJ, p + GateMatrices.G_DOT_ADJ, from, to);
                    kern.reducePauli2(psiRe, psiIm, dpsiRe, dpsiIm, lamRe, lamIm, dlamRe, dlamIm, lo(g), partials,
                            r, sc, from, to);
                }
                return j + 1;
            }
            for (int part = 0; part < parts(g, n); part++, j++) {
                int p = k * GateMatrices.SLOT + part * GateMatrices.PART;
                int lo = lo(g);
                int hi = hi(g);
                int o0 = o0(g, part);
                int o1 = o1(g, part);
                int r = results + j * RESULT;
                if (mode == REVERSE) {
                    // ψ ← G†ψ, M = M(λ, ψ), λ ← G†λ
                    kern.reverse(psiRe, psiIm, lamRe, lamIm, lo, hi, o0, o1, slots, p + GateMatrices.G_ADJ,
                            partials, r, sc, from, to);
                } else {
                    // ψ̇ ← G†ψ̇ + Xψ (X = −G†ĠG†), ψ ← G†ψ
                    kern.applyTangent(psiRe, psiIm, dpsiRe, dpsiIm, lo, hi, o0, o1, slots,
                            p + GateMatrices.G_ADJ, p + GateMatrices.X, from, to);
                    // M1 = M(λ, ψ), M2 = M(λ̇, ψ) + M(λ, ψ̇): uncomputed ψ, ψ̇ with the not yet updated λ, λ̇
                    kern.reduce2(psiRe, psiIm, dpsiRe, dpsiIm, lamRe, lamIm, dlamRe, dlamIm, lo, hi, o0, o1,
                            partials, r, sc, from, to);
                    // λ̇ ← G†λ̇ + Ġ†λ, λ ← G†λ
                    kern.applyTangent(lamRe, lamIm, dlamRe, dlamIm, lo, hi, o0, o1, slots,
                            p + GateMatrices.G_ADJ, p + GateMatrices.G_DOT_ADJ, from, to);
                }
            }
            return j;
        }

        private void applyFixed(Gate g, double[] matrix, double[] re, double[] im, int from, int to) {
            if (g.kind() == GateKind.DENSE1) {
                kern.apply(re, im, lo(g), Kernels.NO_BIT, 0, 1 << lo(g), matrix, 0, from, to);
            } else {
                kern.apply2(re, im, bitOf(n, g.p()), bitOf(n, g.q()), matrix, 0, from, to);
            }
        }

        /** The lower bit of the gate (its only one for one-qubit gates). */
        private int lo(Gate g) {
            int bp = bitOf(n, g.p());
            return g.q() < 0 ? bp : Math.min(bp, bitOf(n, g.q()));
        }

        /** The higher bit of a two-qubit gate, {@link Kernels#NO_BIT} for a one-qubit gate. */
        private int hi(Gate g) {
            return g.q() < 0 ? Kernels.NO_BIT : Math.max(bitOf(n, g.p()), bitOf(n, g.q()));
        }

        /** Pair offsets of a gate part (see {@link Kernels}). */
        private int o0(Gate g, int part) {
            return g.q() < 0 || part == 0 ? 0 : 1 << lo(g);
        }

        private int o1(Gate g, int part) {
            if (g.q() < 0) {
                return 1 << lo(g);
            }
            return part == 0 ? (1 << lo(g)) + (1 << hi(g)) : 1 << hi(g);
        }
    }
}
