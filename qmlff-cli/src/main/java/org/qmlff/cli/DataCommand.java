package org.qmlff.cli;

import picocli.CommandLine.Command;

/** {@code qmlff data ...}: inspect and convert data files. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect and convert data files (rMD17 npz, extended XYZ).",
        subcommands = {DataInfoCommand.class, DataConvertCommand.class})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
