package org.qmlff.model;

import org.qmlff.error.InputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.CompositionBaseline;
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
 * Creating, reading and writing force fields of every architecture, in the model-file format of
 * MODELS.md ({@code format: "qmlff-model"}, {@code version: 1}).
 */
public final class Models {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    /**
     * A freshly initialised model (MODELS.md §Initialisation) for the given training data; random
     * parameters are drawn from {@code seed}.
     */
    public static ForceField create(ModelOptions options, List<Dataset> training, long seed) {
        if (training.isEmpty()) throw new IllegalArgumentException("no training data");
        Random rng = new Random(seed);
        return switch (options.architecture()) {
            case "le" -> createLe(options, training, rng);
            case "revised" -> createRevised(options, training, rng);
            case "rich" -> createRich(options, training, rng);
            default -> throw new IllegalArgumentException("unknown architecture " + options.architecture());
        };
    }

    private static ForceField createLe(ModelOptions options, List<Dataset> training, Random rng) {
        Dataset first = training.get(0);
        for (Dataset d : training)
            if (!Arrays.equals(d.numbers(), first.numbers()))
                throw new IllegalArgumentException("le describes one molecule; the training data holds "
                        + first.name() + " and " + d.name() + " with different atoms (use --arch revised)");
        LeModel m = new LeModel(options, first.numbers());
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        ParameterSet.Tensor alpha = ps.tensor("alpha");
        Arrays.fill(v, alpha.offset(), alpha.offset() + alpha.size(), 1.0);
        ParameterSet.Tensor j = ps.tensor("J");
        for (int i = 0; i < j.size(); i++) v[j.offset() + i] = 0.1 * rng.nextGaussian();
        double[] stats = energyMeanStd(training);
        v[ps.offset("scale")] = stats[1];
        v[ps.offset("shift")] = stats[0];
        return m;
    }

    private static ForceField createRevised(ModelOptions options, List<Dataset> training, Random rng) {
        RevisedModel m = new RevisedModel(options);
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        initialiseCircuitInputs(m, ps, training, rng);
        ParameterSet.Tensor s = ps.tensor("s");
        Arrays.fill(v, s.offset(), s.offset() + s.size(), 1.0);
        double[] e0 = CompositionBaseline.fit(options.species(), training);
        System.arraycopy(e0, 0, v, ps.offset("e0"), e0.length);
        return m;
    }

    /** docs/RICH.md §Initialisation. */
    private static ForceField createRich(ModelOptions options, List<Dataset> training, Random rng) {
        RichModel m = new RichModel(options);
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        initialiseCircuitInputs(m, ps, training, rng);
        if (options.rich().threebody() > 0) {
            fillGaussian(v, ps.tensor("U"), 0.3, rng);
            fillGaussian(v, ps.tensor("Y"), 0.05, rng);
        }
        // c[ch][0][s] = 1/C (the pair01 term), the other readout weights 0.
        int channels = options.rich().channels(), ns = options.species().length;
        int oc = ps.offset("c");
        for (int ch = 0; ch < channels; ch++)
            for (int s = 0; s < ns; s++) v[oc + ch * m.readoutSize() * ns + s] = 1.0 / channels;
        double[] e0 = CompositionBaseline.fit(options.species(), training);
        System.arraycopy(e0, 0, v, ps.offset("e0"), e0.length);
        return m;
    }

    /**
     * Checks that every training molecule is made of the model's species and draws W, V and J0 (in
     * this order) as MODELS.md §Revised initialises them.
     */
    private static void initialiseCircuitInputs(ForceField m, ParameterSet ps, List<Dataset> training, Random rng) {
        for (Dataset d : training) {
            try {
                m.checkCompatible(d.numbers());
            } catch (InputException e) {
                throw new InputException(d.name() + ": " + e.getMessage(), e);
            }
        }
        double[] v = ps.values();
        fillGaussian(v, ps.tensor("W"), 0.3, rng);
        fillGaussian(v, ps.tensor("V"), 0.05, rng);
        fillGaussian(v, ps.tensor("J0"), 0.1, rng);
    }

    private static void fillGaussian(double[] v, ParameterSet.Tensor t, double sigma, Random rng) {
        for (int i = 0; i < t.size(); i++) v[t.offset() + i] = sigma * rng.nextGaussian();
    }

    /** Mean and (population) standard deviation of all training energies, kcal/mol. */
    static double[] energyMeanStd(List<Dataset> training) {
        double sum = 0;
        long n = 0;
        for (Dataset d : training) for (double e : d.energies()) {
            sum += e;
            n++;
        }
        double mean = sum / n;
        double ss = 0;
        for (Dataset d : training) for (double e : d.energies()) ss += (e - mean) * (e - mean);
        return new double[]{mean, Math.sqrt(ss / n)};
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
        String arch = root.path("architecture").asText("");
        if (arch.equals("rich") && version < 2)
            throw new DataFormatException(where + ": a rich model file must have version 2, found " + version);
        ModelOptions options;
        try {
            options = ModelOptions.defaults(arch);
            JsonNode hyper = root.path("hyper");
            for (Iterator<Map.Entry<String, JsonNode>> it = hyper.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isKnownOption(e.getKey())) continue;
                JsonNode val = e.getValue();
                String text = val.isArray() ? val.toString() : val.asText();
                options = options.with(e.getKey(), text);
            }
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + ": " + e.getMessage());
        }
        ForceField model;
        ParameterSet ps;
        if (arch.equals("le")) {
            JsonNode nums = root.path("numbers");
            if (!nums.isArray()) throw new DataFormatException(where + ": le model file lacks 'numbers'");
            int[] numbers = new int[nums.size()];
            for (int i = 0; i < numbers.length; i++) numbers[i] = nums.get(i).asInt();
            if (root.has("natoms") && root.get("natoms").asInt() != numbers.length)
                throw new DataFormatException(where + ": natoms " + root.get("natoms").asInt() + " disagrees with "
                        + numbers.length + " numbers");
            LeModel le;
            try {
                le = new LeModel(options, numbers);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(where + ": " + e.getMessage());
            }
            model = le;
            ps = le.parameterSet();
        } else if (arch.equals("rich")) {
            RichModel rm;
            try {
                rm = new RichModel(options);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(where + ": " + e.getMessage());
            }
            model = rm;
            ps = rm.parameterSet();
        } else {
            RevisedModel rm = new RevisedModel(options);
            model = rm;
            ps = rm.parameterSet();
        }
        JsonNode params = root.path("params");
        double[] v = ps.values();
        for (ParameterSet.Tensor t : ps.tensors()) {
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
        return model;
    }

    private static boolean isKnownOption(String name) {
        return switch (name) {
            case "D", "rep", "centre", "observable", "nq", "K", "rc", "species", "parity" -> true;
            default -> RichOptions.isName(name);
        };
    }

    /** The model as a model-file JSON tree. */
    public static ObjectNode toJson(ForceField model, Map<String, Object> training) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "qmlff-model");
        // Version 2 added the rich architecture; le and revised files stay version 1 (readable by older readers).
        root.put("version", model instanceof RichModel ? 2 : 1);
        root.put("architecture", model.architecture());
        ParameterSet ps;
        if (model instanceof LeModel le) {
            root.put("natoms", le.numbers().length);
            ArrayNode nums = root.putArray("numbers");
            for (int z : le.numbers()) nums.add(z);
            ps = le.parameterSet();
        } else if (model instanceof RevisedModel rm) {
            ps = rm.parameterSet();
        } else if (model instanceof RichModel rm) {
            ps = rm.parameterSet();
        } else {
            throw new IllegalArgumentException("cannot write a model of class " + model.getClass().getName());
        }
        root.set("hyper", JSON.valueToTree(model.options().toHyper()));
        ObjectNode params = root.putObject("params");
        double[] v = ps.values();
        for (ParameterSet.Tensor t : ps.tensors()) {
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
