package org.qmlff.experiment;

import org.qmlff.parallel.WorkerPool;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs the unfinished runs of a grid. Every run is independent and has a fixed thread count, so
 * its result does not depend on where or in which order it runs: the local pool, a Spark cluster
 * ({@code qmlff-spark}) or a job array ({@code --shard}) give the same run directories, bit for bit.
 */
@FunctionalInterface
public interface GridExecutor {
    /**
     * Brings each run to completion (training, or resuming from its checkpoint where {@code resume}
     * says so), writing its run directory.
     *
     * @param runs     the runs to do
     * @param resume   per run: continue from its checkpoint
     * @param finished called (from any thread) when a run has ended, with its position in {@code runs}
     *                 and its failure ({@code null} when it succeeded)
     * @return the failures, by position in {@code runs}
     */
    Map<Integer, Throwable> execute(List<PlannedRun> runs, boolean[] resume, BiConsumer<Integer, Throwable> finished);

    /**
     * On this machine: {@code concurrent} runs at a time, each through {@link TrainingPipeline} with
     * {@code backend} (which must be thread-safe) and {@code hooks}.
     */
    static GridExecutor local(Backend backend, RunHooks hooks, int concurrent) {
        if (concurrent < 1) throw new IllegalArgumentException("concurrent runs must be at least 1, got " + concurrent);
        return (runs, resume, finished) -> {
            try (WorkerPool pool = new WorkerPool(concurrent)) {
                return pool.forEachIndependent(runs.size(), (k, worker) -> {
                    try {
                        trainOne(backend, hooks, runs.get(k).config(), resume[k]);
                    } catch (RuntimeException | Error e) {
                        finished.accept(k, e);
                        throw e;
                    }
                    finished.accept(k, null);
                });
            }
        };
    }

    /** Trains (or resumes) one run silently: its log goes to its {@code train.log} only. */
    static void trainOne(Backend backend, RunHooks hooks, TrainConfig config, boolean resume) {
        new TrainingPipeline(backend, hooks, new PrintWriter(Writer.nullWriter()), false).run(config, resume);
    }
}
