package org.qmlff.cli;

import org.qmlff.error.InputException;
import org.qmlff.experiment.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.model.CircuitObservable;
import org.qmlff.model.LeOptions;
import org.qmlff.model.Parity;
import org.qmlff.model.RevisedOptions;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainConfigTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    private static TrainConfig resolve(Map<String, Object> file, Path dir, Map<String, Object> flags) {
        return TrainConfig.resolve(file, "cfg.yaml", dir, flags, CLOCK, 7);
    }

    private static TrainConfig parse(Path dir, String... args) {
        TrainCommand cmd = BackendCommand.using(new TestBackend(), new TrainCommand());
        new CommandLine(cmd).parseArgs(args);
        return cmd.resolve(CLOCK);
    }

    @Test
    void defaultsFollowModelsMd() {
        TrainConfig c = resolve(Map.of(), null, Map.of("data", List.of("a.npz")));
        assertThat(c.arch()).isEqualTo("revised");
        assertThat(c.nTrain()).isEqualTo(1000);
        assertThat(c.nValid()).isEqualTo(50);
        assertThat(c.training().epochs()).isEqualTo(TrainConfig.DEFAULT_EPOCHS);
        assertThat(c.training().batchSize()).isEqualTo(20);
        assertThat(c.training().lr()).isEqualTo(0.01);
        assertThat(c.training().wEnergy()).isEqualTo(1.0);
        assertThat(c.training().wForce()).isEqualTo(10.0);
        assertThat(c.training().seed()).isZero();
        assertThat(c.threads()).isEqualTo(7);
        assertThat(c.out()).isEqualTo(Path.of("runs", "revised-20250304-050607"));
        assertThat(c.model()).isEqualTo(org.qmlff.model.ModelOptions.defaults("revised"));
        assertThat(c.test()).isEmpty();
    }

    @Test
    void flagsOverrideTheFileWhichOverridesDefaults(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(yaml, """
                data: [mols/ethanol.npz, /abs/uracil.npz]
                arch: le
                epochs: 7
                n_train: 200
                lr: 0.002
                D: 4
                rep: 2
                observable: ring
                seed: 12
                """);
        TrainConfig c = parse(dir, "--config", yaml.toString(), "--epochs", "9", "--D", "3", "--w-force", "5",
                "--test", "t1.npz", "t2.npz");
        assertThat(c.arch()).isEqualTo("le");
        assertThat(c.training().epochs()).isEqualTo(9);
        assertThat(c.nTrain()).isEqualTo(200);
        assertThat(c.training().lr()).isEqualTo(0.002);
        assertThat(c.training().wForce()).isEqualTo(5.0);
        assertThat(c.training().seed()).isEqualTo(12);
        LeOptions le = (LeOptions) c.model();
        assertThat(le.D()).isEqualTo(3);
        assertThat(le.rep()).isEqualTo(2);
        assertThat(le.observable()).isEqualTo(CircuitObservable.RING);
        // paths in the file are relative to the file, flags relative to the working directory
        assertThat(c.data()).containsExactly(dir.resolve("mols/ethanol.npz"), Path.of("/abs/uracil.npz"));
        assertThat(c.test()).containsExactly(Path.of("t1.npz"), Path.of("t2.npz"));
        assertThat(c.out()).isEqualTo(Path.of("runs", "le-20250304-050607"));
    }

    @Test
    void speciesAndRealOptionsFromYamlAndFlags(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(yaml, "data: x.npz\nspecies: [1, 6, 8]\nK: 5\nrc: 4.5\nparity: sym\n");
        TrainConfig c = parse(dir, "--config", yaml.toString());
        RevisedOptions revised = (RevisedOptions) c.model();
        assertThat(revised.species()).containsExactly(1, 6, 8);
        assertThat(revised.K()).isEqualTo(5);
        assertThat(revised.rc()).isEqualTo(4.5);
        assertThat(revised.parity()).isEqualTo(Parity.SYM);
        TrainConfig c2 = parse(dir, "--config", yaml.toString(), "--species", "H,C,N,O,S", "--nq", "6");
        RevisedOptions revised2 = (RevisedOptions) c2.model();
        assertThat(revised2.species()).containsExactly(1, 6, 7, 8, 16);
        assertThat(revised2.nq()).isEqualTo(6);
    }

    @Test
    void resolvedConfigReadsBackUnchanged(@TempDir Path dir) throws Exception {
        TrainConfig c = parse(dir, "--data", "a.npz", "b.npz", "--test", "c.npz", "--arch", "le", "--epochs", "3",
                "--n-train", "100", "--n-valid", "10", "--seed", "-5", "--lr", "0.03", "--w-energy", "0.5",
                "--threads", "2", "--out", dir.resolve("run").toString(), "--D", "2", "--centre", "1");
        Path yaml = dir.resolve("config.yaml");
        Files.writeString(yaml, c.toYaml());
        TrainConfig back = TrainConfig.resolve(TrainConfig.readYaml(yaml), "config.yaml", Path.of("/elsewhere"),
                Map.of(), CLOCK, 1);
        assertThat(back.toMap()).isEqualTo(c.toMap());
        assertThat(back.model()).isEqualTo(c.model());
        assertThat(back.training()).isEqualTo(c.training());
        assertThat(back.data()).containsExactly(Path.of("a.npz").toAbsolutePath(), Path.of("b.npz").toAbsolutePath());
    }

    @Test
    void mistakesAreOneLineErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> resolve(Map.of("data", "a", "epoch", 3), null, Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown key 'epoch'").hasMessageContaining("epochs");
        assertThatThrownBy(() -> resolve(Map.of("data", "a", "epochs", "ten"), null, Map.of()))
                .isInstanceOf(InputException.class).hasMessage("cfg.yaml: epochs: expected an integer, got 'ten'");
        assertThatThrownBy(() -> resolve(Map.of(), null, Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("no training data");
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("data", List.of("a"));
        flags.put("n-train", 50);
        flags.put("n-valid", 50);
        assertThatThrownBy(() -> resolve(Map.of(), null, flags))
                .isInstanceOf(InputException.class).hasMessageContaining("--n-valid must be between 1 and n-train - 1 = 49");
        assertThatThrownBy(() -> resolve(Map.of(), null, Map.of("data", List.of("a"), "arch", "mace")))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown architecture 'mace'");
        assertThatThrownBy(() -> resolve(Map.of(), null, Map.of("data", List.of("a"), "nq", "3")))
                .isInstanceOf(InputException.class).hasMessageContaining("nq must be even");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "data: [a\nepochs: 3\n");
        assertThatThrownBy(() -> TrainConfig.readYaml(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.yaml: not valid YAML");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        assertThatThrownBy(() -> TrainConfig.readYaml(list)).isInstanceOf(InputException.class)
                .hasMessageContaining("expected a YAML mapping");
    }

    @Test
    void resumeAcceptsOnlyThreads() {
        CliRun r = CliRun.main("train", "--resume", "some/run", "--epochs", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "qmlff: error: --resume takes its settings from RUN_DIR/config.yaml; only --threads may be given with it (got --epochs)");
        CliRun r2 = CliRun.main("train", "--resume", "no/such/run");
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("no/such/run: no config.yaml there");
        assertThat(r2.err().lines().count()).isEqualTo(1);
    }

    @Test
    void mainKnowsTheCommands() {
        CliRun r = CliRun.main("--help");
        assertThat(r.out()).contains("train").contains("evaluate").contains("predict");
        CliRun none = CliRun.main("train");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).startsWith("qmlff: error: no training data");
    }

    /** The shipped hybrid example resolves to the options docs/HYBRID.md §Results names. */
    @Test
    void theHybridExampleConfigResolves() {
        Path root = Path.of(System.getProperty("qmlff.root", "."));
        Path file = root.resolve("examples/hybrid-ethanol-benchmark.yaml");
        TrainConfig c = TrainConfig.resolve(TrainConfig.readYaml(file), file.toString(), file.getParent(), Map.of(), CLOCK, 7);
        assertThat(c.arch()).isEqualTo("hybrid");
        assertThat(c.training().epochs()).isEqualTo(200);
        org.qmlff.model.HybridOptions o = (org.qmlff.model.HybridOptions) c.model();
        assertThat(o.hidden()).containsExactly(32, 32);
        assertThat(List.of(o.head(), o.baseline(), o.repulsion())).containsExactly("mlp", "ridge", "r12");
        assertThat(o.baseK()).isEqualTo(8);
        assertThat(o.ridge()).isEqualTo(1e-8);
        assertThat(o.qnn().base().D()).isEqualTo(4);
        assertThat(o.qnn().rich().channels()).isEqualTo(2);
    }

    /** Every example config resolves: a newcomer's first command never fails on a misspelt key. */
    @Test
    void everyExampleConfigResolves() throws java.io.IOException {
        Path root = Path.of(System.getProperty("qmlff.root", "."));
        List<Path> files;
        try (var list = java.nio.file.Files.list(root.resolve("examples"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : files) {
            TrainConfig c = TrainConfig.resolve(TrainConfig.readYaml(file), file.toString(), file.getParent(), Map.of(), CLOCK, 7);
            assertThat(c.data()).as(file.toString()).isNotEmpty();
            assertThat(c.test()).as(file.toString()).isNotEmpty();
        }
    }

    /** The five-molecule example names five training molecules and, beyond them, two zero-shot test molecules. */
    @Test
    void theFiveMoleculeExampleConfigResolves() {
        Path root = Path.of(System.getProperty("qmlff.root", "."));
        Path file = root.resolve("examples/rich-tensor-five-molecules.yaml");
        TrainConfig c = TrainConfig.resolve(TrainConfig.readYaml(file), file.toString(), file.getParent(), Map.of(), CLOCK, 7);
        assertThat(c.data()).hasSize(5);
        assertThat(c.test()).hasSize(7);
        assertThat(c.data().stream().map(f -> f.getFileName().toString()))
                .containsExactly("rmd17_ethanol_train_01.npz", "rmd17_malonaldehyde_train_01.npz", "rmd17_uracil_train_01.npz",
                        "rmd17_toluene_train_01.npz", "rmd17_salicylic_train_01.npz");
        assertThat(c.test().get(5).getFileName().toString()).isEqualTo("rmd17_aspirin_test_01.npz");
        assertThat(c.test().get(6).getFileName().toString()).isEqualTo("rmd17_naphthalene_test_01.npz");
        assertThat(List.of(c.nTrain(), c.nValid(), c.training().epochs())).containsExactly(250, 50, 200);
        org.qmlff.model.RichModelOptions o = (org.qmlff.model.RichModelOptions) c.model();
        assertThat(o.rich().tensor()).isTrue();
        assertThat(o.rich().channels()).isEqualTo(2);
        // the data are in ../shared, beside the repository (CI has it; a bare checkout does not)
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(c.data().get(0)),
                "../shared/data/rmd17 is absent: the five-molecule example's data files are not checked");
        for (Path f : c.data()) assertThat(f).isRegularFile();
        for (Path f : c.test()) assertThat(f).isRegularFile();
    }

    /** The recipe example is the N = 50 hybrid example plus weight decay, and nothing else of the recipe. */
    @Test
    void theRecipeExampleConfigResolves() {
        assertIsPlusWeightDecay("examples/hybrid-n50-recipe-ethanol.yaml", "examples/hybrid-n50-ethanol-benchmark.yaml", 0.0);
    }

    /**
     * The N = 1000 recipe example (docs/RECIPE.md §"At N = 1000") is the tensor hybrid example plus weight decay:
     * same model, frames, epochs and clipping, no other recipe key.
     */
    @Test
    void theN1000RecipeExampleIsTheTensorHybridPlusWeightDecay() {
        assertIsPlusWeightDecay("examples/hybrid-tensor-recipe-ethanol-benchmark.yaml",
                "examples/hybrid-tensor-ethanol-benchmark.yaml", 1.0);
    }

    private static void assertIsPlusWeightDecay(String example, String baseExample, double clip) {
        Path root = Path.of(System.getProperty("qmlff.root", "."));
        Path file = root.resolve(example);
        Path base = root.resolve(baseExample);
        TrainConfig c = TrainConfig.resolve(TrainConfig.readYaml(file), file.toString(), file.getParent(), Map.of(), CLOCK, 7);
        TrainConfig b = TrainConfig.resolve(TrainConfig.readYaml(base), base.toString(), base.getParent(), Map.of(), CLOCK, 7);
        assertThat(c.training().recipe().weightDecay()).isEqualTo(0.1);
        assertThat(c.training().recipe().emaDecay()).isZero();
        assertThat(c.training().recipe().stage2Epochs()).isZero();
        assertThat(c.training().recipe().clipNorm()).isEqualTo(clip);
        assertThat(b.training().recipe().weightDecay()).isZero();
        assertThat(b.training().recipe().clipNorm()).isEqualTo(clip);
        assertThat(c.model()).isEqualTo(b.model());
        assertThat(c.data()).isEqualTo(b.data());
        assertThat(c.test()).isEqualTo(b.test());
        assertThat(List.of(c.nTrain(), c.nValid(), c.training().epochs())).isEqualTo(List.of(b.nTrain(), b.nValid(), b.training().epochs()));
    }
}
