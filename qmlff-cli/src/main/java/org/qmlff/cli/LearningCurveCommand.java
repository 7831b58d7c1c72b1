package org.qmlff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.LeArchitecture;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.RevisedArchitecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code qmlff learning-curve}: trains a grid of runs (architectures × molecules × training-set sizes
 * × seeds) with the {@code train} pipeline, then tabulates, fits and plots test error against N.
 * Each run is an ordinary run directory {@code OUT/runs/<arch>-<molecule>-n<N>-s<seed>/}; rerunning
 * the same command skips finished runs and resumes interrupted ones from their checkpoints.
 */
@Command(name = "learning-curve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train architectures x molecules x training-set sizes x seeds and analyse test error against "
                + "the number of training configurations N (MODELS.md §Benchmark protocol): from the first --n-train "
                + "frames of each --data file the last --n-valid validate, the same for every N, and size N trains on "
                + "the first N frames.",
                "Writes OUT/runs/<arch>-<molecule>-n<N>-s<seed>/ (as 'qmlff train'), OUT/learning_curve.json, "
                        + "learning_curve.csv (runs), learning_curve_summary.csv (mean ± std over seeds), "
                        + "learning_curve_fits.csv (power laws), learning_curve.md and PNG plots. Rerun the same "
                        + "command to resume: finished runs are skipped, interrupted ones continue from their checkpoint."})
final class LearningCurveCommand implements Callable<Integer> {
    static final String GRID_FILE = "learning_curve.json";
    static final String FORMAT = "qmlff-learning-curve";

    @Spec
    CommandSpec spec;

    private final Backend backend;

    LearningCurveCommand() {
        this(Backend.standard());
    }

    LearningCurveCommand(Backend backend) {
        this.backend = backend;
    }

    @Option(names = "--arch", split = ",", paramLabel = "LIST", completionCandidates = ArchitectureNames.class,
            description = "Architectures, of ${COMPLETION-CANDIDATES} (default: le,revised).")
    List<String> archs;
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Training data files, one per molecule.")
    List<Path> data;
    @Option(names = "--test", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Test data files, matched to --data by molecule.")
    List<Path> test;
    @Option(names = "--sizes", required = true, split = ",", paramLabel = "LIST",
            description = "Training-set sizes N, e.g. 25,50,100,200,400,950 (each at most n-train - n-valid).")
    List<Integer> sizes;
    @Option(names = "--seeds", paramLabel = "K", description = "Seeds per size: 0..K-1 (default: 3).")
    int seeds = 3;
    @Option(names = "--n-train", paramLabel = "N", description = "Frames of each data file considered (default: 1000).")
    Integer nTrain;
    @Option(names = "--n-valid", paramLabel = "N", description = "The last N of them validate (default: 50).")
    Integer nValid;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: 100).")
    Integer epochs;
    @Option(names = "--batch", paramLabel = "N", description = "Configurations per step (default: 20).")
    Integer batch;
    @Option(names = "--lr", paramLabel = "X", description = "Initial Adam learning rate (default: 0.01).")
    Double lr;
    @Option(names = "--w-energy", paramLabel = "X", description = "Energy weight w_E (default: 1).")
    Double wEnergy;
    @Option(names = "--w-force", paramLabel = "X", description = "Force weight w_F (default: 10).")
    Double wForce;
    @Mixin
    ModelOptionFlags model = new ModelOptionFlags();
    @Option(names = "--threads", paramLabel = "N", description = "Total threads (default: all processors).")
    Integer threads;
    @Option(names = "--threads-per-run", paramLabel = "N", description = "Threads of each run (default: 1); "
            + "threads / threads-per-run runs train at once. Results do not depend on either.")
    int threadsPerRun = 1;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    /** One run of the grid. */
    record PlannedRun(String name, String arch, String molecule, int nTrain, long seed, TrainConfig config) {
        Path dir() {
            return config.out();
        }
    }

    @Override
    public Integer call() {
        int total = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (total < 1) throw new UserError("--threads must be at least 1, got " + total);
        if (threadsPerRun < 1) throw new UserError("--threads-per-run must be at least 1, got " + threadsPerRun);
        if (threadsPerRun > total)
            throw new UserError("--threads-per-run " + threadsPerRun + " exceeds --threads " + total);
        if (seeds < 1) throw new UserError("--seeds must be at least 1, got " + seeds);
        if (archs == null || archs.isEmpty()) archs = List.of(LeArchitecture.NAME, RevisedArchitecture.NAME);
        for (String a : archs) {
            try {
                ModelOptions.defaults(a.trim());
            } catch (IllegalArgumentException e) {
                throw new UserError("--arch: " + e.getMessage());
            }
        }
        PrintWriter console = spec.commandLine().getOut();

        Molecule[] molecules = molecules();
        List<PlannedRun> plan = plan(molecules);
        writeGridFile(molecules, plan);

        Backend preloaded = preloaded(molecules);
        LearningCurveRunner runner = new LearningCurveRunner(preloaded, console, Math.max(1, total / threadsPerRun));
        LearningCurveRunner.Outcome outcome = runner.run(plan);

        List<RunDirectory> finished = new ArrayList<>();
        for (PlannedRun p : plan) if (RunDirectory.isFinished(p.dir())) finished.add(RunDirectory.read(p.dir()));
        if (!finished.isEmpty()) {
            LearningCurveReport report = LearningCurveReport.of(finished, PublishedResults.bundled());
            report.writeFiles(out, command());
            console.println();
            console.print(report.summaryTable().markdown());
            console.print(report.fitsTable().markdown());
            console.print(report.zeroShotTable().markdown());
            for (String line : report.diagnosisLines()) console.println(line);
            console.println();
            console.println("wrote " + out.resolve("learning_curve.md") + ", learning_curve.csv, "
                    + "learning_curve_summary.csv, learning_curve_fits.csv and " + report.molecules().size() * 2
                    + " plot(s) in " + out);
            console.flush();
        }
        outcome.rethrow(plan.size());
        return 0;
    }

    /** A training file, its molecule label and its test files. */
    /** One training molecule; its tests are its own ({@code ownTests} of them) followed by the zero-shot ones. */
    record Molecule(String label, Path data, Dataset dataset, List<Path> tests, List<Dataset> testSets, int ownTests) {
    }

    private int nTrainFrames() {
        return nTrain == null ? TrainConfig.DEFAULT_N_TRAIN : nTrain;
    }

    private int nValidFrames() {
        return nValid == null ? TrainConfig.DEFAULT_N_VALID : nValid;
    }

    /** Loads the data, pairs test files with training files by molecule. */
    private Molecule[] molecules() {
        List<Dataset> train = new ArrayList<>(), tests = new ArrayList<>();
        for (Path p : data) {
            Dataset ds = backend.load(p);
            if (ds.frames() < nTrainFrames())
                throw new UserError(p + ": has " + ds.frames() + " frames, fewer than n-train = " + nTrainFrames());
            train.add(ds);
        }
        for (Path p : test) tests.add(backend.load(p));
        int[] match = Molecules.match(train, tests);
        // A test file of a molecule that no --data file holds is evaluated zero-shot by every run of
        // the grid, as `qmlff train` does with such a file.
        List<Path> zeroShotPaths = new ArrayList<>();
        List<Dataset> zeroShotSets = new ArrayList<>();
        for (int j = 0; j < tests.size(); j++)
            if (match[j] < 0) {
                zeroShotPaths.add(test.get(j));
                zeroShotSets.add(tests.get(j));
            }
        Molecule[] out = new Molecule[train.size()];
        Map<String, Path> seen = new LinkedHashMap<>();
        for (int i = 0; i < train.size(); i++) {
            String label = Molecules.label(train.get(i).name()).replaceAll("[^A-Za-z0-9._]", "_");
            Path prev = seen.put(label, data.get(i));
            if (prev != null)
                throw new UserError("--data " + prev + " and " + data.get(i) + " are both molecule '" + label
                        + "'; give one training file per molecule");
            List<Path> tp = new ArrayList<>();
            List<Dataset> td = new ArrayList<>();
            for (int j = 0; j < tests.size(); j++)
                if (match[j] == i) {
                    tp.add(test.get(j));
                    td.add(tests.get(j));
                }
            if (tp.isEmpty())
                throw new UserError("--data " + data.get(i) + ": no --test file of the same molecule (" + label
                        + "); a learning curve needs one for each training molecule");
            int own = tp.size();
            tp.addAll(zeroShotPaths);
            td.addAll(zeroShotSets);
            out[i] = new Molecule(label, data.get(i), train.get(i), tp, td, own);
        }
        return out;
    }

    /** The grid, in output order (arch, molecule, N, seed). */
    private List<PlannedRun> plan(Molecule[] molecules) {
        int maxN = nTrainFrames() - nValidFrames();
        TreeSet<Integer> ns = new TreeSet<>();
        for (Integer n : sizes) {
            if (n == null || n < 1 || n > maxN)
                throw new UserError("--sizes: " + n + " is outside 1.." + maxN + " (n-train " + nTrainFrames()
                        + " minus the " + nValidFrames() + " validation frames)");
            ns.add(n);
        }
        List<PlannedRun> plan = new ArrayList<>();
        for (String a : archs.stream().map(String::trim).distinct().toList())
            for (Molecule m : molecules)
                for (int n : ns)
                    for (long s = 0; s < seeds; s++) {
                        String name = a + "-" + m.label() + "-n" + n + "-s" + s;
                        Path dir = out.resolve("runs").resolve(name);
                        TrainConfig cfg = config(a, m, n, s, dir);
                        if (n == ns.first() && s == 0) checkTestsDescribable(cfg, m);
                        plan.add(new PlannedRun(name, a, m.label(), n, s, cfg));
                    }
        return plan;
    }

    /**
     * Refuses, before any run starts, a zero-shot test file with an element the architecture
     * trained on this molecule cannot describe; each run would otherwise fail on it in turn.
     */
    private void checkTestsDescribable(TrainConfig cfg, Molecule m) {
        if (m.ownTests() == m.tests().size()) return; // a molecule's own tests always are
        ForceField model = backend.create(cfg.model(), List.of(m.dataset()), cfg.training().seed());
        for (int j = m.ownTests(); j < m.tests().size(); j++) {
            try {
                model.checkCompatible(m.testSets().get(j).numbers());
            } catch (IllegalArgumentException e) {
                throw new UserError("--test " + m.tests().get(j) + ": " + e.getMessage() + " (arch " + cfg.arch()
                        + " trained on " + m.label() + ")");
            }
        }
    }

    /** The settings of one run: exactly what {@code qmlff train} would resolve from equivalent flags. */
    private TrainConfig config(String arch, Molecule m, int n, long seed, Path dir) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("data", List.of(m.data().toString()));
        f.put("test", m.tests().stream().map(Path::toString).toList());
        f.put("arch", arch);
        if (nTrain != null) f.put("n-train", nTrain);
        if (nValid != null) f.put("n-valid", nValid);
        f.put("n-fit", n);
        put(f, "epochs", epochs);
        put(f, "batch", batch);
        put(f, "lr", lr);
        put(f, "w-energy", wEnergy);
        put(f, "w-force", wForce);
        f.put("seed", seed);
        f.put("threads", threadsPerRun);
        f.put("out", dir.toString());
        model.putInto(f);
        return TrainConfig.resolve(Map.of(), "", null, f, Clock.systemUTC(), threadsPerRun);
    }

    private static void put(Map<String, Object> m, String key, Object v) {
        if (v != null) m.put(key, v);
    }

    /** A backend that serves the files already loaded, so that parallel runs do not re-read them. */
    private Backend preloaded(Molecule[] molecules) {
        Map<Path, Dataset> files = new LinkedHashMap<>();
        for (Molecule m : molecules) {
            files.put(m.data(), m.dataset());
            for (int j = 0; j < m.tests().size(); j++) files.put(m.tests().get(j), m.testSets().get(j));
        }
        return new Backend.Forwarding(backend) {
            @Override
            public Dataset load(Path file) {
                Dataset ds = files.get(file);
                return ds != null ? ds : super.load(file);
            }
        };
    }

    /** The command line that reproduces (and resumes) this learning curve. */
    String command() {
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        // Run through Main, the original arguments start with the subcommand's own name.
        int first = args.indexOf(spec.name()) == 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder("./qmlff learning-curve");
        for (String a : args.subList(first, args.size())) sb.append(' ').append(shellQuote(a));
        return sb.toString();
    }

    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code learning_curve.json}: the grid, so that {@code qmlff report} can find its runs. */
    private void writeGridFile(Molecule[] molecules, List<PlannedRun> plan) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("format", FORMAT);
        g.put("version", 1);
        g.put("command", command());
        g.put("arch", archs.stream().map(String::trim).distinct().toList());
        Map<String, Object> mols = new LinkedHashMap<>();
        for (Molecule m : molecules)
            mols.put(m.label(), Map.of("data", m.data().toAbsolutePath().normalize().toString(),
                    "test", m.tests().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
        g.put("molecules", mols);
        g.put("sizes", plan.stream().map(PlannedRun::nTrain).distinct().sorted().toList());
        g.put("seeds", seeds);
        g.put("runs", plan.stream().map(p -> "runs/" + p.name()).toList());
        AtomicFiles.write(out.resolve(GRID_FILE), os ->
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, g));
    }
}
