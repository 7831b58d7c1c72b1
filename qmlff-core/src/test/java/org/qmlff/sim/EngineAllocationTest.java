package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chunked engine allocates nothing per call once warm: plans come from the circuit's memo, routes
 * from the plan routing, and every sweep task, buffer and partial sum is reused (measured with the
 * JVM's per-thread allocation counter, on the calling thread; only the caller's count is read here).
 * With the scalar kernels: the vector kernels allocate whenever C2 has not (yet, or in an unlucky
 * compilation on JDK 17) turned their vectors into registers, which says nothing about the engine.
 */
class EngineAllocationTest {

    @Test
    void warmEngineAllocatesNothingPerCall() {
        com.sun.management.ThreadMXBean bean = ThreadAllocations.counter();
        for (int threads : new int[] {1, 2}) {
            int n = 14;
            Circuit c = SampleCircuits.layered(n, 2);
            Observable o = Observable.heisenberg(0, 1);
            double[] z = SampleCircuits.randomInputs(c.inputs(), 7);
            double[] u = SampleCircuits.randomInputs(c.inputs(), 8);
            double[] g = new double[c.inputs()];
            double[] h = new double[c.inputs()];
            try (Simulator sim = new Simulator(n, threads, KernelKind.SCALAR)) {
                Runnable calls = ThreadAllocations.simulatorCalls(sim, c, o, z, u, g, h);
                // as in AllocationTest: the JIT now and then charges a few bytes to the running thread, so
                // the best of several rounds must allocate nothing; a per-call allocation shows in every round
                long best = ThreadAllocations.leastAllocated(bean, calls, 30, 8, 5);
                assertThat(best).as("bytes allocated by the best round of 5 calls each, %d threads", threads)
                        .isLessThanOrEqualTo(0);
            }
        }
    }
}
