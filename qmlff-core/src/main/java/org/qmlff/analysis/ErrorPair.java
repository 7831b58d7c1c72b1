package org.qmlff.analysis;

/**
 * Mean absolute errors of a model on one set of frames.
 *
 * @param energy energy MAE, meV (whole molecule; NaN when not available)
 * @param force  force MAE per component, meV/Å (NaN when not available)
 */
public record ErrorPair(double energy, double force) {

    /** The error of {@code q}. */
    public double get(Quantity q) {
        return q == Quantity.ENERGY ? energy : force;
    }
}
