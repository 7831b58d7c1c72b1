package org.qmlff.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.Rmd17;
import org.qmlff.data.UnitSystem;
import org.qmlff.data.ExtXyz;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch prediction on Spark against the local {@link Predictor} ({@code qmlff predict}'s): every
 * frame's energy and force components read back from the merged file equal the local ones bit for
 * bit, the parts hold the frames in order, and no temporary file is left behind.
 */
class SparkPredictionTest extends SparkTestBase {
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 7})
    void everyFrameMatchesTheLocalPredictor(int partitions, @TempDir Path out) throws Exception {
        Prediction run = predict(out, partitions, SparkPrediction.Format.EXTXYZ);
        Dataset frames = run.frames();
        Predictions expected = run.expected();
        SparkPrediction.Result r = run.result();

        assertThat(r.frames()).isEqualTo(23);
        assertThat(r.parts()).hasSize(partitions);
        assertMergedEquals(r, frames, expected);

        int seen = 0;
        for (Path part : r.parts()) {
            Dataset d = ExtXyz.read(part);
            assertThat(d.positions()).isEqualTo(frames.range(seen, seen + d.frames()).positions());
            seen += d.frames();
        }
        assertThat(seen).isEqualTo(23);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".tmp"))).isEmpty();
        }
    }

    /**
     * In npz the parts hold the frames in order and the merged file is byte for byte what {@code qmlff predict
     * --out P.npz} writes for the local predictor's numbers (the rMD17 arrays, {@code DataFiles.write}).
     */
    @ParameterizedTest(name = "npz, {0} partitions")
    @ValueSource(ints = {1, 3, 7})
    void npzOutputIsTheLocalPredictionsFileByteForByte(int partitions, @TempDir Path out) throws Exception {
        Prediction run = predict(out.resolve("spark"), partitions, SparkPrediction.Format.NPZ);
        Dataset frames = run.frames();
        Predictions expected = run.expected();
        SparkPrediction.Result r = run.result();

        assertThat(r.merged().getFileName().toString()).isEqualTo("predictions.npz");
        assertThat(r.parts()).hasSize(partitions).allMatch(p -> p.getFileName().toString().endsWith(".npz"));
        Path local = out.resolve("local.npz");
        DataFiles.write(local, new Dataset(frames.name(), frames.numbers(), frames.positions(), expected.energies(), expected.forces()),
                UnitSystem.KCAL_MOL_ANGSTROM);
        assertThat(Files.readAllBytes(r.merged())).isEqualTo(Files.readAllBytes(local));
        int seen = 0;
        for (Path part : r.parts()) {
            Dataset d = Rmd17.read(part);
            assertThat(d.positions()).isEqualTo(frames.range(seen, seen + d.frames()).positions());
            assertThat(d.forces()).isEqualTo(java.util.Arrays.copyOfRange(expected.forces(), seen * 27, (seen + d.frames()) * 27));
            seen += d.frames();
        }
        assertThat(seen).isEqualTo(23);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".tmp"))).isEmpty();
        }
    }

    /**
     * Executors keep the model between tasks: 7 tasks on the 2 task slots of {@code local[2]} build it
     * at most twice; a second run with another model (a new broadcast) predicts with that model, not
     * with the kept one.
     */
    @Test
    void theModelIsBuiltOncePerTaskSlotAndANewModelIsNeverServedFromTheCache(@TempDir Path out) throws Exception {
        Dataset frames = frames();
        ForceField first = revised(5), second = revised(6);
        Predictions expectFirst = local(first, frames), expectSecond = local(second, frames);
        assertThat(expectSecond.energies()).as("the two models differ").isNotEqualTo(expectFirst.energies());
        long before = ExecutorCache.builds();
        SparkPrediction.Result a = SparkPrediction.run(spark, first, frames, out.resolve("a"), 7);
        long built = ExecutorCache.builds() - before;
        assertThat(built).as("workspaces built for 7 tasks on 2 task slots").isBetween(1L, 2L);
        SparkPrediction.Result b = SparkPrediction.run(spark, second, frames, out.resolve("b"), 7);
        assertThat(ExecutorCache.builds() - before - built).as("the second model's own workspaces").isBetween(1L, 2L);
        assertMergedEquals(a, frames, expectFirst);
        assertMergedEquals(b, frames, expectSecond);
        assertThat(a.predictSeconds()).isPositive();
        assertThat(a.jobSeconds()).isGreaterThanOrEqualTo(0.0);
    }

    /** {@code predict} cuts a trajectory into four tasks per task slot by default (8 on local[2]), never more than its frames. */
    @Test
    void predictionDefaultsToFourTasksPerSlotAndAtMostOnePerFrame() {
        assertThat(QmlffSpark.defaultPartitions(spark)).isEqualTo(2);
        assertThat(QmlffSpark.defaultPredictionPartitions(spark, 100_000)).isEqualTo(8);
        assertThat(QmlffSpark.defaultPredictionPartitions(spark, 3)).isEqualTo(3);
        assertThat(QmlffSpark.defaultPredictionPartitions(spark, 1)).isEqualTo(1);
    }

    /** A Spark prediction of {@link #frames()} by {@code revised(5)}, with the local predictor's numbers for the same frames. */
    record Prediction(Dataset frames, Predictions expected, SparkPrediction.Result result) {
    }

    Prediction predict(Path out, int partitions, SparkPrediction.Format format) throws java.io.IOException {
        Dataset frames = frames();
        ForceField model = revised(5);
        return new Prediction(frames, local(model, frames), SparkPrediction.run(spark, model, frames, out, partitions, format));
    }

    /** The 23 ethanol frames every case here predicts. */
    static Dataset frames() throws java.io.IOException {
        return SparkTestContext.ethanol().range(0, 23);
    }

    /** A one-layer {@code revised} model fitted to the composition of the first 50 ethanol frames, parameters from {@code seed}. */
    static ForceField revised(long seed) throws java.io.IOException {
        return Models.create(Architectures.get("revised").defaults().with("D", "1"), List.of(SparkTestContext.ethanol().range(0, 50)), seed);
    }

    /** The local predictor's ({@code qmlff predict}'s) predictions, on one thread. */
    static Predictions local(ForceField model, Dataset frames) {
        try (WorkerPool pool = new WorkerPool(1)) {
            return new Predictor(model, pool).predict(frames);
        }
    }

    static void assertMergedEquals(SparkPrediction.Result r, Dataset frames, Predictions expected) throws Exception {
        Dataset merged = ExtXyz.read(r.merged());
        int n = frames.frames();
        assertThat(merged.frames()).isEqualTo(n);
        assertThat(merged.numbers()).isEqualTo(frames.numbers());
        assertThat(merged.positions()).isEqualTo(frames.positions());
        for (int f = 0; f < n; f++)
            assertThat(Double.doubleToRawLongBits(merged.energies()[f])).as("energy of frame %d", f)
                    .isEqualTo(Double.doubleToRawLongBits(expected.energies()[f]));
        for (int k = 0; k < merged.forces().length; k++)
            assertThat(Double.doubleToRawLongBits(merged.forces()[k])).as("force component %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(expected.forces()[k]));
    }
}
