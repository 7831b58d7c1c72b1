package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.report.ReportSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** The {@code qmlff report} section of an output directory of {@code qmlff ablation} (its ablation.json and plot). */
final class AblationSection {
    private AblationSection() {
    }

    /**
     * The section: one row per variant (test errors mean ± std over seeds, share of the gain lost, sizes),
     * the verdicts, the command and the plot.
     *
     * @param asset copies a file into the report under a name and returns its path relative to the report
     */
    static Doc doc(ReportSource.Ablation s, BiFunction<Path, String, String> asset) {
        JsonNode j = s.summary();
        Doc d = start("Ablation study " + s.dir().toAbsolutePath().normalize(), j, ", mean ± std over seeds. "
                + "Share of gain lost = (F_variant − F_full) / (F_classical-alone − F_full) (docs/HYBRID.md §Ablations).");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode v : j.path("variants")) {
            boolean any = v.has("force_mae_meV_per_A");
            rows.add(List.of(v.path("label").asText(), v.path("description").asText(), Integer.toString(v.path("runs").size()),
                    any ? Fmt.meanStd(v.path("energy_mae_meV")) : Fmt.MISSING, any ? Fmt.meanStd(v.path("force_mae_meV_per_A")) : Fmt.MISSING,
                    v.path("force_share_lost").isNumber()
                            ? String.format(Locale.ROOT, "%.0f %%", 100 * v.path("force_share_lost").asDouble()) : Fmt.MISSING,
                    any ? v.path("parameters").asText() + " (" + v.path("trained_parameters").asText() + ")" : Fmt.MISSING,
                    any ? v.path("circuits_per_energy").asText() : Fmt.MISSING));
        }
        JsonNode nul = j.path("null_model");
        rows.add(List.of("null model", "mean training energy, zero forces", Fmt.MISSING,
                Fmt.mae(nul.path("energy_mae_meV").asDouble(Double.NaN)), Fmt.mae(nul.path("force_mae_meV_per_A").asDouble(Double.NaN)),
                Fmt.MISSING, "0", "0"));
        d.table(List.of("variant", "what is removed", "seeds", "E MAE (meV)", "F MAE (meV/Å)", "F share of gain lost",
                "params (trained)", "circuits / energy"), rows);
        verdictsCommandAndPlot(d, j, s.dir().resolve("ablation.png"), "Test errors by variant", asset);
        return d;
    }

    /** A study's section (ablation, sweep) up to its table: the title and "molecule, N, test frames" + {@code more}. */
    static Doc start(String title, JsonNode summary, String more) {
        Doc d = new Doc().heading(2, title);
        d.paragraph(String.format(Locale.ROOT, "%s, N = %d, test errors over all %d test frames", summary.path("molecule").asText(),
                summary.path("n_train").asInt(), summary.path("test_frames").asInt()) + more);
        return d;
    }

    /**
     * The end of a study's section (ablation, sweep): its verdicts as bullets, the command that reproduces it and
     * its plot {@code png} (when the file exists), copied into the report through {@code asset}.
     */
    static void verdictsCommandAndPlot(Doc d, JsonNode summary, Path png, String alt, BiFunction<Path, String, String> asset) {
        List<String> verdicts = new ArrayList<>();
        summary.path("verdicts").forEach(v -> verdicts.add(v.asText()));
        d.bullets(verdicts);
        if (summary.path("command").isTextual()) {
            d.paragraph("Reproduce (run from the directory it was started in; rerunning it resumes):");
            d.code(summary.path("command").asText() + "\n");
        }
        if (Files.isRegularFile(png)) d.image(asset.apply(png, png.getFileName().toString()), alt);
    }
}
