package org.qmlff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The free-form {@code training} metadata of a model file (MODELS.md §Model file), read leniently:
 * whatever is missing is simply absent. {@code qmlff train} writes {@code datasets} as a list of
 * objects with {@code name}, {@code formula} and {@code mean_energy_kcal_per_mol} ({@link TrainingPipeline}
 * writes it; this is the one reader).
 *
 * @param training the metadata map (empty when the file has none)
 */
public record ModelMetadata(Map<String, Object> training) {

    /** Reads the {@code training} object of a model file; an unreadable file gives empty metadata. */
    @SuppressWarnings("unchecked")
    public static ModelMetadata read(Path modelFile) {
        try {
            Map<String, Object> root = new ObjectMapper().readValue(modelFile.toFile(), Map.class);
            Object t = root.get("training");
            return new ModelMetadata(t instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        } catch (IOException | RuntimeException e) {
            // the model reader reports malformed files; metadata is only informative
            return new ModelMetadata(Map.of());
        }
    }

    /** The training datasets' entries (maps), possibly empty. */
    public List<Map<String, Object>> datasets() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (training.get("datasets") instanceof List<?> list)
            for (Object o : list)
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    m.forEach((k, v) -> e.put(String.valueOf(k), v));
                    out.add(e);
                }
        return out;
    }

    /** Whether the metadata lists the training molecules' formulas. */
    public boolean knowsFormulas() {
        return datasets().stream().anyMatch(d -> d.get("formula") != null);
    }

    /** Whether a molecule with this formula was among the training data. */
    public boolean trainedOn(String formula) {
        return datasets().stream().anyMatch(d -> formula.equals(d.get("formula")));
    }

    /** The mean training energy (kcal/mol) of the molecule with this formula, or NaN if not recorded. */
    public double meanEnergy(String formula) {
        for (Map<String, Object> d : datasets())
            if (formula.equals(d.get("formula")) && d.get("mean_energy_kcal_per_mol") instanceof Number n)
                return n.doubleValue();
        return Double.NaN;
    }

    /** One line describing the training data, as far as the metadata tells. */
    public String describe() {
        if (training.isEmpty()) return "training metadata: none";
        List<Map<String, Object>> ds = datasets();
        if (ds.isEmpty()) return "training metadata: " + training.keySet();
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> d : ds) {
            String s = String.valueOf(d.getOrDefault("name", "?"));
            if (d.get("formula") != null) s += " (" + d.get("formula");
            if (d.get("n_train") != null) s += (d.get("formula") != null ? ", " : " (") + d.get("n_train") + " frames";
            if (d.get("formula") != null || d.get("n_train") != null) s += ")";
            parts.add(s);
        }
        return String.format(Locale.ROOT, "trained on: %s", String.join(", ", parts));
    }
}
