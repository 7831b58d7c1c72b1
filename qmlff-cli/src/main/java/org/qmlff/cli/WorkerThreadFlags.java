package org.qmlff.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --threads} option of the commands that evaluate a model on a worker pool ({@code evaluate},
 * {@code predict}, {@code hardware}).
 */
final class WorkerThreadFlags {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    /** The worker threads asked for: all processors when not given; fewer than 1 is a user error. */
    int count() {
        return Threads.count(threads);
    }
}
