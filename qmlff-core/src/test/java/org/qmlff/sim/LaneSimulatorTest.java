package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneSimulator} against its scalar reference, {@link Simulator}'s small-circuit path run row by row
 * (the lanes looped scalar): values, gradients and Hessian-vector products must be bit-for-bit equal, for
 * every gate kind with a lane kernel (Enc, Ex, RZ, after a fixed prefix of singlets and dense gates), shared
 * inputs, full and partial lane groups, and for circuits that take the row-by-row fallback (tensor gates,
 * fixed gates after the first parametric one). Each check asserts which path ran, so that neither can pass
 * by checking nothing.
 */
class LaneSimulatorTest {
    private static final int L = LaneSimulator.LANES;
    /** Row counts: one, a partial group, a full one, full groups plus a remainder. */
    private static final int[] COUNTS = {1, Math.max(1, L - 1), L, 2 * L + 3};
    /** The simulator under test, a fresh one for each test. */
    private final LaneSimulator lanes = new LaneSimulator();

    @Test
    void lanesAreThePreferredVectorWidth() {
        assertThat(L).isEqualTo(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length());
        assertThat(L).isGreaterThanOrEqualTo(1);
    }

    @Test
    void matchesTheScalarPathBitForBitOnRandomLaneCircuits() {
        SplittableRandom rng = new SplittableRandom(4242);
        int laneRuns = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + trial % LaneSimulator.MAX_QUBITS;
            Circuit c = laneCircuit(rng, n, 4 + rng.nextInt(24), rng.nextBoolean());
            Observable o = ObservableSpec.random(rng, n).observable();
            Circuit run = c.plan(o, Simulator.CHUNK_LOG).circuit();
            if (!LaneSimulator.laneKernels(run)) continue;
            laneRuns++;
            for (int count : COUNTS) {
                compare(lanes, c, o, count, rng, 3.0, "trial " + trial + " (" + n + " qubits, " + c.gateCount()
                        + " gates), " + count + " rows");
            }
        }
        assertThat(laneRuns).isGreaterThan(40);
    }

    @Test
    void matchesTheScalarPathOnTheRevisedModelCircuit() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n = 2; n <= LaneSimulator.MAX_QUBITS; n += 2) {
            Circuit c = CircuitSpec.layered(n, 3).build();
            Observable o = Observable.heisenberg(0, 1);
            assertThat(LaneSimulator.laneKernels(c.plan(o, Simulator.CHUNK_LOG).circuit())).isTrue();
            for (int count : COUNTS) {
                // small inputs (the series branch of Enc) and large ones (the closed form)
                compare(lanes, c, o, count, rng, 0.3, "layered(" + n + ", 3), small inputs, " + count + " rows");
                compare(lanes, c, o, count, rng, 3.0, "layered(" + n + ", 3), " + count + " rows");
            }
        }
    }

    @Test
    void circuitsWithoutLaneKernelsRunRowByRowWithTheSameResults() {
        SplittableRandom rng = new SplittableRandom(99);
        int fallbacks = 0;
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + trial % (LaneSimulator.MAX_QUBITS - 1);
            Circuit c = CircuitSpec.randomWithTensor(rng, n, 6 + rng.nextInt(12)).build();
            Observable o = ObservableSpec.random(rng, n).observable();
            if (LaneSimulator.laneKernels(c.plan(o, Simulator.CHUNK_LOG).circuit())) continue;
            fallbacks++;
            compare(lanes, c, o, L + 1, rng, 2.0, "fallback trial " + trial);
        }
        assertThat(fallbacks).isGreaterThan(10);
    }

    @Test
    void rejectsWrongSizes() {
        Circuit c = CircuitSpec.layered(4, 1).build();
        Observable o = Observable.heisenberg(0, 1);
        int m = c.inputs();
        assertThatThrownBy(() -> lanes.gradients(c, o, 3, new double[2 * m], new double[3], new double[3 * m]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array z");
        Circuit big = CircuitSpec.layered(LaneSimulator.MAX_QUBITS + 2, 1).build();
        assertThatThrownBy(() -> lanes.expectations(big, o, 1, new double[big.inputs()], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qubits");
    }

    /** All three quantities of {@code count} random rows, lane path against the rows one by one. */
    private static void compare(LaneSimulator lanes, Circuit c, Observable o, int count, SplittableRandom rng,
                                double scale, String where) {
        int m = c.inputs();
        double[] z = CircuitSpec.uniform(rng, count * m, scale);
        double[] u = CircuitSpec.uniform(rng, count * m, 1.0);
        double[] values = new double[count];
        double[] grads = new double[count * m];
        double[] hvps = new double[count * m];
        double[] v2 = new double[count];
        double[] g2 = new double[count * m];
        double[] h2 = new double[count * m];
        double[] v3 = new double[count];
        lanes.expectations(c, o, count, z, v3);
        lanes.gradients(c, o, count, z, v2, g2);
        lanes.hessianVectorProducts(c, o, count, z, u, values, grads, hvps);
        try (Simulator sim = new Simulator(c.qubits())) {
            double[] g = new double[m];
            double[] h = new double[m];
            for (int i = 0; i < count; i++) {
                String row = where + ", row " + i;
                assertThat(v3[i]).as(row + " value").isEqualTo(sim.expectation(c, o, z, i * m));
                assertThat(v2[i]).as(row + " value (gradient)").isEqualTo(sim.gradient(c, o, z, i * m, g, 0));
                assertThat(slice(g2, i * m, m)).as(row + " gradient").containsExactly(g);
                double val = sim.hessianVectorProduct(c, o, z, i * m, u, i * m, g, 0, h, 0);
                assertThat(values[i]).as(row + " value (hvp)").isEqualTo(val);
                assertThat(slice(grads, i * m, m)).as(row + " gradient (hvp)").containsExactly(g);
                assertThat(slice(hvps, i * m, m)).as(row + " hvp").containsExactly(h);
            }
        }
    }

    private static double[] slice(double[] x, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(x, from, out, 0, length);
        return out;
    }

    /**
     * A random circuit of the lane kinds: a fixed prefix (singlets, sometimes a dense gate), then Enc, Ex and RZ
     * gates; about one parametric gate in five reuses inputs of an earlier one.
     */
    private static Circuit laneCircuit(SplittableRandom rng, int n, int gates, boolean denseInPrefix) {
        Circuit.Builder b = Circuit.builder(n);
        for (int q = 0; q + 1 < n; q += 2) b.singlet(q, q + 1);
        if (denseInPrefix) {
            double[][] w = CircuitSpec.randomUnitary(rng, 2);
            b.gate1(rng.nextInt(n), w[0], w[1]);
        }
        int next = 0;
        for (int k = 0; k < gates; k++) {
            int kind = n == 1 ? 2 * rng.nextInt(2) : rng.nextInt(3);
            int width = kind == 0 ? 3 : 1;
            int input = next;
            if (next >= width && rng.nextInt(5) == 0) input = rng.nextInt(next - width + 1);
            else next += width;
            int p = rng.nextInt(n);
            switch (kind) {
                case 0 -> b.enc(p, input);
                case 1 -> {
                    int q = rng.nextInt(n - 1);
                    if (q >= p) q++;
                    b.ex(p, q, input);
                }
                default -> b.rz(p, input);
            }
        }
        return b.build();
    }
}
