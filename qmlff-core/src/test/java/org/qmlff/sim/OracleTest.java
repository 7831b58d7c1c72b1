package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ⟨O⟩, its gradient and Hessian-vector products against the automatic-differentiation oracle
 * {@link FieldOracle} on random circuits of every gate kind, 1 to 6 qubits.
 */
class OracleTest {
    private static final double TOL = 1e-10;

    @ParameterizedTest
    @EnumSource(KernelKind.class)
    void matchesExactOracleOnRandomCircuits(KernelKind kind) {
        onBothPaths(kind, OracleTest::matchesExactOracle);
    }

    /**
     * Runs a check on both simulator paths of up to 6 qubits: the small-circuit simulator the public constructor
     * uses there, and the sweeps (the path label, "" or "sweeps only, ", goes into the check's messages).
     */
    static void onBothPaths(KernelKind kind, java.util.function.BiConsumer<Simulator, String> check) {
        try (Simulator sim = new Simulator(6, 1, kind); Simulator sweeps = Simulator.sweepsOnly(6, kind)) {
            check.accept(sim, "");
            check.accept(sweeps, "sweeps only, ");
        }
    }

    private static void matchesExactOracle(Simulator sim, String path) {
        SplittableRandom rng = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 14; trial++) {
            int n = 1 + trial % 6;
            CircuitSpec spec = CircuitSpec.random(rng, n, 6 + rng.nextInt(6));
            ObservableSpec obs = ObservableSpec.random(rng, n);
            Circuit c = spec.build();
            int m = c.inputs();
            double[] z = CircuitSpec.uniform(rng, m, 2.5);
            String where = path + "trial " + trial + " (" + n + " qubits, " + spec.gates().size() + " gates)";
            assertMatchesOracle(sim, spec, obs, z, where, CircuitSpec.uniform(rng, m, 1.0), CircuitSpec.uniform(rng, m, 1.0));
        }
    }

    /**
     * ⟨O⟩ at z from expectation, gradient and hessianVectorProduct, the gradient from both, and H·u for each
     * direction u, against the oracle to 1e-10.
     */
    static void assertMatchesOracle(Simulator sim, CircuitSpec spec, ObservableSpec obs, double[] z, String where,
                                    double[]... directions) {
        Circuit c = spec.build();
        int m = c.inputs();
        DerivativeStructure ref = FieldOracle.expectation(spec, obs, z);
        double[] refGrad = FieldOracle.gradient(ref, m);
        assertThat(sim.expectation(c, obs.observable(), z)).as(where).isCloseTo(ref.getValue(), within(TOL));
        double[] grad = new double[m];
        assertThat(sim.gradient(c, obs.observable(), z, grad)).as(where).isCloseTo(ref.getValue(), within(TOL));
        assertClose(grad, refGrad, where + " gradient");
        for (double[] u : directions) {
            double[] g2 = new double[m];
            double[] hvp = new double[m];
            assertThat(sim.hessianVectorProduct(c, obs.observable(), z, u, g2, hvp)).as(where)
                    .isCloseTo(ref.getValue(), within(TOL));
            assertClose(g2, refGrad, where + " gradient from hvp");
            assertClose(hvp, FieldOracle.hessianTimes(ref, u, m), where + " H·u");
        }
    }

    static void assertClose(double[] actual, double[] expected, String what) {
        assertClose(actual, expected, what, TOL);
    }

    /**
     * The le circuit starts with a closing block for the reverse sweeps (its first encoding layer, whose
     * derivatives come from the states after the block, see {@code Simulator.tailEnd}); random circuits
     * rarely do. With the observable on every qubit and on one pair (whose light cone drops gates).
     */
    @ParameterizedTest
    @EnumSource(KernelKind.class)
    void closingBlockMatchesExactOracle(KernelKind kind) {
        SplittableRandom rng = new SplittableRandom(7L);
        try (Simulator sweeps = Simulator.sweepsOnly(6, kind)) {
            for (int n = 2; n <= 6; n += 2) {
                CircuitSpec spec = CircuitSpec.layered(n, 2);
                Circuit c = spec.build();
                for (ObservableSpec obs : new ObservableSpec[] {ObservableSpec.random(rng, n),
                        ObservableSpec.heisenberg(n, 0, 1)}) {
                    ExecutionPlan plan = c.plan(obs.observable(), Simulator.CHUNK_LOG);
                    assertThat(Simulator.tailEnd(plan) - plan.circuit().firstParametric())
                            .as("closing block of the %d-qubit le circuit", n).isPositive();
                    int m = c.inputs();
                    double[] z = CircuitSpec.uniform(rng, m, 2.5);
                    DerivativeStructure ref = FieldOracle.expectation(spec, obs, z);
                    double[] refGrad = FieldOracle.gradient(ref, m);
                    String where = "le circuit, " + n + " qubits";
                    double[] grad = new double[m];
                    sweeps.gradient(c, obs.observable(), z, grad);
                    assertClose(grad, refGrad, where + " gradient");
                    double[] u = CircuitSpec.uniform(rng, m, 1.0);
                    double[] g2 = new double[m];
                    double[] hvp = new double[m];
                    sweeps.hessianVectorProduct(c, obs.observable(), z, u, g2, hvp);
                    assertClose(g2, refGrad, where + " gradient from hvp");
                    assertClose(hvp, FieldOracle.hessianTimes(ref, u, m), where + " H·u");
                }
            }
        }
    }

    /** Entry-wise |actual − expected| ≤ tol · max(1, |expected|). */
    static void assertClose(double[] actual, double[] expected, String what, double tol) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(what + " [" + i + "]")
                    .isCloseTo(expected[i], within(tol * Math.max(1, Math.abs(expected[i]))));
        }
    }

    /**
     * The state {@code sim} gives circuit c at z against {@code expected} (a {@link DenseReference} state
     * {re, im}), amplitude by amplitude within {@code tol}.
     */
    static void assertState(Simulator sim, Circuit c, double[] z, double[][] expected, double tol, KernelKind kind) {
        double[] re = new double[expected[0].length];
        double[] im = new double[expected[1].length];
        sim.state(c, z, re, im);
        for (int a = 0; a < re.length; a++) {
            assertThat(re[a]).as("%s re[%d]", kind, a).isCloseTo(expected[0][a], within(tol));
            assertThat(im[a]).as("%s im[%d]", kind, a).isCloseTo(expected[1][a], within(tol));
        }
    }
}
