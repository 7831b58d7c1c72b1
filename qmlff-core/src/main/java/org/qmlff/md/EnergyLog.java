package org.qmlff.md;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams every {@code stride}-th state as a CSV row
 * {@code step,time_fs,potential_kcal_mol,kinetic_kcal_mol,total_kcal_mol,temperature_K}, flushed
 * row by row so that a stopped run leaves a complete file.
 */
public final class EnergyLog implements MdObserver, Closeable {
    /** The header line. */
    public static final String HEADER = "step,time_fs,potential_kcal_mol,kinetic_kcal_mol,total_kcal_mol,temperature_K";
    private final BufferedWriter out;
    private final long stride;
    private final StringBuilder row = new StringBuilder(160);

    /** Creates (or truncates) {@code file} and writes the header. */
    public EnergyLog(Path file, long stride) throws IOException {
        if (stride < 1) throw new IllegalArgumentException("log stride must be >= 1, got " + stride);
        this.stride = stride;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
        out.flush();
    }

    @Override
    public void observe(MdState s) throws IOException {
        if (s.step() % stride != 0) return;
        row.setLength(0);
        row.append(s.step()).append(',').append(MdFormat.number(s.time())).append(',')
                .append(MdFormat.number(s.potentialEnergy())).append(',')
                .append(MdFormat.number(s.kineticEnergy())).append(',')
                .append(MdFormat.number(s.totalEnergy())).append(',')
                .append(MdFormat.number(s.temperature())).append('\n');
        out.append(row);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
