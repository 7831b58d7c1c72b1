package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A subcommand that reads data and models through a {@link Backend}: {@link Backend#standard()} unless
 * {@link #using} put a test's substitute in its place before the command runs.
 */
abstract class BackendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Backend backend = Backend.standard();

    /** {@code command}, reading through {@code backend} instead of the standard one; for tests. */
    static <C extends BackendCommand> C using(Backend backend, C command) {
        command.backend = backend;
        return command;
    }
}
