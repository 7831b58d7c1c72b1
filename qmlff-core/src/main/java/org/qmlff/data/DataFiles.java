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
     * nuclear_charges}). Streams, so it merges the parts of a trajectory too large for memory (batch
     * prediction on Spark): the arrays of files {@link #write} wrote are copied as bytes through a 1 MB
     * buffer, each part read once, the merged entries' checksums computed from the parts' own
     * ({@link Crc32Algebra}) and every copied byte checked against them; arrays in any other encoding
     * (deflated, another header) are decoded, one part's array in memory at a time. The parts must be
     * float64 {@code coords}, {@code energies} and {@code forces} of matching shapes. The write is atomic:
     * a corrupt part leaves nothing behind.
     *
     * @throws DataFormatException naming the part whose species or shapes differ from the first part's, or
     *                             whose bytes do not match its checksum
     * @throws IllegalArgumentException for an empty list of parts
     */
    public static void concatenate(List<Path> parts, Path out) throws IOException {
        if (parts.isEmpty()) throw new IllegalArgumentException("no files to concatenate");
        long[] numbers;
        try (NpzFile z = NpzFile.open(parts.get(0))) {
            if (!(z.get(Rmd17.NUMBERS) instanceof NpyArray.OfLong n))
                throw new DataFormatException(parts.get(0) + ": " + Rmd17.NUMBERS + ": expected integer atomic numbers");
            numbers = n.data();
        }
        int atoms = numbers.length;
        String[] keys = {Rmd17.COORDS, Rmd17.ENERGIES, Rmd17.FORCES};
        Piece[][] pieces = new Piece[keys.length][parts.size()];
        long frames = 0;
        for (int p = 0; p < parts.size(); p++) {
            Path part = parts.get(p);
            try (NpzFile z = NpzFile.open(part)) {
                NpyArray n = z.get(Rmd17.NUMBERS);
                if (!(n instanceof NpyArray.OfLong l) || !java.util.Arrays.equals(l.data(), numbers))
                    throw new DataFormatException(part + ": its atoms differ from those of " + parts.get(0).getFileName()
                            + "; only frames of one molecule can be concatenated");
                int partFrames = z.get(Rmd17.ENERGIES).shape()[0];
                frames += partFrames;
                for (int k = 0; k < keys.length; k++) pieces[k][p] = Piece.of(z, part, keys[k], partFrames, atoms);
            }
        }
        if (frames * atoms * 3 > Integer.MAX_VALUE)
            throw new DataFormatException(out + ": " + frames + " frames of " + atoms + " atoms are too many for one npz file qmlff can read");
        int nf = (int) frames;
        int[][] shapes = {{nf, atoms, 3}, {nf}, {nf, atoms, 3}};
        byte[] buffer = new byte[1 << 20];
        AtomicFiles.write(out, os -> {
            NpzWriter w = new NpzWriter(os);
            w.add(new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{atoms}, numbers));
            for (int k = 0; k < keys.length; k++) {
                byte[] header = Npy.header(NpyDtype.FLOAT64.descr(), false, shapes[k], 1);
                // the entry's checksum, which its header must carry before the data, from the parts' checksums
                long crc = crc32(header, header.length);
                long size = header.length;
                for (Piece piece : pieces[k]) {
                    crc = Crc32Algebra.combine(crc, piece.crc(), piece.length());
                    size += piece.length();
                }
                Piece[] row = pieces[k];
                w.addStored(keys[k] + ".npy", size, crc, entry -> {
                    entry.write(header);
                    for (Piece piece : row) piece.copyTo(entry, buffer);
                });
            }
            w.finish();
        });
    }

    private static long crc32(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /**
     * One part's float64 array as it goes into a merged file: {@code length} little-endian data bytes with
     * CRC-32 {@code crc}. A {@code raw} piece is an entry {@link #write} wrote (stored, its npy header
     * exactly the one for this shape, {@code skip} bytes long): its bytes are copied as they are, and its
     * checksum comes from the entry's own CRC with the header's taken out, so the merge reads each part
     * once. Any other encoding (deflated, big-endian, another header layout) is decoded, twice.
     */
    private record Piece(Path part, String key, int frames, int atoms, boolean raw, int skip, long length, long crc) {
        static Piece of(NpzFile z, Path part, String key, int frames, int atoms) throws IOException {
            java.util.zip.ZipEntry e = z.entry(key);
            int[] shape = key.equals(Rmd17.ENERGIES) ? new int[]{frames} : new int[]{frames, atoms, 3};
            long length = 8L * frames * (key.equals(Rmd17.ENERGIES) ? 1 : 3L * atoms);
            if (e != null && e.getMethod() == java.util.zip.ZipEntry.STORED && e.getCrc() != -1) {
                byte[] expected = Npy.header(NpyDtype.FLOAT64.descr(), false, shape, 1);
                if (e.getSize() == expected.length + length) {
                    byte[] head;
                    try (java.io.InputStream in = z.rawStream(e)) {
                        head = in.readNBytes(expected.length);
                    }
                    if (java.util.Arrays.equals(head, expected)) {
                        long crc = Crc32Algebra.suffix(e.getCrc(), crc32(expected, expected.length), length);
                        return new Piece(part, key, frames, atoms, true, expected.length, length, crc);
                    }
                }
            }
            byte[] data = littleEndian(floatArray(part, key, frames, atoms));
            return new Piece(part, key, frames, atoms, false, 0, data.length, crc32(data, data.length));
        }

        /** Writes the data bytes to {@code out}; a raw piece is checked against its checksum on the way. */
        void copyTo(java.io.OutputStream out, byte[] buffer) throws IOException {
            if (!raw) {
                out.write(littleEndian(floatArray(part, key, frames, atoms)));
                return;
            }
            try (NpzFile z = NpzFile.open(part); java.io.InputStream in = z.rawStream(z.entry(key))) {
                in.skipNBytes(skip);
                java.util.zip.CRC32 check = new java.util.zip.CRC32();
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) throw new DataFormatException(part + ": " + key + ": truncated zip entry");
                    check.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    left -= n;
                }
                if (check.getValue() != crc)
                    throw new DataFormatException(part + ": " + key + ": damaged zip entry (its CRC-32 checksum does not match"
                            + " its content; the file is corrupt)");
            } catch (java.io.EOFException ex) {
                throw new DataFormatException(part + ": " + key + ": truncated zip entry");
            }
        }
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
