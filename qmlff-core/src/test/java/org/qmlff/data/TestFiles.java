package org.qmlff.data;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Locations of the shared and bundled data, and small synthetic data for tests (here and in the CLI's tests). */
public final class TestFiles {
    private TestFiles() {
    }

    /** The shared rMD17 folder; skips the calling test when the shared checkout is absent. */
    static Path sharedRmd17() {
        String shared = System.getProperty("qmlff.shared");
        Assumptions.assumeTrue(shared != null, "system property qmlff.shared not set: shared data folder unknown, test skipped");
        Path p = Path.of(shared, "data", "rmd17");
        Assumptions.assumeTrue(Files.isDirectory(p), "shared data folder " + p + " absent: test skipped");
        return p;
    }

    /** The repository root (system property qmlff.root, set by surefire). */
    static Path root() {
        String root = System.getProperty("qmlff.root");
        Assumptions.assumeTrue(root != null, "system property qmlff.root not set: test skipped");
        return Path.of(root);
    }

    /**
     * A water-like molecule (O, H, H) in {@code frames} frames with distinct, exactly representable
     * values: positions {@code O=(0,0,0), H=(0.96+f/8, 0, 0), H=(0, 0.96, f/16)}, energy
     * {@code -100 - f/4}, force components {@code (f+1)*(index+1)/8}.
     */
    static Dataset water(int frames) {
        return water(frames, (fr, x, f, o) -> {
            x[o + 3] = 0.96 + fr / 8.0;
            x[o + 7] = 0.96;
            x[o + 8] = fr / 16.0;
            for (int i = 0; i < 9; i++) f[o + i] = (fr + 1) * (i + 1) / 8.0;
        });
    }

    /** Writes the positions and forces of one frame of a water-like molecule. */
    @FunctionalInterface
    public interface WaterFrame {
        /** Writes frame {@code fr}'s 9 coordinates into x and its 9 force components into f, both from {@code offset}. */
        void write(int fr, double[] x, double[] f, int offset);
    }

    /**
     * A water-like molecule (O, H, H) named "water" in {@code frames} frames, energy {@code -100 - f/4}
     * in frame f; positions and forces as {@code frame} writes them (zero where it writes nothing).
     */
    public static Dataset water(int frames, WaterFrame frame) {
        int[] z = {8, 1, 1};
        double[] x = new double[frames * 9];
        double[] e = new double[frames];
        double[] f = new double[frames * 9];
        for (int fr = 0; fr < frames; fr++) {
            frame.write(fr, x, f, fr * 9);
            e[fr] = -100 - fr / 4.0;
        }
        return new Dataset("water", z, x, e, f);
    }

    /** The rMD17 arrays of {@code d}, keyed as in rMD17, in the given types. */
    static Map<String, NpyArray> rmd17Arrays(Dataset d) {
        long[] z = new long[d.atoms()];
        for (int a = 0; a < z.length; a++) z[a] = d.numbers()[a];
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("nuclear_charges", new NpyArray.OfLong("nuclear_charges", NpyDtype.UINT8, new int[]{d.atoms()}, z));
        m.put("coords", NpyArray.OfDouble.of("coords", new int[]{d.frames(), d.atoms(), 3}, d.positions().clone()));
        m.put("energies", NpyArray.OfDouble.of("energies", new int[]{d.frames()}, d.energies().clone()));
        m.put("forces", NpyArray.OfDouble.of("forces", new int[]{d.frames(), d.atoms(), 3}, d.forces().clone()));
        return m;
    }

    /** Writes an npz whose entries are the given raw bytes (key → NPY content), stored. */
    static Path writeRaw(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); NpzWriter w = new NpzWriter(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) w.addRaw(e.getKey() + ".npy", e.getValue(), false);
        }
        return file;
    }

    /** Writes an npz of the given arrays, stored. */
    static Path write(Path file, Map<String, NpyArray> arrays) throws IOException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        arrays.forEach((k, a) -> raw.put(k, Npy.encode(a)));
        return writeRaw(file, raw);
    }
}
