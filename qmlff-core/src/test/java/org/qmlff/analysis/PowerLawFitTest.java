package org.qmlff.analysis;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PowerLawFitTest {
    static final double[] SIZES = {25, 50, 100, 200, 400, 950};

    @Test
    void recoversAnExactPowerLaw() {
        double[] y = new double[SIZES.length];
        for (int i = 0; i < y.length; i++) y[i] = 812.5 * Math.pow(SIZES[i], -0.37);
        PowerLawFit f = PowerLawFit.fit(SIZES, y, 0.95);
        assertThat(f.beta()).isCloseTo(0.37, within(1e-12));
        assertThat(f.prefactor()).isCloseTo(812.5, within(1e-9));
        assertThat(f.betaStdError()).isCloseTo(0, within(1e-12));
        assertThat(f.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(f.dof()).isEqualTo(4);
        assertThat(f.tCritical()).isCloseTo(2.776445, within(1e-6));
        assertThat(f.at(333)).isCloseTo(812.5 * Math.pow(333, -0.37), within(1e-9));
    }

    /** Slope, its standard error and interval against normal equations solved with Hipparchus. */
    @Test
    void matchesTheNormalEquationsOracle() {
        double[] y = {41.0, 33.5, 31.9, 22.4, 20.8, 14.1};
        PowerLawFit f = PowerLawFit.fit(SIZES, y, 0.95);

        int m = SIZES.length;
        RealMatrix x = new Array2DRowRealMatrix(m, 2);
        RealVector ly = new ArrayRealVector(m);
        for (int i = 0; i < m; i++) {
            x.setEntry(i, 0, 1);
            x.setEntry(i, 1, Math.log(SIZES[i]));
            ly.setEntry(i, Math.log(y[i]));
        }
        RealMatrix xtxInv = new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
        RealVector coef = xtxInv.operate(x.transpose().operate(ly));
        RealVector res = ly.subtract(x.operate(coef));
        double s2 = res.dotProduct(res) / (m - 2);
        double se = Math.sqrt(s2 * xtxInv.getEntry(1, 1));
        double t = new TDistribution(m - 2).inverseCumulativeProbability(0.975);

        assertThat(f.beta()).isCloseTo(-coef.getEntry(1), within(1e-12));
        assertThat(f.prefactor()).isCloseTo(Math.exp(coef.getEntry(0)), within(1e-9));
        assertThat(f.betaStdError()).isCloseTo(se, within(1e-12));
        assertThat(f.tCritical()).isCloseTo(t, within(1e-9));
        assertThat(f.betaLow()).isCloseTo(-coef.getEntry(1) - t * se, within(1e-9));
        assertThat(f.betaHigh()).isCloseTo(-coef.getEntry(1) + t * se, within(1e-9));
        double mean = 0;
        for (int i = 0; i < m; i++) mean += ly.getEntry(i) / m;
        double syy = 0;
        for (int i = 0; i < m; i++) syy += Math.pow(ly.getEntry(i) - mean, 2);
        assertThat(f.rSquared()).isCloseTo(1 - res.dotProduct(res) / syy, within(1e-12));
        assertThat(f.significant()).isTrue();
    }

    /** The 95% interval covers the true β in about 95% of noisy repetitions (binomial sd 0.5%). */
    @Test
    void intervalHasItsNominalCoverage() {
        SplittableRandom rng = new SplittableRandom(20250304);
        int trials = 4000, covered = 0;
        double[] y = new double[SIZES.length];
        for (int k = 0; k < trials; k++) {
            for (int i = 0; i < y.length; i++)
                y[i] = 300 * Math.pow(SIZES[i], -0.5) * Math.exp(0.2 * gaussian(rng));
            PowerLawFit f = PowerLawFit.fit(SIZES, y, 0.95);
            if (f.betaLow() <= 0.5 && 0.5 <= f.betaHigh()) covered++;
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.97);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void twoPointsGiveNoInterval() {
        PowerLawFit f = PowerLawFit.fit(new double[]{50, 200}, new double[]{40, 10}, 0.95);
        assertThat(f.beta()).isCloseTo(1.0, within(1e-12)); // 40 → 10 over a factor 4: N^-1
        assertThat(f.dof()).isZero();
        assertThat(f.hasInterval()).isFalse();
        assertThat(f.betaLow()).isNaN();
        assertThat(f.significant()).isFalse();
    }

    @Test
    void flatDataHasZeroBetaAndAnIntervalAroundIt() {
        PowerLawFit f = PowerLawFit.fit(SIZES, new double[]{10, 11, 10, 9, 10.5, 10}, 0.95);
        assertThat(f.betaLow()).isNegative();
        assertThat(f.betaHigh()).isPositive();
        assertThat(f.significant()).isFalse();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> PowerLawFit.fit(new double[]{10}, new double[]{1}, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[]{10, 10}, new double[]{1, 2}, 0.95))
                .hasMessageContaining("2 distinct sizes");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[]{10, 20}, new double[]{1, 0}, 0.95))
                .hasMessageContaining("value 0.0 at N = 20.0");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[]{10, 20}, new double[]{1}, 0.95))
                .hasMessageContaining("2 sizes but 1 values");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[]{10, 20}, new double[]{1, 2}, 1.5))
                .hasMessageContaining("confidence");
    }
}
