package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.qmlff.error.FileSystemErrors;
import org.qmlff.error.InputException;
import org.qmlff.experiment.Backend;
import org.qmlff.experiment.GridExecutor;
import org.qmlff.experiment.PlannedRun;
import org.qmlff.experiment.RunDirectory;
import org.qmlff.experiment.RunHooks;
import org.qmlff.experiment.TrainConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The runs of a grid as Spark tasks, one run per task. Each task rebuilds the run's settings from
 * its {@code config.yaml} text and trains it with the ordinary {@link org.qmlff.experiment.TrainingPipeline}
 * into its run directory on a file system that every executor sees (local in tests; NFS or a mounted
 * bucket on a cluster). A run has a fixed thread count and seed, so its directory is the same, bit for
 * bit, as {@code qmlff learning-curve} writes locally. A task that Spark retries after a lost executor
 * finds the run's checkpoint and resumes from it; a finished run is never trained twice.
 */
public final class SparkGridExecutor implements GridExecutor {
    private final JavaSparkContext spark;

    public SparkGridExecutor(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** A run as shipped to an executor. */
    record Task(int position, String name, String configYaml) implements Serializable {
    }

    /** What came back: nothing for success, else whether it was an input error, and the words. */
    record Result(int position, boolean failed, boolean inputError, String message) implements Serializable {
    }

    @Override
    public Map<Integer, Throwable> execute(List<PlannedRun> runs, boolean[] resume, BiConsumer<Integer, Throwable> finished) {
        Map<Integer, Throwable> failures = new TreeMap<>();
        if (runs.isEmpty()) return failures;
        List<Task> tasks = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) tasks.add(new Task(k, runs.get(k).name(), runs.get(k).config().toYaml()));
        List<Result> results = spark.parallelize(tasks, tasks.size()).map(SparkGridExecutor::runTask).collect();
        for (Result r : results) {
            Throwable t = !r.failed() ? null : r.inputError() ? new InputException(r.message())
                    : new IllegalStateException("run " + runs.get(r.position()).name() + " failed on an executor:\n" + r.message());
            if (t != null) failures.put(r.position(), t);
            finished.accept(r.position(), t);
        }
        return failures;
    }

    /** On an executor: train (or resume, or skip) one run. */
    static Result runTask(Task task) {
        try {
            TrainConfig cfg = TrainConfig.fromYaml(task.configYaml(), task.name() + "/config.yaml");
            Path dir = cfg.out();
            if (RunDirectory.isFinished(dir)) return new Result(task.position(), false, false, null);
            boolean resume = Files.isRegularFile(dir.resolve("checkpoint.json"));
            GridExecutor.trainOne(Backend.standard(), RunHooks.LOG_ONLY, cfg, resume);
            return new Result(task.position(), false, false, null);
        } catch (InputException e) {
            return new Result(task.position(), true, true, e.getMessage());
        } catch (RuntimeException e) {
            IOException io = FileSystemErrors.ioCause(e);
            if (io != null) return new Result(task.position(), true, true, FileSystemErrors.describe(io));
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Result(task.position(), true, false, trace.toString());
        }
    }
}
