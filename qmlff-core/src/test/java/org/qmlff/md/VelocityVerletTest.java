package org.qmlff.md;

import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VelocityVerletTest {

    /** Largest position error against the exact harmonic solution over 200 fs, for time step dt. */
    private static double harmonicError(double dt) {
        double k = 100, m = 12;
        double omega = Math.sqrt(k * Units.MD_ACCELERATION / m);
        double[] x0 = {0.1, -0.05, 0.02}, v0 = {0.0, 0.004, -0.003};
        MdState s = new MdState(new int[]{6}, new double[]{m}, x0, v0, 3);
        ForceEvaluation f = new ForceEvaluation(new ToyForceFields.Tethers(k, new double[3]), new int[]{6});
        s.setPotential(f.evaluate(s.positions(), s.forces()));
        VelocityVerlet vv = new VelocityVerlet(dt);
        double worst = 0;
        int steps = (int) Math.round(200 / dt);
        for (int i = 0; i < steps; i++) {
            vv.step(s, f);
            double t = s.time();
            for (int c = 0; c < 3; c++) {
                double exact = x0[c] * Math.cos(omega * t) + v0[c] / omega * Math.sin(omega * t);
                worst = Math.max(worst, Math.abs(s.positions()[c] - exact));
            }
        }
        assertThat(f.count()).isEqualTo(steps + 1L);
        assertThat(s.time()).isCloseTo(200.0, within(1e-9));
        return worst;
    }

    @Test
    void harmonicOscillatorConvergesAtSecondOrder() {
        double e1 = harmonicError(1.0), e2 = harmonicError(0.5), e4 = harmonicError(0.25);
        assertThat(e1).isLessThan(1e-3);
        assertThat(e1 / e2).isBetween(3.7, 4.3);
        assertThat(e2 / e4).isBetween(3.7, 4.3);
    }

    private static MdResult nve(double dt, double fs) throws IOException {
        MdConfig cfg = MdConfig.of(Ensemble.NVE, 300, dt, Math.round(fs / dt), 17);
        MdSimulation sim = new MdSimulation(new ToyForceFields.HarmonicPairs(50, MdTestSupport.ETHANOL),
                MdTestSupport.ETHANOL_NUMBERS, MdTestSupport.ETHANOL_MASSES, cfg);
        return sim.run(MdTestSupport.ETHANOL, List.of());
    }

    private static double maxEnergyDeviation(MdResult r) {
        double[] e = r.series().total();
        double worst = 0;
        for (double x : e) worst = Math.max(worst, Math.abs(x - e[0]));
        return worst;
    }

    @Test
    void nveConservesEnergyWithErrorsScalingAsDtSquared() throws IOException {
        MdResult coarse = nve(0.5, 500), fine = nve(0.25, 500);
        double dCoarse = maxEnergyDeviation(coarse), dFine = maxEnergyDeviation(fine);
        double kinetic = 0.5 * 21 * Units.BOLTZMANN_KCAL_MOL_PER_K * 300; // initial kinetic energy, ~6 kcal/mol
        assertThat(dCoarse).isLessThan(0.01 * kinetic);
        assertThat(dCoarse / dFine).isBetween(3.0, 5.0);
        assertThat(Math.abs(fine.summary().energyDrift())).isLessThan(1e-3);
        assertThat(coarse.summary().energyFluctuation() / fine.summary().energyFluctuation()).isBetween(3.0, 5.0);
        assertThat(coarse.summary().forceEvaluations()).isEqualTo(1001);
        assertThat(coarse.summary().steps()).isEqualTo(1000);
        assertThat(coarse.summary().completed()).isTrue();
        assertThat(coarse.summary().degreesOfFreedom()).isEqualTo(21);
    }

    @Test
    void nveConservesMomentumAndAngularMomentum() throws IOException {
        MdState end = nve(0.5, 500).finalState();
        double[] p = new double[3], l = new double[3];
        Momenta.linearMomentum(end.masses(), end.velocities(), p);
        Momenta.angularMomentum(end.masses(), end.positions(), end.velocities(), l);
        for (int k = 0; k < 3; k++) {
            assertThat(p[k]).isCloseTo(0.0, within(1e-12));
            assertThat(l[k]).isCloseTo(0.0, within(1e-11));
        }
        // and it moved
        double moved = 0;
        for (int i = 0; i < 27; i++) moved = Math.max(moved, Math.abs(end.positions()[i] - MdTestSupport.ETHANOL[i]));
        assertThat(moved).isGreaterThan(0.01);
    }
}
