package org.qmlff.cli;

import org.qmlff.data.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.qmlff.data.Dataset;
import org.qmlff.md.EnergyLog;
import org.qmlff.md.Ensemble;
import org.qmlff.md.MdConfig;
import org.qmlff.md.MdLimits;
import org.qmlff.md.MdObserver;
import org.qmlff.md.MdResult;
import org.qmlff.md.MdSimulation;
import org.qmlff.md.MdSummary;
import org.qmlff.md.TrajectoryWriter;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qmlff md}: molecular dynamics with a model, from one frame of a data file. */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = {"Run molecular dynamics with a model: velocity Verlet (nve) or Langevin BAOAB (nvt).",
                "Writes DIR/trajectory.extxyz (positions Å, forces kcal/mol/Å, velocities Å/fs, energy kcal/mol),",
                "DIR/md.csv, DIR/energy.png, DIR/temperature.png and DIR/summary.json, and prints the summary.",
                "With --shots or --noise the forces are a simulated device's estimates (parameter shifts)."})
final class MdCommand implements Callable<Integer> {
    static final String TRAJECTORY = "trajectory.extxyz";
    static final String LOG = "md.csv";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model file.")
    Path model;
    @Option(names = "--init", required = true, paramLabel = "FILE", description = "Data file holding the starting geometry.")
    Path init;
    @Option(names = "--frame", defaultValue = "0", paramLabel = "K", description = "Frame of FILE to start from (default: ${DEFAULT-VALUE}).")
    int frame;
    @Option(names = "--ensemble", required = true, paramLabel = "nve|nvt", description = "nve (velocity Verlet) or nvt (Langevin BAOAB).")
    String ensemble;
    @Option(names = "--temperature", required = true, paramLabel = "T",
            description = "Temperature in K of the initial Maxwell-Boltzmann velocities and of the thermostat.")
    double temperature;
    @Option(names = "--dt", defaultValue = "0.5", paramLabel = "FS", description = "Time step in fs (default: ${DEFAULT-VALUE}).")
    double dt;
    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of steps.")
    long steps;
    @Option(names = "--friction", defaultValue = "0.01", paramLabel = "GAMMA",
            description = "Langevin friction in 1/fs, nvt only (default: ${DEFAULT-VALUE}).")
    double friction;
    @Option(names = "--stride", defaultValue = "10", paramLabel = "S",
            description = "Write a trajectory frame and a log row every S steps (default: ${DEFAULT-VALUE}).")
    long stride;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the initial velocities and thermostat (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--max-distance", defaultValue = "50", paramLabel = "Å",
            description = "Stop if an atom gets farther than this from the centre of mass (default: ${DEFAULT-VALUE} Å).")
    double maxDistance;
    @Option(names = "--max-temperature", paramLabel = "K",
            description = "Stop if the instantaneous temperature exceeds this (default: the larger of 5000 K and 10 T).")
    Double maxTemperature;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;
    @picocli.CommandLine.Mixin
    HardwareOptionFlags hardware = new HardwareOptionFlags();

    @Override
    public Integer call() throws IOException {
        hardware.options(); // bad device options fail before any file is read
        ForceField ff = hardware.wrap(Models.read(model));
        Dataset data = MdSupport.load(init);
        int[] numbers = data.numbers();
        return simulate(ff, data, MdSupport.masses(numbers), MdSupport.symbols(numbers));
    }

    /** Everything after loading: runs, writes the outputs, prints the summary. */
    int simulate(ForceField ff, Dataset data, double[] masses, String[] symbols) throws IOException {
        if (frame < 0 || frame >= data.frames())
            throw new UserError("--frame " + frame + ": " + init + " has " + data.frames() + " frames (0.."
                    + (data.frames() - 1) + ")");
        if (stride < 1) throw new UserError("--stride must be at least 1, got " + stride);
        MdConfig config = new MdConfig(Ensemble.parse(ensemble), temperature, dt, steps, friction, seed,
                new MdLimits(maxDistance, maxTemperature != null ? maxTemperature : MdLimits.defaultMaxTemperature(temperature)));
        try {
            ff.checkCompatible(data.numbers());
        } catch (IllegalArgumentException e) {
            throw new UserError("model " + model + " cannot describe the molecule of " + init + ": " + e.getMessage());
        }
        double[] positions = new double[3 * data.atoms()];
        data.copyPositions(frame, positions);
        Files.createDirectories(out);
        Path trajectory = out.resolve(TRAJECTORY);
        PrintWriter w = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);

        MdSimulation sim = new MdSimulation(ff, data.numbers(), masses, config);
        MdResult result;
        try (TrajectoryWriter traj = new TrajectoryWriter(trajectory, symbols, stride);
             EnergyLog log = new EnergyLog(out.resolve(LOG), stride);
             Progress progress = Progress.open(steps)) {
            List<MdObserver> observers = new ArrayList<>(List.of(traj, log));
            if (progress != null) observers.add(progress);
            result = sim.run(positions, observers);
        }
        MdSummary summary = result.summary();
        MdPlots.energies(result.series(), out.resolve("energy.png"));
        MdPlots.temperature(result.series(), config.ensemble(), temperature, out.resolve("temperature.png"));
        writeSummary(summary, config, out.resolve("summary.json"));
        if (!hardware.options().exactModel()) w.println(hardware.describe());
        for (String line : summary.lines()) w.println(line);
        w.println("wrote " + out.toAbsolutePath());
        w.flush();
        if (!summary.completed())
            throw new UserError("md stopped: " + summary.stopReason() + "; " + trajectory + " holds the run up to the step before");
        return 0;
    }

    private void writeSummary(MdSummary s, MdConfig c, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", model == null ? null : model.toString());
        root.put("init", init == null ? null : init.toString());
        root.put("frame", frame);
        root.put("ensemble", c.ensemble().toString());
        root.put("temperature_K", c.temperature());
        root.put("timestep_fs", c.timestep());
        root.put("friction_per_fs", c.friction());
        root.put("seed", c.seed());
        root.put("steps_requested", c.steps());
        root.put("steps_completed", s.steps());
        root.put("atoms", s.atoms());
        root.put("degrees_of_freedom", s.degreesOfFreedom());
        root.put("energy_drift_kcal_mol_atom_ps", s.energyDrift());
        root.put("energy_fluctuation_kcal_mol", s.energyFluctuation());
        root.put("mean_temperature_K", s.meanTemperature());
        root.put("temperature_standard_error_K", s.temperatureError());
        root.put("force_evaluations", s.forceEvaluations());
        root.put("steps_per_second", s.stepsPerSecond());
        root.put("stop_reason", s.stopReason());
        root.set("hardware", json.valueToTree(hardware.toMap()));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, o -> o.write(bytes));
    }

    /** A terminal progress bar, only when a console is attached (never in tests or pipes). */
    private static final class Progress implements MdObserver, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress open(long steps) {
            if (System.console() == null || steps < 1) return null;
            return new Progress(new ProgressBarBuilder().setTaskName("md").setInitialMax(steps)
                    .setUpdateIntervalMillis(500).showSpeed().build());
        }

        @Override
        public void observe(org.qmlff.md.MdState state) {
            bar.stepTo(state.step());
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
