package org.qmlff.sim;

/**
 * What the forward and reverse passes of one engine share: its buffers, the routing of the current plan,
 * the dispatcher, and the task that applies the plan's relabellings.
 */
record PassContext(SweepBuffers buf, PlanRouting routing, ChunkDispatcher dispatcher, PermutationSweep permutation) {

    /** Applies relabelling i of the plan to the vectors a sweep in {@code mode} carries, in chunks of 2^log. */
    void permute(int n, int log, ExecutionPlan plan, int i, SweepMode mode) {
        permutation.set(n, log, plan, i, mode);
        dispatcher.run(permutation, n, log);
    }
}
