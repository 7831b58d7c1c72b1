package org.qmlff.experiment;

import org.qmlff.error.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A finished run directory of {@code qmlff train}, read back for analysis: {@code metrics.json}
 * (all numbers), {@code config.yaml} (settings, to reproduce it) and the {@code training} metadata of
 * {@code model.json}. Readers take what is there; absent optional fields stay absent.
 *
 * @param dir      the run directory
 * @param metrics  the parsed {@code metrics.json}
 * @param config   the parsed {@code config.yaml}
 * @param model    the parsed {@code model.json} ({@code null} when absent or unreadable)
 */
public record RunDirectory(Path dir, JsonNode metrics, Map<String, Object> config, JsonNode model) {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Whether {@code dir} holds a finished run ({@code metrics.json} exists). */
    public static boolean isFinished(Path dir) {
        return Files.isRegularFile(dir.resolve("metrics.json"));
    }

    /** Reads a finished run directory; a missing or malformed {@code metrics.json} is a one-line error. */
    public static RunDirectory read(Path dir) {
        Path m = dir.resolve("metrics.json");
        if (!Files.isRegularFile(m))
            throw new InputException(dir + ": no metrics.json (not a finished qmlff run directory)");
        JsonNode metrics;
        try {
            metrics = JSON.readTree(m.toFile());
        } catch (IOException e) {
            throw new InputException(m + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (metrics == null || !metrics.isObject()) throw new InputException(m + ": expected a JSON object");
        Path c = dir.resolve("config.yaml");
        Map<String, Object> config = Files.isRegularFile(c) ? TrainConfig.readYaml(c) : Map.of();
        JsonNode model = null;
        Path mf = dir.resolve("model.json");
        if (Files.isRegularFile(mf)) {
            try {
                model = JSON.readTree(mf.toFile());
            } catch (IOException e) {
                // model.json is only consulted for optional metadata
                model = null;
            }
        }
        return new RunDirectory(dir, metrics, config, model);
    }

    /** The directory's name, e.g. {@code le-ethanol-n50-s0}. */
    public String name() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The architecture ({@code metrics.json: architecture}). */
    public String arch() {
        return text(metrics, "architecture", "?");
    }

    /** The seed ({@code config.yaml: seed}), or 0 when the config does not say. */
    public long seed() {
        Object s = config.get("seed");
        return s instanceof Number n ? n.longValue() : s == null ? 0 : Long.parseLong(s.toString().trim());
    }

    /** Training frames ({@code metrics.json: train.n_frames}). */
    public int trainFrames() {
        return metrics.path("train").path("n_frames").asInt(0);
    }

    /** A top-level number of {@code metrics.json}, NaN when absent. */
    public double number(String key) {
        JsonNode n = metrics.get(key);
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** One molecule's block of {@code metrics.json: per_dataset}. */
    public record MoleculeMetrics(String label, String name, String formula, JsonNode block) {
        /** A set's block ({@code train}, {@code valid}, {@code test}, {@code null}), or a missing node. */
        public JsonNode set(String set) {
            return block.path(set);
        }

        /** Whether the run only tested on this molecule, never trained on it. */
        public boolean zeroShot() {
            return block.path("zero_shot").asBoolean(false);
        }

        /** Whether the run was tested on this molecule (it has a {@code test} block). */
        public boolean tested() {
            return set("test").isObject();
        }

        /** Energy and force MAE (meV, meV/Å) of one set ({@code train}, {@code valid}, {@code test}, {@code null}); NaN where absent. */
        public ErrorPair errors(String set) {
            return RunDirectory.errors(set(set));
        }

        /** The configurations trained on from this molecule; empty when the run never trained on it (zero-shot). */
        public OptionalInt trainFrames() {
            JsonNode n = set("train").get("n_frames");
            return n != null && n.isNumber() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
        }
    }

    /** The molecules of {@code metrics.json: per_dataset}, in file order. */
    public List<MoleculeMetrics> molecules() {
        List<MoleculeMetrics> out = new ArrayList<>();
        JsonNode per = metrics.path("per_dataset");
        for (Iterator<Map.Entry<String, JsonNode>> it = per.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(new MoleculeMetrics(e.getKey(), text(e.getValue(), "name", e.getKey()),
                    text(e.getValue(), "formula", ""), e.getValue()));
        }
        return out;
    }

    /** Energy and force MAE (meV, meV/Å) of a metrics block; NaN where absent or null. */
    public static ErrorPair errors(JsonNode set) {
        return new ErrorPair(value(set, "energy_mae_meV"), value(set, "force_mae_meV_per_A"));
    }

    /** A number of a metrics block, NaN when absent or null. */
    public static double value(JsonNode set, String key) {
        JsonNode n = set.get(key);
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /**
     * This run as one point of a learning curve: it must have trained on exactly one molecule and
     * have been tested on it.
     */
    public RunResult toRunResult() {
        List<MoleculeMetrics> mols = molecules().stream().filter(m -> !m.zeroShot()).toList();
        if (mols.size() != 1)
            throw new InputException(dir + ": a learning-curve run trains on one molecule; metrics.json lists "
                    + mols.size());
        MoleculeMetrics m = mols.get(0);
        if (!m.set("test").isObject())
            throw new InputException(dir + ": metrics.json has no test errors for " + m.label() + " (run without --test)");
        return new RunResult(arch(), m.label(), trainFrames(), seed(), errors(m.set("train")), errors(m.set("test")),
                errors(m.set("null")), number("training_time_s"));
    }

    /**
     * The zero-shot tests of this learning-curve run, one per test molecule it never trained on, as
     * results whose molecule reads {@code trained→tested}; train errors are those of the trained
     * molecule, the null model's energy error is NaN (it has no energy for an unseen molecule).
     */
    public List<RunResult> zeroShotResults() {
        RunResult trained = toRunResult();
        List<RunResult> out = new ArrayList<>();
        for (MoleculeMetrics m : molecules())
            if (m.zeroShot() && m.set("test").isObject())
                out.add(new RunResult(trained.arch(), trained.molecule() + "→" + Molecules.label(m.name()), trained.nTrain(),
                        trained.seed(), trained.train(), errors(m.set("test")), errors(m.set("null")),
                        trained.trainingSeconds()));
        return out;
    }

    /**
     * Model-size fields that the run recorded: {@code parameters} from metrics.json and, when present,
     * {@code qubits}, {@code gates_per_energy}, {@code circuits_per_energy} from metrics.json or the
     * model file's {@code training} metadata. Absent fields are left out.
     */
    public Map<String, Object> sizeFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : SIZE_KEYS) {
            JsonNode v = metrics.get(key);
            if ((v == null || v.isNull()) && model != null) v = model.path("training").get(key);
            if (v != null && !v.isNull() && !v.isMissingNode()) out.put(key, v.isNumber() ? v.numberValue() : v.asText());
        }
        return out;
    }

    /** The model-size fields the report looks for. */
    public static final List<String> SIZE_KEYS = List.of("parameters", "qubits", "gates_per_energy", "circuits_per_energy");

    /** The model's hyper-parameters as written in model.json ({@code hyper}) or, failing that, in config.yaml. */
    public Map<String, Object> hyper() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (model != null && model.path("hyper").isObject()) {
            model.path("hyper").fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        for (String k : TrainConfig.MODEL_KEYS) if (config.containsKey(k)) out.put(k, config.get(k));
        return out;
    }

    private static Object plain(JsonNode n) {
        if (n.isNumber()) return n.numberValue();
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        return n.asText();
    }

    private static String text(JsonNode n, String key, String def) {
        JsonNode v = n.get(key);
        return v != null && !v.isNull() ? v.asText() : def;
    }
}
