package org.qmlff.cli;

/** The checks of the {@code --threads} options, in one wording for every command. */
final class Threads {
    private Threads() {
    }

    /** The worker threads {@code --threads} asks for: all processors when not given; fewer than 1 is a user error. */
    static int count(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new UserError("--threads must be at least 1, got " + n);
        return n;
    }
}
