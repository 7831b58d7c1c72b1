package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.report.ReportSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The {@code qmlff report} section of an output directory of {@code qmlff sweep} (its sweep.json and plot). */
final class SweepSection {
    private SweepSection() {
    }

    /**
     * The section: one row per value (test and validation errors, mean ± std over seeds, whether it is on the
     * trade-off front), the verdicts, the command and the plot.
     *
     * @param asset copies a file into the report under a name and returns its path relative to the report
     */
    static Doc doc(ReportSource.Sweep s, BiFunction<Path, String, String> asset) {
        JsonNode j = s.summary();
        String key = j.path("key").asText();
        Doc d = AblationSection.start("Sweep of " + key + " " + s.dir().toAbsolutePath().normalize(), j, " and validation "
                + "errors, mean ± std over seeds. On front: no other value is better in both test energy and test force.");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode v : j.path("values")) {
            boolean any = v.has("test");
            rows.add(List.of(v.path("value").asText(), Integer.toString(v.path("runs").size()),
                    any ? Fmt.meanStd(v.path("test").path("energy_mae_meV")) : Fmt.MISSING,
                    any ? Fmt.meanStd(v.path("test").path("force_mae_meV_per_A")) : Fmt.MISSING,
                    any ? Fmt.meanStd(v.path("valid").path("energy_mae_meV")) : Fmt.MISSING,
                    any ? Fmt.meanStd(v.path("valid").path("force_mae_meV_per_A")) : Fmt.MISSING,
                    any ? (v.path("on_front").asBoolean() ? "yes" : "no") : Fmt.MISSING));
        }
        JsonNode nul = j.path("null_model");
        rows.add(List.of("null model", Fmt.MISSING, Fmt.mae(nul.path("energy_mae_meV").asDouble(Double.NaN)),
                Fmt.mae(nul.path("force_mae_meV_per_A").asDouble(Double.NaN)), Fmt.MISSING, Fmt.MISSING, Fmt.MISSING));
        d.table(List.of(key, "seeds", "test E MAE (meV)", "test F MAE (meV/Å)", "valid E MAE (meV)", "valid F MAE (meV/Å)",
                "on front"), rows);
        AblationSection.verdictsCommandAndPlot(d, j, s.dir().resolve("sweep.png"), "Test energy against force MAE per value",
                asset);
        return d;
    }
}
