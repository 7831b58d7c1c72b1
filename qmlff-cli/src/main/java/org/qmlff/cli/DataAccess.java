package org.qmlff.cli;

import org.qmlff.data.Dataset;

import java.nio.file.Path;

/** The one place where the CLI reads data files. */
final class DataAccess {
    private DataAccess() {
    }

    /** Reads a data file (rMD17 npz, extended XYZ) into a dataset. */
    static Dataset load(Path file) {
        // TODO(lead): wire to org.qmlff.data.DataFiles.read(file) once the data readers are merged.
        throw new UnsupportedOperationException("data readers not merged yet");
    }
}
