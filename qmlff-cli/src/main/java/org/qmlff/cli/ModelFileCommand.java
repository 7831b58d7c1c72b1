package org.qmlff.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * A {@link BackendCommand} that works on one saved model, {@code --model FILE} (listed first, before the
 * subcommand's own options): {@code evaluate}, {@code predict}, {@code check-symmetry}, {@code export-qasm}.
 */
abstract class ModelFileCommand extends BackendCommand {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (model.json).")
    Path model;
}
