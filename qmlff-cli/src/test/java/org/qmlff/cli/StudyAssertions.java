package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the one-molecule study commands (ablation, sweep) share: their report section and resuming by skipping. */
final class StudyAssertions {
    private StudyAssertions() {
    }

    /**
     * {@code qmlff report OUT} shows the study: the heading {@code title + " " + OUT}, the first verdict of
     * {@code summary}, and the plot copied into a subdirectory named {@code assetPrefix...}.
     */
    static void reportShows(Path scratch, Path out, String title, JsonNode summary, String assetPrefix) throws Exception {
        Path report = scratch.resolve("report");
        CliRun rep = CliRun.main("report", out.toString(), "--out", report.toString());
        assertThat(rep.code()).as(rep.err()).isZero();
        String rmd = Files.readString(report.resolve("report.md"));
        assertThat(rmd).contains(title + " " + out.toAbsolutePath().normalize());
        assertThat(rmd).contains(Doc.mdText(summary.path("verdicts").get(0).asText()));
        try (var files = Files.list(report)) {
            assertThat(files.anyMatch(p -> p.getFileName().toString().startsWith(assetPrefix))).isTrue();
        }
    }

    /** Rerunning {@code args} skips all {@code runs} runs and leaves {@code summaryFile} byte for byte as it was. */
    static void rerunSkipsAll(String[] args, int runs, Path summaryFile) throws Exception {
        byte[] before = Files.readAllBytes(summaryFile);
        CliRun again = CliRun.main(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().split("finished earlier, skipped", -1)).hasSize(runs + 1);
        assertThat(Files.readAllBytes(summaryFile)).isEqualTo(before);
    }
}
