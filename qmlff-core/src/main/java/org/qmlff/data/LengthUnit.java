package org.qmlff.data;

import org.qmlff.error.InputException;
import java.util.Locale;

/** Length units qmlff reads and writes. Internally all lengths are Å. */
public enum LengthUnit {
    /** Ångström, qmlff's internal unit, rMD17's and ASE's. */
    ANGSTROM("Å", 1.0),
    /** Bohr radius (atomic unit of length). */
    BOHR("bohr", Units.ANGSTROM_PER_BOHR);

    private final String symbol;
    private final double angstrom;

    LengthUnit(String symbol, double angstrom) {
        this.symbol = symbol;
        this.angstrom = angstrom;
    }

    /** The unit as printed: {@code Å} or {@code bohr}. */
    public String symbol() {
        return symbol;
    }

    /** The size of one unit in Å. */
    public double angstrom() {
        return angstrom;
    }

    /** {@code value} (in this unit) in Å. Exact for {@link #ANGSTROM}. */
    public double toAngstrom(double value) {
        return this == ANGSTROM ? value : value * angstrom;
    }

    /** {@code value} (in Å) in this unit. Exact for {@link #ANGSTROM}. */
    public double fromAngstrom(double value) {
        return this == ANGSTROM ? value : value / angstrom;
    }

    /**
     * Parses a unit name, case-insensitively: {@code Å}, {@code A}, {@code angstrom}, {@code bohr}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LengthUnit parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "å", "a", "ang", "angstrom":
                return ANGSTROM;
            case "bohr", "a0", "au":
                return BOHR;
            default:
                throw new InputException("unknown length unit '" + name + "' (expected angstrom or bohr)");
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
