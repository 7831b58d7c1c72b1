package org.qmlff.data;

/**
 * Energy units qmlff reads and writes. Internally all energies are kcal/mol; each unit knows its
 * size in kcal/mol (from {@link Units}).
 */
public enum EnergyUnit implements PhysicalUnit {
    /** Kilocalories per mole (thermochemical), qmlff's internal unit and rMD17's. */
    KCAL_PER_MOL("kcal/mol", 1.0, "kcal/mol", "kcal_mol", "kcalmol", "kcal_per_mol"),
    /** Electronvolt (per particle); ASE's energy unit. */
    EV("eV", Units.KCAL_MOL_PER_EV, "ev"),
    /** Millielectronvolt; the unit of reported errors. */
    MEV("meV", Units.KCAL_MOL_PER_MEV, "mev"),
    /** Hartree (atomic unit of energy). */
    HARTREE("Ha", Units.KCAL_MOL_PER_HARTREE, "ha", "hartree", "eh");

    private final Scale scale;

    EnergyUnit(String symbol, double kcalPerMol, String... names) {
        this.scale = new Scale(symbol, kcalPerMol, names);
    }

    @Override
    public Scale scale() {
        return scale;
    }

    /** The size of one unit in kcal/mol. */
    public double kcalPerMol() {
        return scale.size();
    }

    /** {@code value} (in this unit) in kcal/mol. Exact for {@link #KCAL_PER_MOL}. */
    public double toKcalPerMol(double value) {
        return toInternal(value);
    }

    /** {@code value} (in kcal/mol) in this unit. Exact for {@link #KCAL_PER_MOL}. */
    public double fromKcalPerMol(double value) {
        return fromInternal(value);
    }

    /**
     * Parses a unit name, case-insensitively: {@code kcal/mol} (or {@code kcal_mol}, {@code kcalmol}),
     * {@code eV}, {@code meV}, {@code Ha} (or {@code hartree}).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted spellings
     */
    public static EnergyUnit parse(String name) {
        return PhysicalUnit.parse(values(), name, "energy", "kcal/mol, eV, meV or Ha");
    }

    @Override
    public String toString() {
        return symbol();
    }
}
