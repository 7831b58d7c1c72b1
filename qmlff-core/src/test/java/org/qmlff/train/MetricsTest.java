package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.qmlff.data.Units;

import org.qmlff.data.Element;

import org.junit.jupiter.api.Test;
import org.qmlff.data.Dataset;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static final int[] HO = {1, 8};
    private static final Dataset REF = new Dataset("ref", HO, new double[12], new double[]{1, 2}, new double[12]);
    /** Energy errors 0.5 and −1; force errors |1|, |−2|, |3| in one component each. */
    private static final Predictions PRED = new Predictions("ref", HO, new double[]{1.5, 1},
            new double[]{1, 0, 0, 0, -2, 0, 0, 0, 3, 0, 0, 0});

    @Test
    void handComputedErrors() {
        Metrics m = Metrics.of(REF, PRED);
        assertThat(m.frames()).isEqualTo(2);
        assertThat(m.forceComponents()).isEqualTo(12);
        assertThat(m.energyMae()).isCloseTo(0.75, within(1e-15));
        assertThat(m.energyRmse()).isCloseTo(Math.sqrt(0.625), within(1e-15));
        assertThat(m.forceMae()).isCloseTo(0.5, within(1e-15));
        assertThat(m.forceRmse()).isCloseTo(Math.sqrt(14.0 / 12), within(1e-15));
        // H: |1| + |3| over 6 components; O: |−2| over 6
        assertThat(m.forcePerElement()).hasSize(2);
        assertThat(m.forcePerElement().get(0).symbol()).isEqualTo("H");
        assertThat(m.forcePerElement().get(0).forceMae()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(m.forcePerElement().get(1).symbol()).isEqualTo("O");
        assertThat(m.forcePerElement().get(1).forceMae()).isCloseTo(2.0 / 6, within(1e-15));
        assertThat(m.energyMaeMeV()).isCloseTo(0.75 * 43.3641042, within(1e-7));
        assertThat(m.forceMaeMeV()).isCloseTo(0.5 * 43.3641042, within(1e-7));
    }

    @Test
    void conversionConstantIsKcalPerMolInMeV() {
        // 4184 J per mol of particles, per particle, in eV: 4184 / (e · N_A) with the exact SI constants
        double e = 1.602176634e-19, na = 6.02214076e23;
        assertThat(Units.MEV_PER_KCAL_MOL).isCloseTo(4184.0 / (e * na) * 1000, within(1e-11));
        assertThat(Units.MEV_PER_KCAL_MOL).isCloseTo(43.364, within(5e-4));
    }

    @Test
    void nullModelPredictsTheMeanAndZeroForce() {
        Dataset d = new Dataset("d", HO, new double[12], new double[]{1, 2},
                new double[]{1, 0, 0, 0, -2, 0, 0, 0, 3, 0, 0, 0});
        Metrics m = Metrics.of(d, Predictions.nullModel(d, Predictions.meanEnergy(d)));
        assertThat(m.energyMae()).isCloseTo(0.5, within(1e-15));
        assertThat(m.forceMae()).isCloseTo(0.5, within(1e-15));
        assertThat(m.forceRmse()).isCloseTo(Math.sqrt(14.0 / 12), within(1e-15));
    }

    @Test
    void pooledOverMoleculesCountsFramesAndComponents() {
        int[] h = {1};
        Dataset d2 = new Dataset("h", h, new double[3], new double[]{10}, new double[]{0, 0, 6});
        Predictions p2 = new Predictions("h", h, new double[]{12}, new double[3]);
        Metrics m = Metrics.pooled(List.of(REF, d2), List.of(PRED, p2));
        assertThat(m.frames()).isEqualTo(3);
        assertThat(m.forceComponents()).isEqualTo(15);
        assertThat(m.energyMae()).isCloseTo((0.5 + 1 + 2) / 3, within(1e-15));
        assertThat(m.energyRmse()).isCloseTo(Math.sqrt((0.25 + 1 + 4) / 3), within(1e-15));
        assertThat(m.forceMae()).isCloseTo((6.0 + 6) / 15, within(1e-15));
        assertThat(m.forcePerElement().get(0).forceMae()).isCloseTo((4.0 + 6) / 9, within(1e-15));
    }

    @Test
    void mapHasTheReportKeys() {
        Map<String, Object> m = Metrics.of(REF, PRED).toMap();
        assertThat(m).containsKeys("n_frames", "energy_mae_meV", "energy_rmse_meV", "force_mae_meV_per_A",
                "force_rmse_meV_per_A", "energy_mae_kcal_per_mol", "force_mae_kcal_per_mol_per_A",
                "force_mae_per_element_meV_per_A");
        assertThat((Double) m.get("energy_mae_kcal_per_mol")).isCloseTo(0.75, within(1e-15));
        Metrics noEnergy = Metrics.of(REF, Predictions.nullModel(REF, Double.NaN));
        assertThat(noEnergy.toMap().get("energy_mae_meV")).isNull();
    }

    @Test
    void predictorMatchesDirectEvaluationForAnyThreadCount() {
        Dataset d = Synthetic.molecule("m", new int[]{6, 8, 1, 1, 1}, 23, 9);
        PairForceField ff = Synthetic.start();
        Predictions one, three;
        try (WorkerPool p1 = new WorkerPool(1); WorkerPool p3 = new WorkerPool(3)) {
            one = new Predictor(ff, p1).predict(d);
            three = new Predictor(ff, p3).predict(d);
        }
        assertThat(three.energies()).isEqualTo(one.energies());
        assertThat(three.forces()).isEqualTo(one.forces());
        double[] x = new double[15], f = new double[15];
        for (int fr = 0; fr < d.frames(); fr++) {
            d.copyPositions(fr, x);
            assertThat(one.energies()[fr]).isEqualTo(ff.energyAndForces(d.numbers(), x, f, null));
            assertThat(java.util.Arrays.copyOfRange(one.forces(), fr * 15, fr * 15 + 15)).isEqualTo(f);
        }
    }

    @Test
    void formulas() {
        assertThat(Element.hillFormula(new int[]{6, 6, 8, 1, 1, 1, 1, 1, 1})).isEqualTo("C2H6O");
        assertThat(Element.hillFormula(new int[]{8, 1, 1})).isEqualTo("H2O");
        assertThat(Element.hillFormula(new int[]{7, 6, 1, 8, 6})).isEqualTo("C2HNO");
    }
}
