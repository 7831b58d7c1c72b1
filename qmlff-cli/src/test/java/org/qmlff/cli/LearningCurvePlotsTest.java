package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.qmlff.analysis.PowerLawFit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fit legend of the learning-curve plots gives β as precisely as the tables do. */
class LearningCurvePlotsTest {

    @Test
    void legendKeepsThreeDecimalsAndTheInterval() {
        // MAE = 3 N^-0.4951 exactly on four sizes, with a little scatter so that the interval is finite
        double[] n = {25, 100, 400, 950};
        double[] y = new double[n.length];
        for (int i = 0; i < n.length; i++) y[i] = 3 * Math.pow(n[i], -0.4951) * (1 + (i % 2 == 0 ? 1e-3 : -1e-3));
        PowerLawFit fit = PowerLawFit.fit(n, y, PowerLawFit.DEFAULT_CONFIDENCE);

        String label = LearningCurvePlots.fitLabel("rich", fit);

        assertThat(fit.beta()).isBetween(0.494, 0.496);
        assertThat(label).startsWith("rich fit β = 0.495 [").doesNotContain("0.50 ").endsWith("]");
        assertThat(label).contains(String.format(java.util.Locale.ROOT, "%.3f", fit.betaLow()));
    }

    @Test
    void legendWithoutIntervalFromTwoSizes() {
        PowerLawFit fit = PowerLawFit.fit(new double[]{50, 950}, new double[]{160, 37}, PowerLawFit.DEFAULT_CONFIDENCE);

        assertThat(fit.hasInterval()).isFalse();
        assertThat(LearningCurvePlots.fitLabel("hybrid", fit))
                .isEqualTo(String.format(java.util.Locale.ROOT, "hybrid fit β = %.3f", fit.beta()));
    }
}
