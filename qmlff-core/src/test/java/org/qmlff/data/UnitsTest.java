package org.qmlff.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class UnitsTest {

    @Test
    void constantsAgreeWithPublishedValues() {
        // Values as published (CODATA 2018 and the SI definitions), independent of how Units derives them.
        assertThat(Units.EV_PER_KCAL_MOL).isCloseTo(0.0433641, within(1e-7));
        assertThat(Units.EV_PER_KCAL_MOL).isCloseTo(0.043364104241800934, within(1e-16));
        assertThat(Units.KCAL_MOL_PER_EV).isCloseTo(23.060547830619, within(1e-9));
        assertThat(Units.KCAL_MOL_PER_HARTREE).isCloseTo(627.509474, within(1e-6));
        assertThat(Units.EV_PER_HARTREE).isCloseTo(27.211386, within(1e-6));
        assertThat(Units.ANGSTROM_PER_BOHR).isEqualTo(0.529177210903);
        assertThat(1 / Units.KCAL_MOL_PER_MEV).isCloseTo(43.364, within(1e-3));
    }

    @Test
    void energyConversions() {
        assertThat(EnergyUnit.EV.toKcalPerMol(1)).isCloseTo(23.0605478, within(1e-6));
        assertThat(EnergyUnit.HARTREE.toKcalPerMol(1)).isCloseTo(627.509474, within(1e-6));
        assertThat(Units.convert(1, EnergyUnit.HARTREE, EnergyUnit.EV)).isCloseTo(27.211386245988, within(1e-10));
        assertThat(Units.convert(1, EnergyUnit.EV, EnergyUnit.MEV)).isCloseTo(1000, within(1e-10));
        assertThat(Units.convert(1, EnergyUnit.KCAL_PER_MOL, EnergyUnit.MEV)).isCloseTo(43.3641042, within(1e-6));
        // kcal/mol is the identity, bit for bit.
        assertThat(EnergyUnit.KCAL_PER_MOL.toKcalPerMol(-97079.92222178938)).isEqualTo(-97079.92222178938);
        for (EnergyUnit u : EnergyUnit.values())
            assertThat(u.toKcalPerMol(u.fromKcalPerMol(-97079.92222178938))).isCloseTo(-97079.92222178938, withinPercentage(1e-13));
    }

    @Test
    void lengthsAndForces() {
        assertThat(LengthUnit.BOHR.toAngstrom(2)).isEqualTo(1.058354421806);
        assertThat(Units.convert(1, LengthUnit.ANGSTROM, LengthUnit.BOHR)).isCloseTo(1.8897261246, within(1e-9));
        UnitSystem hartreeBohr = new UnitSystem(EnergyUnit.HARTREE, LengthUnit.BOHR);
        // 1 Ha/bohr = 627.509474 / 0.529177210903 kcal/mol/Å ≈ 1185.8212
        assertThat(hartreeBohr.forceToInternal(1)).isCloseTo(1185.8212, within(1e-3));
        assertThat(hartreeBohr.forceFromInternal(hartreeBohr.forceToInternal(0.37))).isCloseTo(0.37, within(1e-15));
        assertThat(UnitSystem.EV_ANGSTROM.forceToInternal(1)).isCloseTo(23.0605478, within(1e-6));
        assertThat(UnitSystem.KCAL_MOL_ANGSTROM.forceToInternal(0.1)).isEqualTo(0.1);
        assertThat(UnitSystem.EV_ANGSTROM.describe()).isEqualTo("energy eV, length Å, force eV/Å");
    }

    @Test
    void parsing() {
        assertThat(EnergyUnit.parse("kcal/mol")).isEqualTo(EnergyUnit.KCAL_PER_MOL);
        assertThat(EnergyUnit.parse("eV")).isEqualTo(EnergyUnit.EV);
        assertThat(EnergyUnit.parse("MEV")).isEqualTo(EnergyUnit.MEV);
        assertThat(EnergyUnit.parse("Hartree")).isEqualTo(EnergyUnit.HARTREE);
        assertThat(LengthUnit.parse("Å")).isEqualTo(LengthUnit.ANGSTROM);
        assertThat(LengthUnit.parse("bohr")).isEqualTo(LengthUnit.BOHR);
        assertThatThrownBy(() -> EnergyUnit.parse("kJ/mol")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown energy unit 'kJ/mol' (expected kcal/mol, eV, meV or Ha)");
        assertThatThrownBy(() -> LengthUnit.parse("nm")).hasMessageContaining("unknown length unit 'nm'");
    }
}
