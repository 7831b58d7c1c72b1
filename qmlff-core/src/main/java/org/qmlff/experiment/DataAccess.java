package org.qmlff.experiment;

import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.file.Path;

/** The one place where the CLI reads data files. */
public final class DataAccess {
    private DataAccess() {
    }

    /** Reads a data file that may lack energies and forces (they are then NaN). */
    public static Dataset loadGeometry(Path file) {
        try {
            return DataFiles.readGeometry(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a data file (rMD17 npz, extended XYZ) into a dataset. */
    public static Dataset load(Path file) {
        try {
            return DataFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
