package org.qmlff.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The i-PI socket's atomic units (ASE's) re-derived from the CODATA 2014 constants (the set ASE uses by default). */
class AseUnitsTest {
    private static final double C = 299792458.0;
    private static final double MU0 = 4e-7 * Math.PI;
    private static final double H = 6.626070040e-34;
    private static final double E = 1.6021766208e-19;
    private static final double ME = 9.10938356e-31;
    private static final double NA = 6.022140857e23;

    @Test
    void bohrAndHartreeFromCodata2014() {
        double eps0 = 1 / MU0 / (C * C);
        double hbar = H / (2 * Math.PI);
        double bohr = 4e10 * Math.PI * eps0 * hbar * hbar / ME / (E * E);          // Å
        double hartreeEv = ME * E * E * E / 16 / (Math.PI * Math.PI) / (eps0 * eps0) / (hbar * hbar); // eV
        double kcalPerMolEv = 4184.0 / E / NA;
        assertThat(Units.ASE_ANGSTROM_PER_BOHR).isCloseTo(bohr, within(1e-15 * bohr));
        assertThat(Units.ASE_KCAL_MOL_PER_HARTREE).isCloseTo(hartreeEv / kcalPerMolEv, within(1e-13));
        // and near the CODATA 2018 values the brief quotes
        assertThat(Units.ASE_ANGSTROM_PER_BOHR).isCloseTo(0.529177210903, within(1e-9));
        assertThat(Units.ASE_KCAL_MOL_PER_HARTREE).isCloseTo(627.509474, within(1e-6));
    }
}
