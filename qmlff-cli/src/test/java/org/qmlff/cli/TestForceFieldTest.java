package org.qmlff.cli;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The CLI tests' model must itself be right: forces and objective gradient against finite differences. */
class TestForceFieldTest {
    private static final int[] Z = {6, 8, 1, 1};

    @Test
    void forcesAndGradientMatchFiniteDifferences() {
        TestForceField ff = new TestForceField(TestBackend.SPECIES, new double[]{2.1, 1.1, -0.4, -37, -74});
        double[] x = TestBackend.molecule("m", Z, 1, 4).positions().clone();
        double[] f = new double[12], tmp = new double[12];
        ff.energyAndForces(Z, x, f, null);
        for (int i = 0; i < 12; i++) {
            double xi = x[i];
            x[i] = xi + 1e-5;
            double ep = ff.energyAndForces(Z, x, tmp, null);
            x[i] = xi - 1e-5;
            double em = ff.energyAndForces(Z, x, tmp, null);
            x[i] = xi;
            assertThat(f[i]).isCloseTo(-(ep - em) / 2e-5, within(1e-7));
        }
        SplittableRandom rng = new SplittableRandom(2);
        double[] dLdF = new double[12];
        for (int i = 0; i < 12; i++) dLdF[i] = rng.nextDouble() - 0.5;
        double[] grad = new double[5];
        ff.addObjectiveGradient(Z, x, 0.3, dLdF, grad, null);
        double[] p = new double[ff.parameterCount()];
        ff.getParameters(p);
        for (int k = 0; k < 5; k++) {
            double pk = p[k];
            p[k] = pk + 1e-6;
            ff.setParameters(p);
            double lp = lin(ff, x, dLdF);
            p[k] = pk - 1e-6;
            ff.setParameters(p);
            double lm = lin(ff, x, dLdF);
            p[k] = pk;
            ff.setParameters(p);
            assertThat(grad[k]).as("θ[%d]", k).isCloseTo((lp - lm) / 2e-6, within(1e-6));
        }
    }

    private static double lin(TestForceField ff, double[] x, double[] dLdF) {
        double[] f = new double[12];
        double s = 0.3 * ff.energyAndForces(Z, x, f, null);
        for (int i = 0; i < 12; i++) s += dLdF[i] * f[i];
        return s;
    }
}
