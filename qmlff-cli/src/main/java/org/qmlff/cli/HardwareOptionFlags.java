package org.qmlff.cli;

import org.qmlff.hardware.HardwareForceField;
import org.qmlff.hardware.HardwareOptions;
import org.qmlff.hardware.NoiseModel;
import org.qmlff.model.ForceField;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated-device options of {@code evaluate}, {@code predict} and {@code md} (docs/HARDWARE.md):
 * values stay as given until {@link #options()} turns them into the core's {@link HardwareOptions},
 * whose checks are the input errors. Without any of them a command runs the exact model, unwrapped.
 */
final class HardwareOptionFlags {
    @Option(names = "--shots", paramLabel = "N", defaultValue = "0",
            description = "Shots per circuit on a simulated device, with standard errors (implies --shift; "
                    + "default 0: exact expectation values).")
    long shots;
    @Option(names = "--noise", paramLabel = "SPEC",
            description = "Gate and readout noise in Qiskit Aer's conventions, key=value,...: depol1, depol2, amp, "
                    + "deph, readout, or enc.|ex.|prep. + depol|amp|deph (implies --shift).")
    String noise;
    @Option(names = "--shift", description = "Forces from parameter-shift circuits instead of the exact adjoint.")
    boolean shift;
    @Option(names = "--trajectories", paramLabel = "K", defaultValue = "" + HardwareOptions.DEFAULT_TRAJECTORIES,
            description = "Sampled trajectories per circuit for gate noise on circuits wider than "
                    + HardwareOptions.DENSITY_MATRIX_QUBITS + " qubits (exact density matrices below; default: ${DEFAULT-VALUE}).")
    int trajectories;
    @Option(names = "--hw-seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the shot sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The device the flags describe; shots and noise imply parameter shifts (hardware has no adjoint). */
    HardwareOptions options() {
        NoiseModel n = NoiseModel.parse(noise);
        return new HardwareOptions(shots, shift || shots > 0 || !n.isNone(), n, seed, trajectories, false);
    }

    /** {@code ff} as the device runs it, or {@code ff} itself for the exact model. */
    ForceField wrap(ForceField ff) {
        HardwareOptions o = options();
        return o.exactModel() ? ff : new HardwareForceField(ff, o);
    }

    /** One line for reports: "device: 1000 shots per circuit, parameter-shift forces, noise …, hw-seed 0". */
    String describe() {
        HardwareOptions o = options();
        if (o.exactModel()) return "exact model (adjoint derivatives, exact expectation values)";
        return String.format(Locale.ROOT, "device: %s, %s forces, %s, hw-seed %d",
                o.shots() == 0 ? "exact expectation values" : o.shots() + " shots per circuit",
                o.shift() ? "parameter-shift" : "adjoint", o.noise().isNone() ? "no noise" : "noise " + noise.strip(), o.seed());
    }

    /** The options for JSON reports. */
    Map<String, Object> toMap() {
        HardwareOptions o = options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shots", o.shots());
        m.put("parameter_shift", o.shift());
        m.put("noise", o.noise().isNone() ? "none" : noise.strip());
        m.put("hw_seed", o.seed());
        if (o.noise().hasGateNoise()) m.put("trajectories", o.trajectories());
        return m;
    }
}
