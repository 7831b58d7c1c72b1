package org.qmlff.md;

import org.qmlff.error.InputException;

/**
 * Settings of one MD run. The compact constructor rejects nonsense with one-line
 * {@link IllegalArgumentException}s naming the option.
 *
 * @param ensemble    NVE (velocity Verlet) or NVT (Langevin BAOAB)
 * @param temperature target temperature, K: the Maxwell–Boltzmann temperature of the initial
 *                    velocities, and the thermostat's temperature in NVT (≥ 0)
 * @param timestep    fs (&gt; 0)
 * @param steps       number of steps (≥ 0)
 * @param friction    Langevin friction γ, 1/fs (≥ 0; ignored in NVE)
 * @param seed        seed of every random number of the run (initial velocities, thermostat noise)
 * @param limits      blow-up limits
 */
public record MdConfig(Ensemble ensemble, double temperature, double timestep, long steps, double friction,
                       long seed, MdLimits limits) {

    /** Default Langevin friction, 1/fs (a 100 fs velocity relaxation time). */
    public static final double DEFAULT_FRICTION = 0.01;

    public MdConfig {
        if (ensemble == null) throw new IllegalArgumentException("ensemble is missing");
        if (!(temperature >= 0) || Double.isInfinite(temperature))
            throw new InputException("temperature must be a finite number >= 0 K, got " + temperature);
        if (!(timestep > 0) || Double.isInfinite(timestep))
            throw new InputException("time step must be a positive number of fs, got " + timestep);
        if (steps < 0) throw new InputException("number of steps must be >= 0, got " + steps);
        if (!(friction >= 0) || Double.isInfinite(friction))
            throw new InputException("friction must be a finite number >= 0 (1/fs), got " + friction);
        if (limits == null) throw new IllegalArgumentException("limits are missing");
    }

    /** A configuration with the default friction and limits. */
    public static MdConfig of(Ensemble ensemble, double temperature, double timestep, long steps, long seed) {
        return new MdConfig(ensemble, temperature, timestep, steps, DEFAULT_FRICTION, seed, MdLimits.defaults(temperature));
    }

    /** Same settings with other limits. */
    public MdConfig withLimits(MdLimits newLimits) {
        return new MdConfig(ensemble, temperature, timestep, steps, friction, seed, newLimits);
    }

    /** Same settings with another friction. */
    public MdConfig withFriction(double newFriction) {
        return new MdConfig(ensemble, temperature, timestep, steps, newFriction, seed, limits);
    }
}
