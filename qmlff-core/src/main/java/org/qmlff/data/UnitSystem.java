package org.qmlff.data;

import java.util.Objects;

/**
 * The units of a file's numbers: energies in {@code energy}, positions in {@code length}, forces in
 * {@code energy}/{@code length}. Readers convert from it to qmlff's internal kcal/mol, Å and
 * kcal/mol/Å; writers convert to it.
 *
 * @param energy unit of energies (forces are energy per length)
 * @param length unit of positions
 */
public record UnitSystem(EnergyUnit energy, LengthUnit length) {

    /** kcal/mol, Å, kcal/mol/Å: qmlff's internal units and rMD17's (no conversion). */
    public static final UnitSystem KCAL_MOL_ANGSTROM = new UnitSystem(EnergyUnit.KCAL_PER_MOL, LengthUnit.ANGSTROM);

    /** eV, Å, eV/Å: the units ASE assumes for extended XYZ energies and forces. */
    public static final UnitSystem EV_ANGSTROM = new UnitSystem(EnergyUnit.EV, LengthUnit.ANGSTROM);

    public UnitSystem {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(length, "length");
    }

    /** Whether reading or writing in this system leaves every number unchanged. */
    public boolean isInternal() {
        return energy == EnergyUnit.KCAL_PER_MOL && length == LengthUnit.ANGSTROM;
    }

    /** Energy in this system to kcal/mol. */
    public double energyToInternal(double e) {
        return energy.toKcalPerMol(e);
    }

    /** Energy in kcal/mol to this system. */
    public double energyFromInternal(double e) {
        return energy.fromKcalPerMol(e);
    }

    /** Position in this system to Å. */
    public double lengthToInternal(double x) {
        return length.toAngstrom(x);
    }

    /** Position in Å to this system. */
    public double lengthFromInternal(double x) {
        return length.fromAngstrom(x);
    }

    /** Force in this system (energy/length) to kcal/mol/Å. */
    public double forceToInternal(double f) {
        return isInternal() ? f : energy.toKcalPerMol(f) / length.angstrom();
    }

    /** Force in kcal/mol/Å to this system (energy/length). */
    public double forceFromInternal(double f) {
        return isInternal() ? f : energy.fromKcalPerMol(f) * length.angstrom();
    }

    /** E.g. {@code "energy kcal/mol, length Å, force kcal/mol/Å"}. */
    public String describe() {
        return "energy " + energy.symbol() + ", length " + length.symbol() + ", force " + energy.symbol() + "/" + length.symbol();
    }
}
