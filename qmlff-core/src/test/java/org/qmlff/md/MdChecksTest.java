package org.qmlff.md;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.model.ForceField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Blow-ups stop the run with one clear line and leave valid files behind. */
class MdChecksTest {
    @TempDir
    Path dir;

    private record Outcome(MdSummary summary, List<ExtXyzFrames.Frame> frames, List<String> log) {
    }

    private Outcome run(ForceField ff, MdConfig cfg, double[] start) throws IOException {
        Path traj = dir.resolve("t.extxyz"), csv = dir.resolve("md.csv");
        MdSummary s;
        try (TrajectoryWriter w = new TrajectoryWriter(traj, MdTestSupport.ETHANOL_SYMBOLS, 1);
             EnergyLog log = new EnergyLog(csv, 1)) {
            s = new MdSimulation(ff, MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, cfg)
                    .run(start, List.of(w, log)).summary();
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(EnergyLog.HEADER);
        for (String l : lines.subList(1, lines.size())) assertThat(l.split(",")).hasSize(6);
        return new Outcome(s, ExtXyzFrames.read(traj), lines.subList(1, lines.size()));
    }

    @Test
    void nonFiniteEnergyStopsTheRunAndKeepsTheFramesBefore() throws IOException {
        ForceField ff = new ToyForceFields.Poisoned(new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL), 9, 6);
        Outcome o = run(ff, MdConfig.of(Ensemble.NVE, 300, 0.5, 100, 1), MdTestSupport.ETHANOL);
        assertThat(o.summary().stopReason()).isEqualTo("the model returned a non-finite energy (NaN) at step 6 (t = 3 fs)");
        assertThat(o.summary().steps()).isEqualTo(5);
        assertThat(o.frames()).hasSize(6);
        assertThat(o.log()).hasSize(6);
        assertThat(o.frames().get(5).time()).isEqualTo(2.5);
        assertThat(o.summary().lines()).anyMatch(l -> l.startsWith("stopped early: the model returned a non-finite energy"));
    }

    @Test
    void nonFiniteInitialEnergyStopsBeforeAnyFrame() throws IOException {
        ForceField ff = new ToyForceFields.Poisoned(new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL), 9, 0);
        Outcome o = run(ff, MdConfig.of(Ensemble.NVT, 300, 0.5, 100, 1), MdTestSupport.ETHANOL);
        assertThat(o.summary().stopReason()).contains("non-finite energy").contains("at step 0");
        assertThat(o.summary().steps()).isZero();
        assertThat(o.frames()).isEmpty();
    }

    @Test
    void atomLeavingTheMoleculeStopsTheRun() throws IOException {
        MdConfig cfg = MdConfig.of(Ensemble.NVE, 3000, 1.0, 10_000, 2).withLimits(new MdLimits(3.0, 1e6));
        Outcome o = run(new ToyForceFields.Free(9), cfg, MdTestSupport.ETHANOL);
        assertThat(o.summary().stopReason()).matches(
                "atom \\d is [0-9.]+ Å from the centre of mass at step \\d+ \\(t = [0-9.]+ fs\\), beyond the limit of 3 Å");
        assertThat(o.summary().steps()).isBetween(1L, 9_999L);
        assertThat(o.frames()).hasSize((int) o.summary().steps() + 1);
    }

    @Test
    void overheatingStopsTheRun() throws IOException {
        // Start squeezed to 80% of the springs' rest lengths: the strain turns into heat.
        double[] squeezed = MdTestSupport.ETHANOL.clone();
        for (int i = 0; i < squeezed.length; i++) squeezed[i] *= 0.8;
        MdConfig cfg = MdConfig.of(Ensemble.NVE, 10, 0.25, 10_000, 2).withLimits(new MdLimits(50, 1000));
        Outcome o = run(new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL), cfg, squeezed);
        assertThat(o.summary().stopReason()).matches(
                "the temperature reached [0-9.]+ K at step \\d+ \\(t = [0-9.]+ fs\\), above the limit of 1000 K");
        assertThat(o.frames()).hasSize((int) o.summary().steps() + 1);
        for (ExtXyzFrames.Frame f : o.frames()) assertThat(f.symbols()).containsExactly(MdTestSupport.ETHANOL_SYMBOLS);
    }

    @Test
    void interruptedRunStopsCleanly() throws IOException {
        Thread.currentThread().interrupt();
        try {
            Outcome o = run(new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL),
                    MdConfig.of(Ensemble.NVE, 300, 0.5, 100, 1), MdTestSupport.ETHANOL);
            assertThat(o.summary().stopReason()).isEqualTo("interrupted after step 0");
            assertThat(o.frames()).hasSize(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badInputIsRejectedWithOneLine() {
        ForceField ff = new ToyForceFields.Free(9);
        MdConfig cfg = MdConfig.of(Ensemble.NVE, 300, 0.5, 10, 1);
        MdSimulation sim = new MdSimulation(ff, MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, cfg);
        double[] bad = MdTestSupport.ETHANOL.clone();
        bad[7] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.run(bad, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initial position of atom 2 is not finite: NaN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.run(new double[6], List.of()))
                .hasMessageContaining("expected 27 for 9 atoms");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MdConfig.of(Ensemble.NVE, -1, 0.5, 10, 1))
                .hasMessageContaining("temperature");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MdConfig.of(Ensemble.NVE, 300, 0, 10, 1))
                .hasMessageContaining("time step");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ensemble.parse("npt"))
                .hasMessage("unknown ensemble 'npt' (expected nve or nvt)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MdSimulation(ff, new int[]{1, 1}, new double[]{1}, cfg))
                .hasMessage("1 masses for 2 atoms");
    }
}
