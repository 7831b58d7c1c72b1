package org.qmlff.ipi;

/**
 * The atomic units of the i-PI protocol in qmlff's units.
 *
 * <p>The values are the ones ASE uses (its {@code ase.units}, CODATA 2014 by default, derived as
 * Bohr = 4π ε₀ ħ² / (m_e e²) and Hartree = m_e e⁴ / (16 π² ε₀² ħ²) in eV, kcal/mol = 4184 J / (e N_A)
 * in eV), so that energies and forces exchanged with ASE round-trip to rounding. They differ from
 * CODATA 2018 (Bohr 0.529177210903 Å, Hartree 627.5094740631 kcal/mol) by a few parts in 10¹⁰.
 */
public final class IpiUnits {
    /** One Bohr in Å (ASE, CODATA 2014). */
    public static final double BOHR = 0.5291772105638411;
    /** One Hartree in kcal/mol (ASE, CODATA 2014: {@code units.Ha / (units.kcal / units.mol)}). */
    public static final double HARTREE = 627.5094738898777;

    private IpiUnits() {
    }
}
