package org.qmlff.geometry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Bessel basis against MODELS.md's formula evaluated term by term with {@link Math#sin} for every
 * k, its derivative against central finite differences, and γ_k = β_k/r with its derivative.
 */
class RadialBasisTest {

    private static double direct(int k, double rc, double r) {
        if (r >= rc) return 0;
        double fc = 0.5 * (Math.cos(Math.PI * r / rc) + 1);
        return Math.sqrt(2 / rc) * Math.sin(k * Math.PI * r / rc) / r * fc;
    }

    @ParameterizedTest
    @CsvSource({"8, 5.0", "24, 5.0", "3, 2.0"})
    void matchesTheFormulaAndItsDerivatives(int kb, double rc) {
        RadialBasis basis = new RadialBasis(kb, rc);
        double[] beta = new double[kb + 2], dbeta = new double[kb + 2], gamma = new double[kb + 2], dgamma = new double[kb + 2];
        double[] b = new double[kb], db = new double[kb];
        double h = 1e-6;
        for (int n = 1; n <= 200; n++) {
            double r = rc * n / 199.0; // up to just beyond the cutoff
            basis.evaluate(r, b, db);
            basis.evaluate(r, beta, dbeta, gamma, dgamma, 2);
            for (int k = 1; k <= kb; k++) {
                double scale = Math.sqrt(2 / rc) / r; // |β_k| ≤ this
                assertThat(b[k - 1]).as("β_%d(%s)", k, r).isCloseTo(direct(k, rc, r), within(1e-14 * scale));
                assertThat(beta[k + 1]).isEqualTo(b[k - 1]);
                assertThat(dbeta[k + 1]).isEqualTo(db[k - 1]);
                if (r < rc) {
                    double fd = (direct(k, rc, r + h) - direct(k, rc, r - h)) / (2 * h);
                    assertThat(db[k - 1]).as("dβ_%d/dr(%s)", k, r).isCloseTo(fd, within(1e-7 * scale * (1 + k / r)));
                    double g = b[k - 1] / r;
                    assertThat(gamma[k + 1]).isEqualTo(g);
                    double fdg = (direct(k, rc, r + h) / (r + h) - direct(k, rc, r - h) / (r - h)) / (2 * h);
                    assertThat(dgamma[k + 1]).as("dγ_%d/dr(%s)", k, r).isCloseTo(fdg, within(1e-7 * scale / r * (1 + k / r)));
                } else {
                    assertThat(b[k - 1]).isZero();
                    assertThat(db[k - 1]).isZero();
                    assertThat(gamma[k + 1]).isZero();
                    assertThat(dgamma[k + 1]).isZero();
                }
            }
        }
    }
}
