package org.qmlff.md;

import org.qmlff.data.Units;

/**
 * Initial velocities: each Cartesian component of atom a drawn from N(0, k_B T / m_a) (in Å/fs:
 * variance k_B T · ACCELERATION / m_a), then the linear and angular momentum removed, then all
 * velocities scaled by one factor so that the kinetic energy is exactly ½ f k_B T with
 * f = {@link Momenta#internalDegreesOfFreedom} (every remaining degree of freedom carries ½ k_B T;
 * scaling keeps both momenta zero). Deterministic given the random source.
 */
public final class MaxwellBoltzmann {
    private MaxwellBoltzmann() {
    }

    /**
     * Writes velocities (Å/fs) for temperature {@code temperature} (K) into {@code out}. A zero
     * temperature, or a molecule without internal degrees of freedom, gives zero velocities.
     */
    public static void draw(double[] masses, double[] positions, double temperature, GaussianRandom random,
                            double[] out) {
        int n = masses.length;
        for (int a = 0; a < n; a++) {
            double sigma = Math.sqrt(Units.BOLTZMANN_KCAL_MOL_PER_K * temperature * Units.MD_ACCELERATION / masses[a]);
            for (int k = 0; k < 3; k++) out[3 * a + k] = sigma * random.next();
        }
        Momenta.removeLinearMomentum(masses, out);
        Momenta.removeAngularMomentum(masses, positions, out);
        int dof = Momenta.internalDegreesOfFreedom(masses, positions);
        double kinetic = MdUnits.kineticEnergy(masses, out);
        double target = 0.5 * dof * Units.BOLTZMANN_KCAL_MOL_PER_K * temperature;
        if (!(kinetic > 0 && target > 0)) {
            java.util.Arrays.fill(out, 0, 3 * n, 0.0); // +0.0, not the −0.0 of scaling by zero
            return;
        }
        double factor = Math.sqrt(target / kinetic);
        for (int i = 0; i < 3 * n; i++) out[i] *= factor;
    }
}
