package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * The kernel set and the {@link GateRoute} of every gate of one execution plan, as {@link KernelPolicy}
 * decides them, computed once per plan and looked up by the sweeps. Remembers the last plan routed
 * (plans are remembered by their circuit, so a repeated call finds its routes ready).
 *
 * <p>Owned by one simulator, written only by its owner thread between sweeps and read by the workers
 * (the worker pool's dispatch publishes it). Allocates only when a plan with more gates than any before
 * arrives.
 */
final class PlanRouting {
    private final KernelPolicy policy;
    private ExecutionPlan routed;
    private Kernels kernels;
    private GateRoute[] routes = new GateRoute[0];

    PlanRouting(KernelPolicy policy) {
        this.policy = policy;
    }

    /** Makes the routes of {@code plan} current (a no-op for the plan routed last). */
    void route(ExecutionPlan plan) {
        if (plan == routed) {
            return;
        }
        Circuit c = plan.circuit();
        int n = c.qubits();
        if (routes.length < c.gateCount()) {
            routes = new GateRoute[c.gateCount()];
        }
        for (int k = 0; k < c.gateCount(); k++) {
            routes[k] = policy.route(c.gate(k), n);
        }
        kernels = policy.kernelsFor(n);
        routed = plan;
    }

    /** The kernel set of the current plan's state size. */
    Kernels kernels() {
        return kernels;
    }

    /** The route of gate k of the current plan. */
    GateRoute route(int k) {
        return routes[k];
    }

    /** Result blocks of gate k of the current plan in a reverse sweep. */
    int parts(int k) {
        return routes[k].parts;
    }
}
