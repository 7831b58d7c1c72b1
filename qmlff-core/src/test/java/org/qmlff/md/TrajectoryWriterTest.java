package org.qmlff.md;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryWriterTest {
    @TempDir
    Path dir;

    private MdResult run(Path traj, Path csv, long steps, long stride) throws IOException {
        MdConfig cfg = MdConfig.of(Ensemble.NVT, 300, 0.5, steps, 3);
        try (TrajectoryWriter w = new TrajectoryWriter(traj, MdTestSupport.ETHANOL_SYMBOLS, stride);
             EnergyLog log = new EnergyLog(csv, stride)) {
            return new MdSimulation(new ToyForceFields.MorsePairs(20, 1.5, MdTestSupport.ETHANOL),
                    MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, cfg).run(MdTestSupport.ETHANOL, List.of(w, log));
        }
    }

    @Test
    void framesAndLogRowsHoldTheStatesExactly() throws IOException {
        Path traj = dir.resolve("t.extxyz"), csv = dir.resolve("md.csv");
        MdResult r = run(traj, csv, 9, 3);
        List<ExtXyzFrames.Frame> frames = ExtXyzFrames.read(traj);
        assertThat(frames).hasSize(4); // steps 0, 3, 6, 9
        MdSeries s = r.series();
        for (int i = 0; i < 4; i++) {
            assertThat(frames.get(i).energy()).isEqualTo(s.potential()[3 * i]);
            assertThat(frames.get(i).time()).isEqualTo(s.time()[3 * i]);
            assertThat(frames.get(i).symbols()).containsExactly(MdTestSupport.ETHANOL_SYMBOLS);
        }
        assertThat(frames.get(0).positions()).isEqualTo(MdTestSupport.ETHANOL);
        MdState end = r.finalState();
        assertThat(frames.get(3).positions()).isEqualTo(end.positions());
        assertThat(frames.get(3).forces()).isEqualTo(end.forces());
        assertThat(frames.get(3).velocities()).isEqualTo(end.velocities());
        assertThat(Files.readString(traj).lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("Properties=species:S:1:pos:R:3:forces:R:3:velocities:R:3 energy="
                        + MdFormat.number(s.potential()[0]) + " pbc=\"F F F\" time=0.0");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(5);
        String[] last = rows.get(4).split(",");
        assertThat(last[0]).isEqualTo("9");
        assertThat(Double.parseDouble(last[1])).isEqualTo(4.5);
        assertThat(Double.parseDouble(last[2])).isEqualTo(end.potentialEnergy());
        assertThat(Double.parseDouble(last[3])).isEqualTo(end.kineticEnergy());
        assertThat(Double.parseDouble(last[4])).isEqualTo(end.totalEnergy());
        assertThat(Double.parseDouble(last[5])).isEqualTo(end.temperature());
    }

    @Test
    void rejectsBadSymbolsAndStride() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrajectoryWriter(dir.resolve("x"), new String[]{"C", "H 1"}, 1))
                .hasMessage("element symbol of atom 1 is 'H 1'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrajectoryWriter(dir.resolve("x"), new String[]{"C"}, 0))
                .hasMessageContaining("stride");
    }

    /** ASE's own extended-XYZ reader must read what we write, value for value. */
    @Test
    void aseReadsTheTrajectory() throws Exception {
        PythonAse.assume();
        Path traj = dir.resolve("t.extxyz"), csv = dir.resolve("md.csv");
        MdResult r = run(traj, csv, 10, 5);
        String script = "import json, sys\nfrom ase.io import read\n"
                + "fr = read(sys.argv[1], ':')\n"
                + "print(json.dumps([{'symbols': a.get_chemical_symbols(), 'energy': a.get_potential_energy(),"
                + " 'time': a.info['time'], 'pos': a.positions.ravel().tolist(), 'forces': a.get_forces().ravel().tolist(),"
                + " 'vel': a.arrays['velocities'].ravel().tolist()} for a in fr]))\n";
        Process p = new ProcessBuilder(PythonAse.PYTHON, "-c", script, traj.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode frames = new ObjectMapper().readTree(out);
        assertThat(frames.size()).isEqualTo(3);
        JsonNode last = frames.get(2);
        MdState end = r.finalState();
        assertThat(last.get("energy").asDouble()).isEqualTo(end.potentialEnergy());
        assertThat(last.get("time").asDouble()).isEqualTo(5.0);
        for (int i = 0; i < 27; i++) {
            assertThat(last.get("pos").get(i).asDouble()).isEqualTo(end.positions()[i]);
            assertThat(last.get("forces").get(i).asDouble()).isEqualTo(end.forces()[i]);
            assertThat(last.get("vel").get(i).asDouble()).isEqualTo(end.velocities()[i]);
        }
        assertThat(last.get("symbols").get(2).asText()).isEqualTo("O");
    }
}
