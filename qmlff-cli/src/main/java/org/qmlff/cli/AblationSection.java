package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.analysis.MeanStd;
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
        Doc d = new Doc().heading(2, "Ablation study " + s.dir().toAbsolutePath().normalize());
        d.paragraph(String.format(Locale.ROOT, "%s, N = %d, test errors over all %d test frames, mean ± std over seeds. "
                        + "Share of gain lost = (F_variant − F_full) / (F_classical-alone − F_full) (docs/HYBRID.md §Ablations).",
                j.path("molecule").asText(), j.path("n_train").asInt(), j.path("test_frames").asInt()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode v : j.path("variants")) {
            boolean any = v.has("force_mae_meV_per_A");
            rows.add(List.of(v.path("label").asText(), v.path("description").asText(), Integer.toString(v.path("runs").size()),
                    any ? stat(v.path("energy_mae_meV")) : Fmt.MISSING, any ? stat(v.path("force_mae_meV_per_A")) : Fmt.MISSING,
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
        List<String> verdicts = new ArrayList<>();
        j.path("verdicts").forEach(v -> verdicts.add(v.asText()));
        d.bullets(verdicts);
        if (j.path("command").isTextual()) {
            d.paragraph("Reproduce (run from the directory it was started in; rerunning it resumes):");
            d.code(j.path("command").asText() + "\n");
        }
        Path png = s.dir().resolve("ablation.png");
        if (Files.isRegularFile(png)) d.image(asset.apply(png, "ablation.png"), "Test errors by variant");
        return d;
    }

    private static String stat(JsonNode n) {
        return Fmt.meanStd(new MeanStd(n.path("seeds").asInt(), n.path("mean").asDouble(),
                n.path("std").isNumber() ? n.path("std").asDouble() : Double.NaN));
    }
}
