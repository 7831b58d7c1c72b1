package org.qmlff.sim;

/**
 * ψ ← U|0…0⟩, and with the tangent also ψ̇ ← (d/du) U|0…0⟩, for an execution plan's circuit and labels:
 * the product-state start ({@link ProductStart}), then the rest in runs. A run of consecutive local gates
 * (all bits inside a chunk) is applied chunk by chunk, every gate of the run on one chunk while it is in
 * cache; a non-local gate runs on its own; the plan's relabellings go in between.
 */
final class ForwardPass {
    private final PassContext context;
    private final ForwardSweep sweep;

    ForwardPass(PassContext context) {
        this.context = context;
        this.sweep = new ForwardSweep(context.buf(), context.routing());
    }

    /** Runs the plan forward; the gate slots must be prepared, and the tangent vectors allocated for {@code tangent}. */
    void run(ExecutionPlan plan, boolean tangent) {
        SweepBuffers buf = context.buf();
        ChunkDispatcher dispatcher = context.dispatcher();
        context.routing().route(plan);
        Circuit c = plan.circuit();
        int n = c.qubits();
        buf.resetState(n, tangent);
        int k = ProductStart.apply(c, buf.psiRe, buf.psiIm);
        SweepMode mode = SweepMode.forward(tangent);
        int log = mode.chunkLog(n, dispatcher.pooled());
        int next = 0;
        while (k < c.gateCount()) {
            if (next < plan.permutations() && plan.permutationGate(next) == k) {
                context.permute(n, log, plan, next, mode);
                next++;
                continue;
            }
            int stop = next < plan.permutations() ? plan.permutationGate(next) : c.gateCount();
            int end = k + 1;
            if (GateLayout.local(n, c.gate(k), log)) {
                while (end < stop && GateLayout.local(n, c.gate(end), log)) {
                    end++;
                }
            }
            sweep.set(mode, log, c, k, end);
            dispatcher.run(sweep, n, log);
            k = end;
        }
    }
}
