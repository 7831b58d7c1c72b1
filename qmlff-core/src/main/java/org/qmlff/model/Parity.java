package org.qmlff.model;

/**
 * The {@code parity} option of the circuit architectures (MODELS.md): whether the energy is
 * symmetrised under inversion R → −R. SU(2) circuits do not represent parity, so without
 * symmetrisation a model can produce a pseudo-scalar; with {@link #SYM},
 * E_sym(R) = ½(E(R) + E(−R)) is exactly O(3)-invariant at twice the circuits.
 */
public enum Parity implements OptionChoice {
    NONE, SYM;

    /** The value written {@code text} ({@code none} or {@code sym}; surrounding blanks ignored). */
    public static Parity parse(String text) {
        return OptionValues.choice(values(), OptionChoice::text, "parity", text);
    }
}
