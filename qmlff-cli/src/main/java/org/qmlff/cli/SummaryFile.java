package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.experiment.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON summary an output directory of a study command carries (md-benchmark's summary.json, ablation's
 * ablation.json), recognised by its {@code "format"} field, for the report's sections.
 */
final class SummaryFile {
    private SummaryFile() {
    }

    /** Whether {@code dir/name} is a regular file of JSON whose {@code "format"} is {@code format}; false if unreadable. */
    static boolean has(Path dir, String name, String format) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) return false;
        try {
            return format.equals(RunDirectory.JSON.readTree(f.toFile()).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code dir/name} read, or a one-line user error naming the file. */
    static JsonNode read(Path dir, String name) {
        Path f = dir.resolve(name);
        try {
            return RunDirectory.JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UserError(f + ": not valid JSON");
        }
    }
}
