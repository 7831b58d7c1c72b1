package org.qmlff.model;

/**
 * Access to the circuits of the built-in circuit architectures ({@code le}, {@code revised}) for tools
 * outside the model package: attaching a {@link CircuitRunner} to a scratch makes every later evaluation
 * with that scratch run its circuits through the runner instead of the exact simulator.
 */
public final class CircuitModels {
    private CircuitModels() {
    }

    /**
     * True when f simulates circuits whose evaluation can be routed through a {@link CircuitRunner}:
     * {@code le} and {@code revised}. {@code rich} calls its simulator directly (its tied couplings
     * also let one input drive several gates, which the shift rules do not cover), so it is not.
     */
    public static boolean supports(ForceField f) {
        return f instanceof CircuitForceField<?> c && c.routesCircuits();
    }

    /**
     * Routes the circuits of evaluations with {@code scratch} (made by a supported model's
     * {@code newScratch()}) through {@code runner}; null restores the exact simulator.
     */
    public static void attach(ForceField.Scratch scratch, CircuitRunner runner) {
        if (!(scratch instanceof CircuitForceField.ParityScratch s))
            throw new IllegalArgumentException("this force field does not simulate circuits");
        s.runner = runner;
    }
}
