package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.hardware.HardwareForceField;
import org.qmlff.hardware.HardwareOptions;
import org.qmlff.hardware.HardwarePredictions;
import org.qmlff.hardware.HardwarePredictor;
import org.qmlff.hardware.HardwareStudy;
import org.qmlff.hardware.NoiseModel;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;
import org.qmlff.parallel.WorkerPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The device options of evaluate, predict, md and check-symmetry, and {@code qmlff hardware}: every number
 * they print traced back to the core's {@code hardware} package; same --hw-seed, same output for any thread
 * count.
 */
class HardwareCliTest {
    static final String MODEL = "../qmlff-core/src/test/resources/reference/revised_default.json";
    static final String DATA = "../data/rmd17/rmd17_ethanol_test_01.npz";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    static Dataset frames(int n) throws Exception {
        return DataFiles.read(Path.of(DATA)).first(n);
    }

    @Test
    void hardwareReportsTheStudysNumbersAndPlotsThem() throws Exception {
        Path data = tmp.resolve("six.npz");
        DataFiles.write(data, frames(6), org.qmlff.data.UnitSystem.KCAL_MOL_ANGSTROM);
        String[] args = {"hardware", "--model", MODEL, "--data", data.toString(), "--shots", "100,10000", "--depolarizing",
                "0,0.001", "--noise-frames", "2", "--resource-frames", "2", "--hw-seed", "4", "--threads", "2", "--json"};
        CliRun r = CliRun.main(args);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        HardwareStudy.Result direct;
        try (WorkerPool pool = new WorkerPool(1)) {
            direct = HardwareStudy.run(Models.read(Path.of(MODEL)), frames(6), new HardwareStudy.Settings(new long[] {100, 10000},
                    new double[] {0, 0.001}, 2, 2, new double[] {1, 0.1}, 0.001, 4), pool);
        }
        for (int i = 0; i < 2; i++) {
            JsonNode p = j.get("shots").get(i);
            HardwareStudy.ShotPoint d = direct.shots().get(i);
            assertThat(p.get("shots").asLong()).isEqualTo(d.shots());
            assertThat(p.get("errors").get("forceDeviation").asDouble()).isEqualTo(d.errors().forceDeviation());
            assertThat(p.get("errors").get("energyMae").asDouble()).isEqualTo(d.errors().energyMae());
            assertThat(p.get("errors").get("meanForceSe").asDouble()).isEqualTo(d.errors().meanForceSe());
            JsonNode n = j.get("noise").get(i);
            assertThat(n.get("errors").get("forceDeviation").asDouble()).isEqualTo(direct.noise().get(i).errors().forceDeviation());
            assertThat(n.get("errors").get("frames").asInt()).isEqualTo(2);
        }
        assertThat(j.get("resources")).hasSize(2);
        JsonNode res = j.get("resources").get(1);
        HardwareStudy.Resources dr = direct.resources().get(1);
        assertThat(res.get("twoQubitGates").asInt()).isEqualTo(dr.twoQubitGates());
        assertThat(res.get("forceCircuits").asLong()).isEqualTo(dr.forceCircuits());
        assertThat(res.get("shotsNeeded").get(1).asLong()).isEqualTo(dr.shotsNeeded()[1]);

        // the table prints the same numbers, and one thread gives the same output as two
        String[] table = java.util.Arrays.copyOf(args, args.length - 1);
        CliRun t2 = CliRun.main(table);
        table[table.length - 1] = "1";
        CliRun t1 = CliRun.main(table);
        assertThat(t1.out()).isEqualTo(t2.out());
        assertThat(t2.out()).contains("6 of 6 frames")
                .contains(Fmt.fixed(direct.shots().get(1).errors().forceDeviation(), 4))
                .contains(Fmt.fixed(direct.noise().get(1).errors().energyDeviation(), 4))
                .contains(Long.toString(dr.shotsNeeded()[1]));

        // the plot holds the study's points
        XYChart chart = HardwarePlots.shotsChart(direct);
        XYSeries dev = chart.getSeriesMap().get("|ΔF| from the exact model");
        assertThat(dev.getXData()).containsExactly(100.0, 10000.0);
        assertThat(dev.getYData()).containsExactly(direct.shots().get(0).errors().forceDeviation(),
                direct.shots().get(1).errors().forceDeviation());
        XYSeries noise = HardwarePlots.noiseChart(direct).getSeriesMap().get("|ΔF| from the exact model");
        assertThat(noise.getXData()).containsExactly(0.001);
        Path plots = tmp.resolve("plots");
        String[] withPlots = java.util.Arrays.copyOf(table, table.length + 2);
        withPlots[table.length] = "--plots";
        withPlots[table.length + 1] = plots.toString();
        assertThat(CliRun.main(withPlots).code()).isZero();
        assertThat(plots.resolve(HardwarePlots.SHOTS)).isRegularFile();
        assertThat(plots.resolve(HardwarePlots.NOISE)).isRegularFile();
    }

    @Test
    void evaluateWithShotsIsSeededAndThreadCountIndependent() throws Exception {
        Path data = tmp.resolve("four.npz");
        DataFiles.write(data, frames(4), org.qmlff.data.UnitSystem.KCAL_MOL_ANGSTROM);
        String[] a = {"evaluate", "--model", MODEL, "--data", data.toString(), "--shots", "1000", "--hw-seed", "3", "--threads", "1"};
        CliRun one = CliRun.main(a);
        a[a.length - 1] = "2";
        CliRun two = CliRun.main(a);
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out()).contains("device: 1000 shots per circuit, parameter-shift forces, no noise, hw-seed 3")
                .contains("981 circuits per frame");
        a[8] = "4";
        assertThat(CliRun.main(a).out()).isNotEqualTo(one.out());
        CliRun json = CliRun.main("evaluate", "--model", MODEL, "--data", data.toString(), "--shots", "1000", "--hw-seed", "3", "--json");
        JsonNode device = JSON.readTree(json.out()).get("datasets").get(0).get("device");
        HardwarePredictions direct;
        try (WorkerPool pool = new WorkerPool(1)) {
            direct = new HardwarePredictor(new HardwareForceField(Models.read(Path.of(MODEL)), HardwareOptions.shots(1000, 3)), pool)
                    .predict(frames(4));
        }
        assertThat(device.get("mean_force_standard_error_kcal_per_mol_per_A").asDouble()).isEqualTo(direct.meanForceSe());
        assertThat(device.get("circuits_per_frame").asLong()).isEqualTo(981);
        // the exact command has no device line, and --shift alone prints the exact model's table
        CliRun exact = CliRun.main("evaluate", "--model", MODEL, "--data", data.toString());
        CliRun shift = CliRun.main("evaluate", "--model", MODEL, "--data", data.toString(), "--shift");
        assertThat(exact.out()).doesNotContain("device:");
        assertThat(shift.out()).contains("device: exact expectation values, parameter-shift forces");
        assertThat(shift.out().lines().filter(l -> l.startsWith("four ")).toList())
                .isEqualTo(exact.out().lines().filter(l -> l.startsWith("four ")).toList());
    }

    @Test
    void predictWritesStandardErrorsBesideEachNumber() throws Exception {
        Path data = tmp.resolve("three.npz");
        DataFiles.write(data, frames(3), org.qmlff.data.UnitSystem.KCAL_MOL_ANGSTROM);
        Path csv = tmp.resolve("p.csv"), json = tmp.resolve("p.json"), npz = tmp.resolve("p.npz");
        for (Path out : List.of(csv, json, npz)) {
            CliRun r = CliRun.main("predict", "--model", MODEL, "--data", data.toString(), "--out", out.toString(),
                    "--shots", "500", "--hw-seed", "2");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("with standard errors");
        }
        HardwarePredictions direct;
        try (WorkerPool pool = new WorkerPool(1)) {
            direct = new HardwarePredictor(new HardwareForceField(Models.read(Path.of(MODEL)), HardwareOptions.shots(500, 2)), pool)
                    .predict(frames(3));
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",energy_se_kcal_per_mol,fx_se_kcal_per_mol_per_A,fy_se_kcal_per_mol_per_A,fz_se_kcal_per_mol_per_A");
        String[] row = lines.get(1 + 9 + 4).split(","); // frame 1, atom 4
        assertThat(Double.parseDouble(row[4])).isEqualTo(direct.predictions().forces()[(9 + 4) * 3]);
        assertThat(Double.parseDouble(row[7])).isEqualTo(direct.energySe()[1]);
        assertThat(Double.parseDouble(row[9])).isEqualTo(direct.forceSe()[(9 + 4) * 3 + 1]);
        JsonNode j = JSON.readTree(json.toFile());
        assertThat(j.get("force_se").get(2).get(8).get(2).asDouble()).isEqualTo(direct.forceSe()[(18 + 8) * 3 + 2]);
        assertThat(j.get("energy_se").get(0).asDouble()).isEqualTo(direct.energySe()[0]).isPositive();
        try (org.qmlff.data.NpzFile z = org.qmlff.data.NpzFile.open(npz)) {
            assertThat(z.get("energy_se").toDoubles()).isEqualTo(direct.energySe());
            assertThat(z.get("force_se").toDoubles()).isEqualTo(direct.forceSe());
            assertThat(z.get("force_se").shape()).containsExactly(3, 9, 3);
            assertThat(z.get("forces").toDoubles()).isEqualTo(direct.predictions().forces());
            assertThat(z.get("energies").toDoubles()).isEqualTo(direct.predictions().energies());
        }
    }

    @Test
    void mdRunsOnShotNoiseForces() throws Exception {
        Path out = tmp.resolve("md");
        CliRun r = CliRun.main("md", "--model", MODEL, "--init", DATA, "--ensemble", "nvt", "--temperature", "300",
                "--steps", "20", "--stride", "5", "--shots", "10000", "--hw-seed", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("device: 10000 shots per circuit");
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("hardware").get("shots").asLong()).isEqualTo(10000);
        assertThat(s.get("steps_completed").asLong()).isEqualTo(20);
        // seeded: the same run again writes the same trajectory
        Path again = tmp.resolve("md2");
        CliRun r2 = CliRun.main("md", "--model", MODEL, "--init", DATA, "--ensemble", "nvt", "--temperature", "300",
                "--steps", "20", "--stride", "5", "--shots", "10000", "--hw-seed", "1", "--out", again.toString());
        assertThat(r2.code()).isZero();
        assertThat(Files.readString(again.resolve(MdCommand.TRAJECTORY))).isEqualTo(Files.readString(out.resolve(MdCommand.TRAJECTORY)));
    }

    @Test
    void checkSymmetryNamesTheChannelsThatKeepRotationInvariance() {
        CliRun r = CliRun.main("check-symmetry", "--model", MODEL, "--data", DATA, "--frames", "1",
                "--noise", "depol1=0.01,depol2=0.02,amp=0.02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("on a noisy device: depol1=0.01,depol2=0.02,amp=0.02")
                .contains("not invariant under this noise (the exact model is)");
        assertThat(r.out().lines().filter(l -> l.startsWith("  depolarizing")).findFirst().orElseThrow()).endsWith("keeps it");
        assertThat(r.out().lines().filter(l -> l.startsWith("  amplitude damping")).findFirst().orElseThrow()).endsWith("breaks it");
    }

    @Test
    void aRichModelIsRefusedInOneLine() throws Exception {
        Path rich = tmp.resolve("rich.json");
        Models.write(Models.create(ModelOptions.defaults("rich"), List.of(frames(2)), 1), Map.of(), rich);
        CliRun r = CliRun.main("evaluate", "--model", rich.toString(), "--data", DATA, "--shots", "10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qmlff: error: the hardware view").contains("le and revised").doesNotContain("\n");
    }

    @Test
    void noiseSpecificationsParseAsDocumented() {
        NoiseModel m = NoiseModel.parse("depol1=0.001,depol2=0.01,ex.amp=0.002,readout=0.02");
        assertThat(m.enc().depolarizing()).isEqualTo(0.001);
        assertThat(m.ex().depolarizing()).isEqualTo(0.01);
        assertThat(m.prep().depolarizing()).isEqualTo(0.01);
        assertThat(m.ex().amplitudeDamping()).isEqualTo(0.002);
        assertThat(m.enc().amplitudeDamping()).isZero();
        assertThat(m.readout01()).isEqualTo(0.02);
        assertThat(NoiseModel.depolarizingPerCnot(0.01).ex().depolarizing()).isCloseTo(1 - Math.pow(0.99, 3), within(1e-16));
    }
}
