package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny learning curve through {@link Main} with the real models and the bundled ethanol split. */
class LearningCurveEndToEndTest {

    @Test
    void tinyRealCurveRecordsTheCommandThatReproducesIt(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("qmlff.root", "."));
        String train = root.resolve("data/rmd17/rmd17_ethanol_train_01.npz").toString();
        String test = root.resolve("data/rmd17/rmd17_ethanol_test_01.npz").toString();
        Path out = dir.resolve("lc");
        CliRun r = CliRun.main("learning-curve", "--arch", "revised", "--data", train, "--test", test,
                "--sizes", "5,10", "--seeds", "1", "--epochs", "1", "--n-train", "20", "--n-valid", "5",
                "--D", "1", "--K", "2", "--threads", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String md = Files.readString(out.resolve("learning_curve.md"));
        assertThat(md).contains("./qmlff learning-curve --arch revised --data ");
        assertThat(md).doesNotContain("learning-curve learning-curve");
        assertThat(out.resolve("runs/revised-ethanol-n10-s0/metrics.json")).exists();
    }
}
