package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import org.qmlff.experiment.TrainConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code qmlff learning-curve} end to end with the test backend: 1 architecture × 2 sizes × 2 seeds. */
class LearningCurveCommandTest {
    static final int[] ETHANOL = {6, 6, 8, 1, 1, 1};
    static final Dataset TRAIN = TestBackend.molecule("rmd17_ethanol_train_01", ETHANOL, 70, 11);
    static final Dataset TEST = TestBackend.molecule("rmd17_ethanol_test_01", ETHANOL, 30, 12);
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[] SIZES = {20, 40};
    static final int SEEDS = 2;

    static TestBackend backend() {
        return new TestBackend().add("ethanol_train.npz", TRAIN).add("ethanol_test.npz", TEST);
    }

    /** 60 frames considered, the last 10 (50..59) validate; sizes 20 and 40; 2 seeds. */
    static String[] args(Path out, String threads, String... more) {
        List<String> a = new ArrayList<>(List.of("--arch", "le", "--data", "ethanol_train.npz", "--test",
                "ethanol_test.npz", "--sizes", "40,20", "--seeds", "2", "--n-train", "60", "--n-valid", "10",
                "--epochs", "3", "--lr", "0.05", "--threads", threads, "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The four runs of two grids hold the same parameters and the same test and validation errors. */
    static void assertSameRuns(Path out, Path ref) throws Exception {
        for (int i = 0; i < 4; i++) {
            Path a = runDirs(out).get(i), b = runDirs(ref).get(i);
            assertThat(params(a)).as(a.toString()).isEqualTo(params(b));
            assertThat(metrics(a).get("test")).isEqualTo(metrics(b).get("test"));
            assertThat(metrics(a).get("valid")).isEqualTo(metrics(b).get("valid"));
        }
    }

    static List<Path> runDirs(Path out) {
        List<Path> dirs = new ArrayList<>();
        for (int n : SIZES)
            for (int s = 0; s < SEEDS; s++) dirs.add(out.resolve("runs").resolve("le-ethanol-n" + n + "-s" + s));
        return dirs;
    }

    static JsonNode metrics(Path run) throws Exception {
        return JSON.readTree(run.resolve("metrics.json").toFile());
    }

    static double[] params(Path run) throws Exception {
        return TrainPipelineTest.params(run.resolve("model.json"));
    }

    /** A backend that counts created models and can make chosen ones crash. */
    static final class Counting extends Backend.Forwarding {
        final AtomicInteger creates = new AtomicInteger();
        /** Crash the model of this (training frames, seed) after this many evaluations; null for none. */
        int[] crash;

        Counting() {
            super(backend());
        }

        @Override
        public ForceField create(ModelOptions options, List<Dataset> training, long seed) {
            creates.incrementAndGet();
            ForceField ff = super.create(options, training, seed);
            if (crash != null && training.get(0).frames() == crash[0] && seed == crash[1])
                return TrainPipelineTest.crashingAfter(ff, crash[2]);
            return ff;
        }
    }

    /** MAEs (kcal/mol, kcal/mol/Å) of the trained test model of a run on frames of a dataset. */
    static double[] mae(Path run, Dataset d) throws Exception {
        TestForceField ff = new TestForceField(TestBackend.SPECIES, params(run));
        int n = d.atoms();
        double[] x = new double[3 * n], f = new double[3 * n];
        double se = 0, sf = 0;
        for (int fr = 0; fr < d.frames(); fr++) {
            d.copyPositions(fr, x);
            se += Math.abs(ff.energyAndForces(d.numbers(), x, f, null) - d.energies()[fr]);
            for (int i = 0; i < 3 * n; i++) sf += Math.abs(f[i] - d.forces()[fr * 3 * n + i]);
        }
        return new double[]{se / d.frames(), sf / (3.0 * n * d.frames())};
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] h = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertThat(c).hasSameSizeAs(h);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < h.length; i++) m.put(h[i], c[i]);
            rows.add(m);
        }
        return rows;
    }

    @Test
    void trainsTheGridAndTabulatesTheRunsMetrics(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lc");
        CliRun r = CliRun.of(backend(), new LearningCurveCommand(), args(out, "2")).succeeded();

        // every run is a normal run directory of the train pipeline, trained on the first N frames and
        // validated on the same frames 50..59 whatever N
        for (Path run : runDirs(out)) {
            for (String f : TrainPipelineTest.RUN_FILES)
                assertThat(run.resolve(f)).as(run + "/" + f).isRegularFile();
            JsonNode m = metrics(run);
            int n = Integer.parseInt(run.getFileName().toString().replaceAll(".*-n(\\d+)-s.*", "$1"));
            assertThat(m.get("train").get("n_frames").asInt()).isEqualTo(n);
            assertThat(m.get("valid").get("n_frames").asInt()).isEqualTo(10);
            double[] valid = mae(run, TRAIN.range(50, 60)), train = mae(run, TRAIN.range(0, n)), test = mae(run, TEST);
            assertThat(m.get("valid").get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(valid[0], within(1e-12));
            assertThat(m.get("valid").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(valid[1], within(1e-12));
            assertThat(m.get("train").get("energy_mae_kcal_per_mol").asDouble()).isCloseTo(train[0], within(1e-12));
            assertThat(m.get("test").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(test[1], within(1e-12));
            Map<String, Object> cfg = TrainConfig.readYaml(run.resolve("config.yaml"));
            assertThat(cfg.get("n-fit")).isEqualTo(n);
            assertThat(cfg.get("threads")).isEqualTo(1);
        }
        // the seeds differ
        assertThat(params(runDirs(out).get(0))).isNotEqualTo(params(runDirs(out).get(1)));

        // learning_curve.csv: one row per run, every number equal to its metrics.json
        List<Map<String, String>> rows = csv(out.resolve("learning_curve.csv"));
        assertThat(rows).hasSize(4);
        for (Map<String, String> row : rows) {
            Path run = out.resolve(row.get("run_dir"));
            JsonNode m = metrics(run);
            assertThat(run.getFileName().toString())
                    .isEqualTo("le-ethanol-n" + row.get("n_train") + "-s" + row.get("seed"));
            assertThat(row.get("arch")).isEqualTo("le");
            assertThat(row.get("molecule")).isEqualTo("ethanol");
            for (String[] k : new String[][]{{"train", "energy_mae_meV"}, {"train", "force_mae_meV_per_A"},
                    {"test", "energy_mae_meV"}, {"test", "force_mae_meV_per_A"}, {"null", "energy_mae_meV"},
                    {"null", "force_mae_meV_per_A"}})
                assertThat(Double.parseDouble(row.get(k[0] + "_" + k[1]))).as(k[0] + "." + k[1])
                        .isEqualTo(m.get(k[0]).get(k[1]).asDouble());
            assertThat(Double.parseDouble(row.get("training_time_s"))).isEqualTo(m.get("training_time_s").asDouble());
        }

        // summary: mean and sample std over the two seeds, recomputed here from metrics.json
        List<Map<String, String>> sum = csv(out.resolve("learning_curve_summary.csv"));
        assertThat(sum).hasSize(2);
        double[] meanTestF = new double[2], meanTestE = new double[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> row = sum.get(i);
            assertThat(Integer.parseInt(row.get("n_train"))).isEqualTo(SIZES[i]);
            assertThat(row.get("runs")).isEqualTo("2");
            JsonNode a = metrics(runDirs(out).get(2 * i)), b = metrics(runDirs(out).get(2 * i + 1));
            for (String[] k : new String[][]{{"test", "energy_mae_meV"}, {"test", "force_mae_meV_per_A"},
                    {"train", "energy_mae_meV"}, {"train", "force_mae_meV_per_A"}}) {
                double x = a.get(k[0]).get(k[1]).asDouble(), y = b.get(k[0]).get(k[1]).asDouble();
                double mean = (x + y) / 2, std = Math.abs(x - y) / Math.sqrt(2);
                String col = k[0] + "_" + k[1];
                assertThat(Double.parseDouble(row.get(col + "_mean"))).as(col).isCloseTo(mean, within(1e-12 * mean));
                assertThat(Double.parseDouble(row.get(col + "_std"))).as(col).isCloseTo(std, within(1e-12 * mean));
            }
            meanTestE[i] = Double.parseDouble(row.get("test_energy_mae_meV_mean"));
            meanTestF[i] = Double.parseDouble(row.get("test_force_mae_meV_per_A_mean"));
        }
        // fits: on 2 means, β = -ln(m2/m1)/ln(40/20) exactly and no interval; on 4 runs, 2 degrees of freedom
        List<Map<String, String>> fits = csv(out.resolve("learning_curve_fits.csv"));
        assertThat(fits).hasSize(4);
        for (Map<String, String> f : fits) {
            boolean energy = f.get("quantity").equals("energy");
            if (f.get("points").equals("means")) {
                double[] m = energy ? meanTestE : meanTestF;
                assertThat(Double.parseDouble(f.get("beta"))).isCloseTo(-Math.log(m[1] / m[0]) / Math.log(2), within(1e-12));
                assertThat(f.get("dof")).isEqualTo("0");
                assertThat(f.get("beta_low")).isEmpty();
            } else {
                assertThat(f.get("n_points")).isEqualTo("4");
                assertThat(f.get("dof")).isEqualTo("2");
                assertThat(Double.parseDouble(f.get("t_critical"))).isCloseTo(4.302653, within(1e-6));
                double beta = Double.parseDouble(f.get("beta")), se = Double.parseDouble(f.get("beta_std_error"));
                assertThat(Double.parseDouble(f.get("beta_low"))).isCloseTo(beta - 4.302653 * se, within(1e-6 * (1 + se)));
            }
        }

        String md = Files.readString(out.resolve("learning_curve.md"));
        assertThat(md).contains("# Learning curve").contains("Power-law fits").contains("Diagnosis")
                .contains("le on ethanol: energy: ").contains("./qmlff learning-curve --arch le");
        for (String png : List.of("learning_curve_ethanol_energy.png", "learning_curve_ethanol_force.png")) {
            assertThat(Files.readAllBytes(out.resolve(png))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(md).contains("](" + png + ")");
        }
        JsonNode grid = JSON.readTree(out.resolve("learning_curve.json").toFile());
        assertThat(grid.get("runs")).hasSize(4);
        // the console ends with the aggregated table, β and the diagnosis
        assertThat(r.out()).contains("[4/4]").contains("test E MAE (meV)").contains("95% CI of β")
                .contains("le on ethanol: energy: ").contains("wrote ");
    }

    @Test
    void restartSkipsFinishedRunsAndResumesTheInterruptedOne(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lc");
        Counting first = new Counting();
        // N = 40, seed 1: 40 training + 10 validation evaluations per epoch, so this crashes inside epoch 2
        first.crash = new int[]{40, 1, 70};
        CliRun crashed = CliRun.of(first, new LearningCurveCommand(), args(out, "1"));
        assertThat(crashed.code()).isNotZero();
        assertThat(crashed.err()).contains("simulated crash");
        assertThat(crashed.out()).contains("le-ethanol-n40-s1: FAILED");
        Path cut = out.resolve("runs/le-ethanol-n40-s1");
        assertThat(cut.resolve("metrics.json")).doesNotExist();
        assertThat(JSON.readTree(cut.resolve("checkpoint.json").toFile()).get("epochsDone").asInt()).isEqualTo(1);
        // the finished runs are tabulated already
        assertThat(csv(out.resolve("learning_curve.csv"))).hasSize(3);

        Map<Path, FileTime> times = new HashMap<>();
        Map<Path, byte[]> bytes = new HashMap<>();
        for (Path run : runDirs(out))
            if (!run.equals(cut)) {
                times.put(run, Files.getLastModifiedTime(run.resolve("metrics.json")));
                bytes.put(run, Files.readAllBytes(run.resolve("model.json")));
            }
        Thread.sleep(20); // so that a rewritten file would get another modification time

        Counting second = new Counting();
        CliRun again = CliRun.of(second, new LearningCurveCommand(), args(out, "1")).succeeded();
        assertThat(second.creates.get()).as("models created on restart: only the interrupted run's").isEqualTo(1);
        assertThat(again.out()).contains("finished earlier, skipped").contains("le-ethanol-n40-s1: resumed and finished");
        for (Path run : times.keySet()) {
            assertThat(Files.getLastModifiedTime(run.resolve("metrics.json"))).isEqualTo(times.get(run));
            assertThat(Files.readAllBytes(run.resolve("model.json"))).isEqualTo(bytes.get(run));
        }
        assertThat(Files.readString(cut.resolve("train.log"))).contains("resumed after epoch 1 of 3");
        assertThat(csv(out.resolve("learning_curve.csv"))).hasSize(4);

        // the result equals an uninterrupted grid run with 2 runs at a time
        Path ref = tmp.resolve("ref");
        assertThat(CliRun.of(backend(), new LearningCurveCommand(), args(ref, "2")).code()).isZero();
        assertSameRuns(out, ref);

        // a third invocation trains nothing
        Counting third = new Counting();
        assertThat(CliRun.of(third, new LearningCurveCommand(), args(out, "2")).code()).isZero();
        assertThat(third.creates.get()).isZero();
    }

    @Test
    void shardsOfAJobArrayTogetherTrainTheGridOnceAndALaterRunReports(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lc");
        Path n20s0 = out.resolve("runs/le-ethanol-n20-s0"), n20s1 = out.resolve("runs/le-ethanol-n20-s1");
        Path n40s0 = out.resolve("runs/le-ethanol-n40-s0"), n40s1 = out.resolve("runs/le-ethanol-n40-s1");
        CliRun one = CliRun.of(backend(), new LearningCurveCommand(), args(out, "1", "--shard", "1/2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("shard 1/2: 2 of the 4 runs of the grid");
        // every second run of the plan (arch, molecule, N, seed order), and no report yet
        assertThat(n20s0.resolve("metrics.json")).isRegularFile();
        assertThat(n40s0.resolve("metrics.json")).isRegularFile();
        assertThat(n20s1).doesNotExist();
        assertThat(n40s1).doesNotExist();
        assertThat(out.resolve("learning_curve.csv")).doesNotExist();
        assertThat(out.resolve("learning_curve.json")).doesNotExist();

        CliRun two = CliRun.of(backend(), new LearningCurveCommand(), args(out, "1", "--shard", "2/2"));
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(n20s1.resolve("metrics.json")).isRegularFile();
        assertThat(n40s1.resolve("metrics.json")).isRegularFile();

        Counting collect = new Counting();
        CliRun report = CliRun.of(collect, new LearningCurveCommand(), args(out, "2"));
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(collect.creates.get()).as("the collecting run trains nothing").isZero();
        assertThat(report.out().lines().filter(l -> l.contains("finished earlier, skipped")).count()).isEqualTo(4);
        assertThat(csv(out.resolve("learning_curve.csv"))).hasSize(4);

        // the shards' runs equal those of one grid run
        Path ref = tmp.resolve("ref");
        assertThat(CliRun.of(backend(), new LearningCurveCommand(), args(ref, "2")).code()).isZero();
        assertSameRuns(out, ref);

        for (String bad : List.of("3/2", "0/2", "x", "1/0")) {
            CliRun r = CliRun.of(backend(), new LearningCurveCommand(), args(tmp.resolve("bad"), "1", "--shard", bad));
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err().strip()).as(bad).startsWith("qmlff: error: --shard").doesNotContain("\n");
        }
    }

    @Test
    void changedSettingsAreRefusedRatherThanMixed(@TempDir Path tmp) {
        Path out = tmp.resolve("lc");
        String[] a = {"--arch", "le", "--data", "ethanol_train.npz", "--test", "ethanol_test.npz", "--sizes", "20",
                "--seeds", "1", "--n-train", "60", "--n-valid", "10", "--epochs", "1", "--threads", "1", "--out",
                out.toString()};
        CliRun one = CliRun.of(backend(), new LearningCurveCommand(), a);
        assertThat(one.code()).isZero();
        // one size: no power law, said in words rather than as an empty table
        assertThat(one.out()).contains("No power law fitted: a fit needs at least two training-set sizes")
                .doesNotContain("95% CI of β");
        String[] b = a.clone();
        b[b.length - 5] = "2"; // --epochs 2
        CliRun r = CliRun.of(backend(), new LearningCurveCommand(), b);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qmlff: error: ").contains("le-ethanol-n20-s0")
                .contains("epochs = 1, this command asks for 2");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    /**
     * {@code --config}: every run takes the file's settings, recipe included, as {@code qmlff train --config}
     * would; a file equal to the flags of {@link #args} gives the very same runs; flags replace its values.
     */
    @Test
    void aConfigFileGivesEveryRunItsSettingsAndRecipe(@TempDir Path tmp) throws Exception {
        Path ref = tmp.resolve("ref");
        assertThat(CliRun.of(backend(), new LearningCurveCommand(), args(ref, "1")).code()).isZero();
        Path plain = tmp.resolve("plain.yaml");
        Files.writeString(plain, """
                arch: le
                data: [ethanol_train.npz]
                test: [ethanol_test.npz]
                n-train: 60
                n-valid: 10
                epochs: 3
                lr: 0.05
                seed: 7
                out: ignored
                """);
        Path same = tmp.resolve("same");
        CliRun r = CliRun.of(backend(), new LearningCurveCommand(), "--config", plain.toString(), "--sizes", "20,40",
                "--seeds", "2", "--threads", "1", "--out", same.toString()).succeeded();
        assertSameRuns(same, ref);
        assertThat(TrainConfig.readYaml(runDirs(same).get(1).resolve("config.yaml"))).containsEntry("seed", 1)
                .containsEntry("n-fit", 20);

        // the recipe reaches every run (and changes it); --epochs replaces the file's value
        Path recipe = tmp.resolve("recipe.yaml");
        Files.writeString(recipe, Files.readString(plain).replace("epochs: 3", "epochs: 5") + "weight-decay: 0.5\n");
        Path rec = tmp.resolve("rec");
        CliRun withRecipe = CliRun.of(backend(), new LearningCurveCommand(), "--config", recipe.toString(), "--sizes",
                "20,40", "--seeds", "2", "--epochs", "3", "--threads", "1", "--out", rec.toString()).succeeded();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> cfg = TrainConfig.readYaml(runDirs(rec).get(i).resolve("config.yaml"));
            assertThat(cfg).containsEntry("weight-decay", 0.5).containsEntry("epochs", 3).containsEntry("arch", "le");
            assertThat(params(runDirs(rec).get(i))).isNotEqualTo(params(runDirs(ref).get(i)));
        }
        // rerun: every run is recognised as this grid's and skipped
        CliRun again = CliRun.of(backend(), new LearningCurveCommand(), "--config", recipe.toString(), "--sizes",
                "20,40", "--seeds", "2", "--epochs", "3", "--threads", "1", "--out", rec.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("finished earlier, skipped").doesNotContain("trained,");

        CliRun both = CliRun.of(backend(), new LearningCurveCommand(), "--config", plain.toString(), "--arch", "le",
                "--sizes", "20", "--out", tmp.resolve("both").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("qmlff: error: --arch and --config: the architecture is the "
                + "configuration file's; give one of them");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "arch: le\ndata: [ethanol_train.npz]\nclip: -1\n");
        CliRun badValue = CliRun.of(backend(), new LearningCurveCommand(), "--config", bad.toString(), "--test",
                "ethanol_test.npz", "--sizes", "20", "--out", tmp.resolve("bad").toString());
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.err().strip()).startsWith("qmlff: error: ").contains("clip").doesNotContain("\n");
        CliRun noData = CliRun.of(backend(), new LearningCurveCommand(), "--test", "ethanol_test.npz", "--sizes", "20",
                "--out", tmp.resolve("none").toString());
        assertThat(noData.code()).isEqualTo(2);
        assertThat(noData.err().strip()).isEqualTo("qmlff: error: no training data: give --data FILE... (or a --config "
                + "file with 'data:')");
        assertThat(tmp.resolve("both")).doesNotExist();
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void badGridsAreOneLineErrors(@TempDir Path tmp) {
        Path out = tmp.resolve("lc");
        CliRun big = CliRun.of(backend(), new LearningCurveCommand(), "--arch", "le", "--data", "ethanol_train.npz",
                "--test", "ethanol_test.npz", "--sizes", "20,51", "--n-train", "60", "--n-valid", "10",
                "--out", out.toString());
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err().strip()).isEqualTo("qmlff: error: --sizes: 51 is outside 1..50 (n-train 60 minus the 10 "
                + "validation frames)");
        TestBackend other = backend().add("water_test.npz", TestBackend.molecule("rmd17_water_test_01", new int[]{8, 1, 1}, 5, 1));
        CliRun unmatched = CliRun.of(other, new LearningCurveCommand(), "--arch", "le", "--data", "ethanol_train.npz",
                "--test", "water_test.npz", "--sizes", "20", "--n-train", "60", "--n-valid", "10", "--out", out.toString());
        assertThat(unmatched.code()).isEqualTo(2);
        assertThat(unmatched.err().strip()).isEqualTo("qmlff: error: --data ethanol_train.npz: no --test file of the "
                + "same molecule (ethanol); a learning curve needs one for each training molecule");
        CliRun arch = CliRun.of(backend(), new LearningCurveCommand(), "--arch", "le,mace", "--data", "ethanol_train.npz",
                "--test", "ethanol_test.npz", "--sizes", "20", "--out", out.toString());
        assertThat(arch.code()).isEqualTo(2);
        assertThat(arch.err()).contains("--arch: unknown architecture 'mace'");
        assertThat(out.resolve("runs")).doesNotExist();
    }

    /**
     * A test file of a molecule no --data file holds is evaluated zero-shot by every run, as {@code qmlff
     * train} does, and tabulated apart from the fits; one the architecture cannot describe is refused
     * before anything is trained.
     */
    @Test
    void testsOfAnotherMoleculeAreEvaluatedZeroShot(@TempDir Path tmp) throws Exception {
        Dataset water = TestBackend.molecule("rmd17_water_test_01", new int[]{8, 1, 1}, 7, 5);
        TestBackend b = backend().add("water_test.npz", water);
        Path out = tmp.resolve("lc");
        CliRun r = CliRun.of(b, new LearningCurveCommand(), "--arch", "le", "--data", "ethanol_train.npz", "--test",
                "ethanol_test.npz", "water_test.npz", "--sizes", "20,40", "--seeds", "2", "--n-train", "60",
                "--n-valid", "10", "--epochs", "2", "--threads", "1", "--out", out.toString()).succeeded();
        for (Path run : runDirs(out)) {
            JsonNode per = metrics(run).get("per_dataset");
            assertThat(per.get("water (zero-shot)").get("zero_shot").asBoolean()).as(run.toString()).isTrue();
            double[] zs = mae(run, water);
            assertThat(per.get("water (zero-shot)").get("test").get("force_mae_kcal_per_mol_per_A").asDouble())
                    .isCloseTo(zs[1], within(1e-12));
            assertThat(per.get("ethanol").get("test").get("energy_mae_kcal_per_mol").asDouble())
                    .isCloseTo(mae(run, TEST)[0], within(1e-12));
        }
        // the curve and its fits are the trained molecule's only: 2 sizes, one molecule
        List<Map<String, String>> sum = csv(out.resolve("learning_curve_summary.csv"));
        assertThat(sum).hasSize(2).allSatisfy(row -> assertThat(row.get("molecule")).isEqualTo("ethanol"));
        // the zero-shot table: mean over the two seeds of the water force MAE, in meV/Å
        String md = Files.readString(out.resolve("learning_curve.md"));
        assertThat(md).contains("## Zero-shot tests").contains("ethanol→water");
        double f0 = metrics(runDirs(out).get(0)).get("per_dataset").get("water (zero-shot)").get("test")
                .get("force_mae_meV_per_A").asDouble();
        double f1 = metrics(runDirs(out).get(1)).get("per_dataset").get("water (zero-shot)").get("test")
                .get("force_mae_meV_per_A").asDouble();
        assertThat(md).contains("| 20 | 2 | ").contains(Fmt.mae((f0 + f1) / 2) + " ± " + Fmt.mae(Math.abs(f0 - f1) / Math.sqrt(2)));
        assertThat(r.out()).contains("zero-shot F MAE (meV/Å)");

        // a test molecule with an element the trained model lacks: refused before any run
        TestBackend nitrogen = backend().add("ammonia_test.npz",
                TestBackend.molecule("rmd17_ammonia_test_01", new int[]{7, 1, 1, 1}, 5, 3));
        Path out2 = tmp.resolve("lc2");
        CliRun bad = CliRun.of(nitrogen, new LearningCurveCommand(), "--arch", "le", "--data", "ethanol_train.npz",
                "--test", "ethanol_test.npz", "ammonia_test.npz", "--sizes", "20", "--n-train", "60", "--n-valid", "10",
                "--epochs", "1", "--out", out2.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("qmlff: error: --test ammonia_test.npz: atom 0 has element 7")
                .endsWith("(arch le trained on ethanol)");
        assertThat(bad.err().lines().count()).isEqualTo(1);
        assertThat(out2.resolve("runs")).doesNotExist();
    }

    /** {@code qmlff train --n-fit}: fewer training frames, the same validation frames (50..59). */
    @Test
    void trainWithNFitKeepsTheValidationFrames(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("fit");
        CliRun r = CliRun.of(backend(), new TrainCommand(), "--arch", "le", "--data", "ethanol_train.npz", "--test",
                "ethanol_test.npz", "--n-train", "60", "--n-valid", "10", "--n-fit", "15", "--epochs", "2",
                "--threads", "1", "--out", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = metrics(run);
        assertThat(m.get("train").get("n_frames").asInt()).isEqualTo(15);
        double[] valid = mae(run, TRAIN.range(50, 60)), train = mae(run, TRAIN.range(0, 15));
        assertThat(m.get("valid").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(valid[1], within(1e-12));
        assertThat(m.get("train").get("force_mae_kcal_per_mol_per_A").asDouble()).isCloseTo(train[1], within(1e-12));
        assertThat(TrainConfig.readYaml(run.resolve("config.yaml")).get("n-fit")).isEqualTo(15);

        CliRun bad = CliRun.of(backend(), new TrainCommand(), "--data", "ethanol_train.npz", "--n-train", "60",
                "--n-valid", "10", "--n-fit", "51", "--out", tmp.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("qmlff: error: --n-fit must be between 1 and n-train - n-valid = 50, got 51");
    }

    @Test
    void isRegisteredInMain() {
        CliRun help = CliRun.main("learning-curve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--threads-per-run").contains("--sizes");
    }
}
