package org.qmlff.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one entry point for reading a data file, by extension:
 * <ul>
 *   <li>{@code .npz}: rMD17 npz (pre-split file or full archive, all frames; {@link Rmd17#read});</li>
 *   <li>{@code .xyz}, {@code .extxyz}: extended XYZ ({@link ExtXyz#read}), in the given units
 *       (default kcal/mol, Å).</li>
 * </ul>
 * A missing file, a directory, an empty file or an unknown extension is a one-line
 * {@link DataFormatException} naming the file.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** The kinds of data file qmlff reads and writes. */
    public enum Format {
        /** rMD17 npz arrays (kcal/mol, Å). */
        NPZ,
        /** Extended XYZ (units chosen by the caller, default kcal/mol, Å). */
        EXTXYZ;

        /**
         * The format of a file from its extension (case-insensitive).
         *
         * @throws DataFormatException for an unknown extension
         */
        public static Format of(Path path) {
            String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".npz")) return NPZ;
            if (n.endsWith(".xyz") || n.endsWith(".extxyz")) return EXTXYZ;
            int dot = n.lastIndexOf('.');
            String ext = dot < 0 ? "no extension" : "extension '" + n.substring(dot) + "'";
            throw new DataFormatException(path + ": unknown data file type (" + ext + "; expected .npz, .xyz or .extxyz)");
        }
    }

    /** Reads a data file; extended XYZ is taken to be in kcal/mol, Å, kcal/mol/Å. */
    public static Dataset read(Path path) throws IOException {
        return read(path, UnitSystem.KCAL_MOL_ANGSTROM);
    }

    /**
     * Reads a data file; {@code xyzUnits} are the units of an extended XYZ file's numbers (npz files
     * are always rMD17's kcal/mol, Å).
     */
    public static Dataset read(Path path, UnitSystem xyzUnits) throws IOException {
        Format f = Format.of(path);
        requireNonEmptyFile(path);
        return switch (f) {
            case NPZ -> Rmd17.read(path);
            case EXTXYZ -> ExtXyz.read(path, xyzUnits);
        };
    }

    /**
     * Reads a data file that needs only positions and species (for prediction, or an MD start):
     * energies and forces may be absent and are then {@link Dataset#UNLABELLED}.
     */
    public static Dataset readGeometry(Path path) throws IOException {
        Format f = Format.of(path);
        requireNonEmptyFile(path);
        return switch (f) {
            case NPZ -> Rmd17.readGeometry(path);
            case EXTXYZ -> ExtXyz.read(path, UnitSystem.KCAL_MOL_ANGSTROM, false);
        };
    }

    /**
     * Writes a data set, format by extension: {@code .npz} as rMD17 arrays ({@code nuclear_charges}
     * |u1, {@code coords}, {@code energies}, {@code forces} float64, kcal/mol and Å), {@code .xyz} /
     * {@code .extxyz} in {@code xyzUnits}. The write is atomic.
     */
    public static void write(Path path, Dataset d, UnitSystem xyzUnits) throws IOException {
        switch (Format.of(path)) {
            case NPZ -> {
                DataValidation.validate(d.name(), d, DataValidation.arrays("numbers", "positions", "energies", "forces"));
                long[] z = new long[d.atoms()];
                for (int a = 0; a < z.length; a++) z[a] = d.numbers()[a];
                int nf = d.frames();
                int na = d.atoms();
                NpzWriter.write(path, List.of(
                        new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{na}, z),
                        NpyArray.OfDouble.of(Rmd17.COORDS, new int[]{nf, na, 3}, d.positions()),
                        NpyArray.OfDouble.of(Rmd17.ENERGIES, new int[]{nf}, d.energies()),
                        NpyArray.OfDouble.of(Rmd17.FORCES, new int[]{nf, na, 3}, d.forces())));
            }
            case EXTXYZ -> ExtXyz.write(path, d, xyzUnits);
        }
    }

    /**
     * Writes the frames of several npz files of one molecule, in order, as one npz file: byte for byte the
     * file {@link #write} writes for all their frames together (rMD17 arrays, the parts' {@code
     * nuclear_charges}). Streams: at most one part's array is in memory at a time, whatever the total, so
     * it merges the parts of a trajectory too large for one (batch prediction on Spark). The parts must
     * be files {@link #write} wrote, or equivalent: float64 {@code coords}, {@code energies} and {@code
     * forces} of matching shapes. The write is atomic.
     *
     * @throws DataFormatException naming the part whose species or shapes differ from the first part's
     * @throws IllegalArgumentException for an empty list of parts
     */
    public static void concatenate(List<Path> parts, Path out) throws IOException {
        if (parts.isEmpty()) throw new IllegalArgumentException("no files to concatenate");
        long[] numbers;
        long frames = 0;
        int[] partFrames = new int[parts.size()];
        try (NpzFile z = NpzFile.open(parts.get(0))) {
            if (!(z.get(Rmd17.NUMBERS) instanceof NpyArray.OfLong n))
                throw new DataFormatException(parts.get(0) + ": " + Rmd17.NUMBERS + ": expected integer atomic numbers");
            numbers = n.data();
        }
        int atoms = numbers.length;
        for (int p = 0; p < parts.size(); p++) {
            Path part = parts.get(p);
            try (NpzFile z = NpzFile.open(part)) {
                NpyArray n = z.get(Rmd17.NUMBERS);
                if (!(n instanceof NpyArray.OfLong l) || !java.util.Arrays.equals(l.data(), numbers))
                    throw new DataFormatException(part + ": its atoms differ from those of " + parts.get(0).getFileName()
                            + "; only frames of one molecule can be concatenated");
                partFrames[p] = z.get(Rmd17.ENERGIES).shape()[0];
                frames += partFrames[p];
            }
        }
        if (frames * atoms * 3 > Integer.MAX_VALUE)
            throw new DataFormatException(out + ": " + frames + " frames of " + atoms + " atoms are too many for one npz file qmlff can read");
        int nf = (int) frames;
        int[][] shapes = {{nf, atoms, 3}, {nf}, {nf, atoms, 3}};
        String[] keys = {Rmd17.COORDS, Rmd17.ENERGIES, Rmd17.FORCES};
        AtomicFiles.write(out, os -> {
            NpzWriter w = new NpzWriter(os);
            w.add(new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{atoms}, numbers));
            for (int k = 0; k < keys.length; k++) {
                String key = keys[k];
                int[] whole = shapes[k];
                byte[] header = Npy.header(NpyDtype.FLOAT64.descr(), false, whole, 1);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(header);
                long size = header.length;
                for (int p = 0; p < parts.size(); p++) { // first pass: the checksum the entry's header must carry
                    byte[] data = littleEndian(floatArray(parts.get(p), key, partFrames[p], atoms));
                    crc.update(data);
                    size += data.length;
                }
                w.addStored(key + ".npy", size, crc.getValue(), entry -> {
                    entry.write(header);
                    for (int p = 0; p < parts.size(); p++)
                        entry.write(littleEndian(floatArray(parts.get(p), key, partFrames[p], atoms)));
                });
            }
            w.finish();
        });
    }

    /** A part's float64 array {@code key}, with its shape checked against its frames and the first part's atoms. */
    private static double[] floatArray(Path part, String key, int frames, int atoms) throws IOException {
        try (NpzFile z = NpzFile.open(part)) {
            NpyArray a = z.get(key);
            int[] s = a.shape();
            boolean shapeOk = key.equals(Rmd17.ENERGIES) ? s.length == 1 && s[0] == frames
                    : s.length == 3 && s[0] == frames && s[1] == atoms && s[2] == 3;
            if (!shapeOk || !(a instanceof NpyArray.OfDouble d) || d.dtype() != NpyDtype.FLOAT64)
                throw new DataFormatException(part + ": " + key + ": expected float64 of shape "
                        + (key.equals(Rmd17.ENERGIES) ? "(" + frames + ",)" : "(" + frames + ", " + atoms + ", 3)") + ", found "
                        + a.dtype().descr() + " " + a.shapeString());
            return d.data();
        }
    }

    private static byte[] littleEndian(double[] values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    /**
     * Checks that {@code path} is a readable, non-empty regular file.
     *
     * @throws DataFormatException if it is missing, a directory or empty
     */
    static void requireNonEmptyFile(Path path) throws IOException {
        if (!Files.exists(path)) throw new DataFormatException(path + ": no such file");
        if (Files.isDirectory(path)) throw new DataFormatException(path + ": is a directory, not a data file");
        if (Files.size(path) == 0) throw new DataFormatException(path + ": empty file");
    }
}
