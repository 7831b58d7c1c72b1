package org.qmlff.cli;

import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Checkpoint;

import java.io.PrintWriter;
import java.io.Writer;
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
 * Runs the planned runs of a learning curve, a fixed number at a time, each through the ordinary
 * {@link TrainingPipeline} with its own fixed thread count (so its result does not depend on the
 * scheduling). A run directory with {@code metrics.json} is finished and skipped; one with
 * {@code checkpoint.json} is resumed; others start afresh. Existing directories must have been
 * made with the same settings (all but the thread count), else the grid would mix different runs.
 *
 * <p>A failing run does not stop the others; failures are collected and reported at the end.
 */
final class LearningCurveRunner {
    private final Backend backend;
    private final PrintWriter console;
    private final int concurrent;

    /**
     * @param backend    data and model access (shared by the runs; must be thread-safe)
     * @param console    one line per run goes here
     * @param concurrent runs trained at once
     */
    LearningCurveRunner(Backend backend, PrintWriter console, int concurrent) {
        if (concurrent < 1) throw new IllegalArgumentException("concurrent runs must be at least 1, got " + concurrent);
        this.backend = backend;
        this.console = console;
        this.concurrent = concurrent;
    }

    /** What happened to a run. */
    enum Status { SKIPPED, RESUMED, TRAINED, FAILED }

    /** The failures of a grid, by run name (in plan order). */
    record Outcome(Map<Integer, Throwable> failures, List<String> names) {
        /** Throws the first failure: a user error keeps its one line, with the count; a bug stays itself. */
        void rethrow(int total) {
            if (failures.isEmpty()) return;
            Map.Entry<Integer, Throwable> first = failures.entrySet().iterator().next();
            Throwable t = first.getValue();
            String msg = UserErrors.userMessage(t);
            if (msg == null) {
                if (t instanceof RuntimeException re) throw re;
                if (t instanceof Error err) throw err;
                throw new IllegalStateException(t);
            }
            throw new UserError(failures.size() + " of " + total + " runs failed; first " + names.get(first.getKey())
                    + ": " + msg);
        }
    }

    /**
     * Brings every planned run to completion (or failure). Runs start largest N first, so the long
     * ones do not come last; the order does not affect any result.
     */
    Outcome run(List<LearningCurveCommand.PlannedRun> plan) {
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
        Map<Integer, Throwable> failures = new TreeMap<>();
        try (WorkerPool pool = new WorkerPool(concurrent)) {
            Map<Integer, Throwable> failed = pool.forEachIndependent(todo.size(), (k, worker) -> {
                int i = todo.get(k);
                LearningCurveCommand.PlannedRun p = plan.get(i);
                boolean resume = initial[i] == Status.RESUMED;
                long t0 = System.nanoTime();
                try {
                    new TrainingPipeline(backend, new PrintWriter(Writer.nullWriter()), false).run(p.config(), resume);
                    var res = RunDirectory.read(p.dir()).toRunResult();
                    report(done.incrementAndGet(), total, p.name(), String.format(Locale.ROOT,
                            "%s in %.1f s: test E MAE %s meV, F MAE %s meV/Å; train E MAE %s meV, F MAE %s meV/Å",
                            resume ? "resumed and finished" : "trained", (System.nanoTime() - t0) * 1e-9,
                            Fmt.mae(res.test().energy()), Fmt.mae(res.test().force()), Fmt.mae(res.train().energy()),
                            Fmt.mae(res.train().force())));
                } catch (RuntimeException e) {
                    String msg = UserErrors.userMessage(e);
                    report(done.incrementAndGet(), total, p.name(), "FAILED: " + (msg != null ? msg : e.toString()));
                    throw e;
                }
            });
            failed.forEach((k, e) -> failures.put(todo.get(k), e));
        }
        return new Outcome(failures, plan.stream().map(LearningCurveCommand.PlannedRun::name).toList());
    }

    /** The state of a run's directory, after checking that it belongs to this grid. */
    static Status inspect(LearningCurveCommand.PlannedRun p) {
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

    private static void checkSameSettings(LearningCurveCommand.PlannedRun p, Path cfgFile) {
        Map<String, Object> file = new LinkedHashMap<>(TrainConfig.readYaml(cfgFile));
        file.put("out", p.dir().toAbsolutePath().toString());
        TrainConfig stored;
        try {
            stored = TrainConfig.resolve(file, cfgFile.toString(), null, Map.of(), Clock.systemUTC(), 1);
        } catch (IllegalArgumentException e) {
            throw new UserError(cfgFile + ": " + e.getMessage());
        }
        Map<String, Object> a = new LinkedHashMap<>(stored.toMap()), b = new LinkedHashMap<>(p.config().toMap());
        a.remove("threads");
        b.remove("threads");
        for (String key : b.keySet())
            if (!String.valueOf(b.get(key)).equals(String.valueOf(a.get(key))))
                throw new UserError(cfgFile + " was made with " + key + " = " + a.get(key) + ", this command asks for "
                        + b.get(key) + "; use another --out (or the original options) so that runs are not mixed");
        for (String key : a.keySet())
            if (!b.containsKey(key))
                throw new UserError(cfgFile + " has " + key + " = " + a.get(key) + ", which this command does not set;"
                        + " use another --out");
    }

    private void report(int k, int total, String name, String what) {
        synchronized (console) {
            console.printf(Locale.ROOT, "[%d/%d] %s: %s%n", k, total, name, what);
            console.flush();
        }
    }
}
