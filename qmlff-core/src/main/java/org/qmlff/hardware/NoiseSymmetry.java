package org.qmlff.hardware;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.Symmetry;
import org.qmlff.model.SymmetryCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Which channels of a noise model keep a model's rotation/translation invariance: the
 * {@link SymmetryCheck} of the model on a device with each channel alone ({@link NoiseModel#channels}),
 * exact expectation values and parameter-shift forces. Depolarizing channels commute with the global
 * rotation U(Q)^{⊗n} of the circuit and keep it; amplitude damping and dephasing single out z and break it;
 * readout error breaks it too (a flipped bit of the Bell-basis measurement turns the singlet outcome into
 * one of Φ±, Ψ⁺, whose probabilities depend on ⟨XX⟩, ⟨YY⟩, ⟨ZZ⟩ separately, not only on their sum).
 */
public final class NoiseSymmetry {
    private NoiseSymmetry() {
    }

    /** The rotation/translation check of one channel alone. */
    public record ChannelCheck(String channel, SymmetryCheck.Result rotation) {
    }

    /** The model on a device with {@code noise}: exact expectation values, parameter shifts. */
    public static HardwareForceField device(ForceField model, NoiseModel noise) {
        return new HardwareForceField(model, new HardwareOptions(0, true, noise, 0));
    }

    /**
     * Refuses gate noise on circuits too wide for exact density matrices: their sampled trajectories are
     * seeded by the positions, so a configuration and its rotation differ by the sampling error, which
     * would read as broken symmetry.
     */
    public static void requireExact(ForceField model, NoiseModel noise, int[] numbers) {
        int qubits = model.circuitCost(numbers).qubits();
        if (new HardwareOptions(0, true, noise, 0).usesTrajectories(qubits))
            throw new org.qmlff.error.InputException("check-symmetry under gate noise needs exact density matrices (up to "
                    + HardwareOptions.DENSITY_MATRIX_QUBITS + " qubits); this model's circuits on this molecule have " + qubits
                    + ", whose sampled trajectories would show their sampling error as broken symmetry "
                    + "(readout error alone works at any size)");
    }

    /** One check per channel of {@code noise}, on the first {@code frames} frames, from {@code seed}. */
    public static List<ChannelCheck> byChannel(ForceField model, NoiseModel noise, Dataset data, int frames, long seed) {
        requireExact(model, noise, data.numbers());
        List<ChannelCheck> out = new ArrayList<>();
        for (NoiseModel.Channel ch : noise.channels()) {
            for (SymmetryCheck.Result r : SymmetryCheck.run(device(model, ch.noise()), data, frames, seed))
                if (r.symmetry() == Symmetry.ROTATION_TRANSLATION) out.add(new ChannelCheck(ch.name(), r));
        }
        return out;
    }
}
