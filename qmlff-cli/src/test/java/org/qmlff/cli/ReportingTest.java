package org.qmlff.cli;

import org.qmlff.experiment.RunHooks;
import org.qmlff.experiment.RunLog;
import org.qmlff.experiment.ReportTable;
import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Metrics;
import org.qmlff.train.Predictions;
import org.qmlff.train.TrainingListener;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingTest {

    @Test
    void progressBarAndLogLines(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("train.log");
        StringWriter echo = new StringWriter();
        EpochRecord rec = new EpochRecord(2, 0.005, 1.5, 1.25, 0.1, 0.5, 3.25);
        // a progress bar (what a terminal gets) must run without trouble
        try (ConsoleProgress bar = new ConsoleProgress(new RunLog(logFile, false, null), true, 10, 40, 1.0)) {
            for (long s = 11; s <= 20; s++)
                bar.onStep(new TrainingListener.Progress(2, 4, s, 40, 1.2, 0.1, 0.5, 2.0));
            bar.onEpoch(rec, new TrainingListener.Progress(2, 4, 20, 40, 1.5, 0.1, 0.5, 3.25));
        }
        String line = RunHooks.epochLine(rec, 4);
        assertThat(Files.readAllLines(logFile)).containsExactly(line);
        assertThat(line).contains("epoch 2/4").contains("valid E MAE " + String.format("%.2f", 0.1 * Units.MEV_PER_KCAL_MOL))
                .contains("F MAE 21.68 meV/Å");
        // without a terminal, epoch lines go to the echo writer; a resumed log keeps its lines
        RunLog resumed = new RunLog(logFile, true, new PrintWriter(echo, true));
        resumed.add("resumed");
        assertThat(Files.readAllLines(logFile)).containsExactly(line, "resumed");
        assertThat(echo.toString().strip()).isEqualTo("resumed");
    }

    @Test
    void tableShowsBothUnitsAndDashesForMissingValues() {
        int[] h = {1};
        Dataset d = new Dataset("h", h, new double[6], new double[]{1, 3}, new double[]{1, 0, 0, 0, 0, 1});
        ReportTable t = new ReportTable();
        t.add("test", Metrics.of(d, Predictions.nullModel(d, 2)));
        t.add("null", Metrics.of(d, Predictions.nullModel(d, Double.NaN)));
        String s = t.render();
        List<String> lines = s.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("meV").contains("kcal/mol/Å");
        // energy MAE 1 kcal/mol, force MAE 1/3 kcal/mol/Å
        assertThat(lines.get(2)).contains("43.36").contains("14.45").contains("1.0000").contains("0.3333");
        assertThat(lines.get(3)).contains(" - ");
    }

    @Test
    void plotsArePngFiles(@TempDir Path dir) throws Exception {
        List<EpochRecord> curves = List.of(new EpochRecord(1, 0.01, 100, 90, 1, 1, 1),
                new EpochRecord(2, 0.005, 2, 1.5, 1, 1, 2));
        Plots.lossCurves(curves, dir.resolve("loss.png"));
        int[] h = {1, 1};
        Dataset d = new Dataset("h", h, new double[12], new double[]{1, 3}, new double[]{1, 0, 0, 0, 0, 1, 2, 2, 2, 0, 0, 0});
        Plots.forceParity("f", List.of(d), List.of(Predictions.nullModel(d, 2)), List.of("h"), dir.resolve("f.png"));
        Plots.energyParity("e", List.of(d), List.of(Predictions.nullModel(d, 2)), List.of("h"), dir.resolve("e.png"));
        for (String f : List.of("loss.png", "f.png", "e.png"))
            assertThat(Files.readAllBytes(dir.resolve(f))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }
}
