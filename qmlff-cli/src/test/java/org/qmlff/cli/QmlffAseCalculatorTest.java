package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * python/qmlff_ase.py, used as a user's ASE script would: energies and forces equal qmlff's own
 * to 1e-10 (relative, after ASE's kcal/mol → eV), and a short ASE velocity-Verlet run works and
 * conserves energy. Needs Debian's python3-ase; skipped without it unless QMLFF_REQUIRE_ASE=1.
 */
class QmlffAseCalculatorTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path DATA = Path.of("..", "data", "rmd17", "rmd17_ethanol_test_01.npz").toAbsolutePath();
    @TempDir
    Path dir;

    private static void requireAse() throws Exception {
        Process probe = new ProcessBuilder(PYTHON, "-c", "import ase, numpy").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) return;
        if ("1".equals(System.getenv("QMLFF_REQUIRE_ASE"))) Assertions.fail(PYTHON + " cannot import ase, and QMLFF_REQUIRE_ASE=1");
        Assumptions.abort(PYTHON + " cannot import ase (Debian package python3-ase): skipping the calculator test");
    }

    @Test
    void aseCalculatorEqualsQmlffAndDrivesMd() throws Exception {
        requireAse();
        Dataset ethanol = DataFiles.read(DATA);
        ForceField ff = Models.create(ModelOptions.defaults("revised"), List.of(ethanol.first(20)), 3);
        Path model = dir.resolve("model.json");
        Models.write(ff, Map.of(), model);
        // The launcher as it would run the built jar, here on the test class path (the jar is built after the tests).
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = dir.resolve("qmlff");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + javaBin + "' --add-modules jdk.incubator.vector -cp '"
                + System.getProperty("java.class.path") + "' org.qmlff.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = dir.resolve("check.py");
        try (var in = getClass().getResourceAsStream("qmlff_ase_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        int frames = 3;
        Process p = new ProcessBuilder(PYTHON, script.toString(), "--python-dir", Path.of("..", "python").toAbsolutePath().toString(),
                "--model", model.toString(), "--qmlff", launcher.toString(), "--data", DATA.toString(),
                "--frames", Integer.toString(frames), "--steps", "20")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        JsonNode out = new ObjectMapper().readTree(stdout.lines().reduce((a, b) -> b).orElseThrow());
        double toEv = out.get("kcal_mol_in_eV").asDouble();

        ForceField.Scratch scratch = ff.newScratch();
        int n = ethanol.atoms();
        for (int k = 0; k < frames; k++) {
            double[] x = java.util.Arrays.copyOfRange(ethanol.positions(), k * 3 * n, (k + 1) * 3 * n);
            double[] f = new double[3 * n];
            double e = ff.energyAndForces(ethanol.numbers(), x, f, scratch) * toEv;
            assertThat(out.get("energies").get(k).asDouble()).as("energy of frame %d, eV", k)
                    .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-10 * Math.abs(e)));
            for (int i = 0; i < 3 * n; i++) {
                double fi = f[i] * toEv;
                assertThat(out.get("forces").get(k).get(i).asDouble()).as("force %d of frame %d, eV/Å", i, k)
                        .isCloseTo(fi, org.assertj.core.data.Offset.offset(1e-10 * Math.max(1, Math.abs(fi))));
            }
        }
        JsonNode md = out.get("md");
        assertThat(md.size()).isEqualTo(21);
        double e0 = md.get(0).get(1).asDouble();
        for (JsonNode step : md) {
            assertThat(step.get(0).asDouble()).isFinite();
            assertThat(Math.abs(step.get(1).asDouble() - e0)).as("total energy drift over 10 fs, eV").isLessThan(0.05);
        }
    }
}
