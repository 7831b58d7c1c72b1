package org.qmlff.sim;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The JVM's per-thread allocation counter, for the tests that a warm path allocates nothing per call.
 * While C2 compiles and installs code, HotSpot now and then charges a few hundred bytes (up to about a
 * kilobyte) to the running thread, so such a test asks for the best of several rounds to allocate
 * nothing at all: an allocation per call, or per round, shows in every round.
 */
final class ThreadAllocations {
    private ThreadAllocations() {
    }

    /** The counter; skips the calling test where this JVM cannot count allocated bytes per thread. */
    static com.sun.management.ThreadMXBean counter() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        return bean;
    }

    /** One call each of {@code sim}'s value, gradient (into g) and Hessian-vector product (into g and h) of c, o at z, u. */
    static Runnable simulatorCalls(Simulator sim, Circuit c, Observable o, double[] z, double[] u, double[] g, double[] h) {
        return () -> {
            sim.expectation(c, o, z);
            sim.gradient(c, o, z, g);
            sim.hessianVectorProduct(c, o, z, u, g, h);
        };
    }

    /**
     * After {@code warmRuns} runs of {@code calls} to warm them up: the fewest bytes the calling thread
     * allocated in one of {@code rounds} rounds of {@code runs} runs of {@code calls}, the cost of one reading
     * of the counter taken off each round; stops at the first round that allocates nothing.
     */
    static long leastAllocated(com.sun.management.ThreadMXBean bean, Runnable calls, int warmRuns, int rounds, int runs) {
        for (int i = 0; i < warmRuns; i++) {
            calls.run();
        }
        long id = Thread.currentThread().getId();
        // what one reading of the counter costs, taken off each round
        long reading = -bean.getThreadAllocatedBytes(id) + bean.getThreadAllocatedBytes(id);
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds && least > 0; round++) {
            long start = bean.getThreadAllocatedBytes(id);
            for (int i = 0; i < runs; i++) {
                calls.run();
            }
            least = Math.min(least, bean.getThreadAllocatedBytes(id) - start - reading);
        }
        return least;
    }
}
