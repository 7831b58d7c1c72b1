package org.qmlff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.data.Dataset;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Element;
import org.qmlff.train.Predictions;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a model's predictions for {@code qmlff predict}. Numbers are written in Java's round-trip form. */
final class PredictionWriter {
    private PredictionWriter() {
    }

    /** Output formats. */
    enum Format {
        EXTXYZ, CSV, JSON;

        /** The explicit format, or the one the file name's extension implies. */
        static Format of(String explicit, Path out) {
            if (explicit != null) {
                return switch (explicit.trim().toLowerCase(Locale.ROOT)) {
                    case "extxyz", "xyz" -> EXTXYZ;
                    case "csv" -> CSV;
                    case "json" -> JSON;
                    default -> throw new UserError("unknown --format '" + explicit + "' (expected extxyz, csv or json)");
                };
            }
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return EXTXYZ;
            if (name.endsWith(".csv")) return CSV;
            if (name.endsWith(".json")) return JSON;
            throw new UserError("cannot tell the output format from '" + out.getFileName()
                    + "'; give --format extxyz, csv or json");
        }
    }

    /** Writes the predictions for the frames of {@code data} to {@code out} atomically. */
    static void write(Dataset data, Predictions p, Format format, Path out, String modelLabel) {
        switch (format) {
            case CSV -> writeCsv(p, out);
            case JSON -> writeJson(p, out, modelLabel);
            case EXTXYZ -> writeExtXyz(data, p, out);
        }
    }

    /**
     * One row per atom and frame: {@code frame,atom,element,energy_kcal_per_mol,fx,fy,fz} (forces in
     * kcal/mol/Å; the frame's energy repeats on each of its atoms' rows).
     */
    static void writeCsv(Predictions p, Path out) {
        AtomicFiles.write(out, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write("frame,atom,element,energy_kcal_per_mol,fx_kcal_per_mol_per_A,fy_kcal_per_mol_per_A,fz_kcal_per_mol_per_A\n");
            int n = p.atoms();
            for (int f = 0; f < p.frames(); f++) {
                String e = Double.toString(p.energies()[f]);
                for (int a = 0; a < n; a++) {
                    int o = (f * n + a) * 3;
                    w.write(f + "," + a + "," + Element.of(p.numbers()[a]).symbol() + "," + e + ","
                            + p.forces()[o] + "," + p.forces()[o + 1] + "," + p.forces()[o + 2] + "\n");
                }
            }
            w.flush();
        });
    }

    /** JSON: units, atomic numbers, {@code energies[frame]} and {@code forces[frame][atom][xyz]}. */
    static void writeJson(Predictions p, Path out, String modelLabel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "qmlff-predictions");
        m.put("model", modelLabel);
        m.put("data", p.name());
        m.put("units", Map.of("energy", "kcal/mol", "force", "kcal/mol/angstrom"));
        m.put("numbers", p.numbers());
        m.put("energies", p.energies());
        List<double[][]> forces = new ArrayList<>(p.frames());
        int n = p.atoms();
        for (int f = 0; f < p.frames(); f++) {
            double[][] fr = new double[n][3];
            for (int a = 0; a < n; a++) System.arraycopy(p.forces(), (f * n + a) * 3, fr[a], 0, 3);
            forces.add(fr);
        }
        m.put("forces", forces);
        AtomicFiles.write(out, os -> new ObjectMapper().writeValue(os, m));
    }

    /** Extended XYZ: the input frames with the predicted energies and forces. */
    static void writeExtXyz(Dataset data, Predictions p, Path out) {
        Dataset predicted = new Dataset(data.name(), data.numbers(), data.positions(), p.energies(), p.forces());
        try {
            org.qmlff.data.ExtXyz.write(out, predicted);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
