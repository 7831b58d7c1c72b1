package org.qmlff.data;

/** Length units qmlff reads and writes. Internally all lengths are Å. */
public enum LengthUnit implements PhysicalUnit {
    /** Ångström, qmlff's internal unit, rMD17's and ASE's. */
    ANGSTROM("Å", 1.0, "å", "a", "ang", "angstrom"),
    /** Bohr radius (atomic unit of length). */
    BOHR("bohr", Units.ANGSTROM_PER_BOHR, "bohr", "a0", "au");

    private final Scale scale;

    LengthUnit(String symbol, double angstrom, String... names) {
        this.scale = new Scale(symbol, angstrom, names);
    }

    @Override
    public Scale scale() {
        return scale;
    }

    /** The size of one unit in Å. */
    public double angstrom() {
        return scale.size();
    }

    /** {@code value} (in this unit) in Å. Exact for {@link #ANGSTROM}. */
    public double toAngstrom(double value) {
        return toInternal(value);
    }

    /** {@code value} (in Å) in this unit. Exact for {@link #ANGSTROM}. */
    public double fromAngstrom(double value) {
        return fromInternal(value);
    }

    /**
     * Parses a unit name, case-insensitively: {@code Å}, {@code A}, {@code angstrom}, {@code bohr}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LengthUnit parse(String name) {
        return PhysicalUnit.parse(values(), name, "length", "angstrom or bohr");
    }

    @Override
    public String toString() {
        return symbol();
    }
}
