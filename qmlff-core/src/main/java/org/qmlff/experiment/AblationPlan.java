package org.qmlff.experiment;

import org.qmlff.error.InputException;
import org.qmlff.model.Ablation;
import org.qmlff.model.Architecture;
import org.qmlff.model.Architectures;

import java.nio.file.Path;
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
public final class AblationPlan extends SingleMoleculePlan<Ablation> {

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

    private final Spec spec;
    private final List<Ablation> ablations;

    private AblationPlan(Spec spec, List<Ablation> ablations, List<Run<Ablation>> runs, SingleMoleculeStudy study) {
        super(study, runs);
        this.spec = spec;
        this.ablations = ablations;
    }

    /** Reads the configuration and its data through {@code backend} and plans every run, refusing what no run could do. */
    public static AblationPlan of(Spec spec, Backend backend) {
        SingleMoleculeStudy study = SingleMoleculeStudy.read(spec.config(), spec.overrides(), spec.threadsPerRun());
        TrainConfig base = study.base();
        Architecture<?> arch = Architectures.get(base.arch());
        List<Ablation> ablations = arch.ablations();
        if (ablations.isEmpty()) {
            List<String> with = Architectures.all().stream().filter(a -> !a.ablations().isEmpty()).map(Architecture::name).toList();
            throw new InputException(spec.config() + ": arch " + base.arch() + " defines no ablation study (defined for: "
                    + String.join(", ", with) + ")");
        }
        study.load("an ablation study", backend);
        List<Run<Ablation>> runs = new ArrayList<>();
        for (Ablation a : ablations)
            for (long s = 0; s < spec.seeds(); s++)
                runs.add(new Run<>(a, study.plan(a.label() + "-s" + s, "ablation " + a.label(), a.options(), s, spec.out())));
        return new AblationPlan(spec, ablations, runs, study);
    }

    /** The study's settings. */
    public Spec spec() {
        return spec;
    }

    /** The variants, in table order. */
    public List<Ablation> ablations() {
        return ablations;
    }
}
