package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.sim.GateInfo;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The shot and noise sweeps and the resource rows of {@link HardwareStudy}, on real ethanol frames. */
class HardwareStudyTest {
    static Dataset ethanol(int frames) {
        try {
            return DataFiles.read(HardwareTestSupport.root().resolve("data/rmd17/rmd17_ethanol_test_01.npz")).first(frames);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HardwareStudy.Settings settings(long[] shots, double[] depol, int noiseFrames) {
        return new HardwareStudy.Settings(shots, depol, noiseFrames, 1, new double[] {1, 0.1}, 1e-3, 5);
    }

    /**
     * Shot noise falls as 1/√N: the predicted standard errors exactly (they are computed from the measured
     * frequencies, so up to their own noise, 3 %), the measured deviations from the exact model in a
     * log-log fit over four decades (slope −0.5 ± 0.08), and the deviations match the predicted errors:
     * for a normal deviation E|d| = σ·√(2/π) (ratio within 0.8..1.25 for 8 frames × 27 correlated components).
     */
    @Test
    void shotNoiseFallsAsOneOverRootShotsAndMatchesItsStandardError() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        long[] shots = {100, 1_000, 10_000, 100_000};
        HardwareStudy.Result r;
        try (WorkerPool pool = new WorkerPool(2)) {
            r = HardwareStudy.run(model, ethanol(8), settings(shots, new double[0], 0), pool);
        }
        assertThat(r.shots()).hasSize(4);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (HardwareStudy.ShotPoint p : r.shots()) {
            HardwareStudy.Errors e = p.errors();
            assertThat(e.frames()).isEqualTo(8);
            double scaled = e.meanForceSe() * Math.sqrt(p.shots());
            double scaled0 = r.shots().get(0).errors().meanForceSe() * Math.sqrt(shots[0]);
            assertThat(scaled / scaled0).as("σ·√N at %d shots", p.shots()).isBetween(0.97, 1.03);
            double ratio = e.forceDeviation() / (e.meanForceSe() * Math.sqrt(2 / Math.PI));
            assertThat(ratio).as("deviation / predicted at %d shots", p.shots()).isBetween(0.8, 1.25);
            double x = Math.log(p.shots()), y = Math.log(e.forceDeviation());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (4 * sxy - sx * sy) / (4 * sxx - sx * sx);
        assertThat(slope).isCloseTo(-0.5, within(0.08));
        // the exact model's own error against the labels; the device's errors approach it
        HardwareStudy.Errors best = r.shots().get(3).errors();
        assertThat(best.forceMae()).isCloseTo(r.exact().forceMae(), within(3 * best.forceDeviation()));
        assertThat(r.exact().forceDeviation()).isZero();
    }

    /**
     * The noise sweep: at λ = 0 (no noise, infinitely many shots, shift rules) the deviation from the exact
     * model is rounding only, below 1e-10; it grows with λ. Depolarizing noise shrinks every ⟨σ·σ⟩ towards
     * 0, so the energy moves by a bias that is smooth in λ: doubling a small λ doubles it (within 10 %).
     */
    @Test
    void depolarizingBiasVanishesAtZeroAndGrowsLinearlyForSmallRates() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        HardwareStudy.Result r;
        try (WorkerPool pool = new WorkerPool(2)) {
            r = HardwareStudy.run(model, ethanol(3), settings(new long[] {1000}, new double[] {0, 1e-4, 2e-4, 1e-2}, 2), pool);
        }
        List<HardwareStudy.NoisePoint> n = r.noise();
        assertThat(n).hasSize(4);
        assertThat(n.get(0).errors().frames()).isEqualTo(2);
        assertThat(n.get(0).noise().isNone()).isTrue();
        assertThat(n.get(0).errors().energyDeviation()).isLessThan(1e-10);
        assertThat(n.get(0).errors().forceDeviation()).isLessThan(1e-10);
        for (HardwareStudy.NoisePoint p : n) assertThat(p.errors().meanForceSe()).isZero();
        assertThat(n.get(2).errors().energyDeviation() / n.get(1).errors().energyDeviation()).isBetween(1.8, 2.2);
        assertThat(n.get(3).errors().forceDeviation()).isGreaterThan(n.get(2).errors().forceDeviation());
    }

    /**
     * Resource counts against the circuits themselves: qubits; two-qubit gates = 1 CNOT per singlet
     * preparation + 3 per Ex + 1 for the Bell-basis change; one program per atom; the gradient of an
     * energy-only loss needs exactly the circuits of energy and forces; shots needed scale as 1/target².
     */
    @Test
    void resourceRowsCountTheDecomposedCircuits() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        Dataset d = ethanol(1);
        HardwareStudy.Settings s = settings(new long[] {2000}, new double[0], 0);
        HardwareStudy.Resources r = HardwareStudy.resources(model, d, 0, s);
        double[] pos = new double[27];
        d.copyPositions(0, pos);
        HardwareForceField exact = new HardwareForceField(model, HardwareOptions.exact());
        List<BoundCircuit> circuits = exact.circuits(d.numbers(), pos, exact.newScratch());
        int most = 0, qubits = 0;
        for (BoundCircuit b : circuits) {
            int two = 1;
            for (int k = 0; k < b.circuit().gateCount(); k++) {
                GateInfo g = b.circuit().gateInfo(k);
                two += g.kind().equals("ex") ? 3 : g.twoQubit() ? 1 : 0;
            }
            most = Math.max(most, two);
            qubits = Math.max(qubits, b.circuit().qubits());
        }
        assertThat(circuits).hasSize(9);
        assertThat(r.energyCircuits()).isEqualTo(9);
        assertThat(r.qubits()).isEqualTo(qubits).isEqualTo(4);
        assertThat(r.twoQubitGates()).isEqualTo(most);
        assertThat(r.twoQubitDepth()).isLessThanOrEqualTo(r.twoQubitGates()).isPositive();
        assertThat(r.depth()).isGreaterThan(r.twoQubitDepth());
        long shifted = 0;
        for (BoundCircuit b : circuits) shifted += ShiftRule.circuits(b.circuit(), b.observable());
        assertThat(r.forceCircuits()).isEqualTo(9 + shifted);
        assertThat(r.gradientCircuits()).isEqualTo(r.forceCircuits());
        assertThat(r.referenceShots()).isEqualTo(2000);
        assertThat(r.shotsNeeded()[0]).isEqualTo((long) Math.ceil(2000 * r.worstForceSe() * r.worstForceSe()));
        assertThat(r.shotsNeeded()[1]).isEqualTo((long) Math.ceil(2000 * 100 * r.worstForceSe() * r.worstForceSe()));
        assertThat(r.successProbability()).isCloseTo(Math.pow(1 - 1e-3, most), within(1e-15));
    }

    /** Same seed: the same numbers bit for bit, for any thread count; another seed: other numbers. */
    @Test
    void predictionsDependOnTheSeedAndNotOnTheThreadCount() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        Dataset d = ethanol(4);
        HardwarePredictions[] runs = new HardwarePredictions[3];
        int[] threads = {1, 2, 2};
        long[] seeds = {9, 9, 10};
        for (int i = 0; i < 3; i++) {
            try (WorkerPool pool = new WorkerPool(threads[i])) {
                runs[i] = new HardwarePredictor(new HardwareForceField(model, HardwareOptions.shots(500, seeds[i])), pool).predict(d);
            }
        }
        assertThat(runs[1].predictions().energies()).containsExactly(runs[0].predictions().energies());
        assertThat(runs[1].predictions().forces()).containsExactly(runs[0].predictions().forces());
        assertThat(runs[1].forceSe()).containsExactly(runs[0].forceSe());
        assertThat(runs[1].energySe()).containsExactly(runs[0].energySe());
        assertThat(runs[2].predictions().forces()[0]).isNotEqualTo(runs[0].predictions().forces()[0]);
        assertThat(runs[0].circuits()).isPositive();
    }

    /** The exact options through the hardware predictor: the plain predictor's numbers bit for bit. */
    @Test
    void exactOptionsGiveThePlainPredictionsBitForBit() {
        ForceField model = HardwareTestSupport.reference("le_ethanol_D6.json");
        Dataset d = ethanol(3);
        try (WorkerPool pool = new WorkerPool(2)) {
            Predictions plain = new Predictor(model, pool).predict(d);
            HardwarePredictions h = new HardwarePredictor(new HardwareForceField(model, HardwareOptions.exact()), pool).predict(d);
            assertThat(h.predictions().energies()).containsExactly(plain.energies());
            assertThat(h.predictions().forces()).containsExactly(plain.forces());
            assertThat(h.meanForceSe()).isZero();
        }
    }

    /** The first {@code atoms} atoms of ethanol's first frame (an le model at rep = 2 on 7 atoms has 12 qubits). */
    static Dataset fragment(int atoms) {
        Dataset full = ethanol(1);
        return new Dataset("fragment", java.util.Arrays.copyOf(full.numbers(), atoms),
                java.util.Arrays.copyOf(full.positions(), 3 * atoms), new double[] {full.energies()[0]},
                java.util.Arrays.copyOf(full.forces(), 3 * atoms));
    }

    /**
     * A noise sweep of circuits too wide for density matrices (12 qubits) runs by sampled trajectories
     * (once refused): the λ = 0 row is the exact model's, the noisy row has trajectory standard errors.
     */
    @Test
    void aNoiseSweepOfCircuitsTooWideForDensityMatricesRunsByTrajectories() {
        Dataset d = fragment(7);
        ForceField wide = org.qmlff.model.Models.create(org.qmlff.model.ModelOptions.defaults("le").with("rep", "2"), List.of(d), 1);
        assertThat(wide.circuitCost(d.numbers()).qubits()).isEqualTo(12);
        double[] theta = new double[wide.parameterCount()];
        wide.getParameters(theta);
        java.util.Random rng = new java.util.Random(8);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.3 * rng.nextGaussian(); // a fresh model ignores its circuit
        wide.setParameters(theta);
        HardwareStudy.Result r;
        try (WorkerPool pool = new WorkerPool(1)) {
            r = HardwareStudy.run(wide, d, new HardwareStudy.Settings(new long[] {10}, new double[] {0, 1e-3}, 1, 1,
                    new double[] {1}, 1e-3, 5, 2), pool);
        }
        assertThat(r.noise()).hasSize(2);
        assertThat(r.noise().get(0).errors().meanForceSe()).isZero();
        assertThat(r.noise().get(1).errors().meanForceSe()).isPositive();
        assertThat(r.noise().get(1).errors().forceDeviation()).isFinite();
    }

    @Test
    void badSettingsAreInputErrors() {
        assertThatThrownBy(() -> settings(new long[] {0}, new double[0], 0)).isInstanceOf(org.qmlff.error.InputException.class)
                .hasMessageContaining("--shots");
        assertThatThrownBy(() -> settings(new long[] {10}, new double[] {2}, 0)).hasMessageContaining("--depolarizing");
        assertThatThrownBy(() -> new HardwareStudy.Settings(new long[] {10}, new double[0], 0, 1, new double[] {0}, 0, 0))
                .hasMessageContaining("--target");
    }
}
