package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluatePredictTest {
    @TempDir
    static Path tmp;
    static Path run;
    static final Dataset MOL_C = TestBackend.molecule("rmd17_molc_test_01", new int[]{6, 6, 8, 1, 1, 1}, 12, 9);

    static TestBackend backend() {
        return TrainPipelineTest.backend().add("molc.npz", MOL_C);
    }

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        CliRun r = CliRun.of(backend(), new TrainCommand(), TrainPipelineTest.args(run, "2"));
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void evaluateReproducesTheRunsTestMetricsAndFlagsZeroShot() throws Exception {
        Path plots = tmp.resolve("plots");
        CliRun r = CliRun.of(backend(), new EvaluateCommand(), "--model", run.resolve("model.json").toString(),
                "--data", "mola_test.npz", "molc.npz", "--json", "--threads", "3", "--plots", plots.toString()).succeeded();
        JsonNode j = TrainPipelineTest.JSON.readTree(r.out());
        JsonNode metrics = TrainPipelineTest.JSON.readTree(run.resolve("metrics.json").toFile());
        JsonNode a = j.get("datasets").get(0);
        assertThat(a.get("molecule").asText()).isEqualTo("trained");
        assertThat(a.get("metrics")).isEqualTo(metrics.get("test"));
        assertThat(a.get("null")).isEqualTo(metrics.get("null"));
        JsonNode c = j.get("datasets").get(1);
        assertThat(c.get("formula").asText()).isEqualTo("C2H3O");
        assertThat(c.get("molecule").asText()).isEqualTo("zero-shot");
        assertThat(c.get("null").get("energy_mae_meV").isNull()).isTrue();
        assertThat(c.get("null").get("force_mae_meV_per_A").isNumber()).isTrue();
        assertThat(j.get("overall").get("n_frames").asInt()).isEqualTo(52);
        assertThat(j.get("training").asText()).contains("rmd17_mola_train_01 (CH2O, 50 frames)");
        for (String f : List.of("mola_energy_parity.png", "mola_force_parity.png", "molc_force_parity.png"))
            assertThat(plots.resolve(f)).isRegularFile();

        CliRun table = CliRun.of(backend(), new EvaluateCommand(), "--model", run.resolve("model.json").toString(),
                "--data", "molc.npz");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("trained on: rmd17_mola_train_01").contains("null model")
                .contains("molc (C2H3O): zero-shot");
    }

    @Test
    void evaluateRefusesAnIncompatibleMolecule() {
        CliRun r = CliRun.of(backend(), new EvaluateCommand(), "--model", run.resolve("model.json").toString(),
                "--data", "nitro.npz");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qmlff: error: nitro.npz: atom 0 has element 7");
    }

    @Test
    void predictWritesCsvAndJsonMatchingTheModel() throws Exception {
        TestForceField ff = new TestForceField(TestBackend.SPECIES, TrainPipelineTest.params(run.resolve("model.json")));
        Dataset d = TrainPipelineTest.MOL_A_TEST;
        double[] x = new double[12], f = new double[12];

        Path csv = tmp.resolve("p.csv");
        CliRun r = CliRun.of(backend(), new PredictCommand(), "--model", run.resolve("model.json").toString(),
                "--data", "mola_test.npz", "--out", csv.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 40 frames (csv)");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 40 * 4);
        assertThat(lines.get(0)).startsWith("frame,atom,element,energy_kcal_per_mol,fx");
        for (int fr = 0; fr < 40; fr++) {
            d.copyPositions(fr, x);
            double e = ff.energyAndForces(d.numbers(), x, f, null);
            for (int a = 0; a < 4; a++) {
                String[] cells = lines.get(1 + fr * 4 + a).split(",");
                assertThat(cells[0]).isEqualTo(Integer.toString(fr));
                assertThat(cells[2]).isEqualTo(a == 0 ? "C" : a == 1 ? "O" : "H");
                assertThat(Double.parseDouble(cells[3])).isEqualTo(e);
                for (int k = 0; k < 3; k++) assertThat(Double.parseDouble(cells[4 + k])).isEqualTo(f[3 * a + k]);
            }
        }

        Path json = tmp.resolve("p.out");
        CliRun rj = CliRun.of(backend(), new PredictCommand(), "--model", run.resolve("model.json").toString(),
                "--data", "mola_test.npz", "--out", json.toString(), "--format", "json");
        assertThat(rj.code()).as(rj.err()).isZero();
        JsonNode j = TrainPipelineTest.JSON.readTree(json.toFile());
        assertThat(j.get("energies")).hasSize(40);
        d.copyPositions(7, x);
        double e7 = ff.energyAndForces(d.numbers(), x, f, null);
        assertThat(j.get("energies").get(7).asDouble()).isEqualTo(e7);
        assertThat(j.get("forces").get(7).get(2).get(1).asDouble()).isCloseTo(f[7], within(0.0));
        assertThat(j.get("units").get("energy").asText()).isEqualTo("kcal/mol");
    }

    @Test
    void predictFormatMistakesAreOneLineErrors() throws Exception {
        String model = run.resolve("model.json").toString();
        CliRun xyz = CliRun.of(backend(), new PredictCommand(), "--model", model, "--data", "mola_test.npz",
                "--out", tmp.resolve("p.xyz").toString());
        assertThat(xyz.code()).as(xyz.err()).isZero();
        {
            org.qmlff.data.Dataset back = org.qmlff.data.ExtXyz.read(tmp.resolve("p.xyz"));
            TestForceField ffx = new TestForceField(TestBackend.SPECIES, TrainPipelineTest.params(run.resolve("model.json")));
            double[] xx = new double[back.atoms() * 3], fx = new double[back.atoms() * 3];
            back.copyPositions(3, xx);
            assertThat(back.energies()[3]).isEqualTo(ffx.energyAndForces(back.numbers(), xx, fx, null));
            assertThat(back.forces()[3 * back.atoms() * 3 + 1]).isEqualTo(fx[1]);
        }
        CliRun unknown = CliRun.of(backend(), new PredictCommand(), "--model", model, "--data", "mola_test.npz",
                "--out", tmp.resolve("p.dat").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("cannot tell the output format from 'p.dat'");
        CliRun bad = CliRun.of(backend(), new PredictCommand(), "--model", model, "--data", "mola_test.npz",
                "--out", tmp.resolve("p.csv").toString(), "--format", "parquet");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --format 'parquet'");
    }
}
