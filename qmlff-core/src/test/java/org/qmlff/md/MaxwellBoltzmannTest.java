package org.qmlff.md;

import org.qmlff.data.Units;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MaxwellBoltzmannTest {

    @Test
    void ethanolVelocitiesHaveNoMomentaAndExactlyTheTargetTemperature() {
        double[] x = MdTestSupport.ETHANOL, m = MdTestSupport.ETHANOL_MASSES;
        double[] v = new double[x.length];
        MaxwellBoltzmann.draw(m, x, 300.0, new GaussianRandom(3), v);
        MdTestSupport.assertNoMomenta(m, x, v, 1e-14, 1e-14);
        double t = MdUnits.temperature(MdUnits.kineticEnergy(m, v), 21);
        assertThat(t).isCloseTo(300.0, within(1e-9));
    }

    @Test
    void zeroTemperatureGivesRest() {
        double[] v = new double[27];
        MaxwellBoltzmann.draw(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, 0.0, new GaussianRandom(1), v);
        assertThat(v).containsOnly(0.0);
    }

    @Test
    void sameSeedSameVelocitiesOtherSeedOthers() {
        double[] a = new double[27], b = new double[27], c = new double[27];
        MaxwellBoltzmann.draw(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, 300, new GaussianRandom(11), a);
        MaxwellBoltzmann.draw(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, 300, new GaussianRandom(11), b);
        MaxwellBoltzmann.draw(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL, 300, new GaussianRandom(12), c);
        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    /**
     * Many atoms of three masses: every velocity component, scaled by √(m / k_B T), must be a
     * standard normal sample (Kolmogorov–Smirnov against Hipparchus' normal CDF at the 1% level),
     * and the mean of m v² must be the same for every mass (equipartition).
     */
    @Test
    void componentsAreMaxwellBoltzmannDistributedForEveryMass() {
        int n = 3000;
        double temperature = 400;
        Random rng = new Random(5);
        double[] masses = new double[n], x = new double[3 * n];
        double[] choices = {1.008, 12.011, 15.999};
        for (int a = 0; a < n; a++) masses[a] = choices[a % 3];
        for (int i = 0; i < x.length; i++) x[i] = 20 * rng.nextDouble();
        double[] v = new double[3 * n];
        MaxwellBoltzmann.draw(masses, x, temperature, new GaussianRandom(2024), v);
        double kt = Units.BOLTZMANN_KCAL_MOL_PER_K * temperature * Units.MD_ACCELERATION; // amu Å²/fs²
        double[] z = new double[3 * n];
        double[] mv2 = new double[3];
        for (int a = 0; a < n; a++)
            for (int k = 0; k < 3; k++) {
                z[3 * a + k] = v[3 * a + k] * Math.sqrt(masses[a] / kt);
                mv2[a % 3] += masses[a] * v[3 * a + k] * v[3 * a + k] / kt / n; // 3 comps × n/3 atoms
            }
        Arrays.sort(z);
        NormalDistribution normal = new NormalDistribution(0, 1);
        double d = 0;
        for (int i = 0; i < z.length; i++) {
            double cdf = normal.cumulativeProbability(z[i]);
            d = Math.max(d, Math.max(Math.abs(cdf - (double) i / z.length), Math.abs((i + 1.0) / z.length - cdf)));
        }
        assertThat(d).isLessThan(1.63 / Math.sqrt(z.length));
        // each species: E[m v²/kT] per component = 1, so over 3 components and n/3 atoms, divided by n: 1
        for (double s : mv2) assertThat(s).isCloseTo(1.0, within(0.05));
    }
}
