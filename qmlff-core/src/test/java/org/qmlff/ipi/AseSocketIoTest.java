package org.qmlff.ipi;

import org.qmlff.data.Units;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.md.PythonAse;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our client against ASE's real i-PI server: ASE runs 50 velocity-Verlet steps of ethanol and
 * reports the energies and forces it received; they must be those of the reference {@code revised}
 * model at those positions (what {@code qmlff predict} computes),
 * converted with ASE's own units, to 1e-8 eV and 1e-8 eV/Å.
 */
@Timeout(60)
class AseSocketIoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void tcp() throws Exception {
        roundTrip(null, 50);
    }

    @Test
    void unixSocket() throws Exception {
        roundTrip("qmlff-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 10);
    }

    private void roundTrip(String unixName, int steps) throws Exception {
        PythonAse.assume();
        Path script = Path.of(getClass().getResource("ase_socketio_md.py").toURI());
        List<String> cmd = new ArrayList<>(List.of(PythonAse.PYTHON, script.toString(), "--steps", Integer.toString(steps)));
        if (unixName != null) cmd.addAll(List.of("--unix", unixName));
        Path stderr = dir.resolve("stderr.txt");
        Process python = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("ASE server did not start: %s", Files.exists(stderr) ? Files.readString(stderr) : "").isNotNull();
            JsonNode hello = JSON.readTree(first);
            int[] numbers = ints(hello.get("numbers"));
            double[] start = doubles(hello.get("positions"));
            JsonNode units = hello.get("units");
            assertThat(units.get("Bohr").asDouble()).isEqualTo(Units.ASE_ANGSTROM_PER_BOHR);
            double kcalPerMol = units.get("kcal_per_mol").asDouble(); // eV
            assertThat(units.get("Hartree").asDouble() / kcalPerMol).isCloseTo(Units.ASE_KCAL_MOL_PER_HARTREE, within(1e-12));

            // A real model: the reference revised model of shared/reference (bundled in the test resources).
            ForceField model = Models.read(Path.of(getClass().getResource("/reference/revised_default.json").toURI()));
            IpiAddress address = unixName != null ? IpiAddress.unix(unixName)
                    : IpiAddress.inet("127.0.0.1", hello.get("port").asInt());
            IpiClient client = new IpiClient(model, numbers, Duration.ofSeconds(20));
            Future<IpiSummary> served = pool.submit(() -> client.serve(address));

            String last = out.readLine();
            assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(Files.readString(stderr)).isZero();
            IpiSummary summary = served.get(10, TimeUnit.SECONDS);
            assertThat(summary).isEqualTo(new IpiSummary(steps + 1, false)); // ASE closes without EXIT

            JsonNode records = JSON.readTree(last).get("records");
            assertThat(records.size()).isEqualTo(steps + 1);
            double[] f = new double[3 * numbers.length];
            double moved = 0;
            for (JsonNode r : records) {
                double[] x = doubles(r.get("positions"));
                double e = model.energyAndForces(numbers, x, f, model.newScratch());
                assertThat(r.get("energy").asDouble()).isCloseTo(e * kcalPerMol, within(1e-8));
                double[] aseForces = doubles(r.get("forces"));
                for (int i = 0; i < f.length; i++) assertThat(aseForces[i]).isCloseTo(f[i] * kcalPerMol, within(1e-8));
                for (int i = 0; i < x.length; i++) moved = Math.max(moved, Math.abs(x[i] - start[i]));
            }
            assertThat(moved).as("the molecule moved during ASE's MD").isGreaterThan(1e-3);
        } finally {
            python.destroyForcibly();
            pool.shutdownNow();
        }
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asInt();
        return v;
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
        return v;
    }
}
