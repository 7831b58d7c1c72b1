package org.qmlff.train;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks the test model itself against finite differences, so the trainer tests can rely on it. */
class PairForceFieldTest {
    private static final int[] NUMBERS = {6, 1, 8, 1};

    private static double[] geometry() {
        return Synthetic.molecule("g", NUMBERS, 1, 3).positions().clone();
    }

    @Test
    void forcesAreMinusEnergyGradient() {
        PairForceField ff = Synthetic.truth();
        double[] x = geometry();
        double[] f = new double[x.length];
        double[] tmp = new double[x.length];
        ff.energyAndForces(NUMBERS, x, f, null);
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + h;
            double ep = ff.energyAndForces(NUMBERS, x, tmp, null);
            x[i] = xi - h;
            double em = ff.energyAndForces(NUMBERS, x, tmp, null);
            x[i] = xi;
            assertThat(f[i]).as("F[%d]", i).isCloseTo(-(ep - em) / (2 * h), within(1e-7));
        }
    }

    @Test
    void objectiveGradientMatchesFiniteDifferences() {
        PairForceField ff = Synthetic.truth();
        double[] x = geometry();
        SplittableRandom rng = new SplittableRandom(11);
        double dLdE = 0.7;
        double[] dLdF = new double[x.length];
        for (int i = 0; i < dLdF.length; i++) dLdF[i] = rng.nextDouble() - 0.5;
        double[] grad = new double[ff.parameterCount()];
        ff.addObjectiveGradient(NUMBERS, x, dLdE, dLdF, grad, null);
        double[] p = new double[ff.parameterCount()];
        ff.getParameters(p);
        double h = 1e-6;
        for (int k = 0; k < p.length; k++) {
            double pk = p[k];
            p[k] = pk + h;
            ff.setParameters(p);
            double lp = linear(ff, x, dLdE, dLdF);
            p[k] = pk - h;
            ff.setParameters(p);
            double lm = linear(ff, x, dLdE, dLdF);
            p[k] = pk;
            ff.setParameters(p);
            assertThat(grad[k]).as("dL/dθ[%d]", k).isCloseTo((lp - lm) / (2 * h), within(1e-6));
        }
    }

    private static double linear(PairForceField ff, double[] x, double dLdE, double[] dLdF) {
        double[] f = new double[x.length];
        double e = ff.energyAndForces(NUMBERS, x, f, null);
        double s = dLdE * e;
        for (int i = 0; i < f.length; i++) s += dLdF[i] * f[i];
        return s;
    }
}
