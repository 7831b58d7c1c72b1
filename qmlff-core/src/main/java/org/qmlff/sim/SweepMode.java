package org.qmlff.sim;

/**
 * What a gate sweep of the chunked engine does: run gates forward (with or without the tangent ψ̇) or
 * walk them back for the adjoint gradient (with or without the Hessian-vector tangents). Fixes the
 * chunk size of the sweep and the state vectors a relabelling in the middle of it must move.
 */
enum SweepMode {
    /** ψ ← Gψ. Touches one state vector. */
    FORWARD(Simulator.CHUNK_LOG + 2, false, false),
    /** ψ̇ ← Gψ̇ + Ġψ, ψ ← Gψ. Two vectors. */
    FORWARD_TANGENT(Simulator.CHUNK_LOG + 1, true, false),
    /** ψ ← G†ψ, λ ← G†λ, with the gradient's reductions. Two vectors. */
    REVERSE(Simulator.CHUNK_LOG + 1, false, true),
    /** As {@link #REVERSE} and also uncomputes ψ̇ and carries λ̇, with the Hessian-vector reductions. Four vectors. */
    REVERSE_HVP(Simulator.CHUNK_LOG, true, true);

    /** log2 of the chunk size without a pool: one chunk of every vector the sweep touches in about 512 KiB. */
    private final int chunkLog;
    /** Whether the sweep carries the tangents ψ̇ (and, in reverse, λ̇). */
    final boolean tangent;
    /** Whether the sweep runs backwards and carries λ. */
    final boolean reverse;

    SweepMode(int chunkLog, boolean tangent, boolean reverse) {
        this.chunkLog = chunkLog;
        this.tangent = tangent;
        this.reverse = reverse;
    }

    /** The forward mode, with or without the tangent. */
    static SweepMode forward(boolean tangent) {
        return tangent ? FORWARD_TANGENT : FORWARD;
    }

    /**
     * log2 of the chunk size of this sweep over n qubits. The reverse sweeps have reductions, whose chunks
     * must depend only on the mode and n (never on the thread count: sums over chunks must be the same
     * however split); the forward sweeps have none, so with a pool they take smaller chunks to give every
     * thread work.
     */
    int chunkLog(int n, boolean pooled) {
        if (pooled && !reverse) {
            return Math.max(Simulator.CHUNK_LOG - 3, Math.min(chunkLog, n - 3));
        }
        return chunkLog;
    }
}
