package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

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
 * again split into as many chunks. With {@code threads > 1} and at least 2^{@value ChunkDispatcher#PARALLEL_MIN_LOG}
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
 *
 * <p>Layout. This class is the façade: it validates arguments, asks the circuit for its plan and routes
 * the call to the small-circuit path or to the {@link ChunkedEngine} (buffers, passes, dispatch), whose
 * {@link KernelPolicy} makes every kernel choice once per plan. The algorithms are {@link ForwardPass}
 * and {@link ReversePass} (adjoint gradient and Hessian-vector product); the kernels implement
 * {@link Kernels}.
 */
public final class Simulator implements AutoCloseable {
    /**
     * log2 of the amplitudes per chunk in the Hessian-vector reverse sweep and for the observable, the
     * smallest chunks used (the other sweeps touch fewer state vectors and use larger chunks, so that
     * one chunk of every vector involved stays within about 512 KiB, see {@link SweepMode}). Plans are
     * made for this many local bits.
     */
    static final int CHUNK_LOG = 13;
    /**
     * Smallest state that uses the configured (vector) kernels; smaller ones always use the scalar
     * kernels (see {@link KernelPolicy}).
     */
    static final int VECTOR_MIN_QUBITS = KernelPolicy.VECTOR_MIN_QUBITS;

    private final int maxQubits;
    private final ChunkedEngine engine;
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
        this.engine = new ChunkedEngine(maxQubits, threads, kernelKind);
        this.small = smallCircuits ? new SmallSimulator() : null;
        this.planned = planned;
    }

    private ExecutionPlan plan(Circuit c, Observable o) {
        return planned ? c.plan(o, CHUNK_LOG) : ExecutionPlan.asGiven(c, o);
    }

    private boolean isSmall(Circuit c) {
        return small != null && KernelPolicy.smallCircuit(c.qubits());
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
        return engine.kernelName();
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
        return engine.expectation(plan, z, zOff);
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
        engine.state(c, z, re, im);
    }

    /**
     * Writes the final state U(z)|0…0⟩ into re, im and its derivative along u, Σ_t u_t ∂/∂z_t U(z)|0…0⟩
     * (exact, forward mode), into dre, dim, each over [0 .. 2^n). For models that need ⟨ψ|A|ψ̇⟩ for many
     * observables A at once; allocates nothing after the first call with this circuit.
     */
    public void stateTangent(Circuit c, double[] z, double[] u, double[] re, double[] im, double[] dre, double[] dim) {
        if (c.qubits() > maxQubits) {
            throw tooLarge(c);
        }
        int size = 1 << c.qubits();
        checkLength("z", z, 0, c.inputs());
        checkLength("u", u, 0, c.inputs());
        checkLength("re", re, 0, size);
        checkLength("im", im, 0, size);
        checkLength("dre", dre, 0, size);
        checkLength("dim", dim, 0, size);
        engine.stateTangent(c, z, u, re, im, dre, dim);
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
        return engine.gradient(plan, m, z, zOff, grad, gOff);
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
        return engine.hessianVectorProduct(plan, m, z, zOff, u, uOff, grad, gOff, hvp, hOff);
    }

    /** Releases the worker threads, if any. */
    @Override
    public void close() {
        engine.close();
    }

    /** The basis-index bit of qubit q in an n-qubit state: qubit 0 is the most significant. */
    static int bitOf(int n, int qubit) {
        return n - 1 - qubit;
    }

    /** The end of the plan's closing block (see {@link ClosingBlock#end}). */
    static int tailEnd(ExecutionPlan plan) {
        return ClosingBlock.end(plan);
    }

    /** Exchanges index bits of a state range (see {@link PermutationSweep#exchangeBits}). */
    static void exchangeBits(double[] re, double[] im, int[] high, int[] low, int from, int to) {
        PermutationSweep.exchangeBits(re, im, high, low, from, to);
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
}
