package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.model.ForceField;
import org.qmlff.md.ToyForceFields;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MdCommandTest {
    @TempDir
    Path dir;
    private final StringWriter printed = new StringWriter();

    /** The command with its options parsed as on the command line (loading is done by the test). */
    private MdCommand command(String... args) {
        MdCommand cmd = new MdCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(printed, true));
        cl.parseArgs(args);
        return cmd;
    }

    private String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--model", "m.json", "--init", "ethanol.xyz",
                "--out", dir.resolve("run").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void nveRunWritesEveryOutputAndPrintsTheDrift() throws IOException {
        MdCommand cmd = command(args("--ensemble", "nve", "--temperature", "300", "--steps", "200", "--stride", "20"));
        int code = cmd.simulate(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL), MdCliTestSupport.ethanol(),
                MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS);
        assertThat(code).isZero();
        Path run = dir.resolve("run");
        String traj = Files.readString(run.resolve("trajectory.extxyz"));
        assertThat(traj.lines().filter(l -> l.startsWith("Properties=species:S:1:pos:R:3:forces:R:3:velocities:R:3 energy=")))
                .hasSize(11);
        assertThat(Files.readAllLines(run.resolve("md.csv"))).hasSize(12);
        for (String png : List.of("energy.png", "temperature.png"))
            assertThat(Files.readAllBytes(run.resolve(png))).startsWith(0x89, 'P', 'N', 'G');
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("steps_completed").asLong()).isEqualTo(200);
        assertThat(summary.get("degrees_of_freedom").asInt()).isEqualTo(21);
        assertThat(Math.abs(summary.get("energy_drift_kcal_mol_atom_ps").asDouble())).isLessThan(0.05);
        assertThat(summary.get("stop_reason").isNull()).isTrue();
        String out = printed.toString();
        assertThat(out).contains("nve: 9 atoms, 200 steps of 0.5 fs (100 fs), 21 degrees of freedom")
                .contains("total energy drift: ").contains("mean temperature: ");
        assertThat(out.indexOf("total energy drift")).isLessThan(out.indexOf("mean temperature"));
        try (Stream<Path> files = Files.list(run)) { // atomic writes leave no temporary files
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "trajectory.extxyz", "md.csv", "energy.png", "temperature.png", "summary.json");
        }
    }

    @Test
    void nvtWithARealRevisedModel() throws IOException {
        ForceField revised = MdCliTestSupport.revisedModel(3);
        MdCommand cmd = command(args("--ensemble", "nvt", "--temperature", "300", "--steps", "20", "--stride", "5",
                "--frame", "1", "--dt", "0.25"));
        assertThat(cmd.simulate(revised, MdCliTestSupport.ethanol(), MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS)).isZero();
        assertThat(printed.toString()).startsWith("nvt: 9 atoms, 20 steps of 0.25 fs (5 fs), 27 degrees of freedom");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile());
        assertThat(summary.get("force_evaluations").asLong()).isEqualTo(21);
        assertThat(summary.get("mean_temperature_K").asDouble()).isFinite();
    }

    @Test
    void blowUpIsOneLineAndKeepsTheFiles() throws IOException {
        MdCommand cmd = command(args("--ensemble", "nvt", "--temperature", "300", "--steps", "1000", "--stride", "1",
                "--max-temperature", "320"));
        assertThatThrownBy(() -> cmd.simulate(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL),
                MdCliTestSupport.ethanol(), MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(UserErrors.userMessage(e))
                        .matches("md stopped: the temperature reached [0-9.]+ K at step \\d+ \\(t = [0-9.]+ fs\\), above the limit of 320 K; "
                                + ".*trajectory.extxyz holds the run up to the step before"));
        Path run = dir.resolve("run");
        assertThat(run.resolve("energy.png")).exists();
        assertThat(printed.toString()).contains("stopped early: the temperature reached");
        List<String> lines = Files.readAllLines(run.resolve("trajectory.extxyz"));
        assertThat(lines.size() % 11).isZero(); // whole frames of 9 atoms + 2 header lines
    }

    @Test
    void badFrameAndIncompatibleModel() {
        MdCommand cmd = command(args("--ensemble", "nve", "--temperature", "300", "--steps", "10", "--frame", "2"));
        assertThatThrownBy(() -> cmd.simulate(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL),
                MdCliTestSupport.ethanol(), MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS))
                .isInstanceOf(UserError.class).hasMessage("--frame 2: ethanol.xyz has 2 frames (0..1)");
        MdCommand cmd2 = command(args("--ensemble", "nve", "--temperature", "300", "--steps", "10"));
        assertThatThrownBy(() -> cmd2.simulate(new ToyForceFields.HarmonicPairs(50, new double[12]),
                MdCliTestSupport.ethanol(), MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS))
                .isInstanceOf(UserError.class)
                .hasMessage("model m.json cannot describe the molecule of ethanol.xyz: toy force field for 4 atoms, got 9");
        MdCommand cmd3 = command(args("--ensemble", "npt", "--temperature", "300", "--steps", "10"));
        assertThatThrownBy(() -> cmd3.simulate(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL),
                MdCliTestSupport.ethanol(), MdCliTestSupport.MASSES, MdCliTestSupport.SYMBOLS))
                .hasMessage("unknown ensemble 'npt' (expected nve or nvt)");
    }

    @Test
    void registeredInMainWithHelpAndUsageErrors() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(Main.run(new String[]{"md", "--help"}, new PrintWriter(out), new PrintWriter(err))).isZero();
        assertThat(out.toString()).contains("--ensemble=nve|nvt").contains("--friction").contains("--max-temperature");
        StringWriter err2 = new StringWriter();
        assertThat(Main.run(new String[]{"md", "--model", "m.json"}, new PrintWriter(new StringWriter()), new PrintWriter(err2)))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("missing required options");
    }
}
