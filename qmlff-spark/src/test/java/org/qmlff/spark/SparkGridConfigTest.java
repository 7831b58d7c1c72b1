package org.qmlff.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.experiment.Backend;
import org.qmlff.experiment.GridExecutor;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.experiment.RunHooks;
import org.qmlff.experiment.TrainConfig;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qmlff-spark learning-curve --config FILE}: every Spark task trains with the file's settings, recipe
 * included, and writes the same run as the local grid planned from the same file.
 */
class SparkGridConfigTest extends SparkTestBase {
    private static double[] parameters(Path runDir) {
        ForceField m = Models.read(runDir.resolve("model.json"));
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        return p;
    }

    @Test
    void aConfigFileGivesEverySparkTaskItsSettings(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("grid.yaml");
        Files.writeString(cfg, "arch: revised\nn-train: 30\nn-valid: 5\nepochs: 2\nbatch: 5\nD: 1\nclip: 0.5\n"
                + "test: [" + SparkTestContext.bundled("rmd17_ethanol_test_01.npz").toAbsolutePath() + "]\n");
        Path data = SparkTestContext.bundled("rmd17_ethanol_train_01.npz");
        Path out = dir.resolve("spark");
        int code = QmlffSpark.learningCurve(spark, QmlffSpark.options(new String[]{"learning-curve", "--config",
                cfg.toString(), "--data", data.toString(), "--sizes", "5,12", "--seeds", "1", "--out", out.toString()}));
        assertThat(code).isZero();

        LearningCurvePlan.ConfigBase base = LearningCurvePlan.ConfigBase.read(cfg, List.of(data));
        Path localOut = dir.resolve("local");
        LearningCurvePlan local = LearningCurvePlan.of(new LearningCurvePlan.Spec(List.of(base.arch()), List.of(data),
                base.test(), List.of(5, 12), 1, base.settings(), 1, localOut), Backend.standard());
        new LearningCurveRunner(GridExecutor.local(Backend.standard(), RunHooks.LOG_ONLY, 1),
                new PrintWriter(new StringWriter(), true)).run(local.runs()).rethrow(local.runs().size());
        assertThat(local.runs()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            Path l = local.runs().get(k).dir(), s = out.resolve("runs").resolve(l.getFileName());
            Map<String, Object> written = TrainConfig.readYaml(s.resolve("config.yaml"));
            assertThat(written).containsEntry("arch", "revised").containsEntry("clip", 0.5).containsEntry("epochs", 2);
            assertThat(parameters(s)).as(s.toString()).isEqualTo(parameters(l));
        }
    }
}
