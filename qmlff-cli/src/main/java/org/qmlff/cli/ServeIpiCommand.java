package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.ipi.IpiAddress;
import org.qmlff.ipi.IpiClient;
import org.qmlff.ipi.IpiException;
import org.qmlff.ipi.IpiSummary;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code qmlff serve-ipi}: an i-PI socket client serving a model's energies and forces. */
@Command(name = "serve-ipi", mixinStandardHelpOptions = true,
        description = {"Serve a model's energies and forces to an i-PI server (i-PI, ASE's SocketIOCalculator)",
                "as a socket client (driver), until the server sends EXIT or closes the connection.",
                "The server only sends positions: the atoms (in the server's order) come from --init,",
                "or from an le model's own molecule."})
final class ServeIpiCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model file.")
    Path model;
    @Option(names = "--init", paramLabel = "FILE",
            description = "Data file whose atoms (elements, order) the server simulates; optional for an le model.")
    Path init;
    @Option(names = "--frame", defaultValue = "0", paramLabel = "K", description = "Frame of FILE (default: ${DEFAULT-VALUE}).")
    int frame;
    @Option(names = "--unix", paramLabel = "NAME",
            description = "UNIX socket /tmp/ipi_NAME (a NAME containing '/' is the socket's path).")
    String unix;
    @Option(names = "--host", defaultValue = "localhost", paramLabel = "H", description = "TCP host (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", paramLabel = "P", description = "TCP port.")
    Integer port;
    @Option(names = "--timeout", defaultValue = "600", paramLabel = "S",
            description = "Give up when the server is silent this many seconds, or cannot be reached (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Override
    public Integer call() throws IOException {
        IpiAddress address = address();
        ForceField ff = Models.read(model);
        int[] numbers;
        if (init != null) {
            Dataset data = MdSupport.load(init);
            if (frame < 0 || frame >= data.frames())
                throw new UserError("--frame " + frame + ": " + init + " has " + data.frames() + " frames (0.."
                        + (data.frames() - 1) + ")");
            numbers = data.numbers();
        } else {
            numbers = Architectures.of(ff).molecule(ff);
            if (numbers == null)
                throw new UserError("--init FILE is needed: a " + ff.architecture()
                        + " model describes any molecule of its species, so the atoms must be given");
        }
        return serve(ff, numbers, address);
    }

    /** The server's address from the options: exactly one of --unix and --port. */
    IpiAddress address() {
        if ((unix == null) == (port == null))
            throw new UserError("give either --unix NAME or --port P (with --host H), not " + (unix == null ? "neither" : "both"));
        if (!(timeout > 0) || Double.isInfinite(timeout))
            throw new UserError("--timeout must be a positive number of seconds, got " + timeout);
        return unix != null ? IpiAddress.unix(unix) : IpiAddress.inet(host, port);
    }

    /** Connects and serves; returns the exit code. */
    int serve(ForceField ff, int[] numbers, IpiAddress address) throws IOException {
        PrintWriter w = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        IpiClient client;
        try {
            client = new IpiClient(ff, numbers, Duration.ofMillis(Math.max(1, Math.round(timeout * 1000))));
        } catch (IllegalArgumentException e) {
            throw new UserError("model " + model + " cannot describe the atoms"
                    + (init != null ? " of " + init : "") + ": " + e.getMessage());
        }
        w.println("serve-ipi: " + numbers.length + " atoms, connecting to " + address);
        w.flush();
        IpiSummary summary;
        try {
            summary = client.serve(address);
        } catch (IpiException e) {
            throw new UserError("i-PI: " + e.getMessage());
        }
        w.println("serve-ipi: " + summary.describe());
        w.flush();
        return 0;
    }
}
