package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.qmlff.model.ForceField;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shot estimates: unbiased, with a spread that matches the predicted standard error. Seeded; the bounds
 * are 4.5 standard errors of the tested statistic (a false failure has probability below 1e-5 per check
 * for the means, below 1e-4 overall).
 */
class ShotStatisticsTest {

    @Test
    void bellMeasurementEstimatesAreUnbiasedWithThePredictedSpread() {
        Circuit c = Circuit.builder(4).singlet(0, 1).singlet(2, 3).enc(0, 0).enc(1, 3).enc(2, 6).enc(3, 9)
                .ex(0, 1, 12).ex(2, 3, 13).ex(1, 2, 14).ex(3, 0, 15).enc(0, 16).enc(1, 19).build();
        Random r = new Random(2);
        double[] z = new double[c.inputs()];
        for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
        for (Observable o : new Observable[] {Observable.heisenberg(0, 1),
                Observable.heisenbergMean(new int[][] {{0, 1}, {2, 3}, {1, 2}, {3, 0}})}) {
            double exact = new Simulator(4).expectation(c, o, z);
            // predicted variance per setting 16 p(1−p)/N with p the singlet probability of each pair
            double predicted = 0;
            int[][] pairs = o.heisenbergPairs();
            for (int[] pq : pairs) {
                double p = (1 - new Simulator(4).expectation(c, Observable.heisenberg(pq[0], pq[1]), z)) / 4;
                predicted += 16 * p * (1 - p);
            }
            for (long shots : new long[] {100, 10_000, 1_000_000}) {
                double var = predicted / ((double) pairs.length * pairs.length) / shots;
                Device d = new Device(new StateVectorBackend(), shots, 0, 0);
                int m = 2000;
                double sum = 0, sum2 = 0, reported = 0;
                for (int k = 0; k < m; k++) {
                    d.reseed(1000 + k);
                    Estimate e = d.expectation(c, o, z);
                    sum += e.value();
                    sum2 += (e.value() - exact) * (e.value() - exact);
                    reported += e.variance();
                }
                double mean = sum / m;
                assertThat(Math.abs(mean - exact)).as("bias at %d shots", shots).isLessThan(4.5 * Math.sqrt(var / m));
                double ratio = (sum2 / m) / var;
                // the sample variance of m draws has relative standard error √(2/m) = 3.2 %
                assertThat(ratio).as("spread / predicted at %d shots", shots).isBetween(1 - 4.5 * Math.sqrt(2.0 / m),
                        1 + 4.5 * Math.sqrt(2.0 / m));
                assertThat((reported / m) / var).as("reported variance at %d shots", shots).isBetween(0.97, 1.03);
            }
        }
    }

    @Test
    void forceEstimatesAreUnbiasedAndTheirStandardErrorsMatchTheSpread() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        double[] pos = HardwareTestSupport.ethanolLike(new Random(8));
        double[] exactF = new double[27];
        double exactE = model.energyAndForces(HardwareTestSupport.ETHANOL, pos, exactF, model.newScratch());
        HardwareForceField hw = new HardwareForceField(model, HardwareOptions.shots(20_000, 7));
        ForceField.Scratch s = hw.newScratch();
        int m = 60;
        double[] sum = new double[27], sum2 = new double[27], se2 = new double[27];
        double eSum = 0, eSum2 = 0, eSe2 = 0;
        for (int k = 0; k < m; k++) {
            hw.setSalt(k);
            HardwareEvaluation ev = hw.evaluate(HardwareTestSupport.ETHANOL, pos, s);
            for (int i = 0; i < 27; i++) {
                sum[i] += ev.forces()[i];
                double d = ev.forces()[i] - exactF[i];
                sum2[i] += d * d;
                se2[i] += ev.forceSe()[i] * ev.forceSe()[i];
            }
            eSum += ev.energy();
            eSum2 += (ev.energy() - exactE) * (ev.energy() - exactE);
            eSe2 += ev.energySe() * ev.energySe();
        }
        double pooledSpread = 0, pooledPredicted = 0;
        for (int i = 0; i < 27; i++) {
            double predicted = se2[i] / m;
            assertThat(Math.abs(sum[i] / m - exactF[i])).as("bias of force %d", i)
                    .isLessThan(4.5 * Math.sqrt(predicted / m));
            pooledSpread += sum2[i] / m;
            pooledPredicted += predicted;
        }
        // Pooled over 27 components of 60 draws each; the components are correlated, so the bound is wide.
        assertThat(pooledSpread / pooledPredicted).isBetween(0.75, 1.33);
        assertThat(Math.abs(eSum / m - exactE)).isLessThan(4.5 * Math.sqrt(eSe2 / m / m));
        assertThat((eSum2 / m) / (eSe2 / m)).isBetween(0.5, 1.7);
    }
}
