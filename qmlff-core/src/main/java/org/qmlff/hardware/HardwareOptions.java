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
 *                   {@link HardwareForceField#setSalt})
 */
public record HardwareOptions(long shots, boolean shift, NoiseModel noise, long seed) {
    public HardwareOptions {
        if (shots < 0) throw new InputException("--shots must be ≥ 0 (0 means exact), not " + shots);
        if (noise == null) noise = NoiseModel.NONE;
        if (!shift && (shots > 0 || !noise.isNone()))
            throw new InputException("shots and noise need parameter-shift derivatives");
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
