package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.report.ReportSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The {@code qmlff report} section of an output directory of {@code qmlff md-benchmark} (its summary.json and plots). */
final class MdBenchmarkSection {
    private MdBenchmarkSection() {
    }

    /**
     * The section: the summary table, its definitions, the survival plot and each model's h(r) plot.
     *
     * @param asset copies a file into the report under a name and returns its path relative to the report
     */
    static Doc doc(ReportSource.MdBenchmark b, BiFunction<Path, String, String> asset) {
        Doc d = new Doc().heading(2, "MD benchmark " + b.dir().toAbsolutePath().normalize());
        List<String> header = new ArrayList<>();
        b.summary().path("table_header").forEach(h -> header.add(h.asText()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : b.summary().path("models")) {
            List<String> row = new ArrayList<>();
            m.path("table_row").forEach(c -> row.add(c.asText()));
            rows.add(row);
        }
        d.table(header, rows);
        if (b.summary().path("definitions").isTextual()) d.paragraph(b.summary().path("definitions").asText());
        Path survival = b.dir().resolve("survival.png");
        if (Files.isRegularFile(survival)) d.image(asset.apply(survival, "survival.png"), "Kaplan–Meier survival of the NVT runs");
        for (JsonNode m : b.summary().path("models")) {
            String label = m.path("model").asText();
            Path hr = b.dir().resolve(label).resolve("hr.png");
            if (Files.isRegularFile(hr)) d.image(asset.apply(hr, label + "-hr.png"), label + ": h(r) of the MD runs and of the reference data");
        }
        return d;
    }
}
