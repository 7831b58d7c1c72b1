package org.qmlff.md;

import org.qmlff.data.Units;

/**
 * Kinetic energy and temperature in qmlff's MD units (Å, fs, amu, kcal/mol, K). The constants are
 * {@link Units#MD_ACCELERATION} ((kcal/mol/Å)/amu in Å/fs²: the kinetic energy {@code ½ m v²} with v
 * in Å/fs is {@code ½ m v² / MD_ACCELERATION} kcal/mol) and {@link Units#BOLTZMANN_KCAL_MOL_PER_K}.
 */
public final class MdUnits {
    private MdUnits() {
    }

    /** Kinetic energy ½ Σ m v² in kcal/mol, for masses in amu and velocities {@code [a*3+k]} in Å/fs. */
    public static double kineticEnergy(double[] masses, double[] velocities) {
        double twice = 0;
        for (int a = 0; a < masses.length; a++) {
            double vx = velocities[3 * a], vy = velocities[3 * a + 1], vz = velocities[3 * a + 2];
            twice += masses[a] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * twice / Units.MD_ACCELERATION;
    }

    /**
     * Instantaneous temperature (K) of a kinetic energy (kcal/mol) spread over {@code dof} degrees of
     * freedom: {@code T = 2 K / (dof k_B)}; 0 when there are no degrees of freedom.
     */
    public static double temperature(double kineticEnergy, int dof) {
        return dof <= 0 ? 0.0 : 2.0 * kineticEnergy / (dof * Units.BOLTZMANN_KCAL_MOL_PER_K);
    }
}
