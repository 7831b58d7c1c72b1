package org.qmlff.cli;

import org.qmlff.experiment.TrainConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import org.qmlff.toy.ToyArchitecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An architecture added with no change to any CLI class ({@link ToyArchitecture}, registered by
 * {@code META-INF/services} in the test resources): {@code qmlff train} creates and trains it,
 * writes its model file, {@code evaluate} reads it back, {@code check-symmetry} uses its promises,
 * and its own option ({@code sigma}) is accepted from a config file.
 */
class ToyArchitectureCliTest {
    static final Path ROOT = Path.of(System.getProperty("qmlff.root", "."));
    static final Path TRAIN = ROOT.resolve("data/rmd17/rmd17_ethanol_train_01.npz");
    static final Path TEST = ROOT.resolve("data/rmd17/rmd17_ethanol_test_01.npz");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRegistryFindsTheToyAfterTheBuiltInArchitectures() {
        assertThat(Architectures.names()).containsExactly("le", "revised", "rich", "hybrid", ToyArchitecture.NAME);
        assertThat(TrainConfig.MODEL_KEYS).endsWith("coupling", "tensor", "head", "hidden", "baseline", "baseK", "baseLmax", "ridge", "ridgeWF",
                "repulsion", "repEps", "repR0", "repRc", "circuit", "sigma").containsOnlyOnce("K");
    }

    @Test
    void trainsEvaluatesWritesAndReadsBackTheToy(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("toy.yaml");
        Files.writeString(config, "sigma: 2.0\n");
        Path run = dir.resolve("run");
        CliRun train = CliRun.main("train", "--arch", "toy", "--config", config.toString(), "--K", "3",
                "--data", TRAIN.toString(), "--test", TEST.toString(), "--n-train", "40", "--n-valid", "10",
                "--epochs", "2", "--batch", "10", "--threads", "1", "--out", run.toString());
        assertThat(train.code()).as(train.err()).isZero();

        Path modelFile = run.resolve("model.json");
        JsonNode file = JSON.readTree(modelFile.toFile());
        assertThat(file.get("format").asText()).isEqualTo("qmlff-model");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("architecture").asText()).isEqualTo("toy");
        assertThat(file.get("hyper").toString()).isEqualTo("{\"K\":3,\"sigma\":2.0}");
        assertThat(file.get("params").get("a").get("shape").toString()).isEqualTo("[3]");

        // Read back: the same options and parameters, and the same file when written again.
        ForceField back = Models.read(modelFile);
        assertThat(back.options()).isEqualTo(new ToyArchitecture.Options(3, 2.0));
        assertThat(Models.toJson(back, JSON.convertValue(file.get("training"), Map.class))).isEqualTo(file);

        // The energies of the file's parameters, computed here from the formula, are the model's.
        Dataset test = DataFiles.read(TEST);
        double shift = file.get("params").get("shift").get("data").get(0).asDouble();
        double[] a = new double[3];
        for (int k = 0; k < 3; k++) a[k] = file.get("params").get("a").get("data").get(k).asDouble();
        double sumAbs = 0;
        double[] x = new double[3 * test.atoms()], f = new double[3 * test.atoms()];
        for (int fr = 0; fr < test.frames(); fr++) {
            test.copyPositions(fr, x);
            double e = shift;
            for (int i = 0; i < test.atoms(); i++)
                for (int j = i + 1; j < test.atoms(); j++) {
                    double r = Math.sqrt(Math.pow(x[3 * j] - x[3 * i], 2) + Math.pow(x[3 * j + 1] - x[3 * i + 1], 2)
                            + Math.pow(x[3 * j + 2] - x[3 * i + 2], 2));
                    for (int k = 0; k < 3; k++) e += a[k] * Math.exp(-(k + 1) * r / 2.0);
                }
            assertThat(back.energyAndForces(test.numbers(), x, f, back.newScratch())).isCloseTo(e, within(1e-9));
            sumAbs += Math.abs(e - test.energies()[fr]);
        }
        double mae = sumAbs / test.frames();

        // evaluate reads the file back: its test metrics are those train computed with the model in memory.
        CliRun eval = CliRun.main("evaluate", "--model", modelFile.toString(), "--data", TEST.toString(), "--json",
                "--threads", "1");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode evaluated = JSON.readTree(eval.out());
        assertThat(evaluated.get("architecture").asText()).isEqualTo("toy");
        assertThat(evaluated.get("parameters").asInt()).isEqualTo(4);
        JsonNode metrics = evaluated.get("datasets").get(0).get("metrics");
        JsonNode trained = JSON.readTree(run.resolve("metrics.json").toFile()).get("test");
        assertThat(metrics).isEqualTo(trained);
        assertThat(metrics.get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(mae, within(1e-9 * mae));
        // No circuits: the run's metrics carry no circuit cost.
        assertThat(JSON.readTree(run.resolve("metrics.json").toFile()).has("qubits")).isFalse();
    }

    /** The toy's forces are −∇E and its objective gradient that of dLdE·E + dLdF·F, by central differences. */
    @Test
    void theToysForcesAndObjectiveGradientAreExact() throws Exception {
        Dataset d = DataFiles.read(TRAIN).first(3);
        ForceField toy = Models.create(new ToyArchitecture.Options(3, 1.3), List.of(d), 9);
        double[] p = new double[toy.parameterCount()];
        toy.getParameters(p);
        for (int k = 1; k < p.length; k++) p[k] = 50.0 * k;  // forces large enough to test
        toy.setParameters(p);
        int n3 = 3 * d.atoms();
        double[] x = new double[n3], f = new double[n3], scratchF = new double[n3];
        d.copyPositions(1, x);
        ForceField.Scratch s = toy.newScratch();
        toy.energyAndForces(d.numbers(), x, f, s);
        double h = 1e-5;
        for (int i = 0; i < n3; i++) {
            double x0 = x[i];
            x[i] = x0 + h;
            double ep = toy.energyAndForces(d.numbers(), x, scratchF, s);
            x[i] = x0 - h;
            double em = toy.energyAndForces(d.numbers(), x, scratchF, s);
            x[i] = x0;
            assertThat(f[i]).as("force " + i).isCloseTo(-(ep - em) / (2 * h), within(1e-6 * (1 + Math.abs(f[i]))));
        }
        double dLdE = 0.7;
        double[] dLdF = new double[n3];
        for (int i = 0; i < n3; i++) dLdF[i] = Math.sin(i + 1.0);
        double[] grad = new double[p.length];
        toy.addObjectiveGradient(d.numbers(), x, dLdE, dLdF, grad, s);
        // E and F are linear in the parameters, so a large step is exact and keeps round-off (E ~ 1e5) small.
        double hp = 1.0;
        for (int k = 0; k < p.length; k++) {
            double[] q = p.clone();
            q[k] = p[k] + hp;
            toy.setParameters(q);
            double lp = loss(toy, d, x, dLdE, dLdF);
            q[k] = p[k] - hp;
            toy.setParameters(q);
            double lm = loss(toy, d, x, dLdE, dLdF);
            assertThat(grad[k]).as("parameter " + k).isCloseTo((lp - lm) / (2 * hp), within(1e-8 * (1 + Math.abs(grad[k]))));
        }
        toy.setParameters(p);
    }

    private static double loss(ForceField m, Dataset d, double[] x, double dLdE, double[] dLdF) {
        double[] f = new double[x.length];
        double l = dLdE * m.energyAndForces(d.numbers(), x, f, m.newScratch());
        for (int i = 0; i < f.length; i++) l += dLdF[i] * f[i];
        return l;
    }

    @Test
    void checkSymmetryUsesTheToysPromises(@TempDir Path dir) throws Exception {
        Dataset d = DataFiles.read(TRAIN).first(20);
        ForceField toy = Models.create(new ToyArchitecture.Options(2, 1.0).with("K", "3"), List.of(d), 5);
        Path model = dir.resolve("toy.json");
        Models.write(toy, Map.of(), model);
        CliRun r = CliRun.main("check-symmetry", "--model", model.toString(), "--data", TEST.toString(),
                "--frames", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("architecture").asText()).isEqualTo("toy");
        assertThat(report.get("parity").asText()).isEqualTo("none");
        assertThat(report.get("results")).hasSize(3);
        for (JsonNode row : report.get("results")) {
            // Inversion is promised although parity is none: the toy, not the CLI, says so.
            assertThat(row.get("promised_by_architecture").asBoolean()).as(row.toString()).isTrue();
            assertThat(row.get("passes").asBoolean()).as(row.toString()).isTrue();
        }
        CliRun text = CliRun.main("check-symmetry", "--model", model.toString(), "--data", TEST.toString(), "--frames", "2");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Symmetry check: toy model (parity=none) on ")
                .containsPattern("inversion\\s+2\\s+\\S+\\s+\\S+\\s+pass");
    }

    @Test
    void theToysOwnOptionIsRefusedForOtherArchitecturesWithItsOwner(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("revised.yaml");
        Files.writeString(config, "sigma: 2.0\n");
        CliRun r = CliRun.main("train", "--arch", "revised", "--config", config.toString(), "--data", TRAIN.toString(),
                "--n-train", "20", "--n-valid", "5", "--epochs", "1", "--out", dir.resolve("run").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model option sigma applies to --arch toy only");
    }
}
