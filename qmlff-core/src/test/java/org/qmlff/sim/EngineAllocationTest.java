package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
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
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        for (int threads : new int[] {1, 2}) {
            int n = 14;
            Circuit c = SampleCircuits.layered(n, 2);
            Observable o = Observable.heisenberg(0, 1);
            double[] z = SampleCircuits.randomInputs(c.inputs(), 7);
            double[] u = SampleCircuits.randomInputs(c.inputs(), 8);
            double[] g = new double[c.inputs()];
            double[] h = new double[c.inputs()];
            try (Simulator sim = new Simulator(n, threads, KernelKind.SCALAR)) {
                Runnable calls = () -> {
                    sim.expectation(c, o, z);
                    sim.gradient(c, o, z, g);
                    sim.hessianVectorProduct(c, o, z, u, g, h);
                };
                for (int i = 0; i < 30; i++) {
                    calls.run();
                }
                // as in AllocationTest: the JIT now and then charges a few bytes to the running thread, so
                // the best of several rounds must allocate nothing; a per-call allocation shows in every round
                long best = leastAllocated(bean, calls);
                assertThat(best).as("bytes allocated by the best round of 5 calls each, %d threads", threads)
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    /** The fewest bytes the calling thread allocated in one of 8 rounds of 5 runs of {@code calls}. */
    private static long leastAllocated(com.sun.management.ThreadMXBean bean, Runnable calls) {
        long id = Thread.currentThread().getId();
        // what one reading of the counter costs, taken off each round
        long reading = -bean.getThreadAllocatedBytes(id) + bean.getThreadAllocatedBytes(id);
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 8 && least > 0; round++) {
            long start = bean.getThreadAllocatedBytes(id);
            for (int i = 0; i < 5; i++) {
                calls.run();
            }
            least = Math.min(least, bean.getThreadAllocatedBytes(id) - start - reading);
        }
        return least;
    }
}
