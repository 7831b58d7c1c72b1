package org.qmlff.model;

/**
 * The {@code parity} option of the circuit architectures (MODELS.md): whether the energy is
 * symmetrised under inversion R → −R. SU(2) circuits do not represent parity, so without
 * symmetrisation a model can produce a pseudo-scalar; with {@link #SYM} it is exactly O(3)-invariant.
 */
public enum Parity {
    /** No symmetrisation: E(R). */
    NONE("none"),
    /** E_sym(R) = ½(E(R) + E(−R)): twice the circuits, exact inversion invariance. */
    SYM("sym");

    private final String text;

    Parity(String text) {
        this.text = text;
    }

    /** The option value as written in model files, configs and flags. */
    public String text() {
        return text;
    }

    /** The value named {@code text} ({@code none} or {@code sym}, surrounding blanks ignored). */
    public static Parity parse(String text) {
        String t = text.trim();
        for (Parity p : values()) if (p.text.equals(t)) return p;
        throw new IllegalArgumentException("unknown parity '" + t + "' (expected none or sym)");
    }

    @Override
    public String toString() {
        return text;
    }
}
