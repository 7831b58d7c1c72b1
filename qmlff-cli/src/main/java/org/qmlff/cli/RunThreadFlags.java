package org.qmlff.cli;

import picocli.CommandLine.Option;

/**
 * The thread options of the commands that train a grid of runs ({@code learning-curve}, {@code ablation}):
 * {@code --threads} in all, {@code --threads-per-run} for each run, so that threads / threads-per-run runs
 * train at once.
 */
final class RunThreadFlags {
    @Option(names = "--threads", paramLabel = "N", description = "Total threads (default: all processors).")
    Integer threads;
    @Option(names = "--threads-per-run", paramLabel = "N", description = "Threads of each run (default: 1); "
            + "threads / threads-per-run runs train at once. Results do not depend on either.")
    int threadsPerRun = 1;

    /** How many runs train at once (at least 1), after checking both options. */
    int concurrentRuns() {
        int total = Threads.count(threads);
        if (threadsPerRun < 1) throw new UserError("--threads-per-run must be at least 1, got " + threadsPerRun);
        if (threadsPerRun > total) throw new UserError("--threads-per-run " + threadsPerRun + " exceeds --threads " + total);
        return Math.max(1, total / threadsPerRun);
    }
}
