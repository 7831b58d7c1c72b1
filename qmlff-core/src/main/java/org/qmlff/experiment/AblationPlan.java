package org.qmlff.experiment;

import org.qmlff.data.Dataset;
import org.qmlff.error.InputException;
import org.qmlff.model.Ablation;
import org.qmlff.model.Architecture;
import org.qmlff.model.Architectures;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ablation study (docs/HYBRID.md §Ablations) as a grid of independent {@link PlannedRun}s: every
 * {@link Ablation} of the configuration's architecture × seeds 0..K−1, each an ordinary run directory
 * {@code OUT/runs/<label>-s<seed>/} trained with the configuration file's settings, the ablation's model
 * options and the seed on top. Any {@link GridExecutor} can run them; finished runs are skipped and
 * interrupted ones resume, as in a learning curve.
 *
 * <p>A study compares test errors of one molecule, so the configuration names exactly one training
 * file and one test file.
 */
public final class AblationPlan {

    /**
     * What the study is made of.
     *
     * @param config        the training configuration file (YAML, as {@code qmlff train --config})
     * @param overrides     settings replacing the file's (config keys, e.g. {@code epochs}); may be empty
     * @param seeds         seeds 0..seeds−1 per variant (≥ 1)
     * @param threadsPerRun threads of each run (results do not depend on it)
     * @param out           the output directory
     */
    public record Spec(Path config, Map<String, Object> overrides, int seeds, int threadsPerRun, Path out) {
        public Spec {
            overrides = new LinkedHashMap<>(overrides);
            if (seeds < 1) throw new InputException("--seeds must be at least 1, got " + seeds);
            if (threadsPerRun < 1) throw new InputException("--threads-per-run must be at least 1, got " + threadsPerRun);
        }
    }

    /** One planned run with the variant it belongs to. */
    public record Run(Ablation ablation, PlannedRun run) {
    }

    private final Spec spec;
    private final List<Ablation> ablations;
    private final List<Run> runs;
    private final Dataset train;
    private final Dataset test;

    private AblationPlan(Spec spec, List<Ablation> ablations, List<Run> runs, Dataset train, Dataset test) {
        this.spec = spec;
        this.ablations = ablations;
        this.runs = runs;
        this.train = train;
        this.test = test;
    }

    /** Reads the configuration and its data through {@code backend} and plans every run, refusing what no run could do. */
    public static AblationPlan of(Spec spec, Backend backend) {
        Map<String, Object> file = TrainConfig.readYaml(spec.config());
        Path fileDir = spec.config().toAbsolutePath().getParent();
        TrainConfig base = resolve(spec, file, fileDir, Map.of());
        Architecture<?> arch = Architectures.get(base.arch());
        List<Ablation> ablations = arch.ablations();
        if (ablations.isEmpty()) {
            List<String> with = Architectures.all().stream().filter(a -> !a.ablations().isEmpty()).map(Architecture::name).toList();
            throw new InputException(spec.config() + ": arch " + base.arch() + " defines no ablation study (defined for: "
                    + String.join(", ", with) + ")");
        }
        if (base.data().size() != 1 || base.test().size() != 1)
            throw new InputException(spec.config() + ": an ablation study needs exactly one data file and one test file, got "
                    + base.data().size() + " and " + base.test().size());
        Dataset train = backend.load(base.data().get(0)), test = backend.load(base.test().get(0));
        String molecule = Molecules.label(train.name());
        List<Run> runs = new ArrayList<>();
        for (Ablation a : ablations)
            for (long s = 0; s < spec.seeds(); s++) {
                String name = a.label() + "-s" + s;
                Map<String, Object> flags = new LinkedHashMap<>(a.options());
                flags.put("seed", s);
                flags.put("out", spec.out().resolve("runs").resolve(name).toString());
                TrainConfig cfg;
                try {
                    cfg = resolve(spec, file, fileDir, flags);
                } catch (InputException e) {
                    throw new InputException("ablation " + a.label() + ": " + e.getMessage());
                }
                runs.add(new Run(a, new PlannedRun(name, cfg.arch(), molecule, cfg.nFit(), s, cfg)));
            }
        return new AblationPlan(spec, ablations, List.copyOf(runs), train, test);
    }

    private static TrainConfig resolve(Spec spec, Map<String, Object> file, Path fileDir, Map<String, Object> extra) {
        Map<String, Object> flags = new LinkedHashMap<>(spec.overrides());
        flags.putAll(extra);
        flags.put("threads", spec.threadsPerRun());
        return TrainConfig.resolve(file, spec.config().toString(), fileDir, flags, Clock.systemUTC(), spec.threadsPerRun());
    }

    /** The test data, loaded. */
    public Dataset testSet() {
        return test;
    }

    /** The study's settings. */
    public Spec spec() {
        return spec;
    }

    /** The variants, in table order. */
    public List<Ablation> ablations() {
        return ablations;
    }

    /** Every run, variant by variant, seeds in order. */
    public List<Run> runs() {
        return runs;
    }

    /** The planned runs alone, in the same order. */
    public List<PlannedRun> plannedRuns() {
        return runs.stream().map(Run::run).toList();
    }

    /** A backend that serves the two data files already loaded, so that parallel runs do not re-read them. */
    public Backend preloaded(Backend backend) {
        TrainConfig any = runs.get(0).run().config();
        Path trainFile = any.data().get(0), testFile = any.test().get(0);
        return new Backend.Forwarding(backend) {
            @Override
            public Dataset load(Path file) {
                if (file.equals(trainFile)) return train;
                if (file.equals(testFile)) return test;
                return super.load(file);
            }
        };
    }
}
