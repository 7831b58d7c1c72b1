package org.qmlff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * Entry point of the {@code qmlff} command. Subcommands are thin: they parse options, call the core
 * library and print. User errors (the core's {@code org.qmlff.error.InputException}, of which
 * {@link UserError} is the CLI's own) become one line on stderr and exit code 2, without a stack
 * trace; anything else is a bug and keeps its trace (see {@link UserErrors}).
 */
@Command(name = "qmlff",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Quantum-neural-network force fields: train, evaluate and run equivariant QNNs, simulated exactly.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DataCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                CheckSymmetryCommand.class,
                MdCommand.class,
                MdBenchmarkCommand.class,
                ServeIpiCommand.class,
                LearningCurveCommand.class,
                AblationCommand.class,
                SweepCommand.class,
                ReportCommand.class,
                BenchCommand.class,
                ExportQasmCommand.class,
                HardwareCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in-process; returns the exit code. Used by {@link #main} and by the tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        UserErrors errors = new UserErrors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        // A mistyped option after a multi-value option (--data A.npz --epoch 5) is an unknown option,
        // not a data file called "--epoch".
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setExecutionStrategy(Main::checkOutputsThenRun);
        return cl.execute(args);
    }

    /** Options that name an output: checked before any work starts, by the label that says their kind. */
    private static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("--out", "--json", "--plots");

    /**
     * Checks every output path the user gave (options {@code --out}, {@code --json}, {@code --plots}
     * of type Path; a label ending in {@code DIR} means a directory, {@code FILE} a file) before the
     * command runs, so that a bad path fails at once and not after the work.
     */
    private static int checkOutputsThenRun(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        for (CommandLine.Model.OptionSpec o : leaf.matchedOptions()) {
            if (!OUTPUT_OPTIONS.contains(o.longestName()) || o.type() != java.nio.file.Path.class) continue;
            java.nio.file.Path path = o.getValue();
            if (path == null) continue;
            try {
                if (o.paramLabel().endsWith("DIR")) org.qmlff.data.OutputPaths.checkDirectory(o.longestName(), path);
                else if (o.paramLabel().endsWith("FILE")) org.qmlff.data.OutputPaths.checkFile(o.longestName(), path);
            } catch (org.qmlff.error.InputException e) {
                return new UserErrors().handleExecutionException(e, leaf.commandSpec().commandLine(), leaf);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Reads the version Maven filtered into the resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[]{"qmlff " + p.getProperty("version", "unknown")
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
