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
