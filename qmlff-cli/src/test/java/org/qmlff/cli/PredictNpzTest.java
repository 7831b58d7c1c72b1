package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.Rmd17;
import org.qmlff.data.UnitSystem;
import org.qmlff.model.Models;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qmlff predict --out P.npz} (or {@code --format npz}): the rMD17 arrays with the model's energies and
 * forces, the predictor's own bits (the same numbers the JSON output holds), read back by every qmlff command
 * as a labelled data set — evaluating the model on its own predictions gives errors of exactly zero.
 */
class PredictNpzTest {
    static final String MODEL = HardwareCliTest.MODEL;
    @TempDir
    Path tmp;

    @Test
    void npzHoldsThePredictorsBitsInTheRmd17Layout() throws Exception {
        Dataset frames = HardwareCliTest.frames(5);
        Path data = tmp.resolve("five.npz");
        DataFiles.write(data, frames, UnitSystem.KCAL_MOL_ANGSTROM);
        Path npz = tmp.resolve("p.npz"), bin = tmp.resolve("p.bin"), json = tmp.resolve("p.json");
        CliRun r = CliRun.main("predict", "--model", MODEL, "--data", data.toString(), "--out", npz.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 5 frames (npz)");
        assertThat(CliRun.main("predict", "--model", MODEL, "--data", data.toString(), "--out", bin.toString(), "--format", "npz").code()).isZero();
        assertThat(CliRun.main("predict", "--model", MODEL, "--data", data.toString(), "--out", json.toString()).code()).isZero();
        assertThat(Files.readAllBytes(bin)).as("same file for any thread count and by --format").isEqualTo(Files.readAllBytes(npz));

        Predictions expected;
        try (WorkerPool pool = new WorkerPool(1)) {
            expected = new Predictor(Models.read(Path.of(MODEL)), pool).predict(frames);
        }
        Dataset back = Rmd17.read(npz);
        assertThat(back.numbers()).isEqualTo(frames.numbers());
        assertThat(back.positions()).isEqualTo(frames.positions());
        assertThat(back.energies()).isEqualTo(expected.energies());
        assertThat(back.forces()).isEqualTo(expected.forces());
        assertThat(back.energies()).as("predictions, not the labels").isNotEqualTo(frames.energies());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        for (int f = 0; f < 5; f++) assertThat(j.get("energies").get(f).asDouble()).isEqualTo(back.energies()[f]);

        CliRun self = CliRun.main("evaluate", "--model", MODEL, "--data", npz.toString(), "--json");
        assertThat(self.code()).as(self.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(self.out()).get("datasets").get(0).get("metrics");
        assertThat(m.get("n_frames").asInt()).isEqualTo(5);
        for (String key : new String[]{"energy_mae_meV", "force_mae_meV_per_A", "energy_rmse_meV", "force_rmse_meV_per_A"})
            assertThat(m.get(key).isNumber()).as(key).isTrue();
        assertThat(maeValues(m)).as("errors of the model on its own predictions in %s", m).hasSize(4).allMatch(v -> v == 0.0);
    }

    @Test
    void anUnknownFormatNamesTheChoices() {
        CliRun r = CliRun.main("predict", "--model", MODEL, "--data", HardwareCliTest.DATA, "--out", tmp.resolve("p.out").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("extxyz, csv, json or npz").doesNotContain("Exception");
        assertThat(Files.exists(tmp.resolve("p.out"))).isFalse();
    }

    /** Every number under a key holding "mae" in the evaluate output of one data set. */
    private static java.util.List<Double> maeValues(JsonNode node) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().contains("mae") && e.getValue().isNumber()) out.add(e.getValue().asDouble());
            else if (e.getValue().isContainerNode()) out.addAll(maeValues(e.getValue()));
        });
        return out;
    }
}
