package org.qmlff.cli;

import org.qmlff.experiment.TrainConfig;
import org.qmlff.experiment.TrainingPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code qmlff train}: trains a QNN force field (MODELS.md §Training objective, §Benchmark protocol). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a QNN force field. From each --data file the first --n-train frames are used, "
                + "the last --n-valid of them for validation; the parameters with the best validation loss are kept.",
                "Settings: defaults < --config file < flags. Writes RUN_DIR/{config.yaml, train.log, checkpoint.json, "
                        + "model.json, metrics.json, curves.csv, *.png}."})
final class TrainCommand extends BackendCommand {
    @Option(names = "--data", arity = "1..*", paramLabel = "FILE", description = "Training data file(s), one per molecule.")
    List<Path> data;
    @Option(names = "--test", arity = "1..*", paramLabel = "FILE", description = "Test data file(s), matched to --data by molecule.")
    List<Path> test;
    @Option(names = "--arch", paramLabel = "ARCH", completionCandidates = ArchitectureNames.class,
            description = "Architecture: ${COMPLETION-CANDIDATES} (default: revised).")
    String arch;
    @Option(names = "--n-train", paramLabel = "N", description = "Frames taken from each data file (default: 1000).")
    Integer nTrain;
    @Option(names = "--n-valid", paramLabel = "N", description = "Of those, validation frames (default: 50).")
    Integer nValid;
    @Option(names = "--n-fit", paramLabel = "N", description = "Train on only the first N of the frames before the "
            + "validation frames (default: all n-train - n-valid); the validation frames stay the same.")
    Integer nFit;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 100).")
    Integer epochs;
    @Option(names = "--batch", paramLabel = "N", description = "Configurations per step (default: 20).")
    Integer batch;
    @Option(names = "--lr", paramLabel = "X", description = "Initial Adam learning rate, cosine-decayed to 0 (default: 0.01).")
    Double lr;
    @Option(names = "--w-energy", paramLabel = "X", description = "Energy weight w_E (default: 1).")
    Double wEnergy;
    @Option(names = "--w-force", paramLabel = "X", description = "Force weight w_F (default: 10).")
    Double wForce;
    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and shuffling (default: 0).")
    Long seed;
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; results do not depend on it (default: all processors).")
    Integer threads;
    @Option(names = "--out", paramLabel = "RUN_DIR", description = "Run directory (default: runs/<arch>-<timestamp>).")
    Path out;
    @Mixin
    ModelOptionFlags model = new ModelOptionFlags();
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with the same names (flags override it).")
    Path config;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run (only --threads may be given with it).")
    Path resume;

    /** The flags given, by config key (those not given are absent). */
    Map<String, Object> flags() {
        Map<String, Object> f = new LinkedHashMap<>();
        put(f, "data", data);
        put(f, "test", test);
        put(f, "arch", arch);
        put(f, "n-train", nTrain);
        put(f, "n-valid", nValid);
        put(f, "n-fit", nFit);
        put(f, "epochs", epochs);
        put(f, "batch", batch);
        put(f, "lr", lr);
        put(f, "w-energy", wEnergy);
        put(f, "w-force", wForce);
        put(f, "seed", seed);
        put(f, "threads", threads);
        put(f, "out", out == null ? null : out.toString());
        model.putInto(f);
        return f;
    }

    private static void put(Map<String, Object> m, String key, Object v) {
        if (v instanceof List<?> list) m.put(key, list.stream().map(Object::toString).toList());
        else if (v != null) m.put(key, v);
    }

    /** Resolves the settings of this invocation (fresh run or resume). */
    TrainConfig resolve(Clock clock) {
        int procs = Runtime.getRuntime().availableProcessors();
        Map<String, Object> f = flags();
        if (resume != null) {
            Map<String, Object> others = new LinkedHashMap<>(f);
            others.remove("threads");
            if (!others.isEmpty() || config != null)
                throw new UserError("--resume takes its settings from RUN_DIR/config.yaml; only --threads may be given"
                        + " with it (got " + (config != null ? "--config" : "--" + others.keySet().iterator().next()) + ")");
            Path cfgFile = resume.resolve("config.yaml");
            if (!Files.isRegularFile(cfgFile))
                throw new UserError(resume + ": no config.yaml there; not a qmlff run directory");
            Map<String, Object> file = new LinkedHashMap<>(TrainConfig.readYaml(cfgFile));
            // the run directory is where it is now, whatever it was called when the run started
            file.put("out", resume.toAbsolutePath().toString());
            return TrainConfig.resolve(file, cfgFile.toString(), resume, f, clock, procs);
        }
        Map<String, Object> file = config == null ? Map.of() : TrainConfig.readYaml(config);
        Path dir = config == null ? null : config.toAbsolutePath().getParent();
        return TrainConfig.resolve(file, config == null ? "" : config.toString(), dir, f, clock, procs);
    }

    @Override
    public Integer call() {
        TrainConfig cfg = resolve(Clock.systemDefaultZone());
        boolean terminal = System.console() != null;
        new TrainingPipeline(backend, new CliRunHooks(terminal, true), spec.commandLine().getOut(), !terminal)
                .run(cfg, resume != null);
        return 0;
    }
}
