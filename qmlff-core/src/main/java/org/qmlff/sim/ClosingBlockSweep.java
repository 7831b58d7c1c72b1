package org.qmlff.sim;

/**
 * The reductions of the closing-block gates [first, last) (see {@link ClosingBlock}) on one chunk at a
 * time, at the states after the block: R_b = Im⟨λ|σ_b ψ⟩ and for the Hessian-vector product also
 * S_b = Im(⟨λ̇|σ_b ψ⟩ + ⟨λ|σ_b ψ̇⟩), gate by gate from the last one. Reads the state vectors only.
 */
final class ClosingBlockSweep extends GateRunSweep {
    ClosingBlockSweep(SweepBuffers buf, PlanRouting routing) {
        super(buf, routing);
    }

    @Override
    public void run(int chunk, int worker) {
        int sc = chunk * buf.stride;
        int results = sc + buf.resultBase;
        int per = itemsPerChunk(1);
        int from = chunk * per;
        int to = from + per;
        SweepBuffers b = buf;
        int j = 0;
        for (int k = last - 1; k >= first; k--, j++) {
            int lo = GateLayout.lo(circuit.gate(k), n);
            int r = results + j * SweepBuffers.RESULT;
            if (!tangent) {
                kern.reducePauli(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, b.partials, r, sc, from, to);
            } else {
                kern.reducePauli2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo,
                        b.partials, r, sc, from, to);
            }
        }
    }
}
