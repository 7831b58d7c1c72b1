package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The batch runner against one simulator per circuit, bit for bit, for 1, 2 and 3 threads. */
class BatchSimulatorTest {

    /** The revised model's per-atom circuit: 4 qubits, depth 3. */
    static CircuitSpec atomCircuit() {
        return CircuitSpec.layered(4, 3);
    }

    @Test
    void matchesSingleSimulatorBitForBit() {
        Circuit c = atomCircuit().build();
        Observable o = Observable.heisenberg(0, 1);
        int m = c.inputs();
        int count = 37;
        SplittableRandom rng = new SplittableRandom(9);
        double[] z = CircuitSpec.uniform(rng, count * m, 2.0);
        double[] u = CircuitSpec.uniform(rng, count * m, 1.0);

        double[] refValues = new double[count];
        double[] refGrads = new double[count * m];
        double[] refHvps = new double[count * m];
        double[] refExp = new double[count];
        double[] refGradValues = new double[count];
        double[] refGradOnly = new double[count * m];
        try (Simulator sim = new Simulator(4)) {
            for (int i = 0; i < count; i++) {
                double[] zi = java.util.Arrays.copyOfRange(z, i * m, (i + 1) * m);
                double[] ui = java.util.Arrays.copyOfRange(u, i * m, (i + 1) * m);
                double[] g = new double[m];
                double[] h = new double[m];
                refValues[i] = sim.hessianVectorProduct(c, o, zi, ui, g, h);
                refExp[i] = sim.expectation(c, o, zi);
                refGradValues[i] = sim.gradient(c, o, zi, g);
                System.arraycopy(g, 0, refGradOnly, i * m, m);
                g = new double[m];
                sim.hessianVectorProduct(c, o, zi, ui, g, h);
                System.arraycopy(g, 0, refGrads, i * m, m);
                System.arraycopy(h, 0, refHvps, i * m, m);
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            try (BatchSimulator batch = new BatchSimulator(4, threads)) {
                assertThat(batch.threads()).isEqualTo(threads);
                double[] values = new double[count];
                double[] grads = new double[count * m];
                double[] hvps = new double[count * m];
                batch.hessianVectorProducts(c, o, count, z, u, values, grads, hvps);
                assertThat(values).as("values, %d threads", threads).containsExactly(refValues);
                assertThat(grads).as("gradients, %d threads", threads).containsExactly(refGrads);
                assertThat(hvps).as("H·u, %d threads", threads).containsExactly(refHvps);

                double[] values2 = new double[count];
                double[] grads2 = new double[count * m];
                batch.gradients(c, o, count, z, values2, grads2);
                assertThat(values2).containsExactly(refGradValues);
                assertThat(grads2).containsExactly(refGradOnly);

                double[] exp = new double[count];
                batch.expectations(c, o, count, z, exp);
                assertThat(exp).containsExactly(refExp);
            }
        }
    }

    @Test
    void rejectsShortArraysAndTooManyQubits() {
        Circuit c = atomCircuit().build();
        Observable o = Observable.heisenberg(0, 1);
        int m = c.inputs();
        try (BatchSimulator batch = new BatchSimulator(4, 2)) {
            assertThatThrownBy(() -> batch.gradients(c, o, 3, new double[3 * m - 1], new double[3], new double[3 * m]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array z");
            assertThatThrownBy(() -> batch.expectations(c, o, 3, new double[3 * m], new double[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array values");
            Circuit big = CircuitSpec.layered(6, 1).build();
            assertThatThrownBy(() -> batch.expectations(big, o, 1, new double[big.inputs()], new double[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4");
            // nothing to do is fine
            batch.expectations(c, o, 0, new double[0], new double[0]);
        }
    }
}
