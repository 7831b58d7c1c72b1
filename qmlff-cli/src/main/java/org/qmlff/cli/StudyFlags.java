package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import org.qmlff.experiment.GridExecutor;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.experiment.SingleMoleculePlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Units;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of the one-molecule studies ({@code qmlff ablation}, {@code qmlff sweep}) after their
 * {@code --config}: seeds, the settings that may replace the configuration's, threads and the output directory;
 * and the training of a planned study on this machine.
 */
final class StudyFlags {
    @Option(names = "--seeds", paramLabel = "K", description = "Seeds per variant: 0..K-1 (default: 3).")
    int seeds = 3;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run, replacing the config's (default: the config's).")
    Integer epochs;
    @Option(names = "--n-train", paramLabel = "N", description = "Training-file frames used, training + validation, "
            + "replacing the config's (default: the config's); the first N - n-valid train, the next n-valid validate.")
    Integer nTrain;
    @Option(names = "--n-valid", paramLabel = "N", description = "Validation frames, replacing the config's (default: the config's).")
    Integer nValid;
    @Mixin
    RunThreadFlags threads = new RunThreadFlags();
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    /** The configuration keys the options replace (only those given). */
    Map<String, Object> overrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (epochs != null) overrides.put("epochs", epochs);
        if (nTrain != null) overrides.put("n-train", nTrain);
        if (nValid != null) overrides.put("n-valid", nValid);
        return overrides;
    }

    /** Trains the study's unfinished runs here, as many at a time as the thread options allow, one line per run on {@code console}. */
    LearningCurveRunner.Outcome train(SingleMoleculePlan<?> plan, Backend backend, PrintWriter console) {
        int concurrent = threads.concurrentRuns();
        Backend data = plan.preloaded(backend);
        return new LearningCurveRunner(GridExecutor.local(data, new CliRunHooks(false, false), concurrent), console)
                .run(plan.plannedRuns());
    }

    /**
     * What a study writes and prints once its runs are done: {@code out/NAME.json} (through {@code json}),
     * {@code NAME.md} and {@code NAME.png} (through {@code plot}), then its table and verdicts on the console.
     */
    static void publish(Path out, String name, Consumer<Path> json, String markdown, Consumer<Path> plot, String table,
                        List<String> verdicts, PrintWriter console) {
        json.accept(out.resolve(name + ".json"));
        AtomicFiles.write(out.resolve(name + ".md"), markdown.getBytes(StandardCharsets.UTF_8));
        plot.accept(out.resolve(name + ".png"));
        console.println();
        console.print(table);
        for (String v : verdicts) console.println(v);
        console.println();
        console.println("wrote " + out.resolve(name + ".md") + ", " + name + ".json and " + name + ".png");
        console.flush();
    }

    /**
     * A study's Markdown page: the title, the command that reproduces it, what the numbers are, the table, the
     * verdicts as bullets and the plot {@code png} (a file beside the page).
     */
    static String markdown(String title, String command, String explanation, String table, List<String> verdicts,
                           String png, String alt) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        sb.append("Reproduce (resumes; finished runs are skipped): `").append(command).append("`\n\n");
        sb.append(explanation).append("\n\n");
        sb.append(table).append('\n');
        for (String v : verdicts) sb.append("- ").append(v).append('\n');
        sb.append("\n![").append(alt).append("](").append(png).append(")\n");
        return sb.toString();
    }

    /** {@code m} in kcal/mol (from meV), mean ± std as the study tables print it. */
    static String kcal(MeanStd m) {
        String mean = Fmt.fixed(m.mean() * Units.KCAL_MOL_PER_MEV, 3);
        return Double.isFinite(m.std()) ? mean + " ± " + Fmt.fixed(m.std() * Units.KCAL_MOL_PER_MEV, 3) : mean;
    }

    /** The null model's test errors as four table cells: meV, meV/Å, kcal/mol, kcal/mol/Å. */
    static String nullModelCells(ErrorPair nullModel) {
        return String.join(" | ", Fmt.mae(nullModel.energy()), Fmt.mae(nullModel.force()),
                Fmt.fixed(nullModel.energy() * Units.KCAL_MOL_PER_MEV, 3), Fmt.fixed(nullModel.force() * Units.KCAL_MOL_PER_MEV, 3));
    }
}
