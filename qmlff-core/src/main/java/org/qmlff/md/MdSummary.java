package org.qmlff.md;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run did and how well: energy conservation (meaningful in NVE), temperature statistics
 * (meaningful in NVT), speed, and why it stopped early if it did.
 *
 * @param ensemble                 NVE or NVT
 * @param atoms                    number of atoms N
 * @param degreesOfFreedom         used for temperatures
 * @param steps                    completed steps
 * @param timestep                 fs
 * @param energyDrift              slope of a least-squares line through total energy against time,
 *                                 divided by N: kcal/mol per atom per ps (NaN with fewer than 2 samples)
 * @param energyFluctuation        standard deviation of the total energy about its mean, kcal/mol
 * @param meanTemperature          mean instantaneous temperature over all recorded steps, K
 * @param temperatureError         its standard error by block averaging, K
 * @param forceEvaluations         force field calls, the initial one included
 * @param wallSeconds              wall-clock time of the steps, s
 * @param stopReason               why the run stopped early, or null if it ran all its steps
 */
public record MdSummary(Ensemble ensemble, int atoms, int degreesOfFreedom, long steps, double timestep,
                        double energyDrift, double energyFluctuation, double meanTemperature,
                        double temperatureError, long forceEvaluations, double wallSeconds, String stopReason) {

    /** Simulated time, fs. */
    public double simulatedTime() {
        return steps * timestep;
    }

    /** Steps per wall-clock second (NaN if no time was measured). */
    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps / wallSeconds : Double.NaN;
    }

    public boolean completed() {
        return stopReason == null;
    }

    /** Human-readable lines, the ensemble's own figure of merit first. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %d atoms, %d steps of %s fs (%s fs), %d degrees of freedom, %.4g steps/s",
                ensemble, atoms, steps, MdFormat.brief(timestep), MdFormat.brief(simulatedTime()), degreesOfFreedom,
                stepsPerSecond()));
        String drift = String.format(Locale.ROOT, "total energy drift: %.3e kcal/mol/atom/ps; fluctuation (std): %.3e kcal/mol",
                energyDrift, energyFluctuation);
        String temp = String.format(Locale.ROOT, "mean temperature: %.2f ± %.2f K (standard error, block averaging)",
                meanTemperature, temperatureError);
        if (ensemble == Ensemble.NVE) {
            out.add(drift);
            out.add(temp);
        } else {
            out.add(temp);
            out.add(drift);
        }
        if (stopReason != null) out.add("stopped early: " + stopReason);
        return out;
    }
}
