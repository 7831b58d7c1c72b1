package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.model.ForceField;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Parameter-shift derivatives against the exact adjoint ones. */
class ShiftRuleTest {

    /** Every gate kind the simulator has: fixed one- and two-qubit gates, Enc (also beyond |v| = π), Ex, RZ. */
    @Test
    void everyGateKindMatchesTheAdjointGradient() {
        double h = Math.sqrt(0.5);
        Circuit c = Circuit.builder(3)
                .singlet(0, 1)
                .gate1(2, new double[] {h, h, h, -h}, new double[4])
                .enc(0, 0).enc(1, 3).enc(2, 6)
                .ex(0, 1, 9).ex(1, 2, 10)
                .rz(2, 11)
                .gate2(1, 2, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0}, new double[16])
                .enc(0, 12).enc(1, 15).ex(2, 0, 18).enc(2, 19)
                .build();
        Observable o = Observable.heisenberg(0, 1);
        Simulator sim = new Simulator(3);
        Device d = new Device(new StateVectorBackend(), 0, 0, 0);
        Random rng = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double[] z = new double[c.inputs()];
            double scale = trial < 5 ? 1e-5 : trial < 10 ? 1 : 4; // near 0, typical, beyond π
            for (int i = 0; i < z.length; i++) z[i] = scale * rng.nextGaussian();
            double[] adj = new double[z.length];
            double[] shift = new double[z.length];
            sim.gradient(c, o, z, adj);
            int circuits = ShiftRule.gradient(d, c, o, z, shift, null);
            assertThat(circuits).isEqualTo(ShiftRule.circuits(c, o)).isEqualTo(5 * 6 + 4 * 2); // the last enc(2) lies outside the light cone of σ₀·σ₁
            for (int i = 0; i < z.length; i++)
                assertThat(shift[i]).as("input %d, trial %d", i, trial).isCloseTo(adj[i], within(1e-10));
        }
    }

    /** ∂⟨O⟩/∂J = 2[f(J + π/8) − f(J − π/8)] (frequency 4), and not the rule of a frequency-2 gate. */
    @Test
    void exchangeRuleHasFrequencyFour() {
        Circuit c = Circuit.builder(2).singlet(0, 1).enc(0, 0).ex(0, 1, 3).enc(1, 4).build();
        Observable o = Observable.heisenberg(0, 1);
        Simulator sim = new Simulator(2);
        double[] z = {0.3, -0.7, 1.1, 0.4, 0.9, 0.2, -0.5};
        double[] g = new double[z.length];
        sim.gradient(c, o, z, g);
        double[] w = z.clone();
        w[3] = z[3] + Math.PI / 8;
        double plus = sim.expectation(c, o, w);
        w[3] = z[3] - Math.PI / 8;
        double minus = sim.expectation(c, o, w);
        assertThat(2 * (plus - minus)).isCloseTo(g[3], within(1e-12));
        w[3] = z[3] + Math.PI / 4;
        double p4 = sim.expectation(c, o, w);
        w[3] = z[3] - Math.PI / 4;
        double m4 = sim.expectation(c, o, w);
        assertThat(Math.abs((p4 - m4) - g[3])).isGreaterThan(1e-3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"le_ethanol_D6.json", "revised_default.json"})
    void shiftedEnergiesForcesAndGradientsEqualTheAdjointOnes(String file) {
        ForceField model = HardwareTestSupport.reference(file);
        HardwareForceField hw = new HardwareForceField(model, HardwareOptions.shiftOnly());
        ForceField.Scratch ms = model.newScratch();
        ForceField.Scratch hs = hw.newScratch();
        Random rng = new Random(11);
        int n3 = 27;
        for (int trial = 0; trial < 3; trial++) {
            double[] pos = HardwareTestSupport.ethanolLike(rng);
            double[] f1 = new double[n3], f2 = new double[n3];
            double e1 = model.energyAndForces(HardwareTestSupport.ETHANOL, pos, f1, ms);
            HardwareEvaluation ev = hw.evaluate(HardwareTestSupport.ETHANOL, pos, hs);
            double e2 = hw.energyAndForces(HardwareTestSupport.ETHANOL, pos, f2, hs);
            assertThat(ev.energy()).isCloseTo(e1, within(1e-10));
            assertThat(e2).isCloseTo(e1, within(1e-10));
            for (int m = 0; m < n3; m++) {
                assertThat(ev.forces()[m]).as("force %d", m).isCloseTo(f1[m], within(1e-10));
                assertThat(f2[m]).isCloseTo(f1[m], within(1e-10));
                assertThat(ev.forceSe()[m]).isZero();
            }
            double[] g1 = new double[model.parameterCount()], g2 = new double[model.parameterCount()];
            double[] zero = new double[n3];
            model.addObjectiveGradient(HardwareTestSupport.ETHANOL, pos, 0.7, zero, g1, ms);
            hw.addObjectiveGradient(HardwareTestSupport.ETHANOL, pos, 0.7, zero, g2, hs);
            for (int i = 0; i < g1.length; i++) assertThat(g2[i]).as("parameter %d", i).isCloseTo(g1[i], within(1e-10));
        }
    }

    @Test
    void theForceTermOfTheLossIsRefusedWithAReason() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        HardwareForceField hw = new HardwareForceField(model, HardwareOptions.shiftOnly());
        double[] w = new double[27];
        w[4] = 1;
        double[] pos = HardwareTestSupport.ethanolLike(new Random(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hw.addObjectiveGradient(HardwareTestSupport.ETHANOL,
                        pos, 1, w, new double[model.parameterCount()], hw.newScratch()))
                .hasMessageContaining("energy-only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"le_ethanol_D6.json", "revised_default.json"})
    void theExactModeIsTheModelBitForBit(String file) {
        ForceField model = HardwareTestSupport.reference(file);
        HardwareForceField hw = new HardwareForceField(model, HardwareOptions.exact());
        double[] pos = HardwareTestSupport.ethanolLike(new Random(5));
        double[] f1 = new double[27];
        double e1 = model.energyAndForces(HardwareTestSupport.ETHANOL, pos, f1, model.newScratch());
        HardwareEvaluation ev = hw.evaluate(HardwareTestSupport.ETHANOL, pos, hw.newScratch());
        assertThat(ev.energy()).isEqualTo(e1);
        assertThat(ev.forces()).containsExactly(f1);
    }
}
