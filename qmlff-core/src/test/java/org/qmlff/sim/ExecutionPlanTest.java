package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulator's execution plans ({@link ExecutionPlan}: light cone, commuting gates reordered, qubits
 * relabelled mid-circuit) give the same expectations and derivatives as running every gate as given,
 * and have the structure the sweeps rely on.
 */
class ExecutionPlanTest {

    @Test
    void layeredCircuitRunsAlmostEntirelyOnLowBits() {
        int n = 20;
        Circuit c = SampleCircuits.layered(n, 6);
        ExecutionPlan plan = c.plan(Observable.heisenberg(0, 1), Simulator.CHUNK_LOG);
        Circuit run = plan.circuit();
        assertThat(run.gateCount()).isEqualTo(c.lightCone(Observable.heisenberg(0, 1)).gateCount());
        assertThat(run.inputs()).isEqualTo(c.inputs());
        assertThat(plan.permutations()).isBetween(1, 8);
        int previous = run.productPrefix() - 1;
        for (int i = 0; i < plan.permutations(); i++) {
            assertThat(plan.permutationGate(i)).isGreaterThan(previous);
            previous = plan.permutationGate(i);
            assertThat(plan.highBits(i)).hasSameSizeAs(plan.lowBits(i));
            for (int b : plan.highBits(i)) {
                assertThat(b).isBetween(Simulator.CHUNK_LOG, n - 1);
            }
            for (int b : plan.lowBits(i)) {
                assertThat(b).isBetween(ExecutionPlan.MIN_SWAP_BIT, Simulator.CHUNK_LOG - 1);
            }
        }
        // almost every gate after the product prefix acts on bits below the smallest chunk (as given, 74
        // of the light cone's 184 gates do not, even with chunks of 2^14)
        int onHighBits = 0;
        for (int k = run.productPrefix(); k < run.gateCount(); k++) {
            Gate g = run.gate(k);
            if (Simulator.bitOf(n, g.p()) >= Simulator.CHUNK_LOG
                    || g.q() >= 0 && Simulator.bitOf(n, g.q()) >= Simulator.CHUNK_LOG) {
                onHighBits++;
            }
        }
        assertThat(onHighBits).isLessThanOrEqualTo(5);
        // each parametric gate of the light cone once (inputs are distinct in this circuit)
        int[] inputs = new int[run.gateCount()];
        int[] expected = new int[run.gateCount()];
        Circuit cone = c.lightCone(Observable.heisenberg(0, 1));
        for (int k = 0; k < run.gateCount(); k++) {
            inputs[k] = run.gate(k).input();
            expected[k] = cone.gate(k).input();
        }
        Arrays.sort(inputs);
        Arrays.sort(expected);
        assertThat(inputs).containsExactly(expected);
    }

    @Test
    void plannedRunsMatchTheCircuitAsGiven() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 15;
        for (int trial = 0; trial < 6; trial++) {
            CircuitSpec spec = CircuitSpec.random(rng, n, 50);
            Circuit c = spec.build();
            int p = rng.nextInt(n);
            int q = (p + 1 + rng.nextInt(n - 1)) % n;
            // a random sum of Pauli strings (mostly on every qubit), or one pair (light cone and relabelling)
            Observable o = trial % 2 == 0 ? ObservableSpec.random(rng, n).observable() : Observable.heisenberg(p, q);
            agree(c, o, rng, "random circuit " + trial, 1);
        }
        // the layered circuit relabels its qubits several times on the way
        Circuit layered = SampleCircuits.layered(16, 6);
        assertThat(layered.plan(Observable.heisenberg(0, 1), Simulator.CHUNK_LOG).permutations()).isPositive();
        agree(layered, Observable.heisenberg(0, 1), rng, "layered, 1 thread", 1);
        agree(layered, Observable.heisenberg(0, 1), rng, "layered, 2 threads", 2);
    }

    private static void agree(Circuit c, Observable o, SplittableRandom rng, String what, int threads) {
        int m = c.inputs();
        double[] z = CircuitSpec.uniform(rng, m, 2.0);
        double[] u = CircuitSpec.uniform(rng, m, 1.0);
        int n = c.qubits();
        try (Simulator planned = new Simulator(n, threads); Simulator given = Simulator.asGiven(n, 1, KernelKind.SCALAR)) {
            Derivatives ref = Derivatives.of(given, c, o, z, u);
            Derivatives.of(planned, c, o, z, u).assertCloseTo(ref, 1e-11, what);
            double[] g = new double[m];
            assertThat(planned.gradient(c, o, z, g)).as(what).isCloseTo(ref.value(), within(1e-11));
            OracleTest.assertClose(g, ref.gradient(), what + " gradient", 1e-11);
            assertThat(planned.expectation(c, o, z)).as(what).isCloseTo(ref.value(), within(1e-11));
        }
    }

    @Test
    void exchangeBitsMovesEveryAmplitudeToItsRelabelledIndex() {
        int n = 10;
        int[] high = {9, 7};
        int[] low = {4, 6};
        double[] re = new double[1 << n];
        double[] im = new double[1 << n];
        for (int b = 0; b < re.length; b++) {
            re[b] = b;
            im[b] = -b;
        }
        // in two calls on disjoint ranges, as two threads would
        Simulator.exchangeBits(re, im, high, low, 0, 1 << (n - 1));
        Simulator.exchangeBits(re, im, high, low, 1 << (n - 1), 1 << n);
        for (int b = 0; b < re.length; b++) {
            int t = b;
            for (int k = 0; k < high.length; k++) {
                int hb = (b >> high[k]) & 1;
                int lb = (b >> low[k]) & 1;
                t = (t & ~(1 << high[k]) & ~(1 << low[k])) | (lb << high[k]) | (hb << low[k]);
            }
            assertThat(re[t]).as("amplitude from %d at %d", b, t).isEqualTo(b);
            assertThat(im[t]).isEqualTo(-b);
        }
    }
}
