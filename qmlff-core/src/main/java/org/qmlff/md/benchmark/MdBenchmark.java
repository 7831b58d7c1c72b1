package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.Element;
import org.qmlff.md.Ensemble;
import org.qmlff.md.MdConfig;
import org.qmlff.md.MdResult;
import org.qmlff.md.MdSimulation;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * The MD benchmark of one model on one molecule (after Fu et al., "Forces are not Enough", TMLR
 * 2023): NVT stability runs, h(r) of their stable parts against a reference data set, and NVE
 * energy drift, run in parallel (one run per thread) and resumable.
 *
 * <p>Directory layout: {@code settings.json} (what the directory was started with; a rerun with
 * other settings is refused), {@code runs/nvt-I.ckpt} (checkpoint of NVT run I, see
 * {@link StabilityRun}), {@code runs/nve-I.json} (finished NVE run I), and once every run has
 * finished {@code result.json} and {@code hr.csv} ({@link MdBenchmarkResult}). A rerun skips
 * finished runs and continues interrupted ones from their last checkpoint.
 *
 * <p>Determinism: each run depends only on the model, its starting frame, its seed and the settings,
 * so results (wall times aside) are bit-identical for any thread count and any interruptions.
 */
public final class MdBenchmark {
    static final String SETTINGS_FORMAT = "qmlff-md-benchmark-settings 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told about each finished run (called from worker threads, one call at a time). */
    public interface Listener {
        void runFinished(String line);
    }

    private final ForceField forceField;
    private final String label;
    private final String modelId;
    private final Dataset init;
    private final Dataset reference;
    private final MdBenchmarkConfig config;
    private final double[] masses;

    /**
     * @param label     the model's name in tables
     * @param modelId   identifies the model's parameters (e.g. a hash of its file); checkpoints of another id are not resumed
     * @param init      the frames the runs start from
     * @param reference the frames of the reference h(r) (the same molecule, atom order free)
     * @throws IllegalArgumentException when the model cannot describe the molecule, the reference is of
     *                                  another molecule, or a starting frame does not exist
     */
    public MdBenchmark(ForceField forceField, String label, String modelId, Dataset init, Dataset reference,
                       MdBenchmarkConfig config) {
        forceField.checkCompatible(init.numbers());
        int[] a = init.numbers().clone(), b = reference.numbers().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        if (!Arrays.equals(a, b))
            throw new InputException("the reference data (" + reference.formula() + ") is not the molecule of the "
                    + "initial geometries (" + init.formula() + ")");
        for (int f : config.frames())
            if (f < 0 || f >= init.frames())
                throw new InputException("starting frame " + f + " does not exist: the initial-geometry file has "
                        + init.frames() + " frames (0.." + (init.frames() - 1) + ")");
        this.forceField = forceField;
        this.label = label;
        this.modelId = modelId;
        this.init = init;
        this.reference = reference;
        this.config = config;
        this.masses = new double[init.atoms()];
        for (int i = 0; i < masses.length; i++) masses[i] = Element.of(init.numbers()[i]).mass();
    }

    /** What the directory's runs depend on, as one line. */
    String identity() {
        double[] x = new double[3 * init.atoms()];
        long h = 17;
        for (int f : config.frames()) {
            init.copyPositions(f, x);
            h = 31 * h + Arrays.hashCode(x);
        }
        return config.fingerprint() + " model=" + modelId + " atoms=" + Arrays.toString(init.numbers())
                + " start=" + Long.toHexString(h);
    }

    /**
     * Runs (or resumes) every run into {@code dir} with {@code threads} threads.
     *
     * @param keepGoing asked after every checkpoint; when it answers false the runs stop at their next
     *                  checkpoint and this returns null (the directory can be resumed)
     * @return the result once every run has finished (also written to dir), or null if stopped first
     */
    public MdBenchmarkResult run(Path dir, int threads, BooleanSupplier keepGoing, Listener listener) throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        String identity = identity();
        checkSettings(dir, identity);
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        DistanceHistogram ref = DistanceHistogram.ofFrames(config.grid(), reference.positions(), reference.atoms());

        int n = config.runs();
        List<Callable<Object>> tasks = new ArrayList<>();
        StabilityRun nvt = new StabilityRun(forceField, init.numbers(), masses, config);
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> {
                StabilityOutcome o = nvt.run(index, start(index), runs.resolve("nvt-" + index + ".ckpt"),
                        identity + " run=" + index, keepGoing);
                if (o != null) tell(listener, MdBenchmarkResult.describe(label, o));
                return o;
            });
        }
        if (config.nveSteps() > 0)
            for (int i = 0; i < n; i++) {
                int index = i;
                tasks.add(() -> {
                    DriftOutcome o = drift(index, runs.resolve("nve-" + index + ".json"), identity + " nve=" + index);
                    tell(listener, MdBenchmarkResult.describe(label, o));
                    return o;
                });
            }
        List<Object> done = execute(tasks, threads);
        List<StabilityOutcome> stability = new ArrayList<>();
        List<DriftOutcome> drifts = new ArrayList<>();
        for (Object o : done) {
            if (o == null) return null; // stopped before finishing
            if (o instanceof StabilityOutcome s) stability.add(s);
            else drifts.add((DriftOutcome) o);
        }
        MdBenchmarkResult result = new MdBenchmarkResult(label, modelId, config, init.numbers(),
                BondTopology.of(init.numbers(), start(0), config.bondFactor()).size(), stability, drifts, ref,
                reference.frames());
        result.write(dir);
        return result;
    }

    private synchronized void tell(Listener listener, String line) {
        if (listener != null) listener.runFinished(line);
    }

    private double[] start(int index) {
        double[] x = new double[3 * init.atoms()];
        init.copyPositions(config.frames()[index], x);
        return x;
    }

    /** NVE run {@code index}: velocity Verlet from its NVT run's frame and initial velocities. */
    private DriftOutcome drift(int index, Path file, String identity) throws IOException {
        int frame = config.frames()[index];
        long seed = config.seeds()[index];
        if (Files.isRegularFile(file)) {
            JsonNode j = JSON.readTree(file.toFile());
            if (!identity.equals(j.path("identity").asText()))
                throw new InputException(file + ": NVE result of other settings; expected " + identity);
            return new DriftOutcome(index, frame, seed, j.path("steps").asLong(), j.path("drift").asDouble(),
                    j.path("stop_reason").isTextual() ? j.path("stop_reason").asText() : null, j.path("wall_s").asDouble());
        }
        MdConfig c = new MdConfig(Ensemble.NVE, config.temperature(), config.timestep(), config.nveSteps(),
                config.friction(), seed, config.limits());
        MdResult r = new MdSimulation(forceField, init.numbers(), masses, c).run(start(index), List.of());
        DriftOutcome o = new DriftOutcome(index, frame, seed, r.summary().steps(), r.summary().energyDrift(),
                r.summary().stopReason(), r.summary().wallSeconds());
        ObjectNode j = JSON.createObjectNode();
        j.put("identity", identity);
        j.put("steps", o.steps());
        j.put("drift", o.drift()); // Jackson writes the shortest digits that read back to the same double
        j.put("stop_reason", o.stopReason());
        j.put("wall_s", o.wallSeconds());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
        return o;
    }

    private static void checkSettings(Path dir, String identity) throws IOException {
        Path file = dir.resolve("settings.json");
        if (Files.isRegularFile(file)) {
            JsonNode j;
            try {
                j = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new InputException(file + ": not valid JSON; delete the directory to start afresh");
            }
            if (!SETTINGS_FORMAT.equals(j.path("format").asText()))
                throw new InputException(file + ": not a qmlff md-benchmark directory");
            if (!identity.equals(j.path("identity").asText()))
                throw new InputException(dir + " holds a benchmark with other settings or another model ("
                        + j.path("identity").asText() + "); choose another output directory");
            return;
        }
        ObjectNode j = JSON.createObjectNode();
        j.put("format", SETTINGS_FORMAT);
        j.put("identity", identity);
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
    }

    private static List<Object> execute(List<Callable<Object>> tasks, int threads) throws IOException {
        Object[] out = new Object[tasks.size()];
        try (WorkerPool pool = new WorkerPool(Math.max(1, Math.min(threads, tasks.size())))) {
            pool.forEach(tasks.size(), (i, w) -> {
                try {
                    out[i] = tasks.get(i).call();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Arrays.asList(out);
    }
}
