package org.qmlff.data;

/**
 * Physical constants used for unit conversion, from exact SI definitions (2019) and CODATA 2018.
 *
 * <p>qmlff's internal units are Å, kcal/mol and kcal/mol/Å ({@link Dataset}). Convert with
 * {@link EnergyUnit} and {@link LengthUnit}; the constants here are what those enums are built from.
 */
public final class Units {
    private Units() {
    }

    /** Avogadro constant, mol⁻¹ (exact since 2019). */
    public static final double AVOGADRO = 6.02214076e23;

    /** Elementary charge, C (exact since 2019); also the value of 1 eV in J. */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;

    /** One thermochemical kilocalorie, J (exact by definition). */
    public static final double JOULES_PER_KCAL = 4184.0;

    /**
     * 1 kcal/mol in eV (per particle) = 4184 J / (N_A · e) ≈ 0.0433641 eV. Derived from the exact
     * constants rather than typed in, so that it agrees with them to the last bit.
     */
    public static final double EV_PER_KCAL_MOL = JOULES_PER_KCAL / (AVOGADRO * ELEMENTARY_CHARGE);

    /** 1 eV in kcal/mol ≈ 23.0605. */
    public static final double KCAL_MOL_PER_EV = 1.0 / EV_PER_KCAL_MOL;

    /** 1 meV in kcal/mol ≈ 0.0230605; reports give errors in meV and meV/Å. */
    public static final double KCAL_MOL_PER_MEV = KCAL_MOL_PER_EV / 1000.0;

    /** The Hartree energy in eV (CODATA 2018: 27.211386245988). */
    public static final double EV_PER_HARTREE = 27.211386245988;

    /** The Hartree energy in kcal/mol ≈ 627.509474. */
    public static final double KCAL_MOL_PER_HARTREE = EV_PER_HARTREE * KCAL_MOL_PER_EV;

    /** The Bohr radius in Å (CODATA 2018: 0.529177210903). */
    public static final double ANGSTROM_PER_BOHR = 0.529177210903;

    /** Converts an energy between units. */
    public static double convert(double value, EnergyUnit from, EnergyUnit to) {
        return from == to ? value : to.fromKcalPerMol(from.toKcalPerMol(value));
    }

    /** Converts a length between units. */
    public static double convert(double value, LengthUnit from, LengthUnit to) {
        return from == to ? value : to.fromAngstrom(from.toAngstrom(value));
    }
}
