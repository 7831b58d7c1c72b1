package org.qmlff.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.experiment.SweepPlan;
import org.qmlff.experiment.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qmlff sweep}: trains a configuration with one key set to each of several values (for example the force
 * weight {@code w-force}, for the energy-versus-force trade-off) for K seeds, then tabulates validation and test
 * errors (mean ± std over seeds), marks the values on the trade-off front and names the value chosen on the
 * validation frames. The runs are ordinary run directories {@code OUT/runs/<key>-<value>-s<seed>/}; rerunning
 * the same command skips finished runs and resumes interrupted ones.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One-setting sweep of a training configuration: the key set to each value, seeds 0..K-1 each; "
                + "validation and test errors per value, the energy-force trade-off front and the value chosen on "
                + "validation. Example: --key w-force --values 1,3,10,30,100 (the force weight of the loss).",
                "Writes OUT/runs/<key>-<value>-s<seed>/ (as 'qmlff train'), OUT/sweep.md, sweep.json and sweep.png. "
                        + "Rerun the same command to resume: finished runs are skipped."})
final class SweepCommand extends BackendCommand {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Training configuration (YAML, as for 'qmlff train'): one data file, one test file.")
    Path config;
    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "The configuration key to sweep, e.g. w-force, w-energy, lr, ridge, weight-decay.")
    String key;
    @Option(names = "--values", required = true, split = ",", paramLabel = "LIST", description = "Its values, e.g. 1,3,10,30,100.")
    List<String> values;
    @Mixin
    StudyFlags study = new StudyFlags();

    @Override
    public Integer call() {
        Path out = study.out;
        SweepPlan plan = SweepPlan.of(new SweepPlan.Spec(config, key, values, study.overrides(), study.seeds,
                study.threads.threadsPerRun, out), backend);
        PrintWriter console = spec.commandLine().getOut();
        LearningCurveRunner.Outcome outcome = study.train(plan, backend, console);

        SweepSummary summary = SweepSummary.of(plan);
        String command = CommandLines.reproducing(spec);
        StudyFlags.publish(out, "sweep", f -> summary.writeJson(f, command), markdown(summary, command),
                f -> plot(summary, f), table(summary), summary.verdicts(), console);
        outcome.rethrow(plan.runs().size());
        return 0;
    }

    /** The sweep's table: one row per value, test errors in meV beside kcal/mol, validation errors, the front. */
    static String table(SweepSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(s.key()).append(" | seeds | test E MAE (meV) | test F MAE (meV/Å) | test E MAE (kcal/mol) "
                + "| test F MAE (kcal/mol/Å) | valid E MAE (meV) | valid F MAE (meV/Å) | train E / F | on front | train time (s) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SweepSummary.Row r : s.rows()) {
            sb.append("| ").append(r.value()).append(" | ").append(r.count()).append(" | ");
            if (r.count() == 0) {
                sb.append(String.join(" | ", java.util.Collections.nCopies(9, Fmt.MISSING))).append(" |\n");
                continue;
            }
            sb.append(Fmt.meanStd(r.test().energy())).append(" | ").append(Fmt.meanStd(r.test().force())).append(" | ")
                    .append(StudyFlags.kcal(r.test().energy())).append(" | ").append(StudyFlags.kcal(r.test().force())).append(" | ")
                    .append(Fmt.meanStd(r.valid().energy())).append(" | ").append(Fmt.meanStd(r.valid().force())).append(" | ")
                    .append(Fmt.mae(r.train().energy().mean())).append(" / ").append(Fmt.mae(r.train().force().mean())).append(" | ")
                    .append(s.onFront(r) ? "yes" : "no").append(" | ")
                    .append(Fmt.seconds(r.trainingSeconds())).append(" |\n");
        }
        sb.append("| null model | – | ").append(StudyFlags.nullModelCells(s.nullModel())).append(" | – | – | – | – | – |\n");
        return sb.toString();
    }

    private static String markdown(SweepSummary s, String command) {
        return StudyFlags.markdown("Sweep of " + s.key() + ": " + s.molecule() + ", N = " + s.nTrain(), command,
                "Errors over all " + s.testFrames() + " frames of the test file and over the validation frames, "
                        + "mean ± sample std over seeds (one seed: no ±). On front: no other value has both a lower mean test "
                        + "energy MAE and a lower mean test force MAE. The value chosen on validation uses the validation "
                        + "frames only.", table(s), s.verdicts(), "sweep.png", "test energy against force MAE per value");
    }

    /** Test force MAE against test energy MAE, one point per value (± std over seeds on the force axis). */
    private static void plot(SweepSummary s, Path file) {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Energy-force trade-off: " + s.key() + ", " + s.molecule() + " N = " + s.nTrain()
                        + " (test MAE, mean ± std over seeds)")
                .xAxisTitle("energy MAE (meV)").yAxisTitle("force MAE (meV/Å)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (SweepSummary.Row r : s.finished()) {
            double std = r.test().force().std();
            chart.addSeries(s.key() + " = " + r.value(), new double[]{r.test().energy().mean()},
                    new double[]{r.test().force().mean()}, new double[]{Double.isFinite(std) ? std : 0.0});
        }
        Plots.save(chart, file);
    }
}
