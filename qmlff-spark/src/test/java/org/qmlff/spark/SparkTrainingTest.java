package org.qmlff.spark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.data.Dataset;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.BatchEvaluator;
import org.qmlff.train.FrameList;
import org.qmlff.train.Objective;
import org.qmlff.train.Recipe;
import org.qmlff.train.Trainer;
import org.qmlff.train.TrainingListener;
import org.qmlff.train.TrainingOptions;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data-parallel training on Spark ({@code local[2]}) against the local trainer: the same seed gives
 * the same parameters, bit for bit, for 1, 2 and 3 partitions, with and without the recipe's
 * energy stage (which makes the trainer build a second evaluator mid-run).
 */
class SparkTrainingTest extends SparkTestBase {
    private static Dataset train;
    private static Dataset valid;

    @BeforeAll
    static void data() throws Exception {
        Dataset all = SparkTestContext.ethanol();
        // 13 training configurations: batches of 5, 5 and 3, so a partition may hold one configuration or several
        train = all.range(0, 13);
        valid = all.range(13, 17);
    }

    private static ForceField model() {
        ModelOptions o = Architectures.get("revised").defaults().with("D", "1");
        return Models.create(o, List.of(train), 7);
    }

    private static double[] params(ForceField m) {
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        return p;
    }

    private static double[] local(TrainingOptions to) {
        ForceField m = model();
        new Trainer(m, List.of(train), List.of(valid), to, 2).train(null, TrainingListener.none());
        return params(m);
    }

    private static double[] onSpark(TrainingOptions to, int partitions, Path checkpoint) {
        ForceField m = model();
        SparkTraining.train(spark, partitions, m, List.of(train), List.of(valid), to, checkpoint, TrainingListener.none());
        return params(m);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3})
    void parametersAreBitIdenticalToTheLocalTrainer(int partitions) {
        TrainingOptions to = new TrainingOptions(2, 5, 0.01, 1, 10, 3);
        double[] expected = local(to);
        double[] got = onSpark(to, partitions, null);
        assertThat(got).hasSameSizeAs(expected);
        double[] start = params(model());
        assertThat(expected).as("training moved the parameters").isNotEqualTo(start);
        for (int i = 0; i < expected.length; i++)
            assertThat(Double.doubleToRawLongBits(got[i])).as("parameter %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }

    @Test
    void theRecipesEnergyStageAndEmaAreBitIdenticalToo(@TempDir Path dir) {
        Recipe r = Recipe.NONE.with("stage2-epochs", 1).with("ema", 0.9).with("amsgrad", 1);
        TrainingOptions to = new TrainingOptions(3, 5, 0.01, 1, 10, 11).withRecipe(r);
        double[] expected = local(to);
        double[] got = onSpark(to, 2, dir.resolve("checkpoint.json"));
        for (int i = 0; i < expected.length; i++)
            assertThat(Double.doubleToRawLongBits(got[i])).as("parameter %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 4})
    void aBatchLossAndGradientEqualTheLocalOnes(int partitions) {
        ForceField m = model();
        FrameList frames = new FrameList(List.of(train));
        Objective objective = new Objective(1.0, 10.0, 0.5, 2.0);
        int[] order = {12, 3, 7, 0, 9, 4};
        double[] local = new double[m.parameterCount()];
        double[] remote = new double[m.parameterCount()];
        double lossLocal, lossRemote;
        try (WorkerPool pool = new WorkerPool(2)) {
            lossLocal = BatchEvaluator.LOCAL.create(m, objective, frames, 6, pool).evaluate(order, 1, 6, local);
            lossRemote = SparkBatchEvaluator.factory(spark, partitions).create(m, objective, frames, 6, pool)
                    .evaluate(order, 1, 6, remote);
        }
        assertThat(lossLocal).as("the batch has a loss").isPositive();
        assertThat(Double.doubleToRawLongBits(lossRemote)).isEqualTo(Double.doubleToRawLongBits(lossLocal));
        assertThat(local).as("the gradient is not zero").isNotEqualTo(new double[local.length]);
        for (int i = 0; i < local.length; i++)
            assertThat(Double.doubleToRawLongBits(remote[i])).as("gradient %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(local[i]));
    }

    /**
     * The executors' cache: over several steps whose parameters change as an optimiser's would, every
     * step's loss and gradient still equal the local ones bit for bit (a workspace that kept old parameters
     * would fail from the second step on), while the model is built at most once per task slot of
     * {@code local[2]}, not once per task (3 partitions × 4 steps = 12 tasks). A second evaluator of another
     * model (a new broadcast) builds its own workspaces and gets its own model's numbers.
     */
    @Test
    void executorsBuildTheModelOncePerTaskSlotAndFollowEveryStepsParameters() {
        FrameList frames = new FrameList(List.of(train));
        Objective objective = new Objective(1.0, 10.0, 0.5, 2.0);
        int[] order = {12, 3, 7, 0, 9, 4, 1, 2};
        ForceField m = model();
        ForceField other = Models.create(Architectures.get("revised").defaults().with("D", "2"), List.of(train), 8);
        try (WorkerPool pool = new WorkerPool(2)) {
            long before = ExecutorCache.builds();
            BatchEvaluator remote = SparkBatchEvaluator.factory(spark, 3).create(m, objective, frames, 8, pool);
            BatchEvaluator local = BatchEvaluator.LOCAL.create(m, objective, frames, 8, pool);
            double[] p = params(m);
            double[] previous = null;
            for (int step = 0; step < 4; step++) {
                double[] gLocal = new double[p.length], gRemote = new double[p.length];
                double lLocal = local.evaluate(order, 0, order.length, gLocal);
                double lRemote = remote.evaluate(order, 0, order.length, gRemote);
                assertBitIdentical(lRemote, gRemote, lLocal, gLocal, "step " + step);
                if (previous != null) assertThat(gLocal).as("step %d moved the gradient", step).isNotEqualTo(previous);
                previous = gLocal;
                for (int i = 0; i < p.length; i++) p[i] -= 0.01 * gLocal[i];
                m.setParameters(p);
            }
            long built = ExecutorCache.builds() - before;
            assertThat(built).as("workspaces built for 12 tasks on 2 task slots").isBetween(1L, 2L);

            BatchEvaluator remoteOther = SparkBatchEvaluator.factory(spark, 2).create(other, objective, frames, 8, pool);
            double[] gLocal = new double[other.parameterCount()], gRemote = new double[other.parameterCount()];
            double lLocal = BatchEvaluator.LOCAL.create(other, objective, frames, 8, pool).evaluate(order, 0, order.length, gLocal);
            double lRemote = remoteOther.evaluate(order, 0, order.length, gRemote);
            assertBitIdentical(lRemote, gRemote, lLocal, gLocal, "the other model");
            assertThat(ExecutorCache.builds() - before - built).as("the other model's own workspaces").isBetween(1L, 2L);
        }
    }

    private static void assertBitIdentical(double lossRemote, double[] remote, double lossLocal, double[] local, String what) {
        assertThat(Double.doubleToRawLongBits(lossRemote)).as("%s: loss", what).isEqualTo(Double.doubleToRawLongBits(lossLocal));
        assertThat(remote).hasSameSizeAs(local);
        for (int i = 0; i < local.length; i++)
            assertThat(Double.doubleToRawLongBits(remote[i])).as("%s: gradient %d", what, i)
                    .isEqualTo(Double.doubleToRawLongBits(local[i]));
    }

    @Test
    void aPartitionCountBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkBatchEvaluator.factory(spark, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
