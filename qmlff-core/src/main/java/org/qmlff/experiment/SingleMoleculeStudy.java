package org.qmlff.experiment;

import org.qmlff.data.Dataset;
import org.qmlff.error.InputException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the studies of one training configuration on one molecule share ({@link AblationPlan}, {@link SweepPlan}):
 * the configuration file read once, each run's settings resolved from it exactly as {@code qmlff train --config}
 * would (the study's overrides, then the run's own settings, then its seed and directory on top), and the
 * molecule's training and test files loaded once for every run.
 *
 * <p>Life cycle: {@link #read} (settings only, so that a study can refuse a configuration before any data is
 * read), then {@link #load} (exactly one data and one test file, read through the backend).
 */
final class SingleMoleculeStudy {
    private final Path config;
    private final Map<String, Object> file;
    private final Path fileDir;
    private final Map<String, Object> overrides;
    private final int threadsPerRun;
    private final TrainConfig base;
    private Dataset train;
    private Dataset test;

    private SingleMoleculeStudy(Path config, Map<String, Object> overrides, int threadsPerRun) {
        this.config = config;
        this.file = TrainConfig.readYaml(config);
        this.fileDir = config.toAbsolutePath().getParent();
        this.overrides = new LinkedHashMap<>(overrides);
        this.threadsPerRun = threadsPerRun;
        this.base = resolve(Map.of());
    }

    /** Reads the configuration file and resolves its settings with the study's overrides (no data is read). */
    static SingleMoleculeStudy read(Path config, Map<String, Object> overrides, int threadsPerRun) {
        return new SingleMoleculeStudy(config, overrides, threadsPerRun);
    }

    /** The configuration's own settings with the study's overrides. */
    TrainConfig base() {
        return base;
    }

    /**
     * Loads the training and test file through {@code backend}.
     *
     * @param study what the study is called in the message when the configuration names more or fewer files
     *              ("an ablation study")
     */
    void load(String study, Backend backend) {
        if (base.data().size() != 1 || base.test().size() != 1)
            throw new InputException(config + ": " + study + " needs exactly one data file and one test file, got "
                    + base.data().size() + " and " + base.test().size());
        train = backend.load(base.data().get(0));
        test = backend.load(base.test().get(0));
    }

    /** The molecule's label, from the training file's name. */
    String molecule() {
        return Molecules.label(train.name());
    }

    /** The test data, loaded. */
    Dataset testSet() {
        return test;
    }

    /**
     * One run of the study: the configuration with {@code options} on top, the seed, and the directory
     * {@code out/runs/<name>}.
     *
     * @param what names the run in an error message, e.g. "ablation no-exchange"
     */
    PlannedRun plan(String name, String what, Map<String, ?> options, long seed, Path out) {
        Map<String, Object> flags = new LinkedHashMap<>(options);
        flags.put("seed", seed);
        flags.put("out", out.resolve("runs").resolve(name).toString());
        TrainConfig cfg;
        try {
            cfg = resolve(flags);
        } catch (InputException e) {
            throw new InputException(what + ": " + e.getMessage());
        }
        return new PlannedRun(name, cfg.arch(), molecule(), cfg.nFit(), seed, cfg);
    }

    private TrainConfig resolve(Map<String, Object> extra) {
        Map<String, Object> flags = new LinkedHashMap<>(overrides);
        flags.putAll(extra);
        flags.put("threads", threadsPerRun);
        return TrainConfig.resolve(file, config.toString(), fileDir, flags, Clock.systemUTC(), threadsPerRun);
    }

    /** A backend that serves the two loaded files from memory, so that parallel runs do not re-read them. */
    Backend preloaded(Backend backend, List<PlannedRun> runs) {
        TrainConfig any = runs.get(0).config();
        Map<Path, Dataset> files = new LinkedHashMap<>();
        files.put(any.data().get(0), train);
        files.put(any.test().get(0), test);
        return Backend.serving(backend, files);
    }
}
