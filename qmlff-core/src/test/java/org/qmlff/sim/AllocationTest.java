package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A reused simulator or batch runner allocates nothing per call (measured with the JVM's per-thread
 * allocation counter), for the small per-atom circuits of the revised model.
 */
class AllocationTest {

    @Test
    void reusedSimulatorAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        Circuit c = BatchSimulatorTest.atomCircuit().build();
        Observable o = Observable.heisenbergMean(CircuitSpec.ringPairs(4));
        int m = c.inputs();
        SplittableRandom rng = new SplittableRandom(1);
        int count = 16;
        double[] z = CircuitSpec.uniform(rng, count * m, 1.0);
        double[] u = CircuitSpec.uniform(rng, count * m, 1.0);
        double[] g = new double[count * m];
        double[] h = new double[count * m];
        double[] values = new double[count];
        try (Simulator sim = new Simulator(4); BatchSimulator batch = new BatchSimulator(4, 1)) {
            Runnable calls = () -> {
                sim.expectation(c, o, z);
                sim.gradient(c, o, z, g);
                sim.hessianVectorProduct(c, o, z, u, g, h);
                batch.hessianVectorProducts(c, o, count, z, u, values, g, h);
            };
            for (int i = 0; i < 500; i++) {
                calls.run();
            }
            // HotSpot now and then charges a few hundred bytes to the running thread while it compiles
            // (seen with and without this code), so require one batch of the ten to allocate nothing at
            // all; an allocation per call, or per round, shows in every batch.
            long id = Thread.currentThread().getId();
            long allocated = Long.MAX_VALUE;
            for (int batchIndex = 0; batchIndex < 10 && allocated > 0; batchIndex++) {
                long before = bean.getThreadAllocatedBytes(id);
                long baseline = bean.getThreadAllocatedBytes(id) - before;
                before = bean.getThreadAllocatedBytes(id);
                for (int i = 0; i < 200; i++) {
                    calls.run();
                }
                allocated = Math.min(allocated, bean.getThreadAllocatedBytes(id) - before - baseline);
            }
            assertThat(allocated).as("bytes allocated by the best of 10 batches of 200 rounds of calls").isLessThanOrEqualTo(0);
        }
    }
}
