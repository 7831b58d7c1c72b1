package org.qmlff.md.benchmark;

/**
 * The outcome of one finished NVT stability run.
 *
 * @param index            run number (0-based)
 * @param frame            starting frame
 * @param seed             seed of its initial velocities and thermostat
 * @param steps            steps integrated: all of them for a surviving run, up to and including the
 *                         failing one for a failed run
 * @param failed           whether it failed (a bond broke or the integrator stopped)
 * @param time             time to failure (failing step × Δt), or the full length for a surviving run, ps
 * @param reason           why it failed (one line), or null
 * @param histogram        h(r) counts of its stable part (geometries at steps 0, k, 2k, … before the failing step)
 * @param wallSeconds      wall-clock time of its steps, s, over all sessions (not reproducible, unlike the rest)
 * @param forceEvaluations force field calls
 */
public record StabilityOutcome(int index, int frame, long seed, long steps, boolean failed, double time, String reason,
                               DistanceHistogram histogram, double wallSeconds, long forceEvaluations) {

    /** The run as an observation for {@link Survival}. */
    public Survival.Observation observation() {
        return new Survival.Observation(time, failed);
    }

    /** Steps per wall-clock second (NaN if no time was measured). */
    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps / wallSeconds : Double.NaN;
    }
}
