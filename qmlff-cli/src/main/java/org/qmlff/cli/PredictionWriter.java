package org.qmlff.cli;

import org.qmlff.data.Units;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.data.Dataset;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Element;
import org.qmlff.data.NpyArray;
import org.qmlff.data.NpyDtype;
import org.qmlff.data.NpzWriter;
import org.qmlff.data.Rmd17;
import org.qmlff.hardware.HardwarePredictions;
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
        EXTXYZ, CSV, JSON, NPZ;

        /** The explicit format, or the one the file name's extension implies. */
        static Format of(String explicit, Path out) {
            if (explicit != null) {
                return switch (explicit.trim().toLowerCase(Locale.ROOT)) {
                    case "extxyz", "xyz" -> EXTXYZ;
                    case "csv" -> CSV;
                    case "json" -> JSON;
                    case "npz" -> NPZ;
                    default -> throw new UserError("unknown --format '" + explicit + "' (expected extxyz, csv, json or npz)");
                };
            }
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return EXTXYZ;
            if (name.endsWith(".csv")) return CSV;
            if (name.endsWith(".json")) return JSON;
            if (name.endsWith(".npz")) return NPZ;
            throw new UserError("cannot tell the output format from '" + out.getFileName()
                    + "'; give --format extxyz, csv, json or npz");
        }
    }

    /** Writes the predictions for the frames of {@code data} to {@code out} atomically. */
    static void write(Dataset data, Predictions p, Format format, Path out, String modelLabel) {
        write(data, p, null, format, out, modelLabel);
    }

    /**
     * As {@link #write(Dataset, Predictions, Format, Path, String)}, with the standard errors of a simulated
     * device's estimates ({@code se} null: none) in csv and json; extended XYZ has no place for them.
     */
    static void write(Dataset data, Predictions p, HardwarePredictions se, Format format, Path out, String modelLabel) {
        switch (format) {
            case CSV -> writeCsv(p, se, out);
            case JSON -> writeJson(p, se, out, modelLabel);
            case EXTXYZ -> writeExtXyz(data, p, out);
            case NPZ -> writeNpz(data, p, se, out);
        }
    }

    /**
     * NPZ in the rMD17 layout ({@code nuclear_charges}, {@code coords} Å, {@code energies} kcal/mol,
     * {@code forces} kcal/mol/Å, float64), so that numpy and every qmlff command read it as a labelled data
     * set; with standard errors also {@code energy_se} (frames,) and {@code force_se} (frames, atoms, 3).
     * Binary: the numbers are the predictions' own bits, and writing it costs a fraction of the text formats'.
     */
    static void writeNpz(Dataset data, Predictions p, HardwarePredictions se, Path out) {
        long[] z = new long[p.atoms()];
        for (int a = 0; a < z.length; a++) z[a] = p.numbers()[a];
        int[] perAtom = {p.frames(), p.atoms(), 3};
        List<NpyArray> arrays = new ArrayList<>(List.of(
                new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{p.atoms()}, z),
                NpyArray.OfDouble.of(Rmd17.COORDS, perAtom, data.positions()),
                NpyArray.OfDouble.of(Rmd17.ENERGIES, new int[]{p.frames()}, p.energies()),
                NpyArray.OfDouble.of(Rmd17.FORCES, perAtom, p.forces())));
        if (se != null) {
            arrays.add(NpyArray.OfDouble.of("energy_se", new int[]{p.frames()}, se.energySe()));
            arrays.add(NpyArray.OfDouble.of("force_se", perAtom, se.forceSe()));
        }
        try {
            NpzWriter.write(out, arrays);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * One row per atom and frame: {@code frame,atom,element,energy_kcal_per_mol,fx,fy,fz} (forces in
     * kcal/mol/Å; the frame's energy repeats on each of its atoms' rows); with standard errors, their
     * columns {@code energy_se,fx_se,fy_se,fz_se} follow.
     */
    static void writeCsv(Predictions p, HardwarePredictions se, Path out) {
        AtomicFiles.write(out, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write("frame,atom,element,energy_kcal_per_mol,fx_kcal_per_mol_per_A,fy_kcal_per_mol_per_A,fz_kcal_per_mol_per_A");
            w.write(se == null ? "\n" : ",energy_se_kcal_per_mol,fx_se_kcal_per_mol_per_A,fy_se_kcal_per_mol_per_A,fz_se_kcal_per_mol_per_A\n");
            int n = p.atoms();
            for (int f = 0; f < p.frames(); f++) {
                String e = Double.toString(p.energies()[f]);
                for (int a = 0; a < n; a++) {
                    int o = (f * n + a) * 3;
                    w.write(f + "," + a + "," + Element.of(p.numbers()[a]).symbol() + "," + e + ","
                            + p.forces()[o] + "," + p.forces()[o + 1] + "," + p.forces()[o + 2]);
                    if (se != null) w.write("," + se.energySe()[f] + "," + se.forceSe()[o] + "," + se.forceSe()[o + 1] + ","
                            + se.forceSe()[o + 2]);
                    w.write("\n");
                }
            }
            w.flush();
        });
    }

    /**
     * JSON: units, atomic numbers, {@code energies[frame]} and {@code forces[frame][atom][xyz]}; with standard
     * errors also {@code energy_se} and {@code force_se} of the same shapes and {@code circuits_per_frame}.
     */
    static void writeJson(Predictions p, HardwarePredictions se, Path out, String modelLabel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "qmlff-predictions");
        m.put("model", modelLabel);
        m.put("data", p.name());
        m.put("units", Units.fileUnits());
        m.put("numbers", p.numbers());
        m.put("energies", p.energies());
        m.put("forces", perAtom(p.forces(), p.frames(), p.atoms()));
        if (se != null) {
            m.put("energy_se", se.energySe());
            m.put("force_se", perAtom(se.forceSe(), p.frames(), p.atoms()));
            m.put("circuits_per_frame", se.circuits());
        }
        AtomicFiles.write(out, os -> new ObjectMapper().writeValue(os, m));
    }

    /** flat [(f·atoms + a)·3 + k] as [frame][atom][k]. */
    private static List<double[][]> perAtom(double[] flat, int frames, int n) {
        List<double[][]> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            double[][] fr = new double[n][3];
            for (int a = 0; a < n; a++) System.arraycopy(flat, (f * n + a) * 3, fr[a], 0, 3);
            out.add(fr);
        }
        return out;
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
