package org.qmlff.model;

import java.util.Locale;

/**
 * The {@code parity} option of the circuit architectures (MODELS.md): whether the energy is
 * symmetrised under inversion R → −R. SU(2) circuits do not represent parity, so without
 * symmetrisation a model can produce a pseudo-scalar; with {@link #SYM},
 * E_sym(R) = ½(E(R) + E(−R)) is exactly O(3)-invariant at twice the circuits.
 */
public enum Parity {
    NONE, SYM;

    /** The option value as written in model files, configs and flags: {@code none}, {@code sym}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code text} (surrounding blanks ignored). */
    public static Parity parse(String text) {
        return OptionValues.choice(values(), "parity", text);
    }

    @Override
    public String toString() {
        return text();
    }
}
