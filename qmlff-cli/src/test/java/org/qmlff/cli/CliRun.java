package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one command object in-process the way {@link Main} does, capturing output. */
record CliRun(int code, String out, String err) {
    static CliRun of(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new UserErrors());
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code command} run as {@link #of(Object, String...)} does, reading through {@code backend}. */
    static CliRun of(Backend backend, BackendCommand command, String... args) {
        return of(BackendCommand.using(backend, command), args);
    }

    /** This run, after checking that it succeeded: nothing on stderr, exit code 0. */
    CliRun succeeded() {
        assertThat(err).isEmpty();
        assertThat(code).isZero();
        return this;
    }

    static CliRun main(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
