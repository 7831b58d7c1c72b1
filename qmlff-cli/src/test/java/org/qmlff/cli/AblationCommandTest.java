package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code qmlff ablation} end to end on the bundled ethanol data with a tiny hybrid (5 variants × 2 seeds,
 * 2 epochs): the table's statistics against the runs' own metrics, the shares against their definition,
 * the variants' models, resuming by skipping, and one-line errors.
 */
class AblationCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VARIANTS = List.of("full", "no-exchange", "frozen", "classical-features", "classical-alone");

    private static Path config(Path dir, String arch, String extra) throws Exception {
        Path data = Path.of("../data/rmd17").toAbsolutePath().normalize();
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "data: [" + data.resolve("rmd17_ethanol_train_01.npz") + "]\n"
                + "test: [" + data.resolve("rmd17_ethanol_test_01.npz") + "]\n"
                + "arch: " + arch + "\nn-train: 24\nn-valid: 8\nepochs: 2\nD: 1\nK: 2\n" + extra);
        return f;
    }

    private static final String HYBRID = "readout: pairs\nthreebody: 0\nhidden: [3]\nbaseline: ridge\nbaseK: 2\nbaseLmax: 1\n";

    @Test
    void aStudyTabulatesItsRunsAndResumesBySkipping(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, "hybrid", HYBRID), out = dir.resolve("abl");
        // --n-train 22 --n-valid 4 replace the config's 24 + 8: 18 training frames.
        String[] args = {"ablation", "--config", cfg.toString(), "--seeds", "2", "--threads", "2", "--n-train", "22",
                "--n-valid", "4", "--out", out.toString()};
        CliRun r = CliRun.main(args);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("ablation.json").toFile());
        assertThat(summary.path("test_frames").asInt()).isEqualTo(1000);
        assertThat(summary.path("n_train").asInt()).isEqualTo(18);
        double[] force = new double[VARIANTS.size()];
        for (int v = 0; v < VARIANTS.size(); v++) {
            JsonNode row = summary.path("variants").get(v);
            assertThat(row.path("label").asText()).isEqualTo(VARIANTS.get(v));
            double[] f = new double[2], e = new double[2];
            for (int s = 0; s < 2; s++) {
                Path run = out.resolve("runs").resolve(VARIANTS.get(v) + "-s" + s);
                JsonNode test = JSON.readTree(run.resolve("metrics.json").toFile()).path("per_dataset").elements().next().path("test");
                f[s] = test.path("force_mae_meV_per_A").asDouble();
                e[s] = test.path("energy_mae_meV").asDouble();
                assertThat(test.path("n_frames").asInt()).isEqualTo(1000);
            }
            double mean = (f[0] + f[1]) / 2, std = Math.abs(f[0] - f[1]) / Math.sqrt(2);
            assertThat(row.path("force_mae_meV_per_A").path("mean").asDouble()).isCloseTo(mean, within(1e-9));
            assertThat(row.path("force_mae_meV_per_A").path("std").asDouble()).isCloseTo(std, within(1e-9));
            assertThat(row.path("energy_mae_meV").path("mean").asDouble()).isCloseTo((e[0] + e[1]) / 2, within(1e-9));
            assertThat(row.path("force_mae_kcal_mol_per_A").path("mean").asDouble()).isCloseTo(mean / 43.364, within(1e-3 * mean / 43.364));
            force[v] = mean;
        }
        // The shares, from their definition on the table's own means.
        for (int v = 1; v < 4; v++)
            assertThat(summary.path("variants").get(v).path("force_share_lost").asDouble())
                    .isCloseTo((force[v] - force[0]) / (force[4] - force[0]), within(1e-9));
        assertThat(summary.path("force_gain_over_reference").asDouble()).isCloseTo(1 - force[0] / force[4], within(1e-12));
        // What each variant is: its model file's circuit option and its trained parameters.
        JsonNode full = summary.path("variants").get(0), frozen = summary.path("variants").get(2), alone = summary.path("variants").get(4);
        assertThat(full.path("trained_parameters").asInt()).isEqualTo(full.path("parameters").asInt());
        assertThat(frozen.path("trained_parameters").asInt()).isPositive().isLessThan(full.path("trained_parameters").asInt());
        assertThat(alone.path("trained_parameters").asInt()).isBetween(1, 4);
        assertThat(summary.path("variants").get(3).path("circuits_per_energy").asInt()).isZero();
        assertThat(full.path("circuits_per_energy").asInt()).isEqualTo(9);
        for (String v : VARIANTS) {
            JsonNode model = JSON.readTree(out.resolve("runs").resolve(v + "-s1").resolve("model.json").toFile());
            String expected = switch (v) {
                case "full" -> "quantum";
                case "classical-features" -> "classical";
                case "classical-alone" -> "none";
                default -> v;
            };
            assertThat(model.path("hyper").path("circuit").asText()).as(v).isEqualTo(expected);
        }
        String md = Files.readString(out.resolve("ablation.md"));
        for (String v : VARIANTS) assertThat(md).contains("| " + v + " |");
        assertThat(md).contains("criterion >= 25 % below").contains("null model").contains("ablation.png");
        assertThat(Files.size(out.resolve("ablation.png"))).isPositive();

        // qmlff report shows the study: its table, verdicts and plot.
        StudyAssertions.reportShows(dir, out, "Ablation study", summary, "ablation-");
        String rmd = Files.readString(dir.resolve("report").resolve("report.md"));
        for (String v : VARIANTS) assertThat(rmd).contains("| " + v + " |");

        StudyAssertions.rerunSkipsAll(args, 10, out.resolve("ablation.json"));
    }

    @Test
    void whatNoStudyCanDoIsOneLine(@TempDir Path dir) throws Exception {
        Path revised = config(dir, "revised", "");
        CliRun r = CliRun.main("ablation", "--config", revised.toString(), "--out", dir.resolve("a").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: " + revised + ": arch revised defines no ablation study (defined for: hybrid)");

        Path hybrid = config(dir, "hybrid", HYBRID);
        r = CliRun.main("ablation", "--config", hybrid.toString(), "--seeds", "0", "--out", dir.resolve("b").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: --seeds must be at least 1, got 0");

        Path chiral = config(dir, "hybrid", HYBRID.replace("readout: pairs", "readout: chiral\nparity: sym"));
        r = CliRun.main("ablation", "--config", chiral.toString(), "--out", dir.resolve("c").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("qmlff: error: ablation classical-features: "
                + "circuit=classical has no classical map for readout=chiral (use full, pairs or pair01)");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("c").resolve("runs"))).isFalse();
    }
}
