package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The revised energy against MODELS.md's formulas written out neighbour by neighbour (no species
 * sums, no neighbour list): A[l][q](i) = Σ_j Σ_k W[l][q][s_i][s_j][k]·b_k(r)·f_c(r)·r̂ and
 * Jeff[d][p](i) = J0[d][p][s_i] + Σ_j Σ_k V[d][p][s_i][s_j][k]·b_k(r)·f_c(r), fed to the model's
 * circuit. The molecule lacks carbon, a species between two it has, and has an atom with no neighbour
 * within the cutoff, the cases the model's per-species sums must get right.
 */
class RevisedDirectFormulaTest {

    @Test
    void energyEqualsTheNeighbourByNeighbourFormula() {
        int d = 2, nq = 4, kb = 3, ns = 4, p = 4;
        double rc = 3.0;
        ModelOptions o = ModelOptions.defaults("revised").with("D", "" + d).with("K", "" + kb).with("rc", "" + rc);
        RevisedModel m = (RevisedModel) Models.create(o, List.of(ModelTestSupport.syntheticEthanol(5, 3)), 3);
        ModelTestSupport.randomise(m, new Random(4), 0.3);
        int[] numbers = ForceFieldDerivativeTest.SPARSE.numbers();
        double[] pos = ForceFieldDerivativeTest.SPARSE.positions().apply(new Random(6));
        double[] theta = new double[m.parameterCount()];
        m.getParameters(theta);
        int oW = 0, oV = oW + (d + 1) * nq * ns * ns * kb, oJ0 = oV + d * p * ns * ns * kb, oE0 = oJ0 + d * p * ns,
                oS = oE0 + ns;
        assertThat(oS + ns).isEqualTo(theta.length);
        int[] speciesOf = new int[119];
        speciesOf[1] = 0;
        speciesOf[6] = 1;
        speciesOf[7] = 2;
        speciesOf[8] = 3;

        Simulator sim = new Simulator(nq);
        Observable obs = Observable.heisenberg(0, 1);
        int exBase = 3 * nq * (d + 1);
        double expected = 0;
        int isolated = 0;
        for (int i = 0; i < numbers.length; i++) {
            int si = speciesOf[numbers[i]];
            double[] z = new double[m.circuit().inputs()];
            for (int e = 0; e < d * p; e++) z[exBase + e] = theta[oJ0 + e * ns + si];
            int neighbours = 0;
            for (int j = 0; j < numbers.length; j++) {
                if (j == i) continue;
                double[] x = {pos[3 * j] - pos[3 * i], pos[3 * j + 1] - pos[3 * i + 1], pos[3 * j + 2] - pos[3 * i + 2]};
                double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                if (r >= rc) continue;
                neighbours++;
                int sj = speciesOf[numbers[j]];
                double fc = 0.5 * (Math.cos(Math.PI * r / rc) + 1);
                double[] b = new double[kb];
                for (int k = 0; k < kb; k++) b[k] = Math.sqrt(2 / rc) * Math.sin((k + 1) * Math.PI * r / rc) / r * fc;
                for (int c = 0; c < (d + 1) * nq; c++) {
                    double radial = 0;
                    for (int k = 0; k < kb; k++) radial += theta[oW + ((c * ns + si) * ns + sj) * kb + k] * b[k];
                    for (int a = 0; a < 3; a++) z[3 * c + a] += radial * x[a] / r;
                }
                for (int e = 0; e < d * p; e++) {
                    double radial = 0;
                    for (int k = 0; k < kb; k++) radial += theta[oV + ((e * ns + si) * ns + sj) * kb + k] * b[k];
                    z[exBase + e] += radial;
                }
            }
            if (neighbours == 0) isolated++;
            expected += theta[oE0 + si] + theta[oS + si] * sim.expectation(m.circuit(), obs, z);
        }
        assertThat(isolated).as("atoms without neighbours").isEqualTo(1);
        double[] f = new double[pos.length];
        assertThat(m.energyAndForces(numbers, pos, f, m.newScratch())).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
    }
}
