package org.qmlff.md.benchmark;

/**
 * The outcome of one NVE (velocity Verlet) run for energy conservation.
 *
 * @param index       run number; it starts from the frame, and with the initial velocities, of NVT run {@code index}
 * @param frame       starting frame
 * @param seed        seed of the initial velocities
 * @param steps       completed steps
 * @param drift       least-squares slope of the total energy against time divided by the atom count,
 *                    kcal/mol per atom per ps (as {@link org.qmlff.md.MdSummary#energyDrift()}); over the
 *                    completed steps when the run stopped early
 * @param stopReason  why it stopped early, or null
 * @param wallSeconds wall-clock time, s (not reproducible)
 */
public record DriftOutcome(int index, int frame, long seed, long steps, double drift, String stopReason,
                           double wallSeconds) {
    public boolean completed() {
        return stopReason == null;
    }
}
