package org.qmlff.model;

/** The symmetries a force field can have, as {@link SymmetryCheck} tests them. */
public enum Symmetry {
    /** E(Q·R + t) = E(R) and F rotates with Q, for every rotation Q and translation t. */
    ROTATION_TRANSLATION("rotation+translation"),
    /** E is unchanged when atoms of the same element swap places. */
    PERMUTATION("permutation"),
    /** E(−R) = E(R) and F(−R) = −F(R). */
    INVERSION("inversion");

    private final String label;

    Symmetry(String label) {
        this.label = label;
    }

    /** The name used in symmetry reports ({@code rotation+translation}, {@code permutation}, {@code inversion}). */
    public String label() {
        return label;
    }

    /** The symmetry with this report label. */
    public static Symmetry ofLabel(String label) {
        for (Symmetry s : values()) if (s.label.equals(label)) return s;
        throw new IllegalArgumentException("no symmetry labelled '" + label + "'");
    }

    /**
     * Whether an architecture promises a symmetry, and why (why it holds by construction, or why it
     * does not hold, as a clause that completes "expected: ...").
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
