package org.qmlff.sim;

/**
 * The closing block of a plan: the parametric one-qubit gates on distinct qubits that directly follow
 * its leading fixed gates (the le circuit's first encoding layer). They commute, and nothing before them
 * needs ψ or λ, so the reverse sweeps take all their derivatives from the states after the block (with
 * the after-gate coefficients of {@link GateMatrices#PAULI_AFTER}) instead of uncomputing ψ and λ gate
 * by gate through it: reductions only, no writes ({@link ClosingBlockSweep}).
 */
final class ClosingBlock {
    private ClosingBlock() {
    }

    /**
     * End of the block: gates [firstParametric, end) form it, stopping before the plan's first
     * relabelling. Returns {@code firstParametric()} where there is no such block.
     */
    static int end(ExecutionPlan plan) {
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

    /** The after-gate coefficients of the block's gates [firstParametric, end), into their slots. */
    static void prepare(Circuit c, int end, int level, SweepBuffers buf) {
        for (int k = c.firstParametric(); k < end; k++) {
            GateMatrices.pauliAfter(c.gate(k), level, buf.slots, k * GateMatrices.SLOT, buf.work);
        }
    }
}
