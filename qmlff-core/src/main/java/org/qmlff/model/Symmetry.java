package org.qmlff.model;

import java.util.Locale;

/**
 * The symmetries a force field can have, as {@link SymmetryCheck} tests them:
 * {@link #ROTATION_TRANSLATION} (E(Q·R + t) = E(R) and F rotates with Q), {@link #PERMUTATION}
 * (E unchanged when atoms of one element swap places) and {@link #INVERSION} (E(−R) = E(R),
 * F(−R) = −F(R)).
 */
public enum Symmetry {
    ROTATION_TRANSLATION, PERMUTATION, INVERSION;

    /** The name used in symmetry reports: {@code rotation+translation}, {@code permutation}, {@code inversion}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '+');
    }

    /** The symmetry with this report label. */
    public static Symmetry ofLabel(String label) {
        return OptionValues.choice(values(), Symmetry::label, "symmetry", label);
    }

    /**
     * Whether an architecture promises a symmetry, and why: why it holds by construction, or why it
     * does not hold, as a clause that completes "expected: ...".
     */
    public record Promise(boolean promised, String reason) {
        public static Promise holds(String reason) {
            return new Promise(true, reason);
        }

        public static Promise not(String reason) {
            return new Promise(false, reason);
        }
    }
}
