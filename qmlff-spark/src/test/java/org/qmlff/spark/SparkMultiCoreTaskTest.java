package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.data.Dataset;
import org.qmlff.data.ExtXyz;
import org.qmlff.data.UnitSystem;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.BatchEvaluator;
import org.qmlff.train.FrameList;
import org.qmlff.train.Objective;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;
import org.qmlff.train.Trainer;
import org.qmlff.train.TrainingListener;
import org.qmlff.train.TrainingOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks of two cores ({@code spark.task.cpus = 2} on {@code local[2]}): a task computes its
 * configurations (or frames) on two threads, and the slice at batch position 0 returns its gradients'
 * running sum. Every result is still the local one bit for bit, across the task's chunk boundaries too, and
 * the tasks really ran on a pool of two workers.
 */
class SparkMultiCoreTaskTest {
    private static JavaSparkContext spark;
    private static Dataset train;
    private static Dataset valid;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkTestContext.start(2);
        Dataset all = SparkTestContext.ethanol();
        train = all.range(0, 13);
        valid = all.range(13, 17);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
        spark = null;
    }

    private static ForceField model(long seed) {
        return Models.create(Architectures.get("revised").defaults().with("D", "1"), List.of(train), seed);
    }

    private static long taskHelpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("qmlff-task-")).count();
    }

    /** Chunks of 1, 3 (a batch of 7 crosses two boundaries) and the default, one or several partitions. */
    @ParameterizedTest(name = "{0} partitions, chunks of {1}")
    @CsvSource({"1, 1", "1, 3", "2, 3", "3, 1024"})
    void aBatchLossAndGradientEqualTheLocalOnes(int partitions, int chunk) {
        ForceField m = model(7);
        FrameList frames = new FrameList(List.of(train));
        Objective objective = new Objective(1.0, 10.0, 0.5, 2.0);
        int[] order = {12, 3, 7, 0, 9, 4, 11, 5};
        double[] local = new double[m.parameterCount()], remote = new double[m.parameterCount()];
        double lossLocal, lossRemote;
        try (WorkerPool pool = new WorkerPool(1)) {
            lossLocal = BatchEvaluator.LOCAL.create(m, objective, frames, 8, pool).evaluate(order, 1, 8, local);
            lossRemote = SparkBatchEvaluator.factory(spark, partitions, new StepProfile(), chunk)
                    .create(m, objective, frames, 8, pool).evaluate(order, 1, 8, remote);
        }
        // one-core tasks make pools without helper threads: a live helper is a task pool of two workers
        assertThat(taskHelpers()).as("helper threads of the tasks' pools").isPositive();
        assertThat(lossLocal).isPositive();
        assertThat(local).as("the gradient is not zero").isNotEqualTo(new double[local.length]);
        assertThat(Double.doubleToRawLongBits(lossRemote)).isEqualTo(Double.doubleToRawLongBits(lossLocal));
        for (int i = 0; i < local.length; i++)
            assertThat(Double.doubleToRawLongBits(remote[i])).as("gradient %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(local[i]));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2})
    void trainingGivesTheLocalTrainersParameters(int partitions) {
        TrainingOptions to = new TrainingOptions(2, 5, 0.01, 1, 10, 3);
        ForceField expected = model(7), got = model(7);
        new Trainer(expected, List.of(train), List.of(valid), to, 1).train(null, TrainingListener.none());
        SparkTraining.train(spark, partitions, got, List.of(train), List.of(valid), to, null, TrainingListener.none());
        double[] e = new double[expected.parameterCount()], g = new double[got.parameterCount()];
        expected.getParameters(e);
        got.getParameters(g);
        double[] start = new double[e.length];
        model(7).getParameters(start);
        assertThat(e).as("training moved the parameters").isNotEqualTo(start);
        for (int i = 0; i < e.length; i++)
            assertThat(Double.doubleToRawLongBits(g[i])).as("parameter %d", i).isEqualTo(Double.doubleToRawLongBits(e[i]));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2})
    void predictionMatchesTheLocalPredictor(int partitions, @TempDir Path out) throws Exception {
        Dataset frames = SparkTestContext.ethanol().range(0, 11);
        ForceField model = model(5);
        Predictions expected;
        try (WorkerPool pool = new WorkerPool(1)) {
            expected = new Predictor(model, pool).predict(frames);
        }
        SparkPrediction.Result r = SparkPrediction.run(spark, model, frames, out, partitions);
        assertThat(r.parts()).hasSize(partitions);
        SparkPredictionTest.assertMergedEquals(r, frames, expected);
        // predicted on two workers, the text is the serial writer's of the local predictions, byte for byte
        StringBuilder serial = new StringBuilder();
        ExtXyz.write(serial, new Dataset(frames.name(), frames.numbers(), frames.positions(), expected.energies(),
                expected.forces()), UnitSystem.KCAL_MOL_ANGSTROM);
        assertThat(Files.readString(r.merged())).isEqualTo(serial.toString());
    }
}
