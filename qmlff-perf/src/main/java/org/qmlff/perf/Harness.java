package org.qmlff.perf;

import java.util.Arrays;

/**
 * A hand-written timing harness (JMH is not on the CLI's class path): warm-up, then repeated timed
 * runs; the result is the median per-call time, which one run slowed down by another process on a
 * shared machine does not move.
 *
 * <p>Warm-up runs the workload in rounds of 1, 2, 4, … calls, doubling until a round lasts
 * {@link Settings#minRunNanos()}. It ends once the warm-up time and the warm-up calls are reached
 * and the per-call time has stopped improving (a round not more than {@value #STEADY} times faster
 * than the one before) and the last round allocated at most {@value #WARM_ALLOCATION_BYTES} bytes per
 * call, or at {@link Settings#maxWarmupNanos()} regardless: large workloads (a training step) keep
 * getting faster for seconds while the JIT compiler works through them, longer still on a busy
 * machine. The allocation test is for the Vector API kernels: before C2 has compiled them they run in
 * C1 code that boxes every vector (megabytes per call) at a near-constant, very slow per-call time,
 * which the timing test alone takes for the steady state. A small circuit calls each kernel only a
 * few hundred times per call, so C2 may compile it only after seconds of that: the 8-qubit
 * {@code le-d6-hvp} row measured 0.08 ms in some fresh JVMs and 13–220 ms in others, allocating 3–30
 * MB per call, its kernels compiled at level 4 only after 2.8–4.4 s. Every warm workload here
 * allocates at most a few kilobytes per call. The last round estimates the per-call time, from which the calls
 * per timed run are chosen so that each run lasts at least {@link Settings#minRunNanos()}: a
 * single {@code System.nanoTime()} pair around a call of a few microseconds would mostly measure
 * the clock. The heap bytes the JVM's threads allocate during the timed runs are counted too
 * ({@link Timing#allocatedBytesPerCall()}).
 */
public final class Harness {
    /** A warm-up round at least this much faster per call than the previous one means "still compiling". */
    static final double STEADY = 1.05;
    /** A warm-up round that allocated more than this per call is still running uncompiled vector code. */
    static final long WARM_ALLOCATION_BYTES = 64 * 1024;

    /**
     * How long and how often to measure.
     *
     * @param warmupNanos    least warm-up time, ns
     * @param maxWarmupNanos warm-up time after which the harness stops waiting for a steady per-call
     *                       time, ns (≤ warmupNanos: does not wait)
     * @param warmupCalls    least warm-up calls, ≥ 1
     * @param repeats        timed runs, ≥ 1 (odd numbers give a true median)
     * @param minRunNanos    least duration of one timed run (and of a warm-up round, once doubling
     *                       has got there), ns
     */
    public record Settings(long warmupNanos, long maxWarmupNanos, int warmupCalls, int repeats, long minRunNanos) {
        public Settings {
            if (warmupNanos < 0 || maxWarmupNanos < 0 || warmupCalls < 1 || repeats < 1 || minRunNanos < 0)
                throw new IllegalArgumentException("invalid harness settings: " + warmupNanos + " ns warm-up (at most "
                        + maxWarmupNanos + " ns waiting for a steady time), " + warmupCalls + " warm-up calls, "
                        + repeats + " runs, " + minRunNanos + " ns per run");
        }

        /**
         * For a real measurement: ≥ 2 s and ≥ 3 calls of warm-up, until the time per call is steady
         * (up to 30 s); 11 runs of ≥ 0.2 s.
         */
        public static Settings full() {
            return new Settings(2_000_000_000L, 30_000_000_000L, 3, 11, 200_000_000L);
        }

        /**
         * For a smoke run that checks everything runs: one warm-up call, 3 runs of ≥ 2 ms. The code is
         * barely compiled by then (the Vector API is very slow before it is), so the numbers say
         * little about speed.
         */
        public static Settings quick() {
            return new Settings(0L, 0L, 1, 3, 2_000_000L);
        }
    }

    private final Settings settings;

    public Harness(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Measures {@code w}; throws {@link IllegalStateException} if it returns a non-finite value. */
    public Timing measure(Workload w) {
        double checksum = 0;
        long warmed = 0;
        long batch = 1;
        double previous = Double.POSITIVE_INFINITY;
        double perCall;
        AllocationCounter allocation = AllocationCounter.create();
        long start = System.nanoTime();
        while (true) {
            if (allocation != null) allocation.start();
            long t0 = System.nanoTime();
            for (long i = 0; i < batch; i++) checksum += w.call();
            long roundNanos = System.nanoTime() - t0;
            double roundAllocation = allocation == null ? 0 : (double) allocation.allocatedSinceStart() / batch;
            warmed += batch;
            perCall = Math.max(1.0, (double) roundNanos / batch);
            long elapsed = System.nanoTime() - start;
            boolean enough = elapsed >= settings.warmupNanos() && warmed >= settings.warmupCalls();
            boolean overdue = elapsed >= settings.maxWarmupNanos();
            boolean steady = perCall * STEADY >= previous || overdue;
            boolean compiled = roundAllocation <= WARM_ALLOCATION_BYTES || overdue;
            if (enough && steady && compiled) break;
            previous = perCall;
            if (roundNanos < settings.minRunNanos()) batch *= 2;
        }
        long calls = Math.max(1L, (long) Math.ceil(settings.minRunNanos() / perCall));
        double[] runs = new double[settings.repeats()];
        if (allocation != null) allocation.start();
        for (int r = 0; r < runs.length; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < calls; i++) checksum += w.call();
            runs[r] = (double) (System.nanoTime() - t0) / calls;
        }
        double allocated = allocation == null ? Double.NaN
                : (double) allocation.allocatedSinceStart() / ((long) runs.length * calls);
        if (!Double.isFinite(checksum))
            throw new IllegalStateException("the benchmark workload returned a non-finite value");
        Arrays.sort(runs);
        return new Timing(median(runs), runs[0], runs[runs.length - 1], runs.length, calls, allocated);
    }

    /** The median of {@code values} (not empty): the middle one, or the mean of the middle two. */
    public static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("median of no values");
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
