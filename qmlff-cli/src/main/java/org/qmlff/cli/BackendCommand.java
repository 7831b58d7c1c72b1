package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A subcommand that reads data and models through a {@link Backend}: {@link Backend#standard()} when picocli
 * creates it (no-argument constructor), a test's substitute when a test passes one in.
 */
abstract class BackendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    final Backend backend;

    BackendCommand() {
        this(Backend.standard());
    }

    BackendCommand(Backend backend) {
        this.backend = backend;
    }
}
