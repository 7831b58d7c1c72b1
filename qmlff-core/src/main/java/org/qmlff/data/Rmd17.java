package org.qmlff.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the revised MD17 data set (Christensen &amp; von Lilienfeld 2020) from its npz files, in
 * either layout:
 * <ul>
 *   <li>pre-split files {@code rmd17_<mol>_{train,test}_0N.npz} of 1000 frames each ({@link #read});</li>
 *   <li>the full archive {@code rmd17_<mol>.npz} (100 000 frames) with the split index files
 *       {@code splits/index_{train,test}_0N.csv} ({@link #readSplit}).</li>
 * </ul>
 * Both hold the arrays {@code nuclear_charges} (A,) integers, {@code coords} (F, A, 3) Å,
 * {@code energies} (F,) kcal/mol and {@code forces} (F, A, 3) kcal/mol/Å (F = -dE/dR), which are
 * qmlff's internal units, so nothing is converted. The {@code old_*} arrays (the original MD17
 * labels) are ignored. Shapes, finiteness, elements and atom distances are checked
 * ({@link DataValidation}).
 */
public final class Rmd17 {
    private Rmd17() {
    }

    /** Key of the atomic numbers, shape (atoms,). */
    public static final String NUMBERS = "nuclear_charges";
    /** Key of the positions, shape (frames, atoms, 3), Å. */
    public static final String COORDS = "coords";
    /** Key of the energies, shape (frames,), kcal/mol. */
    public static final String ENERGIES = "energies";
    /** Key of the forces, shape (frames, atoms, 3), kcal/mol/Å. */
    public static final String FORCES = "forces";

    /** Which half of an rMD17 split. */
    public enum Part {
        TRAIN, TEST;

        /** {@code "train"} or {@code "test"}, as in the file names. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads every frame of an rMD17 npz file (a pre-split file, or the full archive without a split).
     * The data set is named after the file without {@code .npz}.
     */
    public static Dataset read(Path npz) throws IOException {
        return read(npz, stripExtension(npz.getFileName().toString()), true);
    }

    /**
     * Reads an npz file that may lack {@code energies} and {@code forces} (a geometry to predict
     * on or start MD from); missing labels are {@link Dataset#UNLABELLED}.
     */
    public static Dataset readGeometry(Path npz) throws IOException {
        return read(npz, stripExtension(npz.getFileName().toString()), false);
    }

    private static Dataset read(Path npz, String name) throws IOException {
        return read(npz, name, true);
    }

    private static Dataset read(Path npz, String name, boolean labelsRequired) throws IOException {
        try (NpzFile z = NpzFile.open(npz)) {
            String file = z.label();
            NpyArray numbers = z.get(NUMBERS);
            NpyArray coords = z.get(COORDS);
            NpyArray energiesOrNull = null, forcesOrNull = null;
            boolean labelled = labelsRequired || z.has(ENERGIES) || z.has(FORCES);
            int[] cs = coords.shape();
            if (!labelled && cs.length == 3) {
                // Geometry only: stand-in label arrays of the right shapes, NaN throughout.
                double[] e0 = new double[cs[0]], f0 = new double[Math.multiplyExact(cs[0], Math.multiplyExact(cs[1], cs[2]))];
                Arrays.fill(e0, Dataset.UNLABELLED);
                Arrays.fill(f0, Dataset.UNLABELLED);
                energiesOrNull = NpyArray.OfDouble.of(ENERGIES, new int[]{cs[0]}, e0);
                forcesOrNull = NpyArray.OfDouble.of(FORCES, cs.clone(), f0);
            }
            NpyArray energies = labelled ? z.get(ENERGIES) : energiesOrNull;
            NpyArray forces = labelled ? z.get(FORCES) : forcesOrNull;

            if (cs.length != 3 || cs[2] != 3)
                throw new DataFormatException(file + ": " + COORDS + ": shape " + coords.shapeString() + " is not (frames, atoms, 3)");
            int nf = cs[0];
            int na = cs[1];
            if (!(numbers instanceof NpyArray.OfLong zl))
                throw new DataFormatException(file + ": " + NUMBERS + ": expected integer atomic numbers, found dtype '"
                        + numbers.dtype().descr() + "'");
            if (numbers.ndim() != 1 || numbers.shape()[0] != na)
                throw new DataFormatException(file + ": " + NUMBERS + ": shape " + numbers.shapeString()
                        + " does not match " + COORDS + " " + coords.shapeString() + " (expected (" + na + ",))");
            int[] es = energies.shape();
            if (!(es.length == 1 && es[0] == nf || es.length == 2 && es[0] == nf && es[1] == 1))
                throw new DataFormatException(file + ": " + ENERGIES + ": shape " + energies.shapeString()
                        + " does not match " + COORDS + " " + coords.shapeString() + " (expected (" + nf + ",))");
            int[] fs = forces.shape();
            if (fs.length != 3 || fs[0] != nf || fs[1] != na || fs[2] != 3)
                throw new DataFormatException(file + ": " + FORCES + ": shape " + forces.shapeString()
                        + " does not match " + COORDS + " " + coords.shapeString());
            for (NpyArray a : new NpyArray[]{coords, energies, forces})
                if (!a.dtype().isFloating())
                    throw new DataFormatException(file + ": " + a.name() + ": expected floating-point values, found dtype '"
                            + a.dtype().descr() + "'");

            int[] z32 = new int[na];
            for (int a = 0; a < na; a++) {
                long v = zl.data()[a];
                z32[a] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            }
            Dataset d = new Dataset(name, z32, coords.toDoubles(), energies.toDoubles(), forces.toDoubles());
            DataValidation.validate(file, d, DataValidation.arrays(NUMBERS, COORDS, ENERGIES, FORCES), labelled);
            return d;
        }
    }

    /**
     * Reads one part of an official rMD17 split from the full archive {@code rmd17_<mol>.npz}: the
     * frames listed in {@code index_<part>_<NN>.csv}, in the order listed. The index file is looked
     * up in {@code splits/} next to the archive, then in {@code ../splits/} (the layout of the
     * published archive, where the npz files sit in {@code npz_data/}). The data set is named
     * {@code rmd17_<mol>_<part>_<NN>}, like the pre-split files.
     *
     * @param fullNpz the archive
     * @param split   split number, 1..5 in the published data
     * @param part    train or test
     */
    public static Dataset readSplit(Path fullNpz, int split, Part part) throws IOException {
        return readSplit(fullNpz, splitIndexFile(fullNpz, split, part));
    }

    /** The frames of {@code fullNpz} listed in {@code indexCsv} (see {@link #readIndices}). */
    public static Dataset readSplit(Path fullNpz, Path indexCsv) throws IOException {
        String base = stripExtension(fullNpz.getFileName().toString());
        String idx = stripExtension(indexCsv.getFileName().toString());
        String name = idx.startsWith("index_") ? base + "_" + idx.substring("index_".length()) : base + "_" + idx;
        int[] indices = readIndices(indexCsv);
        Dataset all = read(fullNpz, name);
        for (int i = 0; i < indices.length; i++)
            if (indices[i] >= all.frames())
                throw new DataFormatException(indexCsv + ": line " + (i + 1) + ": frame index " + indices[i]
                        + " is outside " + fullNpz.getFileName() + " (frames 0.." + (all.frames() - 1) + ")");
        return all.select(indices);
    }

    /**
     * The index file of a split: {@code splits/index_<part>_<NN>.csv} next to {@code fullNpz}, else
     * in its parent folder.
     *
     * @throws DataFormatException if neither exists
     */
    public static Path splitIndexFile(Path fullNpz, int split, Part part) {
        if (split < 1 || split > 99) throw new IllegalArgumentException("split number " + split + " outside 1..99");
        String fileName = String.format(Locale.ROOT, "index_%s_%02d.csv", part.label(), split);
        Path dir = fullNpz.toAbsolutePath().getParent();
        Path first = dir.resolve("splits").resolve(fileName);
        if (Files.isRegularFile(first)) return first;
        Path parent = dir.getParent();
        Path second = parent == null ? null : parent.resolve("splits").resolve(fileName);
        if (second != null && Files.isRegularFile(second)) return second;
        throw new DataFormatException(fullNpz + ": split index file splits/" + fileName + " not found (looked in " + first
                + (second == null ? "" : " and " + second) + ")");
    }

    /**
     * Reads a split index file: one non-negative integer frame index per line, blank lines ignored.
     *
     * @throws DataFormatException naming the line of a non-integer, negative or repeated index, or for
     *                             a file without indices
     */
    public static int[] readIndices(Path csv) throws IOException {
        DataFiles.requireNonEmptyFile(csv);
        List<Integer> out = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int ln = 0;
            while ((line = r.readLine()) != null) {
                ln++;
                String t = line.strip();
                if (t.endsWith(",")) t = t.substring(0, t.length() - 1).strip();
                if (t.isEmpty()) continue;
                int v;
                try {
                    v = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(csv + ": line " + ln + ": '" + abbreviate(t) + "' is not a frame index");
                }
                if (v < 0) throw new DataFormatException(csv + ": line " + ln + ": negative frame index " + v);
                Integer before = seen.putIfAbsent(v, ln);
                if (before != null)
                    throw new DataFormatException(csv + ": line " + ln + ": frame index " + v + " repeats line " + before);
                out.add(v);
            }
        }
        if (out.isEmpty()) throw new DataFormatException(csv + ": no frame indices");
        int[] a = new int[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
