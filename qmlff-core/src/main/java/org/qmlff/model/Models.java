package org.qmlff.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.DataFormatException;
import org.qmlff.data.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Creating, reading and writing force fields of every registered {@link Architecture}, in the
 * model-file format of MODELS.md ({@code format: "qmlff-model"}, {@code version} 1, or 2 for
 * architectures that need it). Knows no architecture by name: each one's own entries, options and
 * parameter layout come from its {@link Architecture}.
 */
public final class Models {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    /**
     * A freshly initialised model (MODELS.md §Initialisation) of the options' architecture for the
     * given training data; random parameters are drawn from {@code seed}.
     */
    public static ForceField create(ModelOptions options, List<Dataset> training, long seed) {
        if (training.isEmpty()) throw new IllegalArgumentException("no training data");
        return create(Architectures.get(options.architecture()), options, training, new Random(seed));
    }

    private static <O extends ModelOptions> ForceField create(Architecture<O> arch, ModelOptions options,
                                                              List<Dataset> training, Random rng) {
        return arch.create(arch.optionsType().cast(options), training, rng);
    }

    /** Reads a model file (MODELS.md JSON); a malformed file is a {@code DataFormatException}. */
    public static ForceField read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file + ": not a valid JSON model file (" + plainJsonError(e) + ")");
        } catch (IOException e) {
            if (!Files.exists(file)) throw new DataFormatException(file + ": no such model file");
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) throw new DataFormatException(file + ": not a JSON object");
        return fromJson(root, file.toString());
    }

    /**
     * Jackson's parse errors in plain words: its messages name its own options ("enable
     * JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS") which mean nothing to a user.
     */
    static String plainJsonError(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("Non-standard token") || m.contains("NaN") || m.contains("Infinity"))
            return "a value is NaN or infinite" + where + "; model files hold finite numbers only";
        int cut = m.indexOf(": enable");
        if (cut < 0) cut = m.indexOf('`');
        if (cut >= 0) m = m.substring(0, cut);
        m = m.strip();
        return (m.isEmpty() ? "malformed JSON" : Character.toLowerCase(m.charAt(0)) + m.substring(1)) + where;
    }

    /** Builds a model from a parsed model file; {@code where} names it in error messages. */
    public static ForceField fromJson(JsonNode root, String where) {
        try {
            return fromJsonChecked(root, where);
        } catch (IllegalArgumentException e) {
            // The models' constructors check their hyper-parameters; from a file, a bad one is bad input.
            String m = e.getMessage() == null ? "invalid model" : e.getMessage();
            throw new DataFormatException(m.startsWith(where) ? m : where + ": " + m, e);
        }
    }

    private static ForceField fromJsonChecked(JsonNode root, String where) {
        String format = root.path("format").asText("");
        if (!format.equals("qmlff-model"))
            throw new DataFormatException(where + ": format is '" + format + "', expected 'qmlff-model'");
        JsonNode versionNode = root.path("version");
        if (!versionNode.isIntegralNumber())
            throw new DataFormatException(where + ": model file version " + (versionNode.isMissingNode() ? "is missing"
                    : "'" + versionNode.asText() + "' is not a whole number") + " (expected 1 or 2)");
        int version = versionNode.asInt();
        if (version != 1 && version != 2)
            throw new DataFormatException(where + ": model file version " + version + " is not supported (expected 1 or 2)");
        String name = root.path("architecture").asText("");
        Architecture<?> arch;
        try {
            arch = Architectures.get(name);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + ": " + e.getMessage());
        }
        if (version < arch.modelFileVersion())
            throw new DataFormatException(where + ": a " + name + " model file must have version "
                    + arch.modelFileVersion() + ", found " + version);
        ForceField model = newModel(arch, root.path("hyper"), root, where);
        List<ParameterSet.Tensor> tensors = arch.parameterTensors(model);
        double[] v = new double[model.parameterCount()];
        JsonNode params = root.path("params");
        for (ParameterSet.Tensor t : tensors) {
            JsonNode p = params.path(t.name());
            if (!p.isObject()) throw new DataFormatException(where + ": parameter '" + t.name() + "' is missing");
            int[] shape = new int[p.path("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = p.path("shape").get(i).asInt();
            if (!Arrays.equals(shape, t.shape()))
                throw new DataFormatException(where + ": parameter '" + t.name() + "' has shape " + Arrays.toString(shape)
                        + ", the model's options need " + Arrays.toString(t.shape()));
            JsonNode data = p.path("data");
            if (!data.isArray() || data.size() != t.size())
                throw new DataFormatException(where + ": parameter '" + t.name() + "' has " + data.size()
                        + " values, shape " + Arrays.toString(t.shape()) + " needs " + t.size());
            for (int i = 0; i < t.size(); i++) {
                JsonNode x = data.get(i);
                if (!x.isNumber() || !Double.isFinite(x.asDouble()))
                    throw new DataFormatException(where + ": parameter '" + t.name() + "' value " + i + " is not a finite number");
                v[t.offset() + i] = x.asDouble();
            }
        }
        model.setParameters(v);
        return model;
    }

    /**
     * The architecture's model for the file's options: its defaults overridden by every key of
     * {@code hyper} that some architecture knows (others are skipped), then {@link Architecture#newModel}.
     */
    private static <O extends ModelOptions> ForceField newModel(Architecture<O> arch, JsonNode hyper, JsonNode root,
                                                                String where) {
        ModelOptions options;
        try {
            options = arch.defaults();
            for (Iterator<Map.Entry<String, JsonNode>> it = hyper.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Architectures.optionNames().contains(e.getKey())) continue;
                JsonNode val = e.getValue();
                String text = val.isArray() ? val.toString() : val.asText();
                options = options.with(e.getKey(), text);
            }
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + ": " + e.getMessage());
        }
        return arch.newModel(arch.optionsType().cast(options), root, where);
    }

    /** The model as a model-file JSON tree. */
    public static ObjectNode toJson(ForceField model, Map<String, Object> training) {
        Architecture<?> arch = Architectures.all().stream()
                .filter(a -> a.name().equals(model.architecture()) && a.modelType().isInstance(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot write a model of class " + model.getClass().getName()));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "qmlff-model");
        root.put("version", arch.modelFileVersion());
        root.put("architecture", model.architecture());
        arch.writeHeader(model, root);
        root.set("hyper", JSON.valueToTree(model.options().toHyper()));
        ObjectNode params = root.putObject("params");
        double[] v = new double[model.parameterCount()];
        model.getParameters(v);
        for (ParameterSet.Tensor t : arch.parameterTensors(model)) {
            ObjectNode p = params.putObject(t.name());
            ArrayNode shape = p.putArray("shape");
            for (int s : t.shape()) shape.add(s);
            ArrayNode data = p.putArray("data");
            for (int i = 0; i < t.size(); i++) data.add(v[t.offset() + i]);
        }
        ObjectNode units = root.putObject("units");
        units.put("energy", "kcal/mol");
        units.put("length", "angstrom");
        root.set("training", JSON.valueToTree(training == null ? Map.of() : training));
        return root;
    }

    /** Writes a model file atomically; {@code training} is free-form metadata stored under "training". */
    public static void write(ForceField model, Map<String, Object> training, Path file) {
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(model, training));
            Path abs = file.toAbsolutePath();
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot write model file " + file + ": no such directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file, e);
        }
    }
}
