package org.qmlff.md;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams every {@code stride}-th state as an extended XYZ frame:
 * <pre>
 * N
 * Properties=species:S:1:pos:R:3:forces:R:3:velocities:R:3 energy=E pbc="F F F" time=T
 * symbol x y z fx fy fz vx vy vz      (N lines)
 * </pre>
 * in qmlff's units, as in the project's data files: positions Å, energy (potential) kcal/mol, forces
 * kcal/mol/Å, velocities Å/fs, time fs. Numbers are written in full precision. Each frame goes to
 * the file in one write and is flushed, so a run stopped at any time leaves a file of complete frames.
 */
public final class TrajectoryWriter implements MdObserver, Closeable {
    private static final String PROPERTIES = "Properties=species:S:1:pos:R:3:forces:R:3:velocities:R:3";
    private final BufferedWriter out;
    private final String[] symbols;
    private final long stride;
    private final StringBuilder frame = new StringBuilder(4096);
    private long frames;

    /**
     * Creates (or truncates) {@code file}.
     *
     * @param symbols element symbols, one per atom
     * @param stride  write states whose step is a multiple of this (≥ 1)
     */
    public TrajectoryWriter(Path file, String[] symbols, long stride) throws IOException {
        if (stride < 1) throw new IllegalArgumentException("trajectory stride must be >= 1, got " + stride);
        for (int a = 0; a < symbols.length; a++)
            if (symbols[a] == null || symbols[a].isEmpty() || !symbols[a].chars().allMatch(Character::isLetter))
                throw new IllegalArgumentException("element symbol of atom " + a + " is '" + symbols[a] + "'");
        this.symbols = symbols.clone();
        this.stride = stride;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void observe(MdState s) throws IOException {
        if (s.step() % stride != 0) return;
        if (s.atoms() != symbols.length)
            throw new IllegalArgumentException("trajectory set up for " + symbols.length + " atoms, state has " + s.atoms());
        frame.setLength(0);
        frame.append(s.atoms()).append('\n');
        frame.append(PROPERTIES).append(" energy=").append(MdFormat.number(s.potentialEnergy()))
                .append(" pbc=\"F F F\" time=").append(MdFormat.number(s.time())).append('\n');
        double[] x = s.positions(), f = s.forces(), v = s.velocities();
        for (int a = 0; a < s.atoms(); a++) {
            frame.append(symbols[a]);
            appendTriple(x, a);
            appendTriple(f, a);
            appendTriple(v, a);
            frame.append('\n');
        }
        out.append(frame);
        out.flush();
        frames++;
    }

    private void appendTriple(double[] values, int atom) {
        for (int k = 0; k < 3; k++) frame.append(' ').append(MdFormat.number(values[3 * atom + k]));
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
