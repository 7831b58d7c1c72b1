package org.qmlff.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.analysis.RunResult;
import org.qmlff.experiment.Backend;
import org.qmlff.experiment.GridExecutor;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.experiment.PlannedRun;
import org.qmlff.experiment.RunDirectory;
import org.qmlff.experiment.RunHooks;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import org.qmlff.model.LeArchitecture;
import org.qmlff.model.RevisedArchitecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learning-curve grid (2 architectures × 2 sizes × 2 seeds on ethanol) run as Spark tasks against the same grid run by the local executor: every
 * run directory holds the same parameters and test errors, bit for bit; a second pass skips every
 * finished run, and a run whose results were lost after its last checkpoint (a retried task) is
 * resumed to the same parameters.
 */
class SparkGridTest extends SparkTestBase {
    private static LearningCurvePlan plan(Path out) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("n-train", 30);
        settings.put("n-valid", 5);
        settings.put("epochs", 2);
        settings.put("batch", 5);
        settings.put("D", 1);
        return LearningCurvePlan.of(new LearningCurvePlan.Spec(List.of(LeArchitecture.NAME, RevisedArchitecture.NAME),
                List.of(SparkTestContext.bundled("rmd17_ethanol_train_01.npz")),
                List.of(SparkTestContext.bundled("rmd17_ethanol_test_01.npz")), List.of(5, 12), 2, settings, 1, out),
                Backend.standard());
    }

    private static String run(GridExecutor executor, LearningCurvePlan plan) {
        StringWriter console = new StringWriter();
        new LearningCurveRunner(executor, new PrintWriter(console, true)).run(plan.runs()).rethrow(plan.runs().size());
        return console.toString();
    }

    private static double[] parameters(Path runDir) {
        ForceField m = Models.read(runDir.resolve("model.json"));
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        return p;
    }

    /** The model file as JSON, less the wall-clock training time (the one field a rerun changes). */
    private static JsonNode modelFileWithoutTiming(Path runDir) {
        try {
            ObjectNode n = (ObjectNode) new ObjectMapper().readTree(runDir.resolve("model.json").toFile());
            assertThat(n.path("training").has("training_time_s")).isTrue();
            ((ObjectNode) n.get("training")).remove("training_time_s");
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameRun(Path local, Path remote) {
        double[] a = parameters(local), b = parameters(remote);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++)
            assertThat(Double.doubleToRawLongBits(b[i])).as("%s parameter %d", remote, i)
                    .isEqualTo(Double.doubleToRawLongBits(a[i]));
        assertThat(modelFileWithoutTiming(remote)).as("%s/model.json", remote).isEqualTo(modelFileWithoutTiming(local));
        RunResult ra = RunDirectory.read(local).toRunResult(), rb = RunDirectory.read(remote).toRunResult();
        assertThat(rb.test()).isEqualTo(ra.test());
        assertThat(rb.train()).isEqualTo(ra.train());
    }

    @Test
    void sparkTasksWriteTheSameRunsAsTheLocalGridAndResume(@TempDir Path dir) throws Exception {
        LearningCurvePlan local = plan(dir.resolve("local")), remote = plan(dir.resolve("spark"));
        assertThat(remote.runs()).hasSize(8);
        run(GridExecutor.local(Backend.standard(), RunHooks.LOG_ONLY, 2), local);
        String first = run(new SparkGridExecutor(spark), remote);
        assertThat(first).contains("[8/8]").doesNotContain("FAILED").doesNotContain("skipped");
        for (int k = 0; k < 8; k++)
            assertSameRun(local.runs().get(k).dir(), remote.runs().get(k).dir());
        assertThat(parameters(remote.runs().get(0).dir())).as("different sizes train different models")
                .isNotEqualTo(parameters(remote.runs().get(2).dir()));

        // the second pass trains nothing
        String second = run(new SparkGridExecutor(spark), remote);
        assertThat(second.lines().filter(l -> l.contains("finished earlier, skipped")).count()).isEqualTo(8);

        // a run that lost its results after its last checkpoint is resumed, to the same parameters
        PlannedRun victim = remote.runs().get(1);
        assertThat(victim.dir().resolve("checkpoint.json")).exists();
        Files.delete(victim.dir().resolve("metrics.json"));
        Files.delete(victim.dir().resolve("model.json"));
        String third = run(new SparkGridExecutor(spark), remote);
        assertThat(third).contains(victim.name() + ": resumed and finished");
        assertSameRun(local.runs().get(1).dir(), victim.dir());
    }
}
