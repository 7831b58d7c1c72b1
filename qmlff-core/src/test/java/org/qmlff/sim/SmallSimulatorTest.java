package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * {@link SmallSimulator} against the general {@link Simulator} (scalar kernels: an independent
 * implementation of the same quantities, with full 2×2 matrices per gate) and against the exact
 * automatic-differentiation oracle {@link FieldOracle}; smoothness of Enc at and near v = 0; no
 * allocation per call.
 */
class SmallSimulatorTest {
    /** Agreement with Simulator: both are exact up to rounding. */
    private static final double REL = 1e-12;
    /** Agreement with the oracle (its Enc is a Taylor-series exponential). */
    private static final double ORACLE = 1e-10;

    @Test
    void matchesSimulatorOnRandomCircuitsOfEveryGateKind() {
        SplittableRandom rng = new SplittableRandom(9001);
        SmallSimulator small = new SmallSimulator();
        try (Simulator sim = Simulator.sweepsOnly(SmallSimulator.MAX_QUBITS, KernelKind.SCALAR)) {
            for (int trial = 0; trial < 240; trial++) {
                int n = 1 + trial % SmallSimulator.MAX_QUBITS;
                CircuitSpec spec = CircuitSpec.random(rng, n, 1 + rng.nextInt(30));
                Observable o = ObservableSpec.random(rng, n).observable();
                Circuit c = spec.build();
                String where = "trial " + trial + " (" + n + " qubits, " + c.gateCount() + " gates)";
                // Inputs up to |v| ≈ 5 (both branches of EncFunctions), read at random offsets.
                compareWithSimulator(small, sim, c, o, rng, 3.0, where);
            }
        }
    }

    @Test
    void matchesSimulatorOnTheModelCircuits() {
        SplittableRandom rng = new SplittableRandom(77);
        SmallSimulator small = new SmallSimulator();
        try (Simulator sim = Simulator.sweepsOnly(SmallSimulator.MAX_QUBITS, KernelKind.SCALAR)) {
            for (int n = 2; n <= SmallSimulator.MAX_QUBITS; n += 2) {
                for (int depth = 0; depth <= 3; depth++) {
                    Circuit c = CircuitSpec.layered(n, depth).build();
                    Observable[] observables = {Observable.heisenberg(0, 1),
                        Observable.heisenbergMean(CircuitSpec.ringPairs(n))};
                    for (Observable o : observables) {
                        for (int rep = 0; rep < 3; rep++) {
                            compareWithSimulator(small, sim, c, o, rng, 1.5,
                                    "layered(" + n + ", " + depth + ") " + o + " rep " + rep);
                        }
                    }
                }
            }
        }
    }

    @Test
    void matchesExactOracle() {
        SplittableRandom rng = new SplittableRandom(20240611L);
        SmallSimulator small = new SmallSimulator();
        for (int trial = 0; trial < 12; trial++) {
            int n = 1 + trial % SmallSimulator.MAX_QUBITS;
            CircuitSpec spec = CircuitSpec.random(rng, n, 6 + rng.nextInt(6));
            ObservableSpec obs = ObservableSpec.random(rng, n);
            Circuit c = spec.build();
            int m = c.inputs();
            double[] z = CircuitSpec.uniform(rng, m, 2.5);
            double[] u = CircuitSpec.uniform(rng, m, 1.0);
            DerivativeStructure ref = FieldOracle.expectation(spec, obs, z);
            String where = "trial " + trial + " (" + n + " qubits, " + c.gateCount() + " gates)";
            assertOracle(small, spec, obs, z, u, ref, where);
        }
    }

    @Test
    void encIsSmoothAtAndNearZero() {
        // Two qubits: singlet, Enc on each, Ex, Enc on each; every Enc gets the same v (shared inputs).
        CircuitSpec spec = new CircuitSpec(2, java.util.List.of(
                gate(CircuitSpec.Kind.SINGLET, 0, 1, -1),
                gate(CircuitSpec.Kind.ENC, 0, -1, 0),
                gate(CircuitSpec.Kind.ENC, 1, -1, 3),
                gate(CircuitSpec.Kind.EX, 0, 1, 6),
                gate(CircuitSpec.Kind.ENC, 0, -1, 0),
                gate(CircuitSpec.Kind.ENC, 1, -1, 7),
                gate(CircuitSpec.Kind.RZ, 1, -1, 10)));
        ObservableSpec obs = ObservableSpec.random(new SplittableRandom(5), 2);
        SmallSimulator small = new SmallSimulator();
        double[] dir = {0.6, -0.48, 0.64};
        // |v| = 0, tiny, near the switch of EncFunctions at |v| = 2 from both sides.
        double[] scales = {0, 1e-300, 1e-12, 1e-7, 1e-3, 2 - 1e-9, 2 + 1e-9};
        SplittableRandom rng = new SplittableRandom(6);
        double[] u = CircuitSpec.uniform(rng, spec.inputs(), 1.0);
        double[] others = CircuitSpec.uniform(rng, spec.inputs(), 1.0);
        double[][] previous = null;
        double previousScale = Double.NaN;
        for (double scale : scales) {
            double[] z = others.clone();
            for (int b = 0; b < 3; b++) {
                z[b] = scale * dir[b];
                z[7 + b] = -scale * dir[2 - b];
            }
            DerivativeStructure ref = FieldOracle.expectation(spec, obs, z);
            assertOracle(small, spec, obs, z, u, ref, "|v| = " + scale);
            double[][] now = results(small, spec.build(), obs.observable(), z, u);
            assertThat(now[0][0]).as("value at |v| = " + scale).isFinite();
            double step = Math.abs(scale - previousScale);
            if (step <= 1e-7) {
                // Continuous (at 0 and across the series/closed-form switch): a step in |v| of at most
                // 1e-7 moves every result by O(step).
                for (int r = 0; r < 3; r++) {
                    for (int i = 0; i < now[r].length; i++) {
                        assertThat(now[r][i]).as("result " + r + "[" + i + "] from |v| = " + previousScale
                                + " to " + scale).isCloseTo(previous[r][i], within(100 * step + 1e-13));
                    }
                }
            }
            previous = now;
            previousScale = scale;
        }
    }

    @Test
    void reuseIsDeterministicAndInvalidatesTheCachedPrefix() {
        SplittableRandom rng = new SplittableRandom(3);
        CircuitSpec a = CircuitSpec.layered(4, 2);
        CircuitSpec b = CircuitSpec.random(rng, 4, 20);
        Observable o = Observable.heisenbergMean(CircuitSpec.ringPairs(4));
        double[] za = CircuitSpec.uniform(rng, a.inputs(), 1.0);
        double[] ua = CircuitSpec.uniform(rng, a.inputs(), 1.0);
        double[] zb = CircuitSpec.uniform(rng, b.inputs(), 1.0);
        double[] ub = CircuitSpec.uniform(rng, b.inputs(), 1.0);
        Circuit ca = a.build();
        Circuit cb = b.build();
        SmallSimulator reused = new SmallSimulator();
        double[][] first = results(reused, ca, o, za, ua);
        results(reused, cb, o, zb, ub);
        double[][] again = results(reused, ca, o, za, ua);
        double[][] fresh = results(new SmallSimulator(), ca, o, za, ua);
        double[][] freshB = results(new SmallSimulator(), cb, o, zb, ub);
        double[][] reusedB = results(reused, cb, o, zb, ub);
        for (int r = 0; r < 3; r++) {
            assertThat(again[r]).as("result " + r + " after another circuit").isEqualTo(first[r]);
            assertThat(fresh[r]).as("result " + r + " of a fresh instance").isEqualTo(first[r]);
            assertThat(reusedB[r]).as("result " + r + " of circuit b").isEqualTo(freshB[r]);
        }
    }

    @Test
    void reusedInstanceAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = ThreadAllocations.counter();
        Circuit c = CircuitSpec.layered(4, 3).build();
        Observable o = Observable.heisenbergMean(CircuitSpec.ringPairs(4));
        int m = c.inputs();
        SplittableRandom rng = new SplittableRandom(1);
        double[] z = CircuitSpec.uniform(rng, m, 1.0);
        double[] u = CircuitSpec.uniform(rng, m, 1.0);
        double[] g = new double[m];
        double[] h = new double[m];
        SmallSimulator small = new SmallSimulator();
        Runnable calls = () -> {
            small.expectation(c, o, z, 0);
            small.gradient(c, o, z, 0, g, 0);
            small.hessianVectorProduct(c, o, z, 0, u, 0, g, 0, h, 0);
        };
        // While C2 compiles and installs code, HotSpot now and then charges about a kilobyte to the
        // running thread (seen with Simulator as well, never with -Xint or C1 only): so, after 3000 rounds
        // to warm up, ask for one batch of 500 rounds that allocates nothing at all. An allocation per call
        // (or per round) would show in every batch.
        long least = ThreadAllocations.leastAllocated(bean, calls, 3000, 10, 500);
        assertThat(least).as("bytes allocated by the best of 10 batches of 500 rounds of calls").isLessThanOrEqualTo(0);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Value, gradient and H·u of both simulators at the same random z, u, with SmallSimulator reading
     * and writing at random offsets of larger arrays (entries outside its ranges must stay untouched).
     */
    private static void compareWithSimulator(SmallSimulator small, Simulator sim, Circuit c, Observable o,
                                             SplittableRandom rng, double zScale, String where) {
        int m = c.inputs();
        double[] z = CircuitSpec.uniform(rng, m, zScale);
        double[] u = CircuitSpec.uniform(rng, m, 1.0);
        double value = sim.expectation(c, o, z);
        double[] grad = new double[m];
        sim.gradient(c, o, z, grad);
        double[] g2 = new double[m];
        double[] hvp = new double[m];
        double hvpValue = sim.hessianVectorProduct(c, o, z, u, g2, hvp);
        double scale = Math.max(1, Math.abs(value));
        for (double x : grad) {
            scale = Math.max(scale, Math.abs(x));
        }

        int zOff = rng.nextInt(4);
        int uOff = rng.nextInt(4);
        int gOff = rng.nextInt(4);
        int hOff = rng.nextInt(4);
        double[] zs = shifted(z, zOff, rng);
        double[] us = shifted(u, uOff, rng);
        double[] gs = filled(m + gOff + 3, 7.0);
        double[] hs = filled(m + hOff + 3, 9.0);
        assertThat(small.expectation(c, o, zs, zOff)).as(where + " value").isCloseTo(value, within(REL * scale));
        assertThat(small.gradient(c, o, zs, zOff, gs, gOff)).as(where + " value from gradient")
                .isCloseTo(value, within(REL * scale));
        assertSlice(gs, gOff, grad, 7.0, REL * scale, where + " gradient");
        Arrays.fill(gs, 7.0);
        assertThat(small.hessianVectorProduct(c, o, zs, zOff, us, uOff, gs, gOff, hs, hOff))
                .as(where + " value from hvp").isCloseTo(hvpValue, within(REL * scale));
        assertSlice(gs, gOff, g2, 7.0, REL * scale, where + " gradient from hvp");
        double hScale = scale;
        for (double x : hvp) {
            hScale = Math.max(hScale, Math.abs(x));
        }
        assertSlice(hs, hOff, hvp, 9.0, REL * hScale, where + " H·u");
    }

    private static void assertOracle(SmallSimulator small, CircuitSpec spec, ObservableSpec obs, double[] z,
                                     double[] u, DerivativeStructure ref, String where) {
        Circuit c = spec.build();
        Observable o = obs.observable();
        int m = c.inputs();
        double[] refGrad = FieldOracle.gradient(ref, m);
        assertThat(small.expectation(c, o, z, 0)).as(where + " value").isCloseTo(ref.getValue(), within(ORACLE));
        double[] grad = new double[m];
        assertThat(small.gradient(c, o, z, 0, grad, 0)).as(where).isCloseTo(ref.getValue(), within(ORACLE));
        OracleTest.assertClose(grad, refGrad, where + " gradient", ORACLE);
        double[] g2 = new double[m];
        double[] hvp = new double[m];
        assertThat(small.hessianVectorProduct(c, o, z, 0, u, 0, g2, 0, hvp, 0)).as(where)
                .isCloseTo(ref.getValue(), within(ORACLE));
        OracleTest.assertClose(g2, refGrad, where + " gradient from hvp", ORACLE);
        OracleTest.assertClose(hvp, FieldOracle.hessianTimes(ref, u, m), where + " H·u", ORACLE);
    }

    /** {value}, gradient, H·u of one call each. */
    private static double[][] results(SmallSimulator small, Circuit c, Observable o, double[] z, double[] u) {
        int m = c.inputs();
        double[] grad = new double[m];
        double[] g2 = new double[m];
        double[] hvp = new double[m];
        double value = small.expectation(c, o, z, 0);
        small.gradient(c, o, z, 0, grad, 0);
        small.hessianVectorProduct(c, o, z, 0, u, 0, g2, 0, hvp, 0);
        assertThat(g2).as("gradient from hvp").isEqualTo(grad);
        return new double[][] {{value}, grad, hvp};
    }

    /** x[off ..] matches expected within tol, and every entry outside that slice still holds fill. */
    private static void assertSlice(double[] x, int off, double[] expected, double fill, double tol, String what) {
        for (int i = 0; i < x.length; i++) {
            if (i < off || i >= off + expected.length) {
                assertThat(x[i]).as(what + ": entry " + i + " outside the output range").isEqualTo(fill);
            } else {
                assertThat(x[i]).as(what + " [" + (i - off) + "]").isCloseTo(expected[i - off], within(tol));
            }
        }
    }

    private static double[] shifted(double[] v, int off, SplittableRandom rng) {
        double[] out = CircuitSpec.uniform(rng, v.length + off + 3, 50.0);
        System.arraycopy(v, 0, out, off, v.length);
        return out;
    }

    private static double[] filled(int length, double value) {
        double[] out = new double[length];
        Arrays.fill(out, value);
        return out;
    }

    private static CircuitSpec.GateSpec gate(CircuitSpec.Kind kind, int p, int q, int input) {
        return new CircuitSpec.GateSpec(kind, p, q, input, null, null);
    }
}
