package org.qmlff.cli;

import org.qmlff.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The only place where {@code qmlff md} and {@code qmlff serve-ipi} call data-layer classes that
 * are not merged into this branch yet. To be wired when they are (on main at the time of writing:
 * {@code DataFiles.read(file)}, {@code Element.of(z).mass()}, {@code Element.symbols(numbers)}).
 */
final class MdSupport {
    private MdSupport() {
    }

    /** Reads a data file (npz, extended XYZ) into a dataset. */
    static Dataset load(Path file) throws IOException {
        throw new UnsupportedOperationException("not merged yet");
    }

    /** Standard atomic masses (amu) of the given atomic numbers. */
    static double[] masses(int[] numbers) {
        throw new UnsupportedOperationException("not merged yet");
    }

    /** Element symbols of the given atomic numbers. */
    static String[] symbols(int[] numbers) {
        throw new UnsupportedOperationException("not merged yet");
    }
}
