package org.qmlff.hardware;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The density-matrix device against the state vector, and depolarizing against theory. */
class DensityMatrixTest {

    @ParameterizedTest
    @ValueSource(strings = {"le_ethanol_D6.json", "revised_default.json"})
    void zeroNoiseDensityMatricesEqualTheStateVector(String file) {
        List<BoundCircuit> circuits = HardwareTestSupport.exactCircuits(file, 4);
        assertThat(circuits).hasSize(file.startsWith("le") ? 1 : 9);
        DensityMatrixBackend dm = new DensityMatrixBackend(NoiseModel.NONE);
        StateVectorBackend sv = new StateVectorBackend();
        for (BoundCircuit b : circuits) {
            assertThat(dm.expectation(b.circuit(), b.observable(), b.z()))
                    .isCloseTo(sv.expectation(b.circuit(), b.observable(), b.z()), within(1e-12));
            double[] p1 = dm.bellProbabilities(b.circuit(), 0, 1, b.z());
            double[] p2 = sv.bellProbabilities(b.circuit(), 0, 1, b.z());
            for (int k = 0; k < 4; k++) assertThat(p1[k]).isCloseTo(p2[k], within(1e-12));
            assertThat(dm.run(b.circuit(), b.z()).trace()).isCloseTo(1, within(1e-12));
        }
    }

    /**
     * On two qubits, 2-qubit depolarizing is the global channel ρ ↦ (1 − λ)ρ + λ·I/4, which commutes with every
     * gate; ⟨σ·σ⟩ (traceless) is then multiplied by (1 − λ)^m after m noisy two-qubit gates.
     */
    @Test
    void uniformTwoQubitDepolarizingRescalesByTheTheoreticalFactor() {
        Circuit c = Circuit.builder(2).singlet(0, 1).enc(0, 0).enc(1, 3).ex(0, 1, 6).enc(0, 7).enc(1, 10)
                .ex(0, 1, 13).enc(0, 14).enc(1, 17).ex(0, 1, 20).enc(0, 21).build();
        Observable o = Observable.heisenberg(0, 1);
        Random r = new Random(9);
        double[] z = new double[c.inputs()];
        for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
        double exact = new Simulator(2).expectation(c, o, z);
        assertThat(Math.abs(exact)).isGreaterThan(0.05);
        for (double lambda : new double[] {0.01, 0.1, 0.5}) {
            NoiseModel noise = NoiseModel.parse("depol2=" + lambda);
            double noisy = new DensityMatrixBackend(noise).expectation(c, o, z);
            assertThat(noisy).isCloseTo(Math.pow(1 - lambda, 4) * exact, within(1e-12));
        }
    }

    /** One-qubit depolarizing on each qubit of σ₀·σ₁ after the last gates multiplies by (1 − λ)². */
    @Test
    void oneQubitDepolarizingOnTheMeasuredPairRescalesByOneMinusLambdaSquared() {
        Circuit c = Circuit.builder(4).singlet(0, 1).singlet(2, 3).ex(1, 2, 0).ex(0, 3, 1).enc(0, 2).enc(1, 5).build();
        Observable o = Observable.heisenberg(0, 1);
        double[] z = {0.4, -0.3, 0.2, 0.7, 0.1, -0.6, 1.2, 0.5};
        double exact = new Simulator(4).expectation(c, o, z);
        double noisy = new DensityMatrixBackend(NoiseModel.parse("depol1=0.2")).expectation(c, o, z);
        assertThat(noisy).isCloseTo(0.8 * 0.8 * exact, within(1e-12));
    }

    @Test
    void amplitudeDampingAndDephasingActAsAerDefines() {
        DensityMatrix d = new DensityMatrix(1);
        d.reset();
        d.channel1(0, Su2.enc(Math.PI, 0, 0)); // |1⟩ (up to phase)
        d.channel1(0, new double[] {1, 0, 0, 0, 0, 0, Math.sqrt(0.7), 0}, new double[] {0, 0, Math.sqrt(0.3), 0, 0, 0, 0, 0});
        assertThat(d.probabilities(0, 0)[0]).isCloseTo(0.3, within(1e-15));
    }
}
