package org.qmlff.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place for physical constants and unit conversions, from exact SI definitions (2019) and
 * CODATA 2018 (and, for the i-PI socket only, ASE's CODATA 2014 values, named as such).
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

    /**
     * 1 kcal/mol in meV ≈ 43.3641042: 4184 J/mol over the Faraday constant e·N_A, times 1000 (the same
     * double as 4184 / 96485.33212331001 · 1000). Reports give errors in meV and meV/Å; MODELS.md
     * rounds it to 43.364.
     */
    public static final double MEV_PER_KCAL_MOL = EV_PER_KCAL_MOL * 1000.0;

    /**
     * The {@code "units"} block of the JSON files qmlff writes (predictions, hardware studies): energies in
     * kcal/mol, forces in kcal/mol/Å. A new insertion-ordered map each call, so that the file's bytes do not
     * depend on the JVM (a {@code Map.of} iterates in an order that changes from one JVM to the next).
     */
    public static Map<String, Object> fileUnits() {
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("energy", "kcal/mol");
        units.put("force", "kcal/mol/angstrom");
        return units;
    }

    /** Boltzmann constant, J/K (exact since 2019). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /**
     * Boltzmann's constant in kcal/mol/K, i.e. the molar gas constant R = N_A k_B over 4184 J/kcal:
     * 0.00198720425864…
     */
    public static final double BOLTZMANN_KCAL_MOL_PER_K = BOLTZMANN_J_PER_K * AVOGADRO / JOULES_PER_KCAL;

    /**
     * The acceleration, in Å/fs², of a force of 1 kcal/mol/Å on a mass of 1 amu. Per particle 1 kcal/mol is
     * 4184 J / N_A and 1 amu is 10⁻³ kg / N_A (to 4·10⁻¹⁰, the 2019 SI molar mass constant), so N_A
     * cancels: a = 4184 J / (10⁻³ kg · 10⁻¹⁰ m) = 4.184·10¹⁶ m/s² = 4.184·10⁻⁴ Å/fs². Hence
     * {@code a [Å/fs²] = MD_ACCELERATION · F [kcal/mol/Å] / m [amu]}.
     */
    public static final double MD_ACCELERATION = 4.184e-4;

    /**
     * The Bohr radius in Å as ASE has it ({@code ase.units}, CODATA 2014, derived as 4π ε₀ ħ² / (m_e e²)),
     * used on the i-PI socket so that positions, energies and forces exchanged with ASE round-trip to
     * rounding. It differs from {@link #ANGSTROM_PER_BOHR} by a few parts in 10¹⁰.
     */
    public static final double ASE_ANGSTROM_PER_BOHR = 0.5291772105638411;

    /**
     * The Hartree energy in kcal/mol as ASE has it ({@code units.Ha / (units.kcal / units.mol)}, CODATA
     * 2014), for the i-PI socket (see {@link #ASE_ANGSTROM_PER_BOHR}); CODATA 2018 gives 627.5094740631.
     */
    public static final double ASE_KCAL_MOL_PER_HARTREE = 627.5094738898777;

    /** Converts an energy between units. */
    public static double convert(double value, EnergyUnit from, EnergyUnit to) {
        return from == to ? value : to.fromKcalPerMol(from.toKcalPerMol(value));
    }

    /** Converts a length between units. */
    public static double convert(double value, LengthUnit from, LengthUnit to) {
        return from == to ? value : to.fromAngstrom(from.toAngstrom(value));
    }
}
