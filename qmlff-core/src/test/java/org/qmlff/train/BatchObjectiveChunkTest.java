package org.qmlff.train;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qmlff.data.Dataset;
import org.qmlff.parallel.WorkerPool;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch computed in chunks (fewer buffers than configurations) gives the bits of the plain serial
 * sum: every configuration's contribution computed alone, the losses and gradients added in batch
 * order from 0.0. With the full-size chunk of a small model, too.
 */
class BatchObjectiveChunkTest {
    private static final Dataset MOLECULE = Synthetic.molecule("a", new int[]{6, 6, 8, 1, 1}, 23, 4);
    private static final FrameList FRAMES = new FrameList(List.of(MOLECULE));

    @ParameterizedTest(name = "{0} threads, chunk bytes {1}")
    @CsvSource({"1, 1", "2, 1", "1, 1048576", "2, 1048576"})
    void chunkedBatchEqualsTheSerialSum(int threads, long chunkBytes) {
        Objective obj = Objective.forTraining(List.of(MOLECULE), 1.3, 7.0);
        PairForceField ff = Synthetic.start();
        int[] order = {3, 14, 0, 20, 7, 11, 2, 19, 5, 8, 22, 1, 16};
        int from = 1, to = order.length, b = to - from, np = ff.parameterCount();
        long components = 0;
        for (int j = from; j < to; j++) components += 3L * MOLECULE.atoms();
        double expectedLoss = 0;
        double[] expected = new double[np], g = new double[np];
        int n3 = 3 * MOLECULE.atoms();
        for (int j = from; j < to; j++) {
            expectedLoss += BatchObjective.contribution(ff, obj, MOLECULE, order[j], b, components, new double[n3],
                    new double[n3], new double[n3], new double[n3], g, ff.newScratch());
            for (int i = 0; i < np; i++) expected[i] += g[i];
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            BatchObjective bo = new BatchObjective(ff, obj, FRAMES, 20, pool, chunkBytes);
            if (chunkBytes == 1) assertThat(bo.chunk()).as("four configurations per worker").isEqualTo(4 * threads);
            else assertThat(bo.chunk()).as("a small model's whole batch").isEqualTo(20);
            double[] grad = new double[np];
            grad[0] = 123.0; // overwritten, not added to
            double loss = bo.evaluate(order, from, to, grad);
            assertThat(expectedLoss).isPositive();
            assertThat(Double.doubleToRawLongBits(loss)).isEqualTo(Double.doubleToRawLongBits(expectedLoss));
            for (int i = 0; i < np; i++)
                assertThat(Double.doubleToRawLongBits(grad[i])).as("gradient %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }
}
