package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Results are bit-identical for 1, 2 and 3 threads, and from call to call, on a 16-qubit circuit. */
class ThreadDeterminismTest {
    private static final int N = 16;

    @Test
    void bitIdenticalForAnyThreadCount() {
        RandomProblem random = RandomProblem.draw(3, N, 20, 2.0);
        Circuit c = random.circuit();
        Observable o = random.observable().plus(Observable.heisenberg(3, 12));
        double[] z = random.z();
        double[] u = CircuitSpec.uniform(random.rng(), c.inputs(), 1.0);
        for (KernelKind kind : KernelKind.values()) {
            long[] reference = null;
            for (int threads = 1; threads <= 3; threads++) {
                try (Simulator sim = new Simulator(N, threads, kind)) {
                    // the single-threaded simulator twice: also reproducible from call to call
                    for (int repeat = 0; repeat < (threads == 1 ? 2 : 1); repeat++) {
                        long[] bits = run(sim, c, o, z, u);
                        if (reference == null) {
                            reference = bits;
                        } else {
                            assertThat(bits).as("%s kernels, %d threads, call %d", kind, threads, repeat)
                                    .containsExactly(reference);
                        }
                    }
                }
            }
        }
    }

    /** expectation, gradient (value and entries), HVP (value, gradient, H·u) as raw bits. */
    private static long[] run(Simulator sim, Circuit c, Observable o, double[] z, double[] u) {
        int m = c.inputs();
        double[] g = new double[m];
        double[] g2 = new double[m];
        double[] h = new double[m];
        double e = sim.expectation(c, o, z);
        double v1 = sim.gradient(c, o, z, g);
        double v2 = sim.hessianVectorProduct(c, o, z, u, g2, h);
        long[] bits = new long[3 + 3 * m];
        bits[0] = Double.doubleToRawLongBits(e);
        bits[1] = Double.doubleToRawLongBits(v1);
        bits[2] = Double.doubleToRawLongBits(v2);
        for (int i = 0; i < m; i++) {
            bits[3 + i] = Double.doubleToRawLongBits(g[i]);
            bits[3 + m + i] = Double.doubleToRawLongBits(g2[i]);
            bits[3 + 2 * m + i] = Double.doubleToRawLongBits(h[i]);
        }
        return bits;
    }
}
