package org.qmlff.experiment;

import org.qmlff.error.InputException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.qmlff.model.Architectures;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.RevisedArchitecture;
import org.qmlff.train.Recipe;
import org.qmlff.train.TrainingOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resolved settings of {@code qmlff train}: defaults, overridden by a YAML config file, overridden
 * by command-line flags. Keys are the flag names without dashes ({@code n-train}, {@code w-force},
 * ...; {@code n_train} is accepted too) and the MODELS.md option names ({@code D}, {@code rep},
 * {@code centre}, {@code observable}, {@code nq}, {@code K}, {@code rc}, {@code species},
 * {@code parity}), and the opt-in training recipe of docs/RECIPE.md ({@code ema}, {@code weight-decay},
 * {@code amsgrad}, {@code clip}, {@code stage2-epochs}, {@code stage2-lr}, {@code stage2-w-energy},
 * {@code stage2-w-force}, {@code plateau-patience}, {@code plateau-factor}, {@code plateau-threshold};
 * config file only, written to {@code config.yaml} only when some recipe option is on).
 *
 * @param data     training data files (the first {@code nTrain} frames of each are used)
 * @param test     test data files (may be empty)
 * @param nTrain   frames taken from the start of each data file
 * @param nValid   of those, the last {@code nValid} validate
 * @param nFit     frames trained on: the first {@code nFit} of the {@code nTrain − nValid} before the
 *                 validation frames (default all of them); a smaller value keeps the same validation
 *                 frames, as learning curves need (MODELS.md §Benchmark protocol)
 * @param training optimiser, objective and seed
 * @param threads  worker threads (does not change results)
 * @param out      the run directory
 * @param model    architecture and hyper-parameters
 */
public record TrainConfig(List<Path> data, List<Path> test, int nTrain, int nValid, int nFit, TrainingOptions training, int threads,
                   Path out, ModelOptions model) {

    /** Training keys, in the order they are written. */
    public static final List<String> TRAIN_KEYS = List.of("data", "test", "arch", "n-train", "n-valid", "n-fit", "epochs", "batch",
            "lr", "w-energy", "w-force", "seed", "threads", "out");
    /** Model option keys (MODELS.md names and those of any other registered architecture), in the order they are applied. */
    public static final List<String> MODEL_KEYS = Architectures.optionNames();

    public static final int DEFAULT_N_TRAIN = 1000;
    public static final int DEFAULT_N_VALID = 50;
    /** Not fixed by MODELS.md; a modest default, set --epochs for real runs. */
    public static final int DEFAULT_EPOCHS = 100;

    public TrainConfig {
        data = List.copyOf(data);
        test = List.copyOf(test);
        if (data.isEmpty()) throw new InputException("no training data: give --data FILE... (or 'data:' in the config file)");
        if (nTrain < 2) throw new InputException("--n-train must be at least 2, got " + nTrain);
        if (nValid < 1 || nValid >= nTrain)
            throw new InputException("--n-valid must be between 1 and n-train - 1 = " + (nTrain - 1) + ", got " + nValid);
        if (nFit < 1 || nFit > nTrain - nValid)
            throw new InputException("--n-fit must be between 1 and n-train - n-valid = " + (nTrain - nValid) + ", got " + nFit);
        if (threads < 1) throw new InputException("--threads must be at least 1, got " + threads);
    }

    /** The architecture ({@code le} or {@code revised}). */
    public String arch() {
        return model.architecture();
    }

    /**
     * Merges the settings.
     *
     * @param file           the config file's entries (empty if none)
     * @param fileLabel      the config file's name, for messages
     * @param fileDir        relative paths in the file are relative to this directory
     * @param flags          the flags given on the command line, by key (only those given)
     * @param clock          for the default run directory {@code runs/<arch>-<yyyyMMdd-HHmmss>}
     * @param defaultThreads threads when not set
     */
    public static TrainConfig resolve(Map<String, Object> file, String fileLabel, Path fileDir, Map<String, Object> flags,
                               Clock clock, int defaultThreads) {
        try {
            return resolveChecked(file, fileLabel, fileDir, flags, clock, defaultThreads);
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The core's records check their values (an unknown architecture, a negative size): here
            // those values came from the config file or the flags, so it is the user's input.
            throw new InputException((fileLabel == null ? "" : fileLabel + " (or the flags): ") + e.getMessage());
        }
    }

    private static TrainConfig resolveChecked(Map<String, Object> file, String fileLabel, Path fileDir, Map<String, Object> flags,
                                              Clock clock, int defaultThreads) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : file.entrySet()) {
            String key = canonical(e.getKey());
            if (!TRAIN_KEYS.contains(key) && !MODEL_KEYS.contains(key) && !Recipe.KEYS.contains(key))
                throw new InputException(fileLabel + ": unknown key '" + e.getKey() + "' (known: "
                        + String.join(", ", TRAIN_KEYS) + ", " + String.join(", ", MODEL_KEYS) + ", "
                        + String.join(", ", Recipe.KEYS) + ")");
            if (e.getValue() == null) continue;
            Object v = e.getValue();
            if ((key.equals("data") || key.equals("test") || key.equals("out")) && fileDir != null)
                v = relativeTo(fileDir, v);
            merged.put(key, v);
            origin.put(key, fileLabel + ": " + key);
        }
        for (Map.Entry<String, Object> e : flags.entrySet()) {
            if (e.getValue() == null) continue;
            merged.put(e.getKey(), e.getValue());
            origin.put(e.getKey(), "--" + e.getKey());
        }
        Values v = new Values(merged, origin);
        String arch = v.string("arch", RevisedArchitecture.NAME);
        // ModelOptions and TrainingOptions reject bad values with one-line IllegalArgumentExceptions
        ModelOptions model = ModelOptions.defaults(arch);
        for (String k : MODEL_KEYS)
            if (merged.containsKey(k)) model = model.with(k, v.text(k));
        TrainingOptions training = new TrainingOptions(v.integer("epochs", DEFAULT_EPOCHS), v.integer("batch", 20),
                v.real("lr", 0.01), v.real("w-energy", 1), v.real("w-force", 10), v.longInteger("seed", 0),
                recipe(v, merged));
        Path out = merged.containsKey("out") ? Path.of(v.text("out")) : Path.of("runs", arch + "-"
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        int nTrain = v.integer("n-train", DEFAULT_N_TRAIN), nValid = v.integer("n-valid", DEFAULT_N_VALID);
        return new TrainConfig(v.paths("data"), v.paths("test"), nTrain, nValid,
                v.integer("n-fit", nTrain - nValid), training, v.integer("threads", defaultThreads), out, model);
    }

    private static Recipe recipe(Values v, Map<String, Object> merged) {
        Recipe r = Recipe.NONE;
        for (String k : Recipe.KEYS) {
            if (!merged.containsKey(k)) continue;
            double value = k.equals("amsgrad") ? (v.bool(k) ? 1 : 0) : v.real(k, 0);
            try {
                r = r.with(k, value);
            } catch (IllegalArgumentException e) {
                throw new InputException(v.origin().get(k) + ": " + e.getMessage());
            }
        }
        return r;
    }

    /** Reads a YAML config file into a map (empty file: empty map). */
    public static Map<String, Object> readYaml(Path file) {
        try {
            return parseYaml(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException("no such config file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings a {@link #toYaml()} text holds, resolved again (on a grid executor, for example). */
    public static TrainConfig fromYaml(String yaml, String label) {
        Map<String, Object> file;
        try {
            file = parseYaml(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resolve(file, label, null, Map.of(), Clock.systemUTC(), 1);
    }

    private static Map<String, Object> parseYaml(byte[] bytes, String label) throws IOException {
        try {
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) return Map.of();
            Object o = yaml().readValue(bytes, Object.class);
            if (!(o instanceof Map<?, ?> m))
                throw new InputException(label + ": expected a YAML mapping of option names to values");
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
            return out;
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("");
            String where = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
            throw new InputException(label + ": not valid YAML" + where + ": " + msg);
        }
    }

    /** The resolved settings as written to {@code config.yaml}; {@link #resolve} reads them back unchanged. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        m.put("test", test.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        m.put("arch", arch());
        m.put("n-train", nTrain);
        m.put("n-valid", nValid);
        m.put("n-fit", nFit);
        m.put("epochs", training.epochs());
        m.put("batch", training.batchSize());
        m.put("lr", training.lr());
        m.put("w-energy", training.wEnergy());
        m.put("w-force", training.wForce());
        m.put("seed", training.seed());
        m.put("threads", threads);
        m.put("out", out.toAbsolutePath().normalize().toString());
        m.putAll(model.toHyper());
        if (!training.recipe().equals(Recipe.NONE)) m.putAll(training.recipe().toMap());
        return m;
    }

    /** YAML text of {@link #toMap()}. */
    public String toYaml() {
        try {
            return yaml().writeValueAsString(toMap());
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper yaml() {
        return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    }

    private static String canonical(String key) {
        String k = key.trim();
        String dashed = k.replace('_', '-');
        return TRAIN_KEYS.contains(dashed) ? dashed : k;
    }

    private static Object relativeTo(Path dir, Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) out.add(o == null ? null : dir.resolve(o.toString()).toString());
            return out;
        }
        return dir.resolve(v.toString()).toString();
    }

    /** Typed access to the merged values, with messages that say where a bad value came from. */
    private record Values(Map<String, Object> m, Map<String, String> origin) {
        String text(String key) {
            Object o = m.get(key);
            if (o instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object x : list) parts.add(String.valueOf(x));
                return String.join(",", parts);
            }
            return String.valueOf(o).trim();
        }

        String string(String key, String def) {
            return m.containsKey(key) ? text(key) : def;
        }

        int integer(String key, int def) {
            long v = longInteger(key, def);
            if (v != (int) v) throw new InputException(origin.get(key) + ": " + v + " is out of range");
            return (int) v;
        }

        long longInteger(String key, long def) {
            if (!m.containsKey(key)) return def;
            Object o = m.get(key);
            if (o instanceof Integer || o instanceof Long) return ((Number) o).longValue();
            try {
                return Long.parseLong(text(key));
            } catch (NumberFormatException e) {
                throw new InputException(origin.get(key) + ": expected an integer, got '" + text(key) + "'");
            }
        }

        boolean bool(String key) {
            Object o = m.get(key);
            if (o instanceof Boolean b) return b;
            String t = text(key).toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("yes") || t.equals("on")) return true;
            if (t.equals("false") || t.equals("no") || t.equals("off")) return false;
            throw new InputException(origin.get(key) + ": expected true or false, got '" + text(key) + "'");
        }

        double real(String key, double def) {
            if (!m.containsKey(key)) return def;
            Object o = m.get(key);
            if (o instanceof Number n) return n.doubleValue();
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw new InputException(origin.get(key) + ": expected a number, got '" + text(key) + "'");
            }
        }

        List<Path> paths(String key) {
            Object o = m.get(key);
            if (o == null) return List.of();
            List<Path> out = new ArrayList<>();
            if (o instanceof List<?> list) {
                for (Object x : list) out.add(Path.of(String.valueOf(x)));
            } else {
                for (String s : String.valueOf(o).split(",")) if (!s.isBlank()) out.add(Path.of(s.trim()));
            }
            return out;
        }
    }
}
