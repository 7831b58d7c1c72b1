package org.qmlff.bench;

import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the model benchmarks find their frames. */
final class BenchData {
    static final String BUNDLED = "data/rmd17/rmd17_ethanol_train_01.npz";

    private BenchData() {
    }

    /**
     * The frames named by system property {@code qmlff.data}, else the bundled ethanol split under
     * {@code qmlff.root} (else under the working directory).
     */
    static Dataset ethanol() {
        String explicit = System.getProperty("qmlff.data");
        Path p = explicit != null ? Path.of(explicit)
                : Path.of(System.getProperty("qmlff.root", ".")).resolve(BUNDLED);
        if (!Files.isRegularFile(p))
            throw new IllegalStateException(p.toAbsolutePath() + " not found: run from the repository root, or pass "
                    + "-jvmArgsAppend -Dqmlff.data=FILE");
        try {
            return DataFiles.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
