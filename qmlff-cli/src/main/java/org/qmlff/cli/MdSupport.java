package org.qmlff.cli;

import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.Element;

import java.io.IOException;
import java.nio.file.Path;

/** What {@code qmlff md} and {@code qmlff serve-ipi} take from the data layer. */
final class MdSupport {
    private MdSupport() {
    }

    /** Reads a start geometry (npz, extended XYZ); energies and forces are not needed. */
    static Dataset load(Path file) throws IOException {
        return DataFiles.readGeometry(file);
    }

    /** Standard atomic masses (amu) of the given atomic numbers. */
    static double[] masses(int[] numbers) {
        double[] m = new double[numbers.length];
        for (int i = 0; i < m.length; i++) m[i] = Element.of(numbers[i]).mass();
        return m;
    }

    /** Element symbols of the given atomic numbers. */
    static String[] symbols(int[] numbers) {
        return Element.symbols(numbers).toArray(new String[0]);
    }
}
