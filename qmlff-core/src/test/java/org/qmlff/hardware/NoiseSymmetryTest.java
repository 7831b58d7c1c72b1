package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.qmlff.model.ForceField;
import org.qmlff.model.Symmetry;
import org.qmlff.model.SymmetryCheck;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which noise channels keep rotation invariance. A global rotation acts on the circuit's state as
 * U(R)^{⊗n}; depolarizing channels commute with every unitary, so the noisy ⟨σ·σ⟩ stays invariant;
 * amplitude damping (decay towards |0⟩) and dephasing (about z) single out the z axis and break it.
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
    void depolarizingKeepsRotationInvarianceAndDampingBreaksIt() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        org.qmlff.data.Dataset d = HardwareStudyTest.ethanol(1);
        double[] change = new double[2];
        String[] specs = {"depol1=0.02,depol2=0.05", "amp=0.05"};
        for (int i = 0; i < 2; i++) {
            HardwareForceField hw = new HardwareForceField(model, new HardwareOptions(0, true, NoiseModel.parse(specs[i]), 0));
            for (SymmetryCheck.Result r : SymmetryCheck.run(hw, d, 1, 3))
                if (r.symmetry() == Symmetry.ROTATION_TRANSLATION) change[i] = Math.max(r.maxEnergyChange(), r.maxForceDeviation());
        }
        assertThat(change[0]).as("depolarizing").isLessThan(1e-8);
        assertThat(change[1]).as("amplitude damping").isGreaterThan(1e-4);
    }
}
