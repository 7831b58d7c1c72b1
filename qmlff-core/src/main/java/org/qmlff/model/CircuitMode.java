package org.qmlff.model;

/**
 * The {@code circuit} option of the {@code hybrid} architecture (docs/HYBRID.md §Ablations): what stands
 * where the QNN's circuits are. {@link #QUANTUM} is the model; the others are its ablations, each with
 * the same parameter tensors (so the same parameter count and file layout) and the same classical parts.
 */
public enum CircuitMode implements OptionChoice {
    /** The circuits as docs/RICH.md specifies them (the full model). */
    QUANTUM,
    /** Every Ex coupling input fixed at 0 (Ex = identity: no entangling gates); its tensors are not trained. */
    NO_EXCHANGE,
    /** The circuit tensors (W, V, J0, U, Y) stay at their random initialisation; only e0, c and the head train. */
    FROZEN,
    /** The circuits replaced by the classical invariant map of {@link ClassicalReadoutMap} on the same inputs. */
    CLASSICAL,
    /** No QNN term at all (the classical part alone): the atomic energy is e0 only. */
    NONE;

    /** Written with a hyphen: {@code no-exchange}. */
    @Override
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The value written {@code text} ({@code quantum}, {@code no-exchange}, {@code frozen}, {@code classical}, {@code none}). */
    public static CircuitMode parse(String text) {
        return OptionValues.choice(values(), OptionChoice::text, "circuit", text);
    }

    /** Whether evaluations simulate circuits in this mode. */
    public boolean simulates() {
        return this == QUANTUM || this == NO_EXCHANGE || this == FROZEN;
    }
}
