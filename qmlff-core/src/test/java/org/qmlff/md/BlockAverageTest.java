package org.qmlff.md;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockAverageTest {

    /**
     * AR(1) series x_t = φ x_{t−1} + √(1 − φ²) ε_t (unit variance) has, for long series, a variance
     * of the mean of (1 + φ) / ((1 − φ) n): the oracle for the block estimate.
     */
    @Test
    void correlatedSeriesErrorMatchesTheAr1Formula() {
        int n = 1 << 16;
        double phi = 0.9;
        double[] x = ar1(n, phi, 42);
        BlockAverage b = BlockAverage.of(x, n);
        double exact = Math.sqrt((1 + phi) / (1 - phi) / n);
        assertThat(b.standardError()).isBetween(0.8 * exact, 1.4 * exact);
        // the naive estimate is far too small: the correlation is really accounted for
        assertThat(BlockAverage.naiveStandardError(x, n)).isLessThan(0.4 * exact);
        assertThat(b.blockSize()).isGreaterThan(8);
    }

    @Test
    void independentSamplesGiveTheNaiveError() {
        int n = 1 << 14;
        double[] x = ar1(n, 0.0, 9);
        BlockAverage b = BlockAverage.of(x, n);
        double exact = 1 / Math.sqrt(n);
        assertThat(b.standardError()).isBetween(0.9 * exact, 1.3 * exact);
        assertThat(b.mean()).isCloseTo(Arrays.stream(x).average().orElseThrow(), within(1e-15));
    }

    @Test
    void degenerateSeries() {
        assertThat(BlockAverage.of(new double[]{5, 5, 5, 5}, 4).standardError()).isZero();
        assertThat(BlockAverage.of(new double[]{5}, 1).standardError()).isNaN();
        assertThat(BlockAverage.of(new double[0], 0).mean()).isNaN();
        // few samples: naive estimate
        assertThat(BlockAverage.of(new double[]{1, 3}, 2).standardError()).isCloseTo(1.0, within(1e-15));
    }

    private static double[] ar1(int n, double phi, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[n];
        double s = Math.sqrt(1 - phi * phi);
        x[0] = rng.nextGaussian();
        for (int i = 1; i < n; i++) x[i] = phi * x[i - 1] + s * rng.nextGaussian();
        return x;
    }
}
