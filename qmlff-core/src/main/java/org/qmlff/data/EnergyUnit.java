package org.qmlff.data;

import org.qmlff.error.InputException;
import java.util.Locale;

/**
 * Energy units qmlff reads and writes. Internally all energies are kcal/mol; each unit knows its
 * size in kcal/mol (from {@link Units}).
 */
public enum EnergyUnit {
    /** Kilocalories per mole (thermochemical), qmlff's internal unit and rMD17's. */
    KCAL_PER_MOL("kcal/mol", 1.0),
    /** Electronvolt (per particle); ASE's energy unit. */
    EV("eV", Units.KCAL_MOL_PER_EV),
    /** Millielectronvolt; the unit of reported errors. */
    MEV("meV", Units.KCAL_MOL_PER_MEV),
    /** Hartree (atomic unit of energy). */
    HARTREE("Ha", Units.KCAL_MOL_PER_HARTREE);

    private final String symbol;
    private final double kcalPerMol;

    EnergyUnit(String symbol, double kcalPerMol) {
        this.symbol = symbol;
        this.kcalPerMol = kcalPerMol;
    }

    /** The unit as printed, e.g. {@code kcal/mol}, {@code eV}. */
    public String symbol() {
        return symbol;
    }

    /** The size of one unit in kcal/mol. */
    public double kcalPerMol() {
        return kcalPerMol;
    }

    /** {@code value} (in this unit) in kcal/mol. Exact for {@link #KCAL_PER_MOL}. */
    public double toKcalPerMol(double value) {
        return this == KCAL_PER_MOL ? value : value * kcalPerMol;
    }

    /** {@code value} (in kcal/mol) in this unit. Exact for {@link #KCAL_PER_MOL}. */
    public double fromKcalPerMol(double value) {
        return this == KCAL_PER_MOL ? value : value / kcalPerMol;
    }

    /**
     * Parses a unit name, case-insensitively: {@code kcal/mol} (or {@code kcal_mol}, {@code kcalmol}),
     * {@code eV}, {@code meV}, {@code Ha} (or {@code hartree}).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted spellings
     */
    public static EnergyUnit parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "kcal/mol", "kcal_mol", "kcalmol", "kcal_per_mol":
                return KCAL_PER_MOL;
            case "ev":
                return EV;
            case "mev":
                return MEV;
            case "ha", "hartree", "eh":
                return HARTREE;
            default:
                throw new InputException("unknown energy unit '" + name + "' (expected kcal/mol, eV, meV or Ha)");
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
