package org.qmlff.cli;

import org.qmlff.experiment.TrainConfig;
import org.qmlff.data.Units;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.train.Metrics;
import org.qmlff.train.Predictions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code qmlff train} end to end on synthetic data with a test model. */
class TrainPipelineTest {
    static final Dataset MOL_A = TestBackend.molecule("rmd17_mola_train_01", new int[]{6, 8, 1, 1}, 70, 1);
    static final Dataset MOL_A_TEST = TestBackend.molecule("rmd17_mola_test_01", new int[]{6, 8, 1, 1}, 40, 2);
    static final Dataset MOL_B = TestBackend.molecule("rmd17_molb_train_01", new int[]{8, 1, 1}, 70, 3);
    static final Dataset MOL_B_TEST = TestBackend.molecule("rmd17_molb_test_01", new int[]{8, 1, 1}, 30, 4);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The files of a finished run directory. */
    static final List<String> RUN_FILES = List.of("config.yaml", "train.log", "checkpoint.json", "model.json",
            "metrics.json", "curves.csv", "loss.png", "energy_parity.png", "force_parity.png");

    static TestBackend backend() {
        return new TestBackend().add("mola.npz", MOL_A).add("mola_test.npz", MOL_A_TEST)
                .add("molb.npz", MOL_B).add("molb_test.npz", MOL_B_TEST)
                .add("nitro.npz", TestBackend.molecule("nitro", new int[]{7, 1}, 5, 5));
    }

    static String[] args(Path out, String threads, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--data", "mola.npz", "--test", "mola_test.npz",
                "--n-train", "60", "--n-valid", "10", "--epochs", "4", "--lr", "0.05", "--seed", "3",
                "--threads", threads, "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static double[] params(Path modelJson) throws Exception {
        JsonNode ps = JSON.readTree(modelJson.toFile()).get("params");
        double[] p = new double[ps.size()];
        for (int i = 0; i < p.length; i++) p[i] = ps.get(i).doubleValue();
        return p;
    }

    @Test
    void writesTheRunDirectory(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun r = CliRun.of(backend(), new TrainCommand(), args(run, "2")).succeeded();
        for (String f : RUN_FILES) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        for (String png : List.of("loss.png", "energy_parity.png", "force_parity.png"))
            assertThat(Files.readAllBytes(run.resolve(png))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        // metrics.json: the test block equals metrics recomputed here from the written model
        JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile());
        for (String set : List.of("train", "valid", "test", "null"))
            for (String key : List.of("energy_mae_meV", "energy_rmse_meV", "force_mae_meV_per_A",
                    "force_rmse_meV_per_A", "energy_mae_kcal_per_mol", "force_mae_kcal_per_mol_per_A", "n_frames"))
                assertThat(m.get(set).has(key)).as(set + "." + key).isTrue();
        assertThat(m.get("train").get("n_frames").asInt()).isEqualTo(50);
        assertThat(m.get("valid").get("n_frames").asInt()).isEqualTo(10);
        assertThat(m.get("test").get("n_frames").asInt()).isEqualTo(40);
        TestForceField trained = new TestForceField(TestBackend.SPECIES, params(run.resolve("model.json")));
        double[] x = new double[12], f = new double[12];
        double sae = 0, saf = 0;
        for (int fr = 0; fr < MOL_A_TEST.frames(); fr++) {
            MOL_A_TEST.copyPositions(fr, x);
            sae += Math.abs(trained.energyAndForces(MOL_A_TEST.numbers(), x, f, null) - MOL_A_TEST.energies()[fr]);
            for (int i = 0; i < 12; i++) saf += Math.abs(f[i] - MOL_A_TEST.forces()[fr * 12 + i]);
        }
        assertThat(m.get("test").get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(sae / 40, within(1e-12));
        assertThat(m.get("test").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(saf / 480, within(1e-12));
        assertThat(m.get("test").get("energy_mae_meV").asDouble())
                .isCloseTo(sae / 40 * Units.MEV_PER_KCAL_MOL, within(1e-9));
        // null model: mean energy of the 50 training frames, zero forces
        double mean = Predictions.meanEnergy(MOL_A.range(0, 50));
        double nae = 0, naf = 0;
        for (double e : MOL_A_TEST.energies()) nae += Math.abs(e - mean);
        for (double v : MOL_A_TEST.forces()) naf += Math.abs(v);
        assertThat(m.get("null").get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(nae / 40, within(1e-12));
        assertThat(m.get("null").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(naf / 480, within(1e-12));
        assertThat(m.get("per_dataset").get("mola").get("test").get("n_frames").asInt()).isEqualTo(40);
        assertThat(m.get("test").get("force_mae_per_element_meV_per_A").has("H")).isTrue();
        // training improved on the null model
        assertThat(m.get("test").get("force_mae_meV_per_A").asDouble())
                .isLessThan(m.get("null").get("force_mae_meV_per_A").asDouble());

        List<String> curves = Files.readAllLines(run.resolve("curves.csv"));
        assertThat(curves).hasSize(5);
        assertThat(curves.get(0)).startsWith("epoch,lr,train_loss,valid_loss,valid_energy_mae_meV");
        assertThat(Files.readString(run.resolve("train.log"))).contains("epoch 4/4").contains("done: best epoch");
        // not a terminal: epoch lines and the summary table on stdout
        assertThat(r.out()).contains("epoch 1/4").contains("test mola").contains("null model").contains("meV/Å");
        JsonNode meta = JSON.readTree(run.resolve("model.json").toFile()).get("training");
        assertThat(meta.get("datasets").get(0).get("formula").asText()).isEqualTo("CH2O");
        assertThat(meta.get("datasets").get(0).get("n_train").asInt()).isEqualTo(50);

        // a second run into the same directory is refused
        CliRun again = CliRun.of(backend(), new TrainCommand(), args(run, "1"));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a training run").contains("--resume");
    }

    /** A model that fails after a number of evaluations, to interrupt a run part-way. */
    static ForceField crashingAfter(ForceField inner, int calls) {
        return crashingAfter(inner, calls, () -> new IllegalStateException("simulated crash"));
    }

    /** {@code inner}, throwing what {@code crash} makes from evaluation {@code calls + 1} on. */
    static ForceField crashingAfter(ForceField inner, int calls, java.util.function.Supplier<RuntimeException> crash) {
        AtomicInteger count = new AtomicInteger();
        return new ForceField() {
            public String architecture() { return inner.architecture(); }
            public ModelOptions options() { return inner.options(); }
            public int parameterCount() { return inner.parameterCount(); }
            public void getParameters(double[] out) { inner.getParameters(out); }
            public void setParameters(double[] in) { inner.setParameters(in); }
            public Scratch newScratch() { return inner.newScratch(); }
            public void checkCompatible(int[] numbers) { inner.checkCompatible(numbers); }
            public double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
                if (count.incrementAndGet() > calls) throw crash.get();
                return inner.energyAndForces(numbers, positions, forces, scratch);
            }
            public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF,
                                             double[] grad, Scratch scratch) {
                inner.addObjectiveGradient(numbers, positions, dLdE, dLdF, grad, scratch);
            }
        };
    }

    @Test
    void interruptedThenResumedRunEqualsUninterrupted(@TempDir Path tmp) throws Exception {
        Path full = tmp.resolve("full");
        assertThat(CliRun.of(backend(), new TrainCommand(), args(full, "2")).code()).isZero();

        // 3 steps (50 frames) + 10 validation frames = 60 evaluations per epoch: crash inside epoch 3
        Path cut = tmp.resolve("cut");
        CliRun crashed = CliRun.of(backend().wrapping(ff -> crashingAfter(ff, 150)), new TrainCommand(), args(cut, "2"));
        assertThat(crashed.code()).isNotZero();
        assertThat(crashed.err()).contains("simulated crash");
        assertThat(cut.resolve("model.json")).doesNotExist();
        assertThat(JSON.readTree(cut.resolve("checkpoint.json").toFile()).get("epochsDone").asInt()).isEqualTo(2);

        CliRun resumed = CliRun.of(backend(), new TrainCommand(), "--resume", cut.toString(), "--threads", "1").succeeded();
        assertThat(params(cut.resolve("model.json"))).isEqualTo(params(full.resolve("model.json")));
        List<String> a = Files.readAllLines(full.resolve("curves.csv")), b = Files.readAllLines(cut.resolve("curves.csv"));
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) // all but the elapsed-time column
            assertThat(b.get(i).substring(0, b.get(i).lastIndexOf(',')))
                    .isEqualTo(a.get(i).substring(0, a.get(i).lastIndexOf(',')));
        assertThat(Files.readString(cut.resolve("train.log"))).contains("epoch 2/4").contains("resumed after epoch 2 of 4");
        assertThat(JSON.readTree(cut.resolve("metrics.json").toFile()).get("test"))
                .isEqualTo(JSON.readTree(full.resolve("metrics.json").toFile()).get("test"));
    }

    @Test
    void resumeOfARunKilledBeforeItsFirstCheckpointStartsFromItsConfig(@TempDir Path tmp) throws Exception {
        Path full = tmp.resolve("full");
        assertThat(CliRun.of(backend(), new TrainCommand(), args(full, "2")).code()).isZero();
        for (int calls : new int[]{5, 40}) { // both inside epoch 1 (60 evaluations per epoch)
            Path cut = tmp.resolve("cut" + calls);
            CliRun crashed = CliRun.of(backend().wrapping(ff -> crashingAfter(ff, calls)), new TrainCommand(), args(cut, "2"));
            assertThat(crashed.code()).isNotZero();
            assertThat(cut.resolve("checkpoint.json")).doesNotExist();
            assertThat(cut.resolve("config.yaml")).exists();
            // what a kill -9 during a checkpoint write leaves behind
            Path stale = Files.writeString(cut.resolve(".checkpoint.json.123456789.tmp"), "{\"half\": ");
            CliRun resumed = CliRun.of(backend(), new TrainCommand(), "--resume", cut.toString(), "--threads", "1").succeeded();
            assertThat(params(cut.resolve("model.json"))).isEqualTo(params(full.resolve("model.json")));
            assertThat(stale).doesNotExist();
            assertThat(Files.readString(cut.resolve("train.log"))).contains("no checkpoint yet: starting the run again");
        }
    }

    @Test
    void theInterruptNoticeSaysWhereTheCheckpointIsAndHowToResume(@TempDir Path tmp) throws Exception {
        Path cp = tmp.resolve("checkpoint.json");
        assertThat(InterruptNotice.message(tmp, cp)).contains("before the first checkpoint").contains("qmlff train --resume " + tmp);
        Files.writeString(cp, "{}");
        assertThat(InterruptNotice.message(tmp, cp)).contains("the last checkpoint is " + cp).contains("qmlff train --resume " + tmp);
    }

    @Test
    void recipeFromTheConfigFileResumesBitForBit(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("recipe.yaml");
        Files.writeString(yaml, """
                ema: 0.9
                weight-decay: 0.01
                amsgrad: true
                clip: 10
                stage2-epochs: 1
                stage2-lr: 0.005
                plateau-patience: 1
                """);
        Path full = tmp.resolve("full");
        CliRun r = CliRun.of(backend(), new TrainCommand(), args(full, "2", "--config", yaml.toString())).succeeded();
        assertThat(TrainConfig.readYaml(full.resolve("config.yaml"))).containsEntry("amsgrad", true)
                .containsEntry("stage2-epochs", 1);
        assertThat(JSON.readTree(full.resolve("model.json").toFile()).at("/training/optimizer/recipe/ema").asDouble())
                .isEqualTo(0.9);
        Path cut = tmp.resolve("cut");
        CliRun crashed = CliRun.of(backend().wrapping(ff -> crashingAfter(ff, 150)), new TrainCommand(),
                args(cut, "2", "--config", yaml.toString()));
        assertThat(crashed.code()).isNotZero();
        CliRun resumed = CliRun.of(backend(), new TrainCommand(), "--resume", cut.toString(), "--threads", "1");
        assertThat(resumed.err()).isEmpty();
        assertThat(params(cut.resolve("model.json"))).isEqualTo(params(full.resolve("model.json")));
        // and the recipe changed the result
        Path plain = tmp.resolve("plain");
        assertThat(CliRun.of(backend(), new TrainCommand(), args(plain, "2")).code()).isZero();
        assertThat(params(plain.resolve("model.json"))).isNotEqualTo(params(full.resolve("model.json")));
        assertThat(TrainConfig.readYaml(plain.resolve("config.yaml"))).doesNotContainKey("ema");
        // a bad recipe value names its origin
        Files.writeString(yaml, "ema: 1.5\n");
        CliRun bad = CliRun.of(backend(), new TrainCommand(), args(tmp.resolve("bad"), "1", "--config", yaml.toString()));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("ema").doesNotContain("Exception");
    }

    @Test
    void severalMoleculesWithTestFilesInAnotherOrder(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("multi");
        CliRun r = CliRun.of(backend(), new TrainCommand(), "--data", "mola.npz", "molb.npz",
                "--test", "molb_test.npz", "mola_test.npz", "--n-train", "60", "--n-valid", "10", "--epochs", "2",
                "--threads", "2", "--out", run.toString()).succeeded();
        JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile());
        assertThat(m.get("train").get("n_frames").asInt()).isEqualTo(100);
        assertThat(m.get("test").get("n_frames").asInt()).isEqualTo(70);
        JsonNode per = m.get("per_dataset");
        assertThat(per.get("mola").get("test").get("n_frames").asInt()).isEqualTo(40);
        assertThat(per.get("molb").get("test").get("n_frames").asInt()).isEqualTo(30);
        // each molecule's null model uses its own mean training energy
        double meanB = Predictions.meanEnergy(MOL_B.range(0, 50));
        double nae = 0;
        for (double e : MOL_B_TEST.energies()) nae += Math.abs(e - meanB);
        assertThat(per.get("molb").get("null").get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(nae / 30, within(1e-12));
        assertThat(r.out()).contains("test mola").contains("test molb").contains("test (all)");
    }

    @Test
    void incompatibleTestMoleculeFailsBeforeTraining(@TempDir Path tmp) {
        Path run = tmp.resolve("bad");
        CliRun r = CliRun.of(backend(), new TrainCommand(), "--data", "mola.npz", "--test", "nitro.npz",
                "--n-train", "60", "--n-valid", "10", "--epochs", "2", "--out", run.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qmlff: error: nitro.npz: atom 0 has element 7");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(run.resolve("checkpoint.json")).doesNotExist();
    }

    @Test
    void tooFewFramesIsAOneLineError(@TempDir Path tmp) {
        CliRun r = CliRun.of(backend(), new TrainCommand(), "--data", "mola.npz", "--out", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: mola.npz: has 70 frames, fewer than n-train = 1000");
        CliRun missing = CliRun.of(backend(), new TrainCommand(), "--data", "nope.npz", "--n-train", "10", "--n-valid", "2");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("qmlff: error: no such file: nope.npz");
    }
}
