package org.qmlff.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.PublishedResult;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.analysis.SizeSummary;
import org.qmlff.error.InputException;
import org.qmlff.experiment.AblationSummary;
import org.qmlff.experiment.SweepSummary;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.RunDirectory;
import org.qmlff.md.benchmark.MdBenchmarkResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's data model on run directories written here by hand: classification of directories,
 * comparison rows against their definitions, representatives, and the fields no run recorded.
 */
class ReportTest {
    @TempDir
    Path tmp;

    /** Writes a finished run directory: one trained molecule with train/test/null errors, optional zero-shot test. */
    private Path run(String name, String arch, String molecule, int n, long seed, ErrorPair train, ErrorPair test,
                     ErrorPair nul, double seconds, String zeroShotMolecule, ErrorPair zeroShotTest) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        ObjectNode m = RunDirectory.JSON.createObjectNode();
        m.put("architecture", arch);
        m.putObject("train").put("n_frames", n);
        m.put("training_time_s", seconds);
        m.put("epochs", 3);
        m.put("best_epoch", 2);
        m.put("parameters", 17);
        ObjectNode per = m.putObject("per_dataset");
        ObjectNode mol = per.putObject(molecule);
        mol.put("name", molecule);
        put(mol.putObject("train"), train).put("n_frames", n);
        put(mol.putObject("test"), test);
        put(mol.putObject("null"), nul);
        if (zeroShotMolecule != null) {
            ObjectNode z = per.putObject(zeroShotMolecule);
            z.put("name", zeroShotMolecule);
            z.put("zero_shot", true);
            put(z.putObject("test"), zeroShotTest);
            put(z.putObject("null"), new ErrorPair(Double.NaN, 999));
        }
        RunDirectory.JSON.writeValue(d.resolve("metrics.json").toFile(), m);
        Files.writeString(d.resolve("config.yaml"), "seed: " + seed + "\n");
        return d;
    }

    private static ObjectNode put(ObjectNode set, ErrorPair e) {
        if (Double.isFinite(e.energy())) set.put("energy_mae_meV", e.energy());
        else set.putNull("energy_mae_meV");
        set.put("force_mae_meV_per_A", e.force());
        return set;
    }

    private Path simpleRun(String name, int n, long seed, double testForce) throws IOException {
        return run(name, "revised", "ethanol", n, seed, new ErrorPair(1, 2), new ErrorPair(3, testForce),
                new ErrorPair(30, 400), 10 + n + seed, null, null);
    }

    private Path curve(String name, List<Path> runs) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        ObjectNode g = RunDirectory.JSON.createObjectNode();
        g.put("format", LearningCurvePlan.FORMAT);
        g.put("command", "./qmlff learning-curve --out " + name);
        var arr = g.putArray("runs");
        for (Path r : runs) arr.add(d.relativize(r).toString());
        RunDirectory.JSON.writeValue(d.resolve(LearningCurvePlan.GRID_FILE).toFile(), g);
        return d;
    }

    private static final PublishedResults PUBLISHED = new PublishedResults(List.of(
            new PublishedResult("ethanol", "A", 50, new ErrorPair(6.5, 32.5), ""),
            new PublishedResult("ethanol", "B", 100, new ErrorPair(5, 20), ""),
            new PublishedResult("ethanol", "C", 1000, new ErrorPair(0.4, 2.1), "forces only"),
            new PublishedResult("aspirin", "A", 50, new ErrorPair(9, 9), "")), "a citation");

    @Test
    void classifiesEachKindOfDirectory() throws IOException {
        Path r = simpleRun("single", 10, 0, 40);
        assertThat(ReportSource.open(r)).isInstanceOf(ReportSource.Run.class);

        Path lcDir = tmp.resolve("lc");
        Path r1 = run("lc/runs/a", "revised", "ethanol", 10, 0, new ErrorPair(1, 2), new ErrorPair(3, 4),
                new ErrorPair(30, 40), 1, null, null);
        Files.createDirectories(lcDir.resolve("runs/b-unfinished"));
        ReportSource lc = ReportSource.open(curve("lc", List.of(r1, lcDir.resolve("runs/b-unfinished"))));
        assertThat(lc).isInstanceOf(ReportSource.Curve.class);
        ReportSource.Curve c = (ReportSource.Curve) lc;
        assertThat(c.planned()).hasSize(2);
        assertThat(c.finished()).extracting(RunDirectory::name).containsExactly("a");
        assertThat(c.command()).isEqualTo("./qmlff learning-curve --out lc");

        // without a grid file, runs/ is listed in name order
        Path bare = tmp.resolve("bare");
        run("bare/runs/z", "le", "ethanol", 10, 0, new ErrorPair(1, 2), new ErrorPair(3, 4), new ErrorPair(30, 40), 1, null, null);
        run("bare/runs/y", "le", "ethanol", 20, 0, new ErrorPair(1, 2), new ErrorPair(3, 4), new ErrorPair(30, 40), 1, null, null);
        ReportSource.Curve b = (ReportSource.Curve) ReportSource.open(bare);
        assertThat(b.command()).isNull();
        assertThat(b.finished()).extracting(RunDirectory::name).containsExactly("y", "z");

        Path md = Files.createDirectories(tmp.resolve("md"));
        Files.writeString(md.resolve("summary.json"), "{\"format\": \"" + MdBenchmarkResult.SUMMARY_FORMAT + "\"}");
        assertThat(ReportSource.open(md)).isInstanceOf(ReportSource.MdBenchmark.class);
        Path ab = Files.createDirectories(tmp.resolve("ab"));
        Files.writeString(ab.resolve("ablation.json"), "{\"format\": \"" + AblationSummary.FORMAT + "\"}");
        assertThat(ReportSource.open(ab)).isInstanceOf(ReportSource.Ablation.class);
        Path sw = Files.createDirectories(tmp.resolve("sw"));
        Files.writeString(sw.resolve("sweep.json"), "{\"format\": \"" + SweepSummary.FORMAT + "\"}");
        assertThat(ReportSource.open(sw)).isInstanceOf(ReportSource.Sweep.class);
        // a summary.json of another format is not an md-benchmark
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("summary.json"), "{\"format\": \"something else\"}");
        assertThatThrownBy(() -> ReportSource.open(other)).isInstanceOf(InputException.class)
                .hasMessage(other + ": neither a finished run directory (metrics.json) nor the output of a learning curve "
                        + "(learning_curve.json), an md-benchmark (summary.json), an ablation (ablation.json) or a sweep "
                        + "(sweep.json)");
    }

    @Test
    void badDirectoriesAreOneLineInputErrors() throws IOException {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> ReportSource.open(missing)).isInstanceOf(InputException.class)
                .hasMessage(missing + ": no such directory");
        Path g = Files.createDirectories(tmp.resolve("g"));
        Files.writeString(g.resolve(LearningCurvePlan.GRID_FILE), "{\"format\": \"x\"}");
        assertThatThrownBy(() -> ReportSource.open(g)).isInstanceOf(InputException.class)
                .hasMessage(g.resolve(LearningCurvePlan.GRID_FILE) + ": not a qmlff learning-curve file (format is not "
                        + LearningCurvePlan.FORMAT + ")");
        Files.writeString(g.resolve(LearningCurvePlan.GRID_FILE), "{\"format\": ");
        assertThatThrownBy(() -> ReportSource.open(g)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(g.resolve(LearningCurvePlan.GRID_FILE) + ": not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> LearningCurveAnalysis.of(List.of())).isInstanceOf(InputException.class)
                .hasMessage("no finished runs to analyse");
    }

    @Test
    void singleRunRowsFollowTheirDefinitions() throws IOException {
        Path r = run("s", "le", "ethanol", 50, 3, new ErrorPair(1, 2), new ErrorPair(12, 60), new ErrorPair(48, 240),
                5, "aspirin", new ErrorPair(Double.NaN, 300));
        Report rep = Report.of(List.of(ReportSource.open(r)), PUBLISHED);
        assertThat(rep.testedMolecules()).containsExactly("aspirin", "ethanol");
        List<ComparisonRow> rows = rep.comparison("ethanol");
        // model, its null model, then the published ones at N = 50 and 1000 only
        assertThat(rows).extracting(ComparisonRow::kind).containsExactly(ComparisonRow.Kind.MODEL,
                ComparisonRow.Kind.NULL_MODEL, ComparisonRow.Kind.PUBLISHED, ComparisonRow.Kind.PUBLISHED);
        ComparisonRow model = rows.get(0);
        assertThat(model.model()).isEqualTo("le");
        assertThat(model.source()).isEqualTo("run s");
        assertThat(model.nTrain()).hasValue(50);
        assertThat(model.energy().mean()).isEqualTo(12);
        assertThat(model.energyOverNull()).isEqualTo(12.0 / 48);
        assertThat(model.forceOverNull()).isEqualTo(60.0 / 240);
        assertThat(rows.get(1).energy().mean()).isEqualTo(48);
        assertThat(rows.get(1).forceOverNull()).isEqualTo(1);
        assertThat(rows.get(2).model()).isEqualTo("A");
        assertThat(rows.get(2).runs()).isEmpty();
        assertThat(rows.get(3).model()).isEqualTo("C (forces only)");
        assertThat(rows.get(3).nTrain()).hasValue(1000);
        assertThat(rows.get(3).energyOverNull()).isNaN();

        // the zero-shot molecule: no training frames, no energy (the null model has none), force ratio defined
        List<ComparisonRow> zero = rep.comparison("aspirin");
        assertThat(zero.get(0).nTrain()).isEmpty();
        assertThat(zero.get(0).energyOverNull()).isNaN();
        assertThat(zero.get(0).forceOverNull()).isEqualTo(300.0 / 999);
        assertThat(zero.get(2).kind()).isEqualTo(ComparisonRow.Kind.PUBLISHED);
    }

    @Test
    void learningCurveRowsAreMeansOverSeedsAndTheLargestSizeStandsForTheCurve() throws IOException {
        List<Path> runs = new ArrayList<>();
        runs.add(simpleRun("lc/runs/n20-s1", 20, 1, 100));
        runs.add(simpleRun("lc/runs/n10-s0", 10, 0, 200));
        runs.add(simpleRun("lc/runs/n20-s0", 20, 0, 120));
        runs.add(simpleRun("lc/runs/n10-s1", 10, 1, 210));
        Report rep = Report.of(List.of(ReportSource.open(curve("lc", runs))), PUBLISHED);
        LearningCurveAnalysis a = rep.curves().get(0).analysis();
        assertThat(a.runs()).hasSize(4);
        assertThat(a.totalTrainingSeconds()).isEqualTo((10 + 20 + 1) + (10 + 10) + (10 + 20) + (10 + 10 + 1));
        assertThat(a.representatives()).extracting(RunDirectory::name).containsExactly("n20-s0");
        assertThat(rep.shownRuns()).extracting(RunDirectory::name).containsExactly("n20-s0");

        List<ComparisonRow> rows = rep.comparison("ethanol");
        assertThat(rows).extracting(ComparisonRow::kind).containsExactly(ComparisonRow.Kind.MODEL,
                ComparisonRow.Kind.MODEL, ComparisonRow.Kind.NULL_MODEL, ComparisonRow.Kind.PUBLISHED,
                ComparisonRow.Kind.PUBLISHED);
        ComparisonRow n10 = rows.get(0), n20 = rows.get(1);
        assertThat(n10.nTrain()).hasValue(10);
        assertThat(n10.runs()).hasValue(2);
        assertThat(n10.force().mean()).isCloseTo(205, within(1e-12));
        assertThat(n10.force().std()).isCloseTo(Math.sqrt(50), within(1e-12));
        assertThat(n20.force().mean()).isCloseTo(110, within(1e-12));
        assertThat(n20.forceOverNull()).isCloseTo(110.0 / 400, within(1e-15));
        assertThat(rows.get(2).nTrain()).hasValue(20);
        assertThat(rows.get(2).source()).isEqualTo("learning curve lc");
        // the per-size summaries behind the rows
        SizeSummary s = a.summaries().get(1);
        assertThat(s.nTrain()).isEqualTo(20);
        assertThat(s.test().force().mean()).isCloseTo(110, within(1e-12));
        // two sizes: a fit with no interval, said so in words
        assertThat(a.diagnosisLines()).hasSize(1);
        assertThat(a.diagnosisLines().get(0)).startsWith("revised on ethanol: ").contains("from 2 sizes (no interval)");
    }

    @Test
    void fieldsNoRunRecordedAreListed() throws IOException {
        Path r = simpleRun("a", 10, 0, 1);
        Report rep = Report.of(List.of(ReportSource.open(r)), PUBLISHED);
        assertThat(rep.unrecordedFields()).containsOnlyKeys("qubits", "gates_per_energy", "circuits_per_energy");
        ObjectNode m = (ObjectNode) RunDirectory.JSON.readTree(r.resolve("metrics.json").toFile());
        m.put("qubits", 4);
        m.put("circuits_per_energy", 9);
        RunDirectory.JSON.writeValue(r.resolve("metrics.json").toFile(), m);
        Report again = Report.of(List.of(ReportSource.open(r)), PUBLISHED);
        assertThat(again.unrecordedFields()).containsOnlyKeys("gates_per_energy");
    }
}
