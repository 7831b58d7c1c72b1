package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MdBenchmarkCommandTest {
    static final Path DATA = Path.of(System.getProperty("qmlff.root", ".")).resolve("data/rmd17/rmd17_ethanol_test_01.npz");

    @TempDir
    Path dir;

    @Test
    void tinyBenchmarkOfARealModelWritesTableJsonPlotsAndResumes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(DATA), "bundled ethanol data absent: test skipped");
        ForceField model = MdCliTestSupport.revisedModel(3);
        Path run = dir.resolve("revised-run");
        Files.createDirectories(run);
        Models.write(model, Map.of(), run.resolve("model.json"));
        Path out = dir.resolve("bench");
        String[] args = {"md-benchmark", "--model", run.resolve("model.json").toString(), "--data", DATA.toString(),
                "--out", out.toString(), "--runs", "2", "--length", "0.05", "--nve-length", "0.01",
                "--checkpoint-every", "40", "--threads", "2"};
        CliRun first = CliRun.main(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("revised-run: 2 NVT runs").contains("|revised-run | ");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode m = summary.get("models").get(0);
        assertThat(m.get("model").asText()).isEqualTo("revised-run");
        assertThat(m.get("stability").get("runs").asInt()).isEqualTo(2);
        assertThat(m.get("hr").get("reference_frames").asInt()).isEqualTo(1000);
        assertThat(m.get("hr").get("mae_per_angstrom").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| h(r) MAE (1/Å) |");
        for (Path png : List.of(out.resolve("survival.png"), out.resolve("revised-run/hr.png")))
            assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        String result = Files.readString(out.resolve("revised-run/hr.csv"));

        // a rerun resumes: every run is finished, so the same numbers come back without new steps
        CliRun again = CliRun.main(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("revised-run/hr.csv"))).isEqualTo(result);

        // qmlff report shows the table and the plots
        CliRun report = CliRun.main("report", out.toString(), "--out", dir.resolve("report").toString());
        assertThat(report.code()).as(report.err()).isZero();
        String md = Files.readString(dir.resolve("report/report.md"));
        assertThat(md).contains("## MD benchmark").contains("| revised-run | ").contains("survival.png")
                .contains("revised-run-hr.png");

        // other settings into the same directory: one line, exit code 2
        String[] other = args.clone();
        other[other.length - 5] = "80";
        CliRun refused = CliRun.main(other);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains("other settings");
    }

    @Test
    void aFrameBeyondTheFileIsOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(DATA), "bundled ethanol data absent: test skipped");
        ForceField model = MdCliTestSupport.revisedModel(3);
        Path file = dir.resolve("m.json");
        Models.write(model, Map.of(), file);
        CliRun r = CliRun.main("md-benchmark", "--model", file.toString(), "--data", DATA.toString(), "--out",
                dir.resolve("b").toString(), "--frames", "0,5000", "--length", "0.01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: model m: starting frame 5000 does not exist: the "
                + "initial-geometry file has 1000 frames (0..999)");
    }
}
