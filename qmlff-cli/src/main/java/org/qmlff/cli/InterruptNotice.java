package org.qmlff.cli;

import org.qmlff.experiment.RunHooks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * While a training run is in progress, answers SIGINT (Ctrl-C) and SIGTERM with one line saying
 * where the last checkpoint is and the command that resumes the run, instead of exiting silently.
 *
 * <p>A JVM shutdown hook: it runs on those signals and on {@code System.exit}, not on SIGKILL
 * (after which {@code --resume} still works; it just is not announced). {@link #close()} removes it
 * once the run ends normally. The notice is written to the process's stderr directly: the hook runs
 * on its own thread while the command's writers may be mid-line.
 */
final class InterruptNotice implements RunHooks.Held {
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    static InterruptNotice install(Path runDir, Path checkpoint) {
        Thread hook = new Thread(() -> System.err.println(message(runDir, checkpoint)), "qmlff-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    /** What the user reads after an interruption. */
    static String message(Path runDir, Path checkpoint) {
        String resume = "qmlff train --resume " + runDir;
        if (Files.exists(checkpoint))
            return "\nqmlff: interrupted; the last checkpoint is " + checkpoint + "; continue with: " + resume;
        return "\nqmlff: interrupted before the first checkpoint; start the run again with: " + resume;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs, as it should
        }
    }
}
