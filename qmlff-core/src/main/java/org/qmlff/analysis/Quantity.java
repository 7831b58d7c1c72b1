package org.qmlff.analysis;

/** The two errors a force field is judged by. */
public enum Quantity {
    /** Whole-molecule energy, errors in meV. */
    ENERGY("energy", "meV"),
    /** Force components, errors in meV/Å. */
    FORCE("force", "meV/Å");

    private final String label;
    private final String unit;

    Quantity(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** {@code energy} or {@code force}. */
    public String label() {
        return label;
    }

    /** {@code meV} or {@code meV/Å}. */
    public String unit() {
        return unit;
    }
}
