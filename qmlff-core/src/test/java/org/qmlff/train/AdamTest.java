package org.qmlff.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdamTest {

    /** Two steps worked out by hand: g = 2 then g = −1, lr = 0.01. */
    @Test
    void firstTwoStepsByHand() {
        Adam adam = new Adam(1);
        double[] x = {0.5};
        adam.step(x, new double[]{2}, 0.01);
        // m̂ = g, v̂ = g²: the first step is lr·g/(|g| + ε)
        assertThat(x[0]).isCloseTo(0.5 - 0.01 * 2 / (2 + 1e-8), within(1e-16));
        double x1 = x[0];
        adam.step(x, new double[]{-1}, 0.01);
        // m = 0.9·0.2 − 0.1 = 0.08, v = 0.999·0.004 + 0.001 = 0.004996
        // m̂ = 0.08/0.19, v̂ = 0.004996/0.001999
        double mhat = 0.08 / 0.19;
        double vhat = 0.004996 / 0.001999;
        assertThat(x[0]).isCloseTo(x1 - 0.01 * mhat / (Math.sqrt(vhat) + 1e-8), within(1e-14));
    }

    @Test
    void minimisesBadlyScaledQuadratic() {
        double[] a = {1, 100, 0.01};
        double[] c = {1.5, -2, 0.7};
        double[] x = {0, 0, 0};
        double[] g = new double[3];
        Adam adam = new Adam(3);
        CosineSchedule lr = new CosineSchedule(0.05, 4000);
        for (long t = 0; t < 4000; t++) {
            for (int i = 0; i < 3; i++) g[i] = a[i] * (x[i] - c[i]);
            adam.step(x, g, lr.at(t));
        }
        for (int i = 0; i < 3; i++) assertThat(x[i]).as("x[%d]", i).isCloseTo(c[i], within(1e-3));
    }

    @Test
    void restoredStateContinuesIdentically() {
        double[] x = {1, -1};
        Adam adam = new Adam(2);
        for (int t = 0; t < 10; t++) adam.step(x, new double[]{x[0] - 0.3, 2 * x[1]}, 0.01);
        Adam.State saved = adam.state();
        double[] y = x.clone();
        for (int t = 0; t < 10; t++) adam.step(x, new double[]{x[0] - 0.3, 2 * x[1]}, 0.01);
        Adam other = new Adam(2);
        other.restore(saved);
        for (int t = 0; t < 10; t++) other.step(y, new double[]{y[0] - 0.3, 2 * y[1]}, 0.01);
        assertThat(y).isEqualTo(x);
        assertThat(other.state()).isEqualTo(adam.state());
        assertThat(saved.step()).isEqualTo(10);
    }

    @Test
    void cosineScheduleEndsAtZero() {
        CosineSchedule s = new CosineSchedule(0.01, 100);
        assertThat(s.at(0)).isEqualTo(0.01);
        assertThat(s.at(50)).isCloseTo(0.005, within(1e-17));
        assertThat(s.at(100)).isCloseTo(0.0, within(1e-18));
        for (int t = 1; t <= 100; t++) assertThat(s.at(t)).isLessThan(s.at(t - 1));
    }
}
