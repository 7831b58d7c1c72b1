package org.qmlff.analysis;

import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StudentTTest {

    /** Two-sided 95% critical values t(0.975, ν) of printed tables (3 decimals). */
    @Test
    void matchesPrintedTableValues() {
        int[] dof = {1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 60, 120};
        double[] t975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.306, 2.228, 2.131, 2.086, 2.042, 2.000, 1.980};
        for (int i = 0; i < dof.length; i++) {
            assertThat(StudentT.quantile(0.975, dof[i])).as("t(0.975, %d)", dof[i]).isCloseTo(t975[i], within(5e-4));
            assertThat(StudentT.criticalValue(0.95, dof[i])).isCloseTo(t975[i], within(5e-4));
        }
        // other levels, ν = 4 and ν = 10
        assertThat(StudentT.quantile(0.95, 4)).isCloseTo(2.132, within(5e-4));
        assertThat(StudentT.quantile(0.995, 4)).isCloseTo(4.604, within(5e-4));
        assertThat(StudentT.quantile(0.90, 10)).isCloseTo(1.372, within(5e-4));
        assertThat(StudentT.quantile(0.999, 10)).isCloseTo(4.144, within(5e-4));
        // large ν tends to the normal quantile 1.959964
        assertThat(StudentT.quantile(0.975, 100_000)).isCloseTo(1.959964, within(1e-4));
    }

    /** ν = 1 (Cauchy) and ν = 2 have closed forms. */
    @Test
    void matchesClosedFormsForOneAndTwoDegrees() {
        for (double p = 0.01; p < 1; p += 0.0137) {
            double cauchy = Math.tan(Math.PI * (p - 0.5));
            assertThat(StudentT.quantile(p, 1)).isCloseTo(cauchy, within(1e-12 * Math.max(1, Math.abs(cauchy))));
            double two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertThat(StudentT.quantile(p, 2)).isCloseTo(two, within(1e-12 * Math.max(1, Math.abs(two))));
            assertThat(StudentT.cdf(cauchy, 1)).isCloseTo(p, within(1e-14));
        }
        // F(t) = 1/2 + t / (2 sqrt(2 + t²)) for ν = 2
        for (double t = -30; t <= 30; t += 0.7)
            assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-15));
    }

    @Test
    void agreesWithHipparchus() {
        double[] ps = {0.001, 0.01, 0.05, 0.1, 0.25, 0.4, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999};
        int[] dofs = {1, 2, 3, 4, 5, 6, 7, 9, 12, 17, 25, 40, 61, 100, 333, 1000};
        for (int dof : dofs) {
            TDistribution ref = new TDistribution(dof);
            for (double p : ps) {
                double t = StudentT.quantile(p, dof), r = ref.inverseCumulativeProbability(p);
                assertThat(t).as("quantile(%s, %d)", p, dof).isCloseTo(r, within(1e-8 * Math.max(1, Math.abs(r))));
            }
            for (double t = -8; t <= 8; t += 0.37)
                assertThat(StudentT.cdf(t, dof)).as("cdf(%s, %d)", t, dof)
                        .isCloseTo(ref.cumulativeProbability(t), within(1e-12));
        }
    }

    /** Far tails keep their relative accuracy (no 1 − A cancellation). */
    @Test
    void tailsAreAccurate() {
        for (int dof : new int[]{1, 2, 3, 4, 7, 10, 30, 100}) {
            TDistribution ref = new TDistribution(dof);
            for (double t : new double[]{3, 5, 10, 30, 100, 1e3, 1e5}) {
                double r = ref.cumulativeProbability(-t);
                assertThat(StudentT.cdf(-t, dof)).as("cdf(-%s, %d)", t, dof).isCloseTo(r, within(1e-10 * r));
            }
            // Hipparchus' quantile solver is itself inexact this far out: check that its (accurate) cdf maps back
            for (double p : new double[]{1e-3, 1e-6, 1e-10, 1e-14}) {
                double q = StudentT.quantile(p, dof);
                assertThat(ref.cumulativeProbability(q)).as("cdf(quantile(%s, %d))", p, dof).isCloseTo(p, within(1e-9 * p));
            }
        }
        for (double p : new double[]{1e-3, 1e-6, 1e-10, 1e-14}) {
            double cauchy = -1 / Math.tan(Math.PI * p), two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertThat(StudentT.quantile(p, 1)).isCloseTo(cauchy, within(1e-12 * Math.abs(cauchy)));
            assertThat(StudentT.quantile(p, 2)).isCloseTo(two, within(1e-12 * Math.abs(two)));
        }
        // ν = 1: P(T < -t) = atan(1/t)/π exactly
        for (double t : new double[]{10, 1e4, 1e8})
            assertThat(StudentT.cdf(-t, 1)).isCloseTo(Math.atan(1 / t) / Math.PI, within(1e-13 * Math.atan(1 / t) / Math.PI));
        // the Γ ratio recursion against Γ(ν/2 + 1/2)/Γ(ν/2) from Hipparchus
        for (int dof = 1; dof <= 200; dof++)
            assertThat(StudentT.gammaRatio(dof)).isCloseTo(Math.exp(org.hipparchus.special.Gamma.logGamma((dof + 1) / 2.0)
                    - org.hipparchus.special.Gamma.logGamma(dof / 2.0)), within(1e-12 * Math.sqrt(dof)));
    }

    @Test
    void quantileInvertsTheCdfAndIsAntisymmetric() {
        for (int dof = 1; dof <= 30; dof++)
            for (double p = 0.005; p < 1; p += 0.0311) {
                double t = StudentT.quantile(p, dof);
                assertThat(StudentT.cdf(t, dof)).isCloseTo(p, within(1e-13));
                assertThat(StudentT.quantile(1 - p, dof)).isCloseTo(-t, within(1e-12 * Math.max(1, Math.abs(t))));
            }
        assertThat(StudentT.quantile(0.5, 7)).isZero();
        assertThat(StudentT.quantile(0, 7)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StudentT.quantile(1, 7)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StudentT.cdf(Double.POSITIVE_INFINITY, 3)).isEqualTo(1.0);
        assertThat(StudentT.cdf(0, 3)).isEqualTo(0.5);
    }

    @Test
    void cdfIsMonotone() {
        for (int dof : new int[]{1, 2, 5, 50}) {
            double prev = 0;
            for (double t = -50; t <= 50; t += 0.01) {
                double c = StudentT.cdf(t, dof);
                assertThat(c).isGreaterThanOrEqualTo(prev).isBetween(0.0, 1.0);
                prev = c;
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> StudentT.quantile(0.9, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degrees of freedom");
        assertThatThrownBy(() -> StudentT.quantile(1.2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.quantile(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.criticalValue(1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
