package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Circuits larger than one chunk (2^13 amplitudes), where gates on high bits are applied gate by gate
 * and gates on low bits chunk by chunk: against the dense reference, against finite differences, and
 * against the same circuit with its qubits mirrored (which swaps which gates are chunk-local).
 */
class LargeCircuitTest {
    private static final int N = 15;

    @Test
    void stateAndValueMatchDenseReference() {
        RandomProblem random = RandomProblem.draw(7, N, 40, 2.0);
        double[][] ref = DenseReference.state(random.spec(), random.z());
        for (KernelKind kind : KernelKind.values()) {
            try (Simulator sim = new Simulator(N, 1, kind)) {
                Circuit c = random.spec().build();
                OracleTest.assertState(sim, c, random.z(), ref, 1e-12, kind);
                assertThat(sim.expectation(c, random.observable(), random.z())).as(kind.name())
                        .isCloseTo(DenseReference.expectation(random.spec(), random.obs(), random.z()), within(1e-11));
            }
        }
    }

    @Test
    void derivativesMatchFiniteDifferencesAndMirroredCircuit() {
        SplittableRandom rng = new SplittableRandom(11);
        CircuitSpec spec = CircuitSpec.random(rng, N, 36);
        CircuitSpec mirrored = mirror(spec);
        ObservableSpec obs = ObservableSpec.heisenberg(N, 0, N - 1);
        Observable mirroredObs = Observable.heisenberg(N - 1, 0);
        int m = spec.inputs();
        double[] z = CircuitSpec.uniform(rng, m, 2.0);
        double[] u = CircuitSpec.uniform(rng, m, 1.0);
        try (Simulator sim = new Simulator(N)) {
            Circuit c = spec.build();
            double[] grad = new double[m];
            double[] hvp = new double[m];
            double value = sim.hessianVectorProduct(c, obs.observable(), z, u, grad, hvp);
            double[] grad2 = new double[m];
            assertThat(sim.gradient(c, obs.observable(), z, grad2)).isCloseTo(value, within(1e-13));
            OracleTest.assertClose(grad2, grad, "gradient vs gradient from hvp", 1e-12);

            double[] mg = new double[m];
            double[] mh = new double[m];
            double mv = sim.hessianVectorProduct(mirrored.build(), mirroredObs, z, u, mg, mh);
            assertThat(mv).isCloseTo(value, within(1e-12));
            OracleTest.assertClose(mg, grad, "mirrored gradient", 1e-11);
            OracleTest.assertClose(mh, hvp, "mirrored H·u", 1e-11);
        }
        // finite differences (with the scalar kernels, which the other tests tie to the vector ones),
        // for every third input
        try (Simulator sim = new Simulator(N, 1, KernelKind.SCALAR)) {
            Circuit c = spec.build();
            double[] grad = new double[m];
            double[] hvp = new double[m];
            sim.hessianVectorProduct(c, obs.observable(), z, u, grad, hvp);
            double h = 1e-5;
            for (int i = 0; i < m; i += 3) {
                double fd = CentralDifferences.partial(zz -> sim.expectation(c, obs.observable(), zz), z, i, h);
                assertThat(grad[i]).as("gradient [%d] vs central difference", i).isCloseTo(fd, within(1e-8));
            }
            double[] hvpFd = CentralDifferences.along(zz -> CentralDifferences.gradient(sim, c, obs.observable(), zz), z, u, h);
            for (int i = 0; i < m; i++) {
                assertThat(hvp[i]).as("H·u [%d] vs central difference of the gradient", i)
                        .isCloseTo(hvpFd[i], within(1e-7));
            }
        }
    }

    /** The same circuit with qubit q renamed n−1−q (gate matrices in |pq⟩ order keep p first). */
    static CircuitSpec mirror(CircuitSpec spec) {
        int n = spec.qubits();
        List<CircuitSpec.GateSpec> gates = new ArrayList<>();
        for (CircuitSpec.GateSpec g : spec.gates()) {
            gates.add(new CircuitSpec.GateSpec(g.kind(), n - 1 - g.p(), g.q() < 0 ? -1 : n - 1 - g.q(), g.input(),
                    g.re(), g.im()));
        }
        return new CircuitSpec(n, gates);
    }
}
