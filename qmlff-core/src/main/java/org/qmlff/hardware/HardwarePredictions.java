package org.qmlff.hardware;

import org.qmlff.train.Predictions;

/**
 * A model's energies and forces on the frames of one dataset as the simulated device estimates them,
 * with the standard error of each number. Storage as in {@link Predictions}.
 *
 * @param predictions the estimates (kcal/mol, kcal/mol/Å)
 * @param energySe    standard error of each frame's energy (kcal/mol); 0 with infinitely many shots
 * @param forceSe     standard error of each force component (kcal/mol/Å), frames × atoms × 3
 * @param circuits    circuits (measurement settings) run per frame for energy and forces, the largest over
 *                    the frames; each runs the options' shots
 */
public record HardwarePredictions(Predictions predictions, double[] energySe, double[] forceSe, long circuits) {
    public HardwarePredictions {
        if (energySe.length != predictions.frames() || forceSe.length != predictions.forces().length)
            throw new IllegalArgumentException("standard errors do not match the predictions' shape");
    }

    /** Mean standard error of the energies (kcal/mol). */
    public double meanEnergySe() {
        return mean(energySe);
    }

    /** Mean standard error of the force components (kcal/mol/Å). */
    public double meanForceSe() {
        return mean(forceSe);
    }

    private static double mean(double[] v) {
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
