package org.qmlff.experiment;

import org.qmlff.error.InputException;
import org.qmlff.analysis.RunResult;
import org.qmlff.error.FileSystemErrors;
import org.qmlff.train.Checkpoint;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings the planned runs of a grid to completion through a {@link GridExecutor}. A run directory
 * with {@code metrics.json} is finished and skipped; one with {@code checkpoint.json} is resumed;
 * others start afresh. Existing directories must have been made with the same settings (all but
 * the thread count), else the grid would mix different runs; all are checked before anything trains.
 *
 * <p>A failing run does not stop the others; failures are collected and reported at the end.
 */
public final class LearningCurveRunner {
    private final GridExecutor executor;
    private final PrintWriter console;

    /**
     * @param executor where the runs train
     * @param console  one line per run goes here
     */
    public LearningCurveRunner(GridExecutor executor, PrintWriter console) {
        this.executor = executor;
        this.console = console;
    }

    /** What happened to a run. */
    public enum Status { SKIPPED, RESUMED, TRAINED, FAILED }

    /** The failures of a grid, by position in the plan, and the plan's run names. */
    public record Outcome(Map<Integer, Throwable> failures, List<String> names) {
        /** Throws the first failure: an input error keeps its one line, with the count; a bug stays itself. */
        public void rethrow(int total) {
            if (failures.isEmpty()) return;
            Map.Entry<Integer, Throwable> first = failures.entrySet().iterator().next();
            Throwable t = first.getValue();
            String msg = userMessage(t);
            if (msg == null) {
                if (t instanceof RuntimeException re) throw re;
                if (t instanceof Error err) throw err;
                throw new IllegalStateException(t);
            }
            throw new InputException(failures.size() + " of " + total + " runs failed; first " + names.get(first.getKey())
                    + ": " + msg);
        }
    }

    /** The one-line message of an input or file-system failure; {@code null} for a bug. */
    static String userMessage(Throwable t) {
        if (t instanceof InputException) return t.getMessage();
        IOException io = FileSystemErrors.ioCause(t);
        return io != null ? FileSystemErrors.describe(io) : null;
    }

    /**
     * Brings every planned run to completion (or failure). Runs start largest N first, so the long
     * ones do not come last; the order does not affect any result.
     */
    public Outcome run(List<PlannedRun> plan) {
        // check all existing directories before training anything
        Status[] initial = new Status[plan.size()];
        for (int i = 0; i < plan.size(); i++) initial[i] = inspect(plan.get(i));

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> -plan.get(i).nTrain()).thenComparingInt(i -> i));

        AtomicInteger done = new AtomicInteger();
        int total = plan.size();
        List<Integer> todo = new ArrayList<>();
        for (int i : order) {
            if (initial[i] == Status.SKIPPED) report(done.incrementAndGet(), total, plan.get(i).name(), "finished earlier, skipped");
            else todo.add(i);
        }
        List<PlannedRun> runs = todo.stream().map(plan::get).toList();
        boolean[] resume = new boolean[runs.size()];
        for (int k = 0; k < resume.length; k++) resume[k] = initial[todo.get(k)] == Status.RESUMED;
        long t0 = System.nanoTime();
        Map<Integer, Throwable> failed = executor.execute(runs, resume, (k, failure) -> {
            PlannedRun p = runs.get(k);
            if (failure != null) {
                String msg = userMessage(failure);
                report(done.incrementAndGet(), total, p.name(), "FAILED: " + (msg != null ? msg : failure.toString()));
                return;
            }
            RunResult res = RunDirectory.read(p.dir()).toRunResult();
            report(done.incrementAndGet(), total, p.name(), String.format(Locale.ROOT,
                    "%s, %.1f s into the grid: test E MAE %s meV, F MAE %s meV/Å; train E MAE %s meV, F MAE %s meV/Å",
                    resume[k] ? "resumed and finished" : "trained", (System.nanoTime() - t0) * 1e-9,
                    mae(res.test().energy()), mae(res.test().force()), mae(res.train().energy()),
                    mae(res.train().force())));
        });
        Map<Integer, Throwable> failures = new TreeMap<>();
        failed.forEach((k, e) -> failures.put(todo.get(k), e));
        return new Outcome(failures, plan.stream().map(PlannedRun::name).toList());
    }

    /** An error for the console: three significant figures' worth, {@code -} when missing. */
    private static String mae(double x) {
        if (!Double.isFinite(x)) return "-";
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", x);
    }

    /** The state of a run's directory, after checking that it belongs to this grid. */
    public static Status inspect(PlannedRun p) {
        Path dir = p.dir();
        Path cfg = dir.resolve("config.yaml");
        if (Files.isRegularFile(cfg)) checkSameSettings(p, cfg);
        if (RunDirectory.isFinished(dir)) return Status.SKIPPED;
        if (Files.isRegularFile(dir.resolve("checkpoint.json"))) {
            // fail now, not in a worker, on an unreadable checkpoint
            Checkpoint.read(dir.resolve("checkpoint.json"));
            return Status.RESUMED;
        }
        return Status.TRAINED;
    }

    private static void checkSameSettings(PlannedRun p, Path cfgFile) {
        Map<String, Object> file = new LinkedHashMap<>(TrainConfig.readYaml(cfgFile));
        file.put("out", p.dir().toAbsolutePath().toString());
        TrainConfig stored;
        try {
            stored = TrainConfig.resolve(file, cfgFile.toString(), null, Map.of(), Clock.systemUTC(), 1);
        } catch (IllegalArgumentException e) {
            throw new InputException(cfgFile + ": " + e.getMessage());
        }
        Map<String, Object> a = new LinkedHashMap<>(stored.toMap()), b = new LinkedHashMap<>(p.config().toMap());
        a.remove("threads");
        b.remove("threads");
        for (String key : b.keySet())
            if (!String.valueOf(b.get(key)).equals(String.valueOf(a.get(key))))
                throw new InputException(cfgFile + " was made with " + key + " = " + a.get(key) + ", this command asks for "
                        + b.get(key) + "; use another --out (or the original options) so that runs are not mixed");
        for (String key : a.keySet())
            if (!b.containsKey(key))
                throw new InputException(cfgFile + " has " + key + " = " + a.get(key) + ", which this command does not set;"
                        + " use another --out");
    }

    private void report(int k, int total, String name, String what) {
        synchronized (console) {
            console.printf(Locale.ROOT, "[%d/%d] %s: %s%n", k, total, name, what);
            console.flush();
        }
    }
}
