package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code qmlff report} on a single run and a learning curve made with the test backend. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path run, lc, report;
    static CliRun result;
    static String md;

    @BeforeAll
    static void makeRunsAndReport() {
        run = tmp.resolve("single");
        CliRun t = CliRun.of(LearningCurveCommandTest.backend(), new TrainCommand(), "--arch", "revised", "--data",
                "ethanol_train.npz", "--test", "ethanol_test.npz", "--n-train", "60", "--n-valid", "10", "--epochs", "2",
                "--lr", "0.05", "--seed", "5", "--threads", "1", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        lc = tmp.resolve("lc");
        CliRun l = CliRun.of(LearningCurveCommandTest.backend(), new LearningCurveCommand(),
                LearningCurveCommandTest.args(lc, "2"));
        assertThat(l.code()).as(l.err()).isZero();
        report = tmp.resolve("report");
        result = CliRun.main("report", run.toString(), lc.toString(), "--out", report.toString());
        try {
            md = Files.readString(report.resolve("report.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The cells of the Markdown table rows whose first cells are {@code prefix}, unescaped. */
    static List<List<String>> rows(String text, String... prefix) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("| ")) continue;
            String[] raw = line.substring(2, line.length() - 2).split(" \\| ", -1);
            List<String> cells = new ArrayList<>();
            for (String c : raw) cells.add(c.replaceAll("\\\\(.)", "$1"));
            boolean match = cells.size() >= prefix.length;
            for (int i = 0; match && i < prefix.length; i++) match = cells.get(i).equals(prefix[i]);
            if (match) out.add(cells);
        }
        return out;
    }

    /** The section of the report under a heading, up to the next heading of the same or higher level. */
    static String section(String heading) {
        int level = heading.indexOf(' ');
        int start = md.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        Matcher m = Pattern.compile("\n#{1," + level + "} ").matcher(md);
        int end = m.find(start + heading.length() + 1) ? m.start() : md.length();
        return md.substring(start, end);
    }

    /** A printed error value is within half a unit of its last digit of the true one. */
    static void assertPrinted(String cell, double value) {
        int dot = cell.indexOf('.');
        double half = 0.5 * Math.pow(10, dot < 0 ? 0 : -(cell.length() - dot - 1));
        assertThat(Double.parseDouble(cell)).as(cell + " vs " + value).isCloseTo(value, within(half + 1e-12));
    }

    @Test
    void writesMarkdownAndSelfContainedHtml() throws Exception {
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        int images = 0;
        for (String line : md.split("\n")) if (line.startsWith("![")) images++;
        assertThat(images).isGreaterThanOrEqualTo(2 + 2 + 2); // single run parity, lc parity, lc curves
        Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
        int embedded = 0;
        while (m.find()) {
            assertThat(m.group(1)).startsWith("data:image/png;base64,");
            byte[] png = Base64.getDecoder().decode(m.group(1).substring("data:image/png;base64,".length()));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            embedded++;
        }
        assertThat(embedded).isEqualTo(images);
        assertThat(html).doesNotContain("src=\"file:").doesNotContain("href=\"");
        // the Markdown links the copied PNGs next to it
        for (String line : md.split("\n"))
            if (line.startsWith("![")) {
                String file = line.substring(line.indexOf("](") + 2, line.length() - 1);
                assertThat(report.resolve(file)).isRegularFile();
            }
    }

    @Test
    void singleRunNumbersMatchMetricsJson() throws Exception {
        JsonNode m = LearningCurveCommandTest.metrics(run);
        JsonNode test = m.get("per_dataset").get("ethanol").get("test"), nul = m.get("per_dataset").get("ethanol").get("null");
        String ethanol = section("### ethanol");
        List<List<String>> r = rows(ethanol, "revised", "run single");
        assertThat(r).hasSize(1);
        List<String> row = r.get(0);
        assertThat(row.get(2)).isEqualTo("50");
        assertPrinted(row.get(4), test.get("energy_mae_meV").asDouble());
        assertPrinted(row.get(5), test.get("force_mae_meV_per_A").asDouble());
        assertThat(Double.parseDouble(row.get(6))).isCloseTo(test.get("energy_mae_meV").asDouble()
                / nul.get("energy_mae_meV").asDouble(), within(0.0005 + 1e-12));
        assertThat(Double.parseDouble(row.get(7))).isCloseTo(test.get("force_mae_meV_per_A").asDouble()
                / nul.get("force_mae_meV_per_A").asDouble(), within(0.0005 + 1e-12));
        List<String> n = rows(ethanol, "null model", "run single").get(0);
        assertPrinted(n.get(4), nul.get("energy_mae_meV").asDouble());
        assertPrinted(n.get(5), nul.get("force_mae_meV_per_A").asDouble());

        // published rows come from the bundled table (BASELINES.md): MACE on ethanol
        List<String> mace50 = rows(ethanol, "MACE", "published", "50").get(0);
        assertThat(mace50.subList(4, 6)).containsExactly("6.7", "32.6");
        List<String> mace1000 = rows(ethanol, "MACE", "published", "1000").get(0);
        assertThat(mace1000.subList(4, 6)).containsExactly("0.4", "2.1");

        // model size and training time
        List<String> size = rows(section("## Model sizes"), "single").get(0);
        assertThat(size.get(2)).isEqualTo(m.get("parameters").asText());
        List<String> time = rows(section("## Training"), "single").get(0);
        assertThat(time.get(3)).isEqualTo(m.get("epochs").asText());
        assertThat(time.get(4)).isEqualTo(m.get("best_epoch").asText());
        assertThat(Double.parseDouble(time.get(5))).isCloseTo(m.get("training_time_s").asDouble(), within(0.05 + 1e-12));
    }

    @Test
    void learningCurveNumbersMatchTheRunsMetrics() throws Exception {
        String ethanol = section("### ethanol");
        List<List<String>> r = rows(ethanol, "le", "learning curve lc");
        assertThat(r).hasSize(2);
        for (List<String> row : r) {
            int n = Integer.parseInt(row.get(2));
            assertThat(row.get(3)).isEqualTo("2");
            JsonNode a = LearningCurveCommandTest.metrics(lc.resolve("runs/le-ethanol-n" + n + "-s0"));
            JsonNode b = LearningCurveCommandTest.metrics(lc.resolve("runs/le-ethanol-n" + n + "-s1"));
            for (int c = 0; c < 2; c++) {
                String key = c == 0 ? "energy_mae_meV" : "force_mae_meV_per_A";
                double x = a.get("test").get(key).asDouble(), y = b.get("test").get(key).asDouble();
                String[] ms = row.get(4 + c).split(" ± ");
                assertPrinted(ms[0], (x + y) / 2);
                assertPrinted(ms[1], Math.abs(x - y) / Math.sqrt(2));
            }
        }
        // the learning-curve section: per-run table equal to metrics.json, and the diagnosis with its numbers
        String curves = section("## Learning curves");
        for (int n : LearningCurveCommandTest.SIZES)
            for (int s = 0; s < 2; s++) {
                JsonNode m = LearningCurveCommandTest.metrics(lc.resolve("runs/le-ethanol-n" + n + "-s" + s));
                List<String> row = rows(curves, "le", "ethanol", Integer.toString(n), Integer.toString(s)).get(0);
                assertPrinted(row.get(4), m.get("train").get("energy_mae_meV").asDouble());
                assertPrinted(row.get(5), m.get("test").get("energy_mae_meV").asDouble());
                assertPrinted(row.get(6), m.get("train").get("force_mae_meV_per_A").asDouble());
                assertPrinted(row.get(7), m.get("test").get("force_mae_meV_per_A").asDouble());
            }
        assertThat(curves).contains("le on ethanol: energy: ").contains("Power-law fits");
    }

    @Test
    void reproductionCommandsReproduce() throws Exception {
        String repro = section("## Reproduce");
        Path cfg = lc.resolve("runs/le-ethanol-n20-s1/config.yaml").toAbsolutePath().normalize();
        assertThat(repro).contains("./qmlff train --config " + cfg + " --out ");
        assertThat(repro).contains("./qmlff learning-curve --arch le --data ethanol_train.npz");
        assertThat(repro).contains("./qmlff train --config " + run.resolve("config.yaml").toAbsolutePath().normalize());
        // running the written command (in-process) gives the same numbers: config.yaml keeps the split
        Path again = tmp.resolve("again");
        CliRun r = CliRun.of(LearningCurveCommandTest.backend(), new TrainCommand(), "--config", cfg.toString(),
                "--out", again.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode a = LearningCurveCommandTest.metrics(cfg.getParent()), b = LearningCurveCommandTest.metrics(again);
        for (String set : List.of("train", "valid", "test")) assertThat(b.get(set)).as(set).isEqualTo(a.get(set));
        // fields not recorded by the runs are listed, not invented
        assertThat(section("## Not recorded")).contains("qubits").contains("gates_per_energy");
        assertThat(section("## Model sizes")).doesNotContain("| qubits");
    }

    @Test
    void notARunDirectoryIsAOneLineError() {
        CliRun r = CliRun.main("report", tmp.toString(), "--out", tmp.resolve("r2").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: " + tmp + ": neither a finished run directory "
                + "(metrics.json) nor the output of a learning curve (learning_curve.json), an md-benchmark (summary.json), "
                + "an ablation (ablation.json) or a sweep (sweep.json)");
    }

    /** Optional: render the HTML with headless Chromium when it is installed (it is not, by default). */
    @Test
    void screenshotWithChromiumWhenInstalled() throws Exception {
        Assumptions.assumeTrue(ReportCommand.chromium() != null,
                "Chromium not installed (" + ReportCommand.CHROMIUM + "): screenshot test skipped");
        Path out = tmp.resolve("shot");
        CliRun r = CliRun.main("report", run.toString(), "--out", out.toString(), "--screenshot");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("report.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
