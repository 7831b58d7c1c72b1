package org.qmlff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;
import org.qmlff.data.AtomicFiles;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON layout the one-molecule study summaries share (ablation.json, sweep.json): a header naming the format,
 * the command and the molecule, the null model's test errors, and statistics over seeds as
 * {@code {mean, std, seeds}} with a null std for one seed. Maps keep their insertion order (not {@code Map.of},
 * whose order changes between JVMs), so the files are the same on every JVM.
 */
final class SummaryJson {
    private SummaryJson() {
    }

    /** The header: format, version 1, command, molecule, n_train, test_frames and null_model (meV, meV/Å). */
    static Map<String, Object> header(String format, String command, String molecule, int nTrain, int testFrames,
                                      ErrorPair nullModel) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", format);
        root.put("version", 1);
        root.put("command", command);
        root.put("molecule", molecule);
        root.put("n_train", nTrain);
        root.put("test_frames", testFrames);
        Map<String, Object> nul = new LinkedHashMap<>();
        nul.put("energy_mae_meV", nullModel.energy());
        nul.put("force_mae_meV_per_A", nullModel.force());
        root.put("null_model", nul);
        return root;
    }

    /** {@code s} times {@code scale} (a unit conversion) as {@code {mean, std, seeds}}. */
    static Map<String, Object> stat(MeanStd s, double scale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean() * scale);
        m.put("std", finite(s.std() * scale));
        m.put("seeds", s.count());
        return m;
    }

    /** {@code x}, or null (JSON null) when it is not finite. */
    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** Writes {@code root} to {@code file} atomically, indented. */
    static void write(Path file, Map<String, Object> root) {
        AtomicFiles.write(file, os -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, root));
    }
}
