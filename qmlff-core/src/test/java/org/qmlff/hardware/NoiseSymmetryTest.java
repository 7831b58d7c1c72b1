package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.qmlff.model.ForceField;
import org.qmlff.model.SymmetryCheck;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which noise channels keep rotation invariance. A global rotation acts on the circuit's state as
 * U(R)^{⊗n}; depolarizing channels commute with every unitary, so the noisy ⟨σ·σ⟩ stays invariant;
 * amplitude damping (decay towards |0⟩) and dephasing (about z) single out the z axis and break it, and
 * so does readout error on the Bell-basis measurement (the flipped outcomes are not rotation invariant).
 */
class NoiseSymmetryTest {

    @Test
    void channelsSplitTheModel() {
        NoiseModel m = NoiseModel.parse("depol1=0.01,amp=0.02,readout=0.03");
        List<NoiseModel.Channel> ch = m.channels();
        assertThat(ch).extracting(NoiseModel.Channel::name).containsExactly("depolarizing", "amplitude damping", "readout");
        assertThat(ch.get(0).noise()).isEqualTo(NoiseModel.parse("depol1=0.01"));
        assertThat(ch.get(1).noise()).isEqualTo(NoiseModel.parse("amp=0.02"));
        assertThat(ch.get(2).noise()).isEqualTo(NoiseModel.parse("readout=0.03"));
        assertThat(NoiseModel.NONE.channels()).isEmpty();
    }

    @Test
    void depolarizingKeepsRotationInvarianceAndDampingDephasingAndReadoutBreakIt() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        List<NoiseSymmetry.ChannelCheck> checks = NoiseSymmetry.byChannel(model,
                NoiseModel.parse("depol1=0.02,depol2=0.05,amp=0.05,deph=0.05,readout=0.05"), HardwareStudyTest.ethanol(1), 1, 3);
        assertThat(checks).extracting(NoiseSymmetry.ChannelCheck::channel)
                .containsExactly("depolarizing", "amplitude damping", "dephasing", "readout");
        double[] change = new double[4];
        for (int i = 0; i < 4; i++) {
            SymmetryCheck.Result r = checks.get(i).rotation();
            assertThat(r.trials()).isPositive();
            change[i] = Math.max(r.maxEnergyChange(), r.maxForceDeviation());
        }
        assertThat(change[0]).as("depolarizing").isLessThan(1e-8);
        assertThat(change[1]).as("amplitude damping").isGreaterThan(1e-4);
        assertThat(change[2]).as("dephasing").isGreaterThan(1e-4);
        // the Bell-basis readout mixes P(11) with outcomes that depend on ⟨XX⟩, ⟨YY⟩, ⟨ZZ⟩ one by one
        assertThat(change[3]).as("readout").isGreaterThan(1e-4);
    }
}
