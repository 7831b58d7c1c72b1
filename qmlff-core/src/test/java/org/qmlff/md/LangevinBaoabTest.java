package org.qmlff.md;

import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LangevinBaoabTest {
    private static final int[] NUMBERS = {6, 6, 8, 1};
    private static final double[] MASSES = {12.011, 12.011, 15.999, 1.008};
    private static final double[] ANCHORS = {0, 0, 0, 1.5, 0, 0, 0, 1.4, 0, 0, 0, 1.1};

    @Test
    void withoutFrictionItIsVelocityVerlet() {
        ToyForceFields.HarmonicPairs ff = new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL);
        double[] v = new double[27];
        MaxwellBoltzmann.draw(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, 300, new GaussianRandom(4), v);
        MdState a = new MdState(MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, v, 21);
        MdState b = new MdState(MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, v, 21);
        ForceEvaluation fa = new ForceEvaluation(ff, MdTestSupport.ETHANOL_NUMBERS);
        ForceEvaluation fb = new ForceEvaluation(ff, MdTestSupport.ETHANOL_NUMBERS);
        a.setPotential(fa.evaluate(a.positions(), a.forces()));
        b.setPotential(fb.evaluate(b.positions(), b.forces()));
        VelocityVerlet vv = new VelocityVerlet(0.5);
        LangevinBaoab baoab = new LangevinBaoab(0.5, 0.0, 300, MdTestSupport.ETHANOL_MASSES, new GaussianRandom(1));
        for (int i = 0; i < 200; i++) {
            vv.step(a, fa);
            baoab.step(b, fb);
        }
        for (int i = 0; i < 27; i++) {
            assertThat(b.positions()[i]).isCloseTo(a.positions()[i], within(1e-11));
            assertThat(b.velocities()[i]).isCloseTo(a.velocities()[i], within(1e-12));
        }
        assertThat(fb.count()).isEqualTo(201);
    }

    /**
     * 4 atoms in harmonic wells (12 independent oscillators): the canonical averages are exactly
     * ⟨K⟩ = ⟨U⟩ = (3N/2) k_B T, so the mean temperature must be T and the mean potential 6 k_B T,
     * within a few standard errors (BAOAB samples positions of a harmonic system exactly; its kinetic
     * bias here is of order (ωΔt)²/4 &lt; 0.1%).
     */
    @Test
    void harmonicWellsReachTheTargetTemperature() throws IOException {
        double target = 300;
        MdConfig cfg = new MdConfig(Ensemble.NVT, target, 1.0, 100_000, 0.05, 99, MdLimits.defaults(target));
        MdResult r = new MdSimulation(new ToyForceFields.Tethers(10, ANCHORS), NUMBERS, MASSES, cfg)
                .run(ANCHORS, List.of());
        MdSummary s = r.summary();
        assertThat(s.degreesOfFreedom()).isEqualTo(12);
        assertThat(s.temperatureError()).isBetween(0.001 * target, 0.02 * target);
        assertThat(Math.abs(s.meanTemperature() - target)).isLessThan(3.5 * s.temperatureError());
        BlockAverage u = BlockAverage.of(r.series().potential(), r.series().size());
        double expected = 6 * Units.BOLTZMANN_KCAL_MOL_PER_K * target;
        assertThat(Math.abs(u.mean() - expected)).isLessThan(3.5 * u.standardError());
        assertThat(u.standardError()).isLessThan(0.03 * expected);
    }

    @Test
    void sameSeedGivesABitIdenticalRun(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        byte[] a = runNvt(dir.resolve("a.extxyz"), 5), b = runNvt(dir.resolve("b.extxyz"), 5),
                c = runNvt(dir.resolve("c.extxyz"), 6);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static byte[] runNvt(Path file, long seed) throws IOException {
        MdConfig cfg = MdConfig.of(Ensemble.NVT, 300, 0.5, 200, seed);
        MdSimulation sim = new MdSimulation(new ToyForceFields.MorsePairs(20, 1.5, MdTestSupport.ETHANOL),
                MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, cfg);
        try (TrajectoryWriter w = new TrajectoryWriter(file, MdTestSupport.ETHANOL_SYMBOLS, 7)) {
            MdResult r = sim.run(MdTestSupport.ETHANOL, List.of(w));
            assertThat(r.summary().completed()).isTrue();
        }
        return Files.readAllBytes(file);
    }
}
