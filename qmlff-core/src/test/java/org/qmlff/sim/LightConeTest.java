package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator skips the gates outside the observable's backward light cone ({@link Circuit#lightCone}).
 * Checked against references that run every gate: the exact oracle, and the same simulator with an
 * observable that has the same value but acts on every qubit (a zero-weight Z⊗…⊗Z added to it).
 */
class LightConeTest {
    private static final double TOL = 1e-10;

    @Test
    void layeredCircuitKeepsItsBackwardLightCone() {
        Circuit c = SampleCircuits.layered(20, 6);
        Circuit cone = c.lightCone(Observable.heisenberg(0, 1));
        // Walking back from σ₀·σ₁ on {0, 1}: the last encoding layer keeps 2 gates; then each ring layer
        // widens the cone by two qubits on each side (odd pairs, then even pairs), so the Ex layers keep
        // 5, 9, 13, 17, 20, 20 gates and the encoding layers before them 6, 10, 14, 18, 20, 20; and the
        // 10 singlets stay: 10 + (2 + 6 + 10 + 14 + 18 + 20 + 20) + (5 + 9 + 13 + 17 + 20 + 20) = 184.
        assertThat(c.gateCount()).isEqualTo(270);
        assertThat(cone.gateCount()).isEqualTo(184);
        assertThat(cone.inputs()).isEqualTo(c.inputs());
        // the last two gates are the encodings of qubits 0 and 1, the one before them Ex(19, 0)
        assertThat(cone.gate(183).kind()).isEqualTo(GateKind.ENC);
        assertThat(cone.gate(183).p()).isEqualTo(1);
        assertThat(cone.gate(182).p()).isEqualTo(0);
        assertThat(cone.gate(181).kind()).isEqualTo(GateKind.EX);
        assertThat(new int[] {cone.gate(181).p(), cone.gate(181).q()}).containsExactly(19, 0);
        // an observable on every qubit keeps the circuit itself, and the result is remembered
        assertThat(c.lightCone(Observable.pauli(1, "Z".repeat(20)))).isSameAs(c);
        assertThat(c.lightCone(Observable.heisenberg(0, 1))).isSameAs(c.lightCone(Observable.heisenberg(1, 0)));
    }

    @ParameterizedTest
    @EnumSource(KernelKind.class)
    void matchesTheExactOracleWhereGatesAreSkipped(KernelKind kind) {
        try (Simulator sim = new Simulator(6, 1, kind); Simulator sweeps = Simulator.sweepsOnly(6, kind)) {
            SplittableRandom rng = new SplittableRandom(20261126L);
            int pruned = 0;
            for (int trial = 0; trial < 40; trial++) {
                int n = 2 + trial % 5;
                CircuitSpec spec = CircuitSpec.random(rng, n, 6 + rng.nextInt(8));
                ObservableSpec obs = narrow(rng, n);
                Circuit c = spec.build();
                if (c.lightCone(obs.observable()).gateCount() == c.gateCount()) {
                    continue;
                }
                pruned++;
                int m = c.inputs();
                double[] z = CircuitSpec.uniform(rng, m, 2.5);
                double[] u = CircuitSpec.uniform(rng, m, 1.0);
                DerivativeStructure ref = FieldOracle.expectation(spec, obs, z);
                double[] refGrad = FieldOracle.gradient(ref, m);
                double[] refHvp = FieldOracle.hessianTimes(ref, u, m);
                for (Simulator s : new Simulator[] {sim, sweeps}) {
                    String where = (s == sim ? "" : "sweeps, ") + "trial " + trial + " (" + n + " qubits)";
                    assertThat(s.expectation(c, obs.observable(), z)).as(where).isCloseTo(ref.getValue(), within(TOL));
                    double[] grad = new double[m];
                    double[] hvp = new double[m];
                    s.hessianVectorProduct(c, obs.observable(), z, u, grad, hvp);
                    OracleTest.assertClose(grad, refGrad, where + " gradient");
                    OracleTest.assertClose(hvp, refHvp, where + " H·u");
                    s.gradient(c, obs.observable(), z, grad);
                    OracleTest.assertClose(grad, refGrad, where + " gradient (adjoint)");
                }
            }
            assertThat(pruned).as("trials where the light cone removed gates").isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void largeCircuitAgreesWithEveryGateRun() {
        // 12 qubits: the chunked sweeps with the configured (vector) kernels
        int n = 12;
        Circuit c = SampleCircuits.layered(n, 4);
        Observable o = Observable.heisenberg(0, 1);
        // the same value, but acting on every qubit: nothing may be skipped
        Observable whole = o.plus(Observable.pauli(0.0, "Z".repeat(n)));
        assertThat(c.lightCone(o).gateCount()).isLessThan(c.gateCount());
        assertThat(c.lightCone(whole)).isSameAs(c);

        int m = c.inputs();
        double[] z = SampleCircuits.randomInputs(m, 7);
        double[] u = SampleCircuits.randomInputs(m, 8);
        try (Simulator sim = new Simulator(n)) {
            Derivatives reference = Derivatives.of(sim, c, whole, z, u);
            Derivatives pruned = Derivatives.of(sim, c, o, z, u);
            pruned.assertCloseTo(reference, 1e-12, "light cone");
            double ref = reference.value();
            double[] grad = pruned.gradient();
            double[] hvp = pruned.hvp();
            double[] refGrad = reference.gradient();
            assertThat(sim.expectation(c, o, z)).isCloseTo(ref, within(1e-12));

            // inputs read only by skipped gates (the last encoding layer off qubits 0, 1) get exact zeros
            int lastLayer = m - 3 * n;
            for (int i = lastLayer + 6; i < m; i++) {
                assertThat(grad[i]).as("gradient entry %d", i).isEqualTo(0.0);
                assertThat(hvp[i]).as("H·u entry %d", i).isEqualTo(0.0);
                assertThat(refGrad[i]).as("reference gradient entry %d", i).isCloseTo(0.0, within(1e-12));
            }
            // and the state is still the whole circuit's
            double[] re = new double[1 << n];
            double[] im = new double[1 << n];
            sim.state(c, z, re, im);
            double[] ore = new double[1 << n];
            double[] oim = new double[1 << n];
            o.apply(n, re, im, ore, oim, 0, 1 << n);
            double direct = 0;
            for (int a = 0; a < 1 << n; a++) {
                direct += re[a] * ore[a] + im[a] * oim[a];
            }
            assertThat(direct).isCloseTo(ref, within(1e-12));
        }
    }

    @Test
    void identityObservableSkipsEveryGate() {
        Circuit c = SampleCircuits.layered(4, 2);
        Observable o = Observable.pauli(2.5, "IIII");
        assertThat(c.lightCone(o).gateCount()).isZero();
        double[] z = SampleCircuits.randomInputs(c.inputs(), 3);
        double[] grad = new double[c.inputs()];
        double[] hvp = new double[c.inputs()];
        try (Simulator sim = new Simulator(4); Simulator sweeps = Simulator.sweepsOnly(4, KernelKind.SCALAR)) {
            for (Simulator s : new Simulator[] {sim, sweeps}) {
                java.util.Arrays.fill(grad, 1.0);
                java.util.Arrays.fill(hvp, 1.0);
                assertThat(s.expectation(c, o, z)).isEqualTo(2.5);
                assertThat(s.hessianVectorProduct(c, o, z, z, grad, hvp)).isEqualTo(2.5);
                assertThat(grad).containsOnly(0.0);
                assertThat(hvp).containsOnly(0.0);
            }
        }
    }

    /** An observable on one or two random qubits: a σ·σ pair or a one-qubit Pauli. */
    private static ObservableSpec narrow(SplittableRandom rng, int n) {
        int p = rng.nextInt(n);
        if (rng.nextBoolean()) {
            int q = (p + 1 + rng.nextInt(n - 1)) % n;
            return ObservableSpec.heisenberg(n, p, q);
        }
        char[] s = "I".repeat(n).toCharArray();
        s[p] = "XYZ".charAt(rng.nextInt(3));
        double w = 2 * rng.nextDouble() - 1;
        return new ObservableSpec(java.util.List.of(new ObservableSpec.Term(w, new String(s))),
                Observable.pauli(w, new String(s)));
    }
}
