package org.qmlff.cli;

import org.qmlff.data.Units;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.data.Dataset;
import org.qmlff.hardware.HardwareOptions;
import org.qmlff.hardware.HardwareStudy;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code qmlff hardware}: what a model would cost and how accurate it would be on a quantum computer. */
@Command(name = "hardware", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Energy and force errors of a model on a simulated quantum computer against the shot count "
                + "(noiseless, parameter-shift forces) and against the CNOT depolarizing rate (infinitely many shots), "
                + "as deviation from the exact model and as error against the data's labels, mean ± standard error over "
                + "frames; and per configuration the circuit resources: qubits, two-qubit gates and depth after "
                + "decomposition into OpenQASM gates, circuits per energy, force and gradient evaluation, shots needed "
                + "for a target force error, and a crude success estimate. Conventions: docs/HARDWARE.md."})
final class HardwareCommand extends BackendCommand {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (model.json): le or revised.")
    Path model;
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data file, e.g. a test split.")
    Path data;
    @Option(names = "--frames", paramLabel = "K", description = "Use the first K frames (default: all).")
    Integer frames;
    @Option(names = "--shots", split = ",", paramLabel = "LIST", defaultValue = "100,1000,10000,100000",
            description = "Shot counts of the shot sweep (default: ${DEFAULT-VALUE}).")
    long[] shots;
    @Option(names = "--depolarizing", split = ",", paramLabel = "LIST", defaultValue = "0,0.0001,0.001,0.01",
            description = "CNOT depolarizing rates λ of the noise sweep, Aer's convention; Enc gates get λ/10 "
                    + "(default: ${DEFAULT-VALUE}).")
    double[] depolarizing;
    @Option(names = "--noise-frames", paramLabel = "K", defaultValue = "3",
            description = "Frames (the first ones) of the noise sweep, whose density matrices are slow; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    int noiseFrames;
    @Option(names = "--trajectories", paramLabel = "K", defaultValue = "" + HardwareOptions.DEFAULT_TRAJECTORIES,
            description = "Sampled trajectories per circuit of the noise sweep where circuits are wider than "
                    + HardwareOptions.DENSITY_MATRIX_QUBITS + " qubits (exact density matrices below; default: ${DEFAULT-VALUE}).")
    int trajectories;
    @Option(names = "--resource-frames", paramLabel = "K", defaultValue = "1",
            description = "Configurations (the first frames) with a resource row (default: ${DEFAULT-VALUE}).")
    int resourceFrames;
    @Option(names = "--target", split = ",", paramLabel = "LIST", defaultValue = "1,0.1",
            description = "Force standard errors (kcal/mol/Å) on the worst component for which the shots needed are "
                    + "reported (default: ${DEFAULT-VALUE}).")
    double[] targets;
    @Option(names = "--two-qubit-error", paramLabel = "EPS", defaultValue = "0.001",
            description = "Two-qubit gate error rate of the success estimate (default: ${DEFAULT-VALUE}).")
    double twoQubitError;
    @Option(names = "--hw-seed", paramLabel = "S", defaultValue = "0", description = "Seed of the shot sampling (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    WorkerThreadFlags threads = new WorkerThreadFlags();
    @Option(names = "--plots", paramLabel = "DIR", description = "Write " + HardwarePlots.SHOTS + " and "
            + HardwarePlots.NOISE + " here.")
    Path plots;
    @Option(names = "--json", description = "Print the results as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int nThreads = threads.count();
        if (frames != null && frames < 1) throw new UserError("--frames must be at least 1, got " + frames);
        HardwareStudy.Settings settings = new HardwareStudy.Settings(shots, depolarizing, noiseFrames, resourceFrames,
                targets, twoQubitError, seed, trajectories);
        ForceField ff = backend.read(model);
        Dataset all = backend.loadFor(ff, data);
        Dataset d = frames == null || frames >= all.frames() ? all : all.first(frames);
        HardwareStudy.Result r;
        try (WorkerPool pool = new WorkerPool(nThreads)) {
            r = HardwareStudy.run(ff, d, settings, pool);
        }
        List<Path> written = plots == null ? List.of() : HardwarePlots.write(r, plots);
        PrintWriter out = spec.commandLine().getOut();
        String subject = String.format(Locale.ROOT, "model %s (%s, %d parameters) on %s (%s), %d of %d frames", model,
                ff.architecture(), ff.parameterCount(), data, d.formula(), d.frames(), all.frames());
        if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toMap(subject, r)));
        else print(out, subject, r, settings);
        for (Path p : written) if (!json) out.println("wrote " + p);
        out.flush();
        return 0;
    }

    private static String pm(double mean, double se) {
        return Fmt.fixed(mean, 4) + (Double.isFinite(se) ? " ± " + Fmt.fixed(se, 4) : "");
    }

    private void print(PrintWriter out, String subject, HardwareStudy.Result r, HardwareStudy.Settings s) {
        out.println(subject);
        HardwareStudy.Errors x = r.exact();
        out.printf(Locale.ROOT, "exact model: energy MAE %s kcal/mol, force MAE %s kcal/mol/Å (against the labels)%n",
                pm(x.energyMae(), x.energyMaeSe()), pm(x.forceMae(), x.forceMaeSe()));
        out.println();
        out.printf(Locale.ROOT, "Shots per circuit: noiseless device, parameter-shift forces, hw-seed %d; mean ± standard error "
                + "over %d frames%n", s.seed(), x.frames());
        out.printf(Locale.ROOT, "%9s %10s %20s %20s %10s %20s %20s%n", "shots", "circuits", "|dE| from exact",
                "|dF| from exact", "mean s_F", "energy MAE", "force MAE");
        for (HardwareStudy.ShotPoint p : r.shots()) {
            HardwareStudy.Errors e = p.errors();
            out.printf(Locale.ROOT, "%9d %10d %20s %20s %10s %20s %20s%n", p.shots(), p.circuits(),
                    pm(e.energyDeviation(), e.energyDeviationSe()), pm(e.forceDeviation(), e.forceDeviationSe()),
                    Fmt.fixed(e.meanForceSe(), 4), pm(e.energyMae(), e.energyMaeSe()), pm(e.forceMae(), e.forceMaeSe()));
        }
        out.println("(kcal/mol and kcal/mol/Å; circuits per frame for energy and forces, each with the shots; s_F: predicted "
                + "standard error of a force component)");
        if (!r.noise().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "CNOT depolarizing rate lambda (Enc lambda/10, Ex 1-(1-lambda)^3, singlet preparation lambda; "
                    + "Aer conventions): infinitely many shots, first %d frames%n", r.noise().get(0).errors().frames());
            out.printf(Locale.ROOT, "%9s %20s %20s %20s %20s%n", "lambda", "|dE| from exact", "|dF| from exact",
                    "energy MAE", "force MAE");
            for (HardwareStudy.NoisePoint p : r.noise()) {
                HardwareStudy.Errors e = p.errors();
                out.printf(Locale.ROOT, "%9s %20s %20s %20s %20s%n", Double.toString(p.cnotDepolarizing()),
                        pm(e.energyDeviation(), e.energyDeviationSe()), pm(e.forceDeviation(), e.forceDeviationSe()),
                        pm(e.energyMae(), e.energyMaeSe()), pm(e.forceMae(), e.forceMaeSe()));
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Resources per configuration (OpenQASM standard gates, Bell-basis measurement included; "
                + "largest circuit), worst force component at %d shots%n", s.referenceShots());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%6s %6s %8s %6s %8s %10s %10s %10s %10s",
                "frame", "qubits", "2q gates", "depth", "2q depth", "circuits/E", "circuits/F", "circ/grad", "worst s_F"));
        for (double t : s.targetForceErrors()) head.append(String.format(Locale.ROOT, " %14s", "shots for " + t));
        head.append(String.format(Locale.ROOT, " %14s", "P(eps=" + s.twoQubitError() + ")"));
        out.println(head);
        for (HardwareStudy.Resources c : r.resources()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d %6d %8d %6d %8d %10d %10d %10d %10s",
                    c.frame(), c.qubits(), c.twoQubitGates(), c.depth(), c.twoQubitDepth(), c.energyCircuits(),
                    c.forceCircuits(), c.gradientCircuits(), Fmt.fixed(c.worstForceSe(), 4)));
            for (long n : c.shotsNeeded()) row.append(String.format(Locale.ROOT, " %14d", n));
            row.append(String.format(Locale.ROOT, " %14s", Fmt.fixed(c.successProbability(), 4)));
            out.println(row);
        }
        out.println("(shots for a target: per circuit, for that standard error on the worst force component; P: chance that "
                + "the largest circuit runs without a two-qubit gate error)");
    }

    private Map<String, Object> toMap(String subject, HardwareStudy.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("model", model.toString());
        m.put("data", data.toString());
        m.put("hw_seed", seed);
        m.put("units", Units.fileUnits());
        m.put("exact", r.exact());
        m.put("shots", r.shots());
        List<Map<String, Object>> noise = new ArrayList<>();
        for (HardwareStudy.NoisePoint p : r.noise()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cnot_depolarizing", p.cnotDepolarizing());
            e.put("noise", p.noise());
            e.put("errors", p.errors());
            noise.add(e);
        }
        m.put("noise", noise);
        m.put("resources", r.resources());
        m.put("target_force_errors", targets);
        m.put("two_qubit_error", twoQubitError);
        return m;
    }
}
