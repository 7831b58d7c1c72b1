package org.qmlff.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFormatException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    private static Checkpoint sample(double bestLoss) {
        double[] p = {0.1, -1.0 / 3, Math.PI * 1e-300, 1e300, Double.MIN_VALUE};
        return new Checkpoint(Checkpoint.FORMAT, Checkpoint.VERSION, new TrainingOptions(5, 20, 0.01, 1, 10, -7),
                950, 50, 4.1 / 3, Math.sqrt(2), 1, p, p, 1, bestLoss,
                new Adam.State(48, new double[]{1e-17, 2, 3, 4, 5}, new double[]{0.1 + 0.2, 0, 0, 0, 1}),
                List.of(new EpochRecord(1, 0.009, 1.25, bestLoss, 0.3, Double.NaN, 12.5)), 12.5);
    }

    @Test
    void roundTripIsExact(@TempDir Path dir) {
        Path f = dir.resolve("c.json");
        Checkpoint c = sample(0.7 / 3);
        c.write(f);
        assertThat(Checkpoint.read(f)).isEqualTo(c);
        Checkpoint nan = sample(Double.NaN);
        nan.write(f);
        assertThat(Checkpoint.read(f)).isEqualTo(nan);
    }

    @Test
    void garbageIsAOneLineError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not a qmlff checkpoint");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("c.json").hasMessageNotContaining("\n");
    }
}
