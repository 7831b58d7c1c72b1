package org.qmlff.perf;

/**
 * The measured time of one call of a {@link Workload}: each of {@code repeats} timed runs makes
 * {@code callsPerRepeat} calls, and gives one per-call time (its duration / calls).
 *
 * @param medianNanos    median over the runs of the per-call time, ns
 * @param minNanos       fastest run's per-call time, ns
 * @param maxNanos       slowest run's per-call time, ns
 * @param repeats        timed runs, ≥ 1
 * @param callsPerRepeat calls per timed run, ≥ 1
 * @param allocatedBytesPerCall heap bytes the JVM's threads allocated during the timed runs, per call; NaN
 *                       where the JVM cannot count them. Near zero for a warm workload; a Vector API kernel
 *                       running with boxed vectors allocates megabytes per call
 */
public record Timing(double medianNanos, double minNanos, double maxNanos, int repeats, long callsPerRepeat,
                     double allocatedBytesPerCall) {

    /** A timing without an allocation count. */
    public Timing(double medianNanos, double minNanos, double maxNanos, int repeats, long callsPerRepeat) {
        this(medianNanos, minNanos, maxNanos, repeats, callsPerRepeat, Double.NaN);
    }

    public Timing {
        if (repeats < 1 || callsPerRepeat < 1)
            throw new IllegalArgumentException("a timing needs >= 1 run of >= 1 call: " + repeats + " x " + callsPerRepeat);
        if (!(minNanos <= medianNanos && medianNanos <= maxNanos))
            throw new IllegalArgumentException("timing not ordered: min " + minNanos + ", median " + medianNanos
                    + ", max " + maxNanos);
    }

    /** The median per-call time in ms. */
    public double medianMillis() {
        return medianNanos * 1e-6;
    }
}
