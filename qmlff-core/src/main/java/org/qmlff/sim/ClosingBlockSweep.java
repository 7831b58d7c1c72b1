package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * The reductions of the closing-block gates [first, last) (see {@link ClosingBlock}) on one chunk at a
 * time, at the states after the block: R_b = Im⟨λ|σ_b ψ⟩ and for the Hessian-vector product also
 * S_b = Im(⟨λ̇|σ_b ψ⟩ + ⟨λ|σ_b ψ̇⟩), gate by gate from the last one. Reads the state vectors only.
 * Reused for every dispatch: set by the owner thread, read by the workers.
 */
final class ClosingBlockSweep implements WorkerPool.Task {
    private final SweepBuffers buf;
    private final PlanRouting routing;
    private Circuit circuit;
    private int first;
    private int last;
    private int n;
    private int chunkLog;
    private boolean hvp;
    private Kernels kern;

    ClosingBlockSweep(SweepBuffers buf, PlanRouting routing) {
        this.buf = buf;
        this.routing = routing;
    }

    /** Sets up the block's gates [first, last) of {@code c} (the routed plan's circuit). */
    void set(SweepMode mode, int chunkLog, Circuit c, int first, int last) {
        this.hvp = mode.tangent;
        this.chunkLog = chunkLog;
        this.circuit = c;
        this.first = first;
        this.last = last;
        this.n = c.qubits();
        this.kern = routing.kernels();
    }

    @Override
    public void run(int chunk, int worker) {
        int sc = chunk * buf.stride;
        int results = sc + buf.resultBase;
        int per = (1 << (n - 1)) / ChunkDispatcher.chunks(n, chunkLog);
        int from = chunk * per;
        int to = from + per;
        SweepBuffers b = buf;
        int j = 0;
        for (int k = last - 1; k >= first; k--, j++) {
            int lo = GateLayout.lo(circuit.gate(k), n);
            int r = results + j * SweepBuffers.RESULT;
            if (!hvp) {
                kern.reducePauli(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, b.partials, r, sc, from, to);
            } else {
                kern.reducePauli2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo,
                        b.partials, r, sc, from, to);
            }
        }
    }
}
