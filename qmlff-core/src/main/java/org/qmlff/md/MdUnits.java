package org.qmlff.md;

/**
 * The constants that connect qmlff's MD units (Å, fs, amu, kcal/mol, K).
 *
 * <p>Acceleration. A force of 1 kcal/mol/Å on a mass of 1 amu: per particle, 1 kcal/mol is
 * 4184 J / N_A and 1 amu is 10⁻³ kg / N_A (to 4·10⁻¹⁰, the 2019 SI molar mass constant), so
 * N_A cancels and a = 4184 J / (10⁻³ kg · 10⁻¹⁰ m) = 4.184·10¹⁶ m/s². With 1 m = 10¹⁰ Å and
 * 1 s = 10¹⁵ fs that is 4.184·10¹⁶ · 10¹⁰ / 10³⁰ Å/fs² = 4.184·10⁻⁴ Å/fs².
 * Hence {@code a [Å/fs²] = ACCELERATION · F [kcal/mol/Å] / m [amu]} and, inversely, the kinetic
 * energy {@code ½ m v²} with v in Å/fs is {@code ½ m v² / ACCELERATION} kcal/mol.
 *
 * <p>Boltzmann's constant in kcal/mol/K is the molar gas constant R = N_A k_B, with the exact 2019 SI
 * values k_B = 1.380649·10⁻²³ J/K and N_A = 6.02214076·10²³ /mol, divided by 4184 J/kcal:
 * 0.00198720425864…
 */
public final class MdUnits {
    /** (kcal/mol/Å)/amu expressed in Å/fs². */
    public static final double ACCELERATION = 4.184e-4;
    /** Boltzmann's constant, kcal/mol/K. */
    public static final double BOLTZMANN = 1.380649e-23 * 6.02214076e23 / 4184.0;

    private MdUnits() {
    }

    /** Kinetic energy ½ Σ m v² in kcal/mol, for masses in amu and velocities {@code [a*3+k]} in Å/fs. */
    public static double kineticEnergy(double[] masses, double[] velocities) {
        double twice = 0;
        for (int a = 0; a < masses.length; a++) {
            double vx = velocities[3 * a], vy = velocities[3 * a + 1], vz = velocities[3 * a + 2];
            twice += masses[a] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * twice / ACCELERATION;
    }

    /**
     * Instantaneous temperature (K) of a kinetic energy (kcal/mol) spread over {@code dof} degrees of
     * freedom: {@code T = 2 K / (dof k_B)}; 0 when there are no degrees of freedom.
     */
    public static double temperature(double kineticEnergy, int dof) {
        return dof <= 0 ? 0.0 : 2.0 * kineticEnergy / (dof * BOLTZMANN);
    }
}
