package org.qmlff.sim;

import java.util.Arrays;

/**
 * The chunked state-vector engine behind {@link Simulator}: runs an {@link ExecutionPlan} forward for
 * ⟨O⟩, and adds the adjoint reverse pass for the gradient or its forward-over-reverse form for the
 * Hessian-vector product. Owns the buffers ({@link SweepBuffers}), the routing of the current plan
 * ({@link PlanRouting}) and the dispatch over chunks and threads ({@link ChunkDispatcher}).
 *
 * <p>Arguments are not validated here (the façade does that). Not thread-safe: one owner thread, whose
 * sweeps may use a pool. Allocates only the tangent vectors on the first Hessian-vector product and gate
 * storage when a circuit with more gates than any before arrives.
 */
final class ChunkedEngine implements AutoCloseable {
    private final KernelPolicy policy;
    private final SweepBuffers buf;
    private final ChunkDispatcher dispatcher;
    private final ForwardPass forward;
    private final ReversePass reverse;
    private final ObserveSweep observe;

    /** An engine for circuits of up to {@code maxQubits} qubits, {@code threads} threads, the given kernels. */
    ChunkedEngine(int maxQubits, int threads, KernelKind kind) {
        this.policy = new KernelPolicy(kind);
        this.buf = new SweepBuffers(maxQubits, policy.configured().scratch());
        this.dispatcher = new ChunkDispatcher(maxQubits, threads);
        PassContext context = new PassContext(buf, new PlanRouting(policy), dispatcher, new PermutationSweep(buf));
        this.forward = new ForwardPass(context);
        this.reverse = new ReversePass(context);
        this.observe = new ObserveSweep(buf, dispatcher);
    }

    /** The name of the configured kernels. */
    String kernelName() {
        return policy.configured().name();
    }

    /** ⟨O⟩ at z[zOff ..] for the plan's circuit and observable. */
    double expectation(ExecutionPlan plan, double[] z, int zOff) {
        Circuit run = plan.circuit();
        buf.prepareGates(run, z, zOff, null, 0, GateMatrices.VALUE);
        forward.run(plan, false);
        return observe.value(run.qubits(), plan.observable(), buf.psiRe, buf.psiIm, buf.lamRe, buf.lamIm);
    }

    /** Writes U(z)|0…0⟩ for every gate of c on its own labels into re, im[0 .. 2^n). */
    void state(Circuit c, double[] z, double[] re, double[] im) {
        int size = 1 << c.qubits();
        buf.prepareGates(c, z, 0, null, 0, GateMatrices.VALUE);
        forward.run(ExecutionPlan.asGiven(c, null), false);
        System.arraycopy(buf.psiRe, 0, re, 0, size);
        System.arraycopy(buf.psiIm, 0, im, 0, size);
    }

    /**
     * Writes U(z)|0…0⟩ and its derivative along u, Σ_t u_t ∂/∂z_t U(z)|0…0⟩, for every gate of c on its own
     * labels into re, im, dre, dim[0 .. 2^n).
     */
    void stateTangent(Circuit c, double[] z, double[] u, double[] re, double[] im, double[] dre, double[] dim) {
        int size = 1 << c.qubits();
        buf.ensureTangents();
        buf.prepareGates(c, z, 0, u, 0, GateMatrices.HVP);
        forward.run(c.asGiven(), true);
        System.arraycopy(buf.psiRe, 0, re, 0, size);
        System.arraycopy(buf.psiIm, 0, im, 0, size);
        System.arraycopy(buf.dpsiRe, 0, dre, 0, size);
        System.arraycopy(buf.dpsiIm, 0, dim, 0, size);
    }

    /** ⟨O⟩ at z, and ∂⟨O⟩/∂z into grad[gOff .. gOff + inputs) (inputs: the caller's circuit's). */
    double gradient(ExecutionPlan plan, int inputs, double[] z, int zOff, double[] grad, int gOff) {
        Circuit run = plan.circuit();
        buf.prepareGates(run, z, zOff, null, 0, GateMatrices.GRADIENT);
        int tail = ClosingBlock.end(plan);
        ClosingBlock.prepare(run, tail, GateMatrices.GRADIENT, buf);
        forward.run(plan, false);
        double value = observe.value(run.qubits(), plan.observable(), buf.psiRe, buf.psiIm, buf.lamRe, buf.lamIm);
        Arrays.fill(grad, gOff, gOff + inputs, 0.0);
        reverse.run(plan, SweepMode.REVERSE, tail, grad, gOff, null, 0);
        return value;
    }

    /** ⟨O⟩ at z; the gradient into grad[gOff ..] and H·u into hvp[hOff ..], {@code inputs} entries each. */
    double hessianVectorProduct(ExecutionPlan plan, int inputs, double[] z, int zOff, double[] u, int uOff,
                                double[] grad, int gOff, double[] hvp, int hOff) {
        Circuit run = plan.circuit();
        int n = run.qubits();
        buf.ensureTangents();
        buf.prepareGates(run, z, zOff, u, uOff, GateMatrices.HVP);
        int tail = ClosingBlock.end(plan);
        ClosingBlock.prepare(run, tail, GateMatrices.HVP, buf);
        forward.run(plan, true);
        double value = observe.value(n, plan.observable(), buf.psiRe, buf.psiIm, buf.lamRe, buf.lamIm);
        observe.value(n, plan.observable(), buf.dpsiRe, buf.dpsiIm, buf.dlamRe, buf.dlamIm);
        Arrays.fill(grad, gOff, gOff + inputs, 0.0);
        Arrays.fill(hvp, hOff, hOff + inputs, 0.0);
        reverse.run(plan, SweepMode.REVERSE_HVP, tail, grad, gOff, hvp, hOff);
        return value;
    }

    /** Releases the worker threads, if any. */
    @Override
    public void close() {
        dispatcher.close();
    }
}
