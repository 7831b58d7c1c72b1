package org.qmlff.spark;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.data.Dataset;
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
        Dataset all = SparkTestContext.ethanol();
        Dataset frames = all.range(0, 23);
        ForceField model = Models.create(Architectures.get("revised").defaults().with("D", "1"), List.of(all.range(0, 50)), 5);
        Predictions expected;
        try (WorkerPool pool = new WorkerPool(1)) {
            expected = new Predictor(model, pool).predict(frames);
        }
        SparkPrediction.Result r = SparkPrediction.run(spark, model, frames, out, partitions);

        assertThat(r.frames()).isEqualTo(23);
        assertThat(r.parts()).hasSize(partitions);
        Dataset merged = ExtXyz.read(r.merged());
        assertThat(merged.frames()).isEqualTo(23);
        assertThat(merged.numbers()).isEqualTo(frames.numbers());
        assertThat(merged.positions()).isEqualTo(frames.positions());
        for (int f = 0; f < 23; f++)
            assertThat(Double.doubleToRawLongBits(merged.energies()[f])).as("energy of frame %d", f)
                    .isEqualTo(Double.doubleToRawLongBits(expected.energies()[f]));
        for (int k = 0; k < merged.forces().length; k++)
            assertThat(Double.doubleToRawLongBits(merged.forces()[k])).as("force component %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(expected.forces()[k]));

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
}
