package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** check-symmetry on freshly initialised models of both architectures and parities (bundled ethanol). */
class CheckSymmetryCommandTest {

    static final Path DATA = Path.of(System.getProperty("qmlff.root", ".")).resolve("data/rmd17/rmd17_ethanol_test_01.npz");

    private static Path model(Path dir, String arch, String parity) throws Exception {
        Dataset d = DataFiles.read(DATA).first(20);
        ForceField m = Models.create(ModelOptions.defaults(arch).with("D", "2").with("parity", parity), List.of(d), 3);
        Path f = dir.resolve(arch + "-" + parity + ".json");
        Models.write(m, Map.of(), f);
        return f;
    }

    private static JsonNode result(JsonNode report, String transformation) {
        for (JsonNode r : report.get("results")) if (r.get("transformation").asText().equals(transformation)) return r;
        throw new AssertionError("no " + transformation + " in " + report);
    }

    @Test
    void revisedPassesRotationAndPermutationAndInversionOnlyWithParitySym(@TempDir Path dir) throws Exception {
        CliRun plain = CliRun.main("check-symmetry", "--model", model(dir, "revised", "none").toString(),
                "--data", DATA.toString(), "--frames", "3", "--json");
        assertThat(plain.code()).as(plain.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(plain.out());
        assertThat(result(p, "rotation+translation").get("passes").asBoolean()).isTrue();
        assertThat(result(p, "permutation").get("passes").asBoolean()).isTrue();
        assertThat(result(p, "inversion").get("passes").asBoolean()).isFalse();
        assertThat(result(p, "inversion").get("max_energy_change_kcal_per_mol").asDouble()).isGreaterThan(1e-6);

        CliRun sym = CliRun.main("check-symmetry", "--model", model(dir, "revised", "sym").toString(),
                "--data", DATA.toString(), "--frames", "3", "--json");
        assertThat(sym.code()).as(sym.err()).isZero();
        assertThat(result(new ObjectMapper().readTree(sym.out()), "inversion").get("passes").asBoolean()).isTrue();
    }

    @Test
    void leIsNotPermutationInvariantAndSaysWhy(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.main("check-symmetry", "--model", model(dir, "le", "none").toString(),
                "--data", DATA.toString(), "--frames", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("rotation\\+translation\\s+2\\s+\\S+\\s+\\S+\\s+pass");
        assertThat(r.out()).contains("le encodes atoms on fixed qubits");
    }

    @Test
    void aBrokenPromiseExitsNonZeroUnlessReportOnly(@TempDir Path dir) throws Exception {
        // Tolerance 0 cannot be met: rotating the frame changes the forces in their last bits, so the
        // rotation promise of le counts as broken: exit code 1, and 0 with --report-only.
        Path m = model(dir, "le", "none");
        CliRun strict = CliRun.main("check-symmetry", "--model", m.toString(), "--data", DATA.toString(),
                "--frames", "5", "--tolerance", "0");
        assertThat(strict.out()).contains("FAIL (the architecture promises this symmetry)");
        assertThat(strict.code()).isEqualTo(1);
        CliRun lenient = CliRun.main("check-symmetry", "--model", m.toString(), "--data", DATA.toString(),
                "--frames", "5", "--tolerance", "0", "--report-only");
        assertThat(lenient.code()).isZero();
    }
}
