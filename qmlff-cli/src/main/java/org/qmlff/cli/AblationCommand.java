package org.qmlff.cli;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.qmlff.experiment.AblationPlan;
import org.qmlff.experiment.AblationSummary;
import org.qmlff.experiment.LearningCurveRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code qmlff ablation}: trains every variant of the configuration's architecture's ablation study
 * (docs/HYBRID.md §Ablations) for K seeds, then tabulates the test errors (mean ± std over seeds) and the
 * share of the full model's gain over its classical part that each removed ingredient accounts for.
 * The runs are ordinary run directories {@code OUT/runs/<variant>-s<seed>/}; rerunning the same command
 * skips finished runs and resumes interrupted ones, and more seeds can be added later.
 */
@Command(name = "ablation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ablation study of a training configuration (docs/HYBRID.md §Ablations): the full model, "
                + "(i) no entangling gates, (ii) the circuit frozen at its initialisation, (iii) the circuit replaced by "
                + "classical features of the same parameters, (iv) the classical part alone; each for seeds 0..K-1.",
                "Writes OUT/runs/<variant>-s<seed>/ (as 'qmlff train'), OUT/ablation.md, ablation.json and ablation.png. "
                        + "Rerun the same command to resume: finished runs are skipped."})
final class AblationCommand extends BackendCommand {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Training configuration (YAML, as for 'qmlff train'): one data file, one test file, a hybrid arch.")
    Path config;
    @Mixin
    StudyFlags study = new StudyFlags();

    @Override
    public Integer call() {
        Path out = study.out;
        AblationPlan plan = AblationPlan.of(new AblationPlan.Spec(config, study.overrides(), study.seeds,
                study.threads.threadsPerRun, out), backend);
        PrintWriter console = spec.commandLine().getOut();
        LearningCurveRunner.Outcome outcome = study.train(plan, backend, console);

        AblationSummary summary = AblationSummary.of(plan, backend);
        String command = command();
        StudyFlags.publish(out, "ablation", f -> summary.writeJson(f, command), markdown(summary, command),
                f -> plot(summary, f), table(summary), summary.verdicts(), console);
        outcome.rethrow(plan.runs().size());
        return 0;
    }

    /** The table of the study: one row per variant, meV beside kcal/mol. */
    static String table(AblationSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("| variant | what is removed | seeds | E MAE (meV) | F MAE (meV/Å) | E MAE (kcal/mol) | F MAE (kcal/mol/Å) "
                + "| F share of gain lost | params (trained) | circuits / energy | train time (s) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (AblationSummary.Row r : s.rows()) {
            boolean any = r.count() > 0;
            sb.append("| ").append(r.ablation().label()).append(" | ").append(r.ablation().description()).append(" | ")
                    .append(r.count()).append(" | ")
                    .append(any ? Fmt.meanStd(r.energy()) : Fmt.MISSING).append(" | ")
                    .append(any ? Fmt.meanStd(r.force()) : Fmt.MISSING).append(" | ")
                    .append(any ? StudyFlags.kcal(r.energy()) : Fmt.MISSING).append(" | ")
                    .append(any ? StudyFlags.kcal(r.force()) : Fmt.MISSING).append(" | ")
                    .append(share(s, r)).append(" | ")
                    .append(any ? r.parameters() + " (" + r.trained() + ")" : Fmt.MISSING).append(" | ")
                    .append(any && r.circuits() >= 0 ? Long.toString(r.circuits()) : Fmt.MISSING).append(" | ")
                    .append(any ? Fmt.seconds(r.trainingSeconds()) : Fmt.MISSING).append(" |\n");
        }
        sb.append("| null model | mean training energy, zero forces | – | ").append(StudyFlags.nullModelCells(s.nullModel()))
                .append(" | – | 0 | 0 | – |\n");
        return sb.toString();
    }

    private static String share(AblationSummary s, AblationSummary.Row r) {
        if (r.ablation().full()) return "0 % (by definition)";
        if (r.ablation().reference()) return "100 % (by definition)";
        double x = s.shareLost(r, true);
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f %%", 100 * x) : Fmt.MISSING;
    }

    private String markdown(AblationSummary s, String command) {
        return StudyFlags.markdown("Ablation study: " + s.molecule() + ", N = " + s.nTrain(), command,
                "Test errors over all " + s.testFrames() + " frames of the test file, mean ± sample std over seeds (one seed: "
                        + "no ±). \"F share of gain lost\" = (F_variant − F_full) / (F_classical-alone − F_full) "
                        + "(docs/HYBRID.md §Ablations).", table(s), s.verdicts(), "ablation.png", "test errors by variant");
    }

    /** Bars of the test force and energy MAE per variant, with ± std error bars where seeds vary. */
    private static void plot(AblationSummary s, Path file) {
        List<String> labels = new ArrayList<>();
        List<Double> f = new ArrayList<>(), fe = new ArrayList<>(), e = new ArrayList<>(), ee = new ArrayList<>();
        for (AblationSummary.Row r : s.rows()) {
            if (r.count() == 0) continue;
            labels.add(r.ablation().label());
            f.add(r.force().mean());
            fe.add(Double.isFinite(r.force().std()) ? r.force().std() : 0.0);
            e.add(r.energy().mean());
            ee.add(Double.isFinite(r.energy().std()) ? r.energy().std() : 0.0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Ablations, " + s.molecule() + " N = " + s.nTrain() + " (test MAE, mean ± std over seeds)")
                .xAxisTitle("variant").yAxisTitle("MAE (meV/Å for forces, meV for energies)").build();
        if (!labels.isEmpty()) {
            chart.addSeries("force MAE (meV/Å)", labels, f, fe);
            chart.addSeries("energy MAE (meV)", labels, e, ee);
        }
        Plots.save(chart, file);
    }

    /** The command line that reproduces (and resumes) this study. */
    String command() {
        return CommandLines.reproducing(spec);
    }
}
