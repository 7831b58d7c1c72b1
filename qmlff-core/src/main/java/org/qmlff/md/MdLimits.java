package org.qmlff.md;

import org.qmlff.error.InputException;

/**
 * Limits beyond which a run is considered to have blown up and is stopped (the trajectory written so
 * far stays valid). Non-finite energies or forces always stop a run.
 *
 * @param maxDistanceFromCentre largest allowed distance of any atom from the centre of mass, Å
 * @param maxTemperature        largest allowed instantaneous temperature, K
 */
public record MdLimits(double maxDistanceFromCentre, double maxTemperature) {

    /** Default distance limit, Å: far beyond any bond, near enough to catch a dissociating molecule. */
    public static final double DEFAULT_MAX_DISTANCE = 50.0;

    public MdLimits {
        if (!(maxDistanceFromCentre > 0) || Double.isNaN(maxDistanceFromCentre))
            throw new InputException("maximum distance from the centre of mass must be positive (Å), got "
                    + maxDistanceFromCentre);
        if (!(maxTemperature > 0) || Double.isNaN(maxTemperature))
            throw new InputException("maximum temperature must be positive (K), got " + maxTemperature);
    }

    /**
     * The defaults for a run at {@code temperature} K: 50 Å from the centre of mass, and the larger of
     * 5000 K and ten times the target temperature.
     */
    public static MdLimits defaults(double temperature) {
        return new MdLimits(DEFAULT_MAX_DISTANCE, defaultMaxTemperature(temperature));
    }

    /** The larger of 5000 K and ten times {@code temperature}. */
    public static double defaultMaxTemperature(double temperature) {
        return Math.max(5000.0, 10.0 * temperature);
    }
}
