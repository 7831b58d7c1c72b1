package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties over random circuits of every gate kind (1–7 qubits) and random inputs. */
class SimulatorPropertiesTest {

    /** A random circuit of 1 to maxGates gates on n qubits, then inputs in ±5, drawn from one generator. */
    private record CircuitAndInputs(CircuitSpec spec, double[] z) {
        static CircuitAndInputs draw(SplittableRandom rng, int n, int maxGates) {
            CircuitSpec spec = CircuitSpec.random(rng, n, 1 + rng.nextInt(maxGates));
            return new CircuitAndInputs(spec, CircuitSpec.uniform(rng, spec.inputs(), 5.0));
        }
    }

    @Property(tries = 60)
    void statesStayNormalised(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                              @ForAll @IntRange(min = 1, max = 7) int n) {
        CircuitAndInputs drawn = CircuitAndInputs.draw(new SplittableRandom(seed), n, 25);
        try (Simulator sim = new Simulator(n)) {
            double[] re = new double[1 << n];
            double[] im = new double[1 << n];
            sim.state(drawn.spec().build(), drawn.z(), re, im);
            double norm = 0;
            for (int a = 0; a < re.length; a++) {
                norm += re[a] * re[a] + im[a] * im[a];
            }
            assertThat(norm).isCloseTo(1, within(1e-13));
        }
    }

    @Property(tries = 40)
    void heisenbergExpectationIsWithinItsSpectrum(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                                  @ForAll @IntRange(min = 2, max = 6) int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        CircuitAndInputs drawn = CircuitAndInputs.draw(rng, n, 20);
        int p = rng.nextInt(n);
        int q = (p + 1 + rng.nextInt(n - 1)) % n;
        try (Simulator sim = new Simulator(n)) {
            double v = sim.expectation(drawn.spec().build(), Observable.heisenberg(p, q), drawn.z());
            assertThat(v).isBetween(-3 - 1e-13, 1 + 1e-13);
        }
    }

    @Property(tries = 30)
    void gradientMatchesCentralDifferences(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                           @ForAll @IntRange(min = 1, max = 6) int n) {
        RandomProblem random = RandomProblem.upTo(seed, n, 16, 3.0);
        Circuit c = random.circuit();
        Observable o = random.observable();
        int m = c.inputs();
        double[] z = random.z();
        try (Simulator sim = new Simulator(n)) {
            double[] grad = new double[m];
            sim.gradient(c, o, z, grad);
            double h = 1e-5;
            for (int i = 0; i < m; i++) {
                double fd = CentralDifferences.partial(zz -> sim.expectation(c, o, zz), z, i, h);
                assertThat(grad[i]).as("∂/∂z%d", i).isCloseTo(fd, within(1e-8));
            }
        }
    }

    @Property(tries = 30)
    void hessianVectorProductsAreSymmetricAndMatchDifferencesOfGradients(
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        RandomProblem random = RandomProblem.upTo(seed, n, 16, 3.0);
        Circuit c = random.circuit();
        Observable o = random.observable();
        int m = c.inputs();
        double[] z = random.z();
        double[] u = CircuitSpec.uniform(random.rng(), m, 1.0);
        double[] w = CircuitSpec.uniform(random.rng(), m, 1.0);
        try (Simulator sim = new Simulator(n)) {
            double[] g = new double[m];
            double[] hu = new double[m];
            double[] hw = new double[m];
            sim.hessianVectorProduct(c, o, z, u, g, hu);
            sim.hessianVectorProduct(c, o, z, w, g, hw);
            // w·(H u) = u·(H w)
            double a = 0;
            double b = 0;
            for (int i = 0; i < m; i++) {
                a += w[i] * hu[i];
                b += u[i] * hw[i];
            }
            assertThat(a).isCloseTo(b, within(1e-11));
            // H u = (∇f(z + h u) − ∇f(z − h u)) / 2h
            double h = 1e-5;
            double[] huFd = CentralDifferences.along(zz -> CentralDifferences.gradient(sim, c, o, zz), z, u, h);
            for (int i = 0; i < m; i++) {
                assertThat(hu[i]).as("(H u)_%d", i).isCloseTo(huFd[i], within(1e-7));
            }
        }
    }

    @Property(tries = 40)
    void inverseCircuitRestoresTheInitialState(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                               @ForAll @IntRange(min = 1, max = 6) int n) {
        // Fixed gates only (their adjoints are fixed gates too): U then U† is the identity.
        SplittableRandom rng = new SplittableRandom(seed);
        Circuit.Builder b = Circuit.builder(n);
        int gates = 1 + rng.nextInt(12);
        double[][][] us = new double[gates][][];
        int[][] qubits = new int[gates][];
        for (int k = 0; k < gates; k++) {
            boolean two = n > 1 && rng.nextBoolean();
            int p = rng.nextInt(n);
            int q = two ? (p + 1 + rng.nextInt(n - 1)) % n : -1;
            us[k] = CircuitSpec.randomUnitary(rng, two ? 4 : 2);
            qubits[k] = new int[] {p, q};
            if (two) {
                b.gate2(p, q, us[k][0], us[k][1]);
            } else {
                b.gate1(p, us[k][0], us[k][1]);
            }
        }
        for (int k = gates - 1; k >= 0; k--) {
            int dim = qubits[k][1] < 0 ? 2 : 4;
            double[] re = new double[dim * dim];
            double[] im = new double[dim * dim];
            for (int r = 0; r < dim; r++) {
                for (int col = 0; col < dim; col++) {
                    re[r * dim + col] = us[k][0][col * dim + r];
                    im[r * dim + col] = -us[k][1][col * dim + r];
                }
            }
            if (dim == 4) {
                b.gate2(qubits[k][0], qubits[k][1], re, im);
            } else {
                b.gate1(qubits[k][0], re, im);
            }
        }
        try (Simulator sim = new Simulator(n)) {
            double[] re = new double[1 << n];
            double[] im = new double[1 << n];
            sim.state(b.build(), new double[0], re, im);
            assertThat(re[0]).isCloseTo(1, within(1e-13));
            for (int a = 1; a < re.length; a++) {
                assertThat(Math.hypot(re[a], im[a])).isCloseTo(0, within(1e-13));
            }
        }
    }
}
