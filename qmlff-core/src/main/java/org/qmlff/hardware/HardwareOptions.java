package org.qmlff.hardware;

import org.qmlff.error.InputException;

/**
 * How a {@link HardwareForceField} evaluates its circuits.
 *
 * @param shots      shots per circuit (measurement setting); 0 = infinitely many (exact expectations)
 * @param shift      derivatives from parameter-shift circuits (true) or the exact adjoint (false); shots and
 *                   noise need shifts (hardware has no adjoint)
 * @param noise      gate and readout noise; {@link NoiseModel#NONE} for a noiseless device
 * @param seed       seed of the shot sampling (with the configuration's positions and the salt, see
 *                   {@link HardwareForceField#setSalt}); the trajectories are seeded from the same stream
 * @param trajectories K, sampled trajectories per circuit where gate noise is simulated by trajectories
 *                   (circuits wider than {@link #DENSITY_MATRIX_QUBITS} qubits, or all with
 *                   {@code forceTrajectories})
 * @param forceTrajectories trajectories even where exact density matrices fit (for tests and comparisons)
 */
public record HardwareOptions(long shots, boolean shift, NoiseModel noise, long seed, int trajectories,
                              boolean forceTrajectories) {
    /** Widest circuit whose gate noise is simulated with exact density matrices. */
    public static final int DENSITY_MATRIX_QUBITS = DensityMatrix.MAX_QUBITS;
    /** Default K of {@code --trajectories}. */
    public static final int DEFAULT_TRAJECTORIES = 200;

    public HardwareOptions {
        if (shots < 0) throw new InputException("--shots must be ≥ 0 (0 means exact), not " + shots);
        if (trajectories < 1) throw new InputException("--trajectories must be ≥ 1, not " + trajectories);
        if (noise == null) noise = NoiseModel.NONE;
        if (!shift && (shots > 0 || !noise.isNone()))
            throw new InputException("shots and noise need parameter-shift derivatives");
    }

    /** Options with the default trajectories, chosen only for circuits too wide for density matrices. */
    public HardwareOptions(long shots, boolean shift, NoiseModel noise, long seed) {
        this(shots, shift, noise, seed, DEFAULT_TRAJECTORIES, false);
    }

    /** True when circuits of {@code qubits} qubits have their gate noise sampled by trajectories. */
    public boolean usesTrajectories(int qubits) {
        return noise.hasGateNoise() && (forceTrajectories || qubits > DENSITY_MATRIX_QUBITS);
    }

    /** The exact model: adjoint derivatives, infinitely many shots, no noise. */
    public static HardwareOptions exact() {
        return new HardwareOptions(0, false, NoiseModel.NONE, 0);
    }

    /** Exact expectations with parameter-shift derivatives. */
    public static HardwareOptions shiftOnly() {
        return new HardwareOptions(0, true, NoiseModel.NONE, 0);
    }

    /** A noiseless device with {@code shots} shots per circuit. */
    public static HardwareOptions shots(long shots, long seed) {
        return new HardwareOptions(shots, true, NoiseModel.NONE, seed);
    }

    /** True when this is the exact model (evaluations are the wrapped model's, bit for bit). */
    public boolean exactModel() {
        return !shift && shots == 0 && noise.isNone();
    }
}
