package org.qmlff.experiment;

import org.qmlff.error.InputException;
import org.qmlff.train.Recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A one-setting sweep of a training configuration as a grid of independent {@link PlannedRun}s: one key of the
 * configuration (for example {@code w-force}, the force weight of the loss, for the energy-versus-force
 * trade-off) set to each of a list of values × seeds 0..K−1. Each run is an ordinary run directory
 * {@code OUT/runs/<key>-<value>-s<seed>/} trained with the configuration file's settings, the swept value and
 * the seed on top, exactly as {@code qmlff train --config FILE --<key> <value> --seed S} would. Any
 * {@link GridExecutor} runs them; finished runs are skipped and interrupted ones resume.
 *
 * <p>A sweep compares test errors of one molecule, so the configuration names exactly one training file and
 * one test file. The swept key may be any training, model or recipe key except those that identify the run
 * itself ({@link LearningCurvePlan.ConfigBase#GRID_KEYS}: data, test, arch, n-fit, seed, threads, out).
 * Values are given as text (as on a command line) and checked by the same code as a configuration file's.
 */
public final class SweepPlan extends SingleMoleculePlan<String> {
    /** Value spellings allowed: they become part of a directory name. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]*");

    /**
     * What the sweep is made of.
     *
     * @param config        the training configuration file (YAML, as {@code qmlff train --config})
     * @param key           the swept key, as in a configuration file (e.g. {@code w-force})
     * @param values        its values, in sweep order (at least two, distinct)
     * @param overrides     settings replacing the file's (config keys, e.g. {@code epochs}); may be empty
     * @param seeds         seeds 0..seeds−1 per value (≥ 1)
     * @param threadsPerRun threads of each run (results do not depend on it)
     * @param out           the output directory
     */
    public record Spec(Path config, String key, List<String> values, Map<String, Object> overrides, int seeds,
                       int threadsPerRun, Path out) {
        public Spec {
            key = key == null ? "" : key.trim();
            values = values.stream().map(String::trim).toList();
            overrides = new LinkedHashMap<>(overrides);
            if (!sweepable(key))
                throw new InputException("--key " + (key.isEmpty() ? "(empty)" : key) + " cannot be swept (sweepable: "
                        + String.join(", ", sweepableKeys()) + ")");
            if (overrides.containsKey(key))
                throw new InputException("--key " + key + " is also given as a fixed setting; give it only as the swept key");
            if (values.size() < 2) throw new InputException("--values needs at least two values, got " + values.size());
            Set<String> seen = new HashSet<>();
            for (String v : values) {
                if (!VALUE.matcher(v).matches())
                    throw new InputException("--values: '" + v + "' is not a plain value (letters, digits, '.', '+', '-', '_'; "
                            + "it names the run directory)");
                if (!seen.add(v)) throw new InputException("--values: " + v + " is given twice");
            }
            if (seeds < 1) throw new InputException("--seeds must be at least 1, got " + seeds);
            if (threadsPerRun < 1) throw new InputException("--threads-per-run must be at least 1, got " + threadsPerRun);
        }
    }

    private final Spec spec;

    private SweepPlan(Spec spec, List<Run<String>> runs, SingleMoleculeStudy study) {
        super(study, runs);
        this.spec = spec;
    }

    /** Whether {@code key} may be swept: a training, model or recipe key that does not identify the run. */
    public static boolean sweepable(String key) {
        return sweepableKeys().contains(key);
    }

    /** Every sweepable key, training keys first. */
    public static List<String> sweepableKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : TrainConfig.TRAIN_KEYS) if (!LearningCurvePlan.ConfigBase.GRID_KEYS.contains(k)) keys.add(k);
        keys.addAll(TrainConfig.MODEL_KEYS);
        keys.addAll(Recipe.KEYS);
        return keys;
    }

    /** Reads the configuration and its data through {@code backend} and plans every run; a value no run could use is refused. */
    public static SweepPlan of(Spec spec, Backend backend) {
        SingleMoleculeStudy study = SingleMoleculeStudy.read(spec.config(), spec.overrides(), spec.threadsPerRun());
        study.load("a sweep", backend);
        List<Run<String>> runs = new ArrayList<>();
        for (String v : spec.values())
            for (long s = 0; s < spec.seeds(); s++)
                runs.add(new Run<>(v, study.plan(spec.key() + "-" + v + "-s" + s, spec.key() + " = " + v,
                        Map.of(spec.key(), v), s, spec.out())));
        return new SweepPlan(spec, runs, study);
    }

    /** The sweep's settings. */
    public Spec spec() {
        return spec;
    }
}
