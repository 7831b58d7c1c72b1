package org.qmlff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.error.InputException;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A learning-curve grid (architectures × molecules × training-set sizes × seeds) as a list of
 * independent {@link PlannedRun}s in output order (arch, molecule, N, seed), each an ordinary run
 * directory {@code OUT/runs/<arch>-<molecule>-n<N>-s<seed>/} whose settings are exactly what
 * {@code qmlff train} would resolve. Any {@link GridExecutor} can run them; {@link #shard} picks
 * every k-th run for job arrays.
 *
 * <p>Molecules are matched by name (rMD17 file names): every training file needs a test file of
 * its molecule; a test file of a molecule no training file holds is evaluated zero-shot by every run.
 */
public final class LearningCurvePlan {
    /** The grid file in the output directory, through which {@code qmlff report} finds the runs. */
    public static final String GRID_FILE = "learning_curve.json";
    /** Its {@code format} field. */
    public static final String FORMAT = "qmlff-learning-curve";

    /**
     * What the grid is made of.
     *
     * @param archs         architectures (trimmed, duplicates dropped)
     * @param data          training files, one per molecule
     * @param test          test files, matched to {@code data} by molecule
     * @param sizes         training-set sizes N (each in 1..nTrain − nValid)
     * @param seeds         seeds 0..seeds−1 per size
     * @param settings      the other training and model settings as {@code qmlff train} config keys
     *                      ({@code n-train}, {@code n-valid}, {@code epochs}, {@code lr}, model options ...);
     *                      absent keys take the defaults
     * @param threadsPerRun threads of each run (results do not depend on it)
     * @param out           the output directory
     */
    public record Spec(List<String> archs, List<Path> data, List<Path> test, List<Integer> sizes, int seeds,
                       Map<String, Object> settings, int threadsPerRun, Path out) {
        public Spec {
            archs = archs.stream().map(String::trim).distinct().toList();
            data = List.copyOf(data);
            test = List.copyOf(test);
            sizes = new ArrayList<>(sizes);
            settings = new LinkedHashMap<>(settings);
            if (seeds < 1) throw new InputException("--seeds must be at least 1, got " + seeds);
            if (threadsPerRun < 1) throw new InputException("--threads-per-run must be at least 1, got " + threadsPerRun);
            for (String a : archs) {
                try {
                    ModelOptions.defaults(a);
                } catch (IllegalArgumentException e) {
                    throw new InputException("--arch: " + e.getMessage());
                }
            }
        }

        int nTrain() {
            Object v = settings.get("n-train");
            return v == null ? TrainConfig.DEFAULT_N_TRAIN : ((Number) v).intValue();
        }

        int nValid() {
            Object v = settings.get("n-valid");
            return v == null ? TrainConfig.DEFAULT_N_VALID : ((Number) v).intValue();
        }
    }

    /**
     * The settings a {@code qmlff train} configuration file gives every run of a grid: resolved exactly as
     * {@code qmlff train --config} resolves them (relative paths against the file's directory, defaults filled
     * in, every key and value checked), less the keys the grid sets itself ({@link #GRID_KEYS}).
     *
     * @param arch     the file's architecture
     * @param settings its other settings as config keys, recipe included
     * @param data     its training files
     * @param test     its test files
     */
    public record ConfigBase(String arch, Map<String, Object> settings, List<Path> data, List<Path> test) {
        /** Keys of a run that the grid sets, whatever the file says. */
        public static final List<String> GRID_KEYS = List.of("data", "test", "arch", "n-fit", "seed", "threads", "out");

        public ConfigBase {
            settings = new LinkedHashMap<>(settings);
            data = List.copyOf(data);
            test = List.copyOf(test);
        }

        /**
         * Reads {@code file}; {@code data}, if not empty, stands for the file's data (so the file need not name any).
         */
        public static ConfigBase read(Path file, List<Path> data) {
            Map<String, Object> flags = new LinkedHashMap<>();
            if (data != null && !data.isEmpty()) flags.put("data", data.stream().map(Path::toString).toList());
            TrainConfig base = TrainConfig.resolve(TrainConfig.readYaml(file), file.toString(),
                    file.toAbsolutePath().getParent(), flags, Clock.systemUTC(), 1);
            Map<String, Object> m = base.toMap();
            for (String k : GRID_KEYS) m.remove(k);
            return new ConfigBase(base.arch(), m, base.data().stream().map(Path::normalize).toList(),
                    base.test().stream().map(Path::normalize).toList());
        }
    }

    /** One training molecule; its tests are its own ({@code ownTests} of them) followed by the zero-shot ones. */
    public record Molecule(String label, Path data, Dataset dataset, List<Path> tests, List<Dataset> testSets, int ownTests) {
    }

    private final Spec spec;
    private final List<Molecule> molecules;
    private final List<PlannedRun> runs;

    private LearningCurvePlan(Spec spec, List<Molecule> molecules, List<PlannedRun> runs) {
        this.spec = spec;
        this.molecules = molecules;
        this.runs = runs;
    }

    /**
     * Reads the data through {@code backend}, matches tests to molecules and plans every run,
     * refusing before anything trains what no run could do.
     */
    public static LearningCurvePlan of(Spec spec, Backend backend) {
        List<Molecule> molecules = molecules(spec, backend);
        return new LearningCurvePlan(spec, molecules, plan(spec, molecules, backend));
    }

    /** The runs, in output order. */
    public List<PlannedRun> runs() {
        return runs;
    }

    /** The training molecules, in {@code --data} order. */
    public List<Molecule> molecules() {
        return molecules;
    }

    /**
     * Shard {@code index} of {@code count} ({@code 1 ≤ index ≤ count}): runs {@code index−1},
     * {@code index−1+count}, ... of the plan, so that {@code count} jobs together do every run once.
     */
    public List<PlannedRun> shard(int index, int count) {
        if (count < 1 || index < 1 || index > count)
            throw new InputException("--shard " + index + "/" + count + ": expected I/N with 1 <= I <= N");
        List<PlannedRun> out = new ArrayList<>();
        for (int i = index - 1; i < runs.size(); i += count) out.add(runs.get(i));
        return out;
    }

    private static List<Molecule> molecules(Spec spec, Backend backend) {
        List<Dataset> train = new ArrayList<>(), tests = new ArrayList<>();
        for (Path p : spec.data()) {
            Dataset ds = backend.load(p);
            if (ds.frames() < spec.nTrain())
                throw new InputException(p + ": has " + ds.frames() + " frames, fewer than n-train = " + spec.nTrain());
            train.add(ds);
        }
        for (Path p : spec.test()) tests.add(backend.load(p));
        int[] match = Molecules.match(train, tests);
        // A test file of a molecule that no --data file holds is evaluated zero-shot by every run of
        // the grid, as `qmlff train` does with such a file.
        List<Path> zeroShotPaths = new ArrayList<>();
        List<Dataset> zeroShotSets = new ArrayList<>();
        for (int j = 0; j < tests.size(); j++)
            if (match[j] < 0) {
                zeroShotPaths.add(spec.test().get(j));
                zeroShotSets.add(tests.get(j));
            }
        List<Molecule> out = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (int i = 0; i < train.size(); i++) {
            Path file = spec.data().get(i);
            String label = Molecules.label(train.get(i).name()).replaceAll("[^A-Za-z0-9._]", "_");
            Path prev = seen.put(label, file);
            if (prev != null)
                throw new InputException("--data " + prev + " and " + file + " are both molecule '" + label
                        + "'; give one training file per molecule");
            List<Path> tp = new ArrayList<>();
            List<Dataset> td = new ArrayList<>();
            for (int j = 0; j < tests.size(); j++)
                if (match[j] == i) {
                    tp.add(spec.test().get(j));
                    td.add(tests.get(j));
                }
            if (tp.isEmpty())
                throw new InputException("--data " + file + ": no --test file of the same molecule (" + label
                        + "); a learning curve needs one for each training molecule");
            int own = tp.size();
            tp.addAll(zeroShotPaths);
            td.addAll(zeroShotSets);
            out.add(new Molecule(label, file, train.get(i), tp, td, own));
        }
        return List.copyOf(out);
    }

    private static List<PlannedRun> plan(Spec spec, List<Molecule> molecules, Backend backend) {
        int maxN = spec.nTrain() - spec.nValid();
        TreeSet<Integer> ns = new TreeSet<>();
        for (Integer n : spec.sizes()) {
            if (n == null || n < 1 || n > maxN)
                throw new InputException("--sizes: " + n + " is outside 1.." + maxN + " (n-train " + spec.nTrain()
                        + " minus the " + spec.nValid() + " validation frames)");
            ns.add(n);
        }
        List<PlannedRun> plan = new ArrayList<>();
        for (String a : spec.archs())
            for (Molecule m : molecules)
                for (int n : ns)
                    for (long s = 0; s < spec.seeds(); s++) {
                        String name = a + "-" + m.label() + "-n" + n + "-s" + s;
                        Path dir = spec.out().resolve("runs").resolve(name);
                        TrainConfig cfg = config(spec, a, m, n, s, dir);
                        if (n == ns.first() && s == 0) checkTestsDescribable(backend, cfg, m);
                        plan.add(new PlannedRun(name, a, m.label(), n, s, cfg));
                    }
        return List.copyOf(plan);
    }

    /**
     * Refuses, before any run starts, a zero-shot test file with an element the architecture
     * trained on this molecule cannot describe; each run would otherwise fail on it in turn.
     */
    private static void checkTestsDescribable(Backend backend, TrainConfig cfg, Molecule m) {
        if (m.ownTests() == m.tests().size()) return; // a molecule's own tests always are
        ForceField model = backend.create(cfg.model(), List.of(m.dataset()), cfg.training().seed());
        for (int j = m.ownTests(); j < m.tests().size(); j++) {
            try {
                model.checkCompatible(m.testSets().get(j).numbers());
            } catch (IllegalArgumentException e) {
                throw new InputException("--test " + m.tests().get(j) + ": " + e.getMessage() + " (arch " + cfg.arch()
                        + " trained on " + m.label() + ")");
            }
        }
    }

    /** The settings of one run: exactly what {@code qmlff train} would resolve from equivalent flags. */
    private static TrainConfig config(Spec spec, String arch, Molecule m, int n, long seed, Path dir) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("data", List.of(m.data().toString()));
        f.put("test", m.tests().stream().map(Path::toString).toList());
        f.put("arch", arch);
        f.putAll(spec.settings());
        f.put("n-fit", n);
        f.put("seed", seed);
        f.put("threads", spec.threadsPerRun());
        f.put("out", dir.toString());
        return TrainConfig.resolve(Map.of(), "", null, f, Clock.systemUTC(), spec.threadsPerRun());
    }

    /** A backend that serves the files already loaded, so that parallel runs do not re-read them. */
    public Backend preloaded(Backend backend) {
        Map<Path, Dataset> files = new LinkedHashMap<>();
        for (Molecule m : molecules) {
            files.put(m.data(), m.dataset());
            for (int j = 0; j < m.tests().size(); j++) files.put(m.tests().get(j), m.testSets().get(j));
        }
        return Backend.serving(backend, files);
    }

    /** Writes {@code OUT/learning_curve.json}: the grid, so that {@code qmlff report} can find its runs. */
    public void writeGridFile(String command) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("format", FORMAT);
        g.put("version", 1);
        g.put("command", command);
        g.put("arch", spec.archs());
        Map<String, Object> mols = new LinkedHashMap<>();
        for (Molecule m : molecules) {
            Map<String, Object> e = new LinkedHashMap<>(); // fixed key order: the file is the same on every JVM
            e.put("data", m.data().toAbsolutePath().normalize().toString());
            e.put("test", m.tests().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
            mols.put(m.label(), e);
        }
        g.put("molecules", mols);
        g.put("sizes", runs.stream().map(PlannedRun::nTrain).distinct().sorted().toList());
        g.put("seeds", spec.seeds());
        g.put("runs", runs.stream().map(p -> "runs/" + p.name()).toList());
        AtomicFiles.write(spec.out().resolve(GRID_FILE), os ->
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, g));
    }
}
