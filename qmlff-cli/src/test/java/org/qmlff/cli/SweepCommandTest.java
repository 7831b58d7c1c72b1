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
 * {@code qmlff sweep} end to end on the bundled ethanol data with a tiny {@code revised} model (the force weight
 * at two values × 2 seeds, 2 epochs): each run is the run {@code qmlff train} makes with the value as a flag, the
 * table's statistics and front against the runs' own metrics, the pick on validation against its definition,
 * the report section, resuming by skipping, and one-line errors that write nothing.
 */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of("1", "100");

    private static Path config(Path dir) throws Exception {
        Path data = Path.of("../data/rmd17").toAbsolutePath().normalize();
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "data: [" + data.resolve("rmd17_ethanol_train_01.npz") + "]\n"
                + "test: [" + data.resolve("rmd17_ethanol_test_01.npz") + "]\n"
                + "arch: revised\nn-train: 24\nn-valid: 8\nepochs: 2\nD: 1\nK: 2\n");
        return f;
    }

    private static JsonNode molecule(Path run) throws Exception {
        return JSON.readTree(run.resolve("metrics.json").toFile()).path("per_dataset").elements().next();
    }

    @Test
    void aSweepTrainsEachValueTabulatesItAndResumesBySkipping(@TempDir Path dir) throws Exception {
        Path cfg = config(dir), out = dir.resolve("sweep");
        String[] args = {"sweep", "--config", cfg.toString(), "--key", "w-force", "--values", String.join(",", VALUES),
                "--seeds", "2", "--threads", "2", "--out", out.toString()};
        CliRun r = CliRun.main(args);
        assertThat(r.code()).as(r.err()).isZero();

        // Each run is the run 'qmlff train' makes with the value and the seed as flags, bit for bit.
        Path single = dir.resolve("single");
        CliRun t = CliRun.main("train", "--config", cfg.toString(), "--w-force", "100", "--seed", "1", "--threads", "1",
                "--out", single.toString());
        assertThat(t.code()).as(t.err()).isZero();
        JsonNode swept = JSON.readTree(out.resolve("runs/w-force-100-s1/model.json").toFile()).path("params");
        assertThat(swept.isContainerNode() && swept.size() > 0).as("model.json has params").isTrue();
        assertThat(swept).isEqualTo(JSON.readTree(single.resolve("model.json").toFile()).path("params"));
        // and the value reached the run: the other weight, same seed, trains other parameters
        assertThat(JSON.readTree(out.resolve("runs/w-force-1-s1/model.json").toFile()).path("params")).isNotEqualTo(swept);
        assertThat(Files.readString(out.resolve("runs/w-force-1-s0/config.yaml"))).containsPattern("w-force: 1(\\.0)?\\n");

        JsonNode summary = JSON.readTree(out.resolve("sweep.json").toFile());
        assertThat(summary.path("key").asText()).isEqualTo("w-force");
        assertThat(summary.path("n_train").asInt()).isEqualTo(16);
        assertThat(summary.path("test_frames").asInt()).isEqualTo(1000);
        double[][] test = new double[2][2], valid = new double[2][2]; // [value][energy, force] means
        for (int v = 0; v < VALUES.size(); v++) {
            JsonNode row = summary.path("values").get(v);
            assertThat(row.path("value").asText()).isEqualTo(VALUES.get(v));
            for (String set : List.of("test", "valid")) {
                double[] f = new double[2], e = new double[2];
                for (int s = 0; s < 2; s++) {
                    JsonNode m = molecule(out.resolve("runs").resolve("w-force-" + VALUES.get(v) + "-s" + s)).path(set);
                    f[s] = m.path("force_mae_meV_per_A").asDouble();
                    e[s] = m.path("energy_mae_meV").asDouble();
                }
                JsonNode st = row.path(set);
                assertThat(st.path("force_mae_meV_per_A").path("mean").asDouble()).isCloseTo((f[0] + f[1]) / 2, within(1e-9));
                assertThat(st.path("force_mae_meV_per_A").path("std").asDouble())
                        .isCloseTo(Math.abs(f[0] - f[1]) / Math.sqrt(2), within(1e-9));
                assertThat(st.path("energy_mae_meV").path("mean").asDouble()).isCloseTo((e[0] + e[1]) / 2, within(1e-9));
                assertThat(st.path("energy_mae_kcal_mol").path("mean").asDouble())
                        .isCloseTo((e[0] + e[1]) / 2 / 43.364, within(1e-3));
                double[] into = set.equals("test") ? test[v] : valid[v];
                into[0] = (e[0] + e[1]) / 2;
                into[1] = (f[0] + f[1]) / 2;
            }
        }
        // The front and the pick on validation, from their definitions on the runs' own numbers.
        for (int v = 0; v < 2; v++) {
            int o = 1 - v;
            boolean dominated = test[o][0] <= test[v][0] && test[o][1] <= test[v][1]
                    && (test[o][0] < test[v][0] || test[o][1] < test[v][1]);
            assertThat(summary.path("values").get(v).path("on_front").asBoolean()).isEqualTo(!dominated);
        }
        String chosen = VALUES.get(valid[0][1] <= valid[1][1] ? 0 : 1);
        assertThat(summary.path("verdicts").get(0).asText()).startsWith("Chosen on validation for forces: w-force = " + chosen + " ");

        String md = Files.readString(out.resolve("sweep.md"));
        for (String v : VALUES) assertThat(md).contains("| " + v + " | 2 |");
        assertThat(md).contains("null model").contains("sweep.png");
        assertThat(Files.size(out.resolve("sweep.png"))).isPositive();

        StudyAssertions.reportShows(dir, out, "Sweep of w-force", summary, "sweep-");
        StudyAssertions.rerunSkipsAll(args, 4, out.resolve("sweep.json"));
    }

    @Test
    void whatNoSweepCanDoIsOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path cfg = config(dir);
        String[][] cases = {
                {"--key", "seed", "--values", "1,2"},
                {"--key", "w-force", "--values", "10"},
                {"--key", "w-force", "--values", "1,1"},
                {"--key", "w-force", "--values", "1,../x"},
                {"--key", "w-force", "--values", "1,abc"},
                {"--key", "epochs", "--values", "1,2", "--epochs", "3"},
        };
        String[] expected = {
                "qmlff: error: --key seed cannot be swept (sweepable: n-train, n-valid, epochs, batch, lr, w-energy, w-force, ",
                "qmlff: error: --values needs at least two values, got 1",
                "qmlff: error: --values: 1 is given twice",
                "qmlff: error: --values: '../x' is not a plain value (letters, digits, '.', '+', '-', '_'; it names the run directory)",
                "qmlff: error: w-force = abc: ",
                "qmlff: error: --key epochs is also given as a fixed setting; give it only as the swept key",
        };
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("o" + i);
            String[] args = new String[cases[i].length + 5];
            args[0] = "sweep";
            args[1] = "--config";
            args[2] = cfg.toString();
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out.toString();
            CliRun r = CliRun.main(args);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", cases[i])).startsWith(expected[i]);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Files.exists(out)).as(String.join(" ", cases[i])).isFalse();
        }
    }
}
