package org.qmlff.md;

import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The MD unit constants, re-derived from SI values (2019 SI, CODATA 2018). */
class MdUnitsTest {
    private static final double AVOGADRO = 6.02214076e23;       // 1/mol, exact
    private static final double BOLTZMANN_SI = 1.380649e-23;   // J/K, exact
    private static final double AMU_KG = 1.66053906660e-27;    // kg
    private static final double KCAL_J = 4184.0;               // thermochemical calorie

    @Test
    void accelerationFactorFromSi() {
        double forceNewton = KCAL_J / AVOGADRO / 1e-10;           // 1 kcal/mol/Å on one particle
        double accelSi = forceNewton / AMU_KG;                    // m/s² on 1 amu
        double accelAngstromPerFs2 = accelSi * 1e10 / 1e30;       // Å/fs²
        assertThat(Units.MD_ACCELERATION).isCloseTo(accelAngstromPerFs2, within(1e-9 * accelAngstromPerFs2));
    }

    @Test
    void boltzmannFromSi() {
        double k = BOLTZMANN_SI * AVOGADRO / KCAL_J;
        assertThat(Units.BOLTZMANN_KCAL_MOL_PER_K).isCloseTo(k, within(1e-15));
        assertThat(Units.BOLTZMANN_KCAL_MOL_PER_K).isCloseTo(0.0019872043, within(1e-10));
    }

    @Test
    void kineticEnergyOfACarbonAtomAt1000MetresPerSecond() {
        // 0.01 Å/fs = 1000 m/s; ½ m v² per mole = ½ · 12 g/mol · (1000 m/s)² = 6000 J/mol.
        double ke = MdUnits.kineticEnergy(new double[]{12.0}, new double[]{0.0, 0.006, 0.008});
        assertThat(ke).isCloseTo(6000.0 / KCAL_J, within(1e-12));
    }

    @Test
    void temperatureIsEquipartition() {
        double t = 250.0;
        int dof = 21;
        double ke = 0.5 * dof * Units.BOLTZMANN_KCAL_MOL_PER_K * t;
        assertThat(MdUnits.temperature(ke, dof)).isCloseTo(t, within(1e-12));
        assertThat(MdUnits.temperature(1.0, 0)).isZero();
    }
}
