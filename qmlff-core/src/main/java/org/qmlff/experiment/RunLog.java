package org.qmlff.experiment;

import org.qmlff.data.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code train.log}: lines are kept in memory and the whole file is rewritten atomically
 * after each one (it is small), so the file is never half-written. Lines may be echoed to a console.
 */
public final class RunLog {
    private final Path file;
    private final PrintWriter echo;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param file   the log file
     * @param keep   keep the file's existing lines (resumed run)
     * @param echo   where to print each line as well, or null
     */
    public RunLog(Path file, boolean keep, PrintWriter echo) {
        this.file = file;
        this.echo = echo;
        if (keep && Files.exists(file)) {
            try {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Adds a line (and writes the file). */
    public void add(String line) {
        lines.add(line);
        if (echo != null) {
            echo.println(line);
            echo.flush();
        }
        AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }
}
