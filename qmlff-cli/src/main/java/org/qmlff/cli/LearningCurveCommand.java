package org.qmlff.cli;

import org.qmlff.experiment.RunDirectory;
import org.qmlff.report.LearningCurveAnalysis;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.experiment.PlannedRun;
import org.qmlff.experiment.GridExecutor;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.model.LeArchitecture;
import org.qmlff.model.RevisedArchitecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code qmlff learning-curve}: trains a grid of runs (architectures × molecules × training-set sizes
 * × seeds) with the {@code train} pipeline, then tabulates, fits and plots test error against N.
 * Each run is an ordinary run directory {@code OUT/runs/<arch>-<molecule>-n<N>-s<seed>/}; rerunning
 * the same command skips finished runs and resumes interrupted ones from their checkpoints.
 */
@Command(name = "learning-curve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train architectures x molecules x training-set sizes x seeds and analyse test error against "
                + "the number of training configurations N (MODELS.md §Benchmark protocol): from the first --n-train "
                + "frames of each --data file the last --n-valid validate, the same for every N, and size N trains on "
                + "the first N frames.",
                "Writes OUT/runs/<arch>-<molecule>-n<N>-s<seed>/ (as 'qmlff train'), OUT/learning_curve.json, "
                        + "learning_curve.csv (runs), learning_curve_summary.csv (mean ± std over seeds), "
                        + "learning_curve_fits.csv (power laws), learning_curve.md and PNG plots. Rerun the same "
                        + "command to resume: finished runs are skipped, interrupted ones continue from their checkpoint."})
final class LearningCurveCommand extends BackendCommand {
    @Option(names = "--arch", split = ",", paramLabel = "LIST", completionCandidates = ArchitectureNames.class,
            description = "Architectures, of ${COMPLETION-CANDIDATES} (default: le,revised).")
    List<String> archs;
    @Option(names = "--config", paramLabel = "FILE", description = "A 'qmlff train' configuration (YAML) whose settings "
            + "every run takes (architecture, model options, training recipe; its data and test files unless --data / --test "
            + "are given). Flags given here replace its values; seed, n-fit, threads and out are the grid's.")
    Path config;
    @Option(names = "--data", arity = "1..*", paramLabel = "FILE",
            description = "Training data files, one per molecule (required without a --config that names them).")
    List<Path> data;
    @Option(names = "--test", arity = "1..*", paramLabel = "FILE",
            description = "Test data files, matched to --data by molecule (likewise).")
    List<Path> test;
    @Option(names = "--sizes", required = true, split = ",", paramLabel = "LIST",
            description = "Training-set sizes N, e.g. 25,50,100,200,400,950 (each at most n-train - n-valid).")
    List<Integer> sizes;
    @Option(names = "--seeds", paramLabel = "K", description = "Seeds per size: 0..K-1 (default: 3).")
    int seeds = 3;
    @Option(names = "--n-train", paramLabel = "N", description = "Frames of each data file considered (default: 1000).")
    Integer nTrain;
    @Option(names = "--n-valid", paramLabel = "N", description = "The last N of them validate (default: 50).")
    Integer nValid;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: 100).")
    Integer epochs;
    @Option(names = "--batch", paramLabel = "N", description = "Configurations per step (default: 20).")
    Integer batch;
    @Option(names = "--lr", paramLabel = "X", description = "Initial Adam learning rate (default: 0.01).")
    Double lr;
    @Option(names = "--w-energy", paramLabel = "X", description = "Energy weight w_E (default: 1).")
    Double wEnergy;
    @Option(names = "--w-force", paramLabel = "X", description = "Force weight w_F (default: 10).")
    Double wForce;
    @Mixin
    ModelOptionFlags model = new ModelOptionFlags();
    @Mixin
    RunThreadFlags threads = new RunThreadFlags();
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only every N-th run of the grid, starting "
            + "with run I (1 <= I <= N), and write no report: for job arrays (SLURM). A later run without --shard skips "
            + "the finished runs and writes the report.")
    String shard;

    @Override
    public Integer call() {
        int concurrent = threads.concurrentRuns();
        int[] shardOf = shard == null ? null : parseShard(shard);
        Map<String, Object> settings = new LinkedHashMap<>();
        if (config != null) fromConfig(settings);
        if (data == null || data.isEmpty())
            throw new UserError("no training data: give --data FILE... (or a --config file with 'data:')");
        if (test == null || test.isEmpty())
            throw new UserError("no test data: give --test FILE... (or a --config file with 'test:')");
        if (archs == null || archs.isEmpty()) archs = List.of(LeArchitecture.NAME, RevisedArchitecture.NAME);
        put(settings, "n-train", nTrain);
        put(settings, "n-valid", nValid);
        put(settings, "epochs", epochs);
        put(settings, "batch", batch);
        put(settings, "lr", lr);
        put(settings, "w-energy", wEnergy);
        put(settings, "w-force", wForce);
        model.putInto(settings);
        LearningCurvePlan grid = LearningCurvePlan.of(new LearningCurvePlan.Spec(archs, data, test, sizes, seeds, settings,
                threads.threadsPerRun, out), backend);
        PrintWriter console = spec.commandLine().getOut();

        List<PlannedRun> plan = grid.runs();
        // the grid file is written by the run that reports (without --shard): shards of a job array
        // run at once and must not race for it
        if (shardOf == null) grid.writeGridFile(command());
        LearningCurveRunner runner = new LearningCurveRunner(GridExecutor.local(grid.preloaded(backend),
                new CliRunHooks(false, false), concurrent), console);
        if (shardOf != null) {
            List<PlannedRun> mine = grid.shard(shardOf[0], shardOf[1]);
            console.printf(Locale.ROOT, "shard %d/%d: %d of the %d runs of the grid%n", shardOf[0], shardOf[1],
                    mine.size(), plan.size());
            runner.run(mine).rethrow(mine.size());
            console.println("shard done; when every shard has finished, run the same command without --shard for the report");
            console.flush();
            return 0;
        }
        LearningCurveRunner.Outcome outcome = runner.run(plan);

        List<RunDirectory> finished = new ArrayList<>();
        for (PlannedRun p : plan) if (RunDirectory.isFinished(p.dir())) finished.add(RunDirectory.read(p.dir()));
        if (!finished.isEmpty()) {
            LearningCurveDocument report = new LearningCurveDocument(LearningCurveAnalysis.of(finished), PublishedResults.bundled());
            report.writeFiles(out, command());
            console.println();
            console.print(report.summaryTable().markdown());
            console.print(report.fitsTable().markdown());
            console.print(report.zeroShotTable().markdown());
            for (String line : report.diagnosisLines()) console.println(line);
            console.println();
            console.println("wrote " + out.resolve("learning_curve.md") + ", learning_curve.csv, "
                    + "learning_curve_summary.csv, learning_curve_fits.csv and " + report.molecules().size() * 2
                    + " plot(s) in " + out);
            console.flush();
        }
        outcome.rethrow(plan.size());
        return 0;
    }

    /** Takes the settings of {@code --config} as the grid's base, its architecture, and its files where no flag names others. */
    private void fromConfig(Map<String, Object> settings) {
        if (archs != null && !archs.isEmpty())
            throw new UserError("--arch and --config: the architecture is the configuration file's; give one of them");
        LearningCurvePlan.ConfigBase base = LearningCurvePlan.ConfigBase.read(config, data);
        settings.putAll(base.settings());
        archs = List.of(base.arch());
        if (data == null || data.isEmpty()) data = base.data();
        if (test == null || test.isEmpty()) test = base.test();
    }

    private static void put(Map<String, Object> m, String key, Object v) {
        if (v != null) m.put(key, v);
    }

    /** {@code I/N} of {@code --shard}. */
    private static int[] parseShard(String s) {
        Matcher m = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*").matcher(s);
        if (!m.matches()) throw new UserError("--shard: expected I/N (e.g. 3/10), got '" + s + "'");
        int i = Integer.parseInt(m.group(1)), n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) throw new UserError("--shard " + s + ": expected I/N with 1 <= I <= N");
        return new int[]{i, n};
    }

    /** The command line that reproduces (and resumes) this grid. */
    String command() {
        return CommandLines.reproducing(spec);
    }
}
