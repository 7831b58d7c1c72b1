package org.qmlff.model;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

/**
 * Replaces the exact simulator inside a circuit model's evaluation: every circuit the model runs for a
 * configuration (one for {@code le}, one per atom for {@code revised}, twice that with parity=sym) goes
 * through here, in a fixed order, with its inputs z bound. The model's chain rule from the circuit
 * derivatives g = ∂⟨O⟩/∂z to energies, forces and parameter gradients stays the model's own, so a runner
 * that estimates ⟨O⟩ and g differently (shots, parameter shifts, noise) changes nothing else.
 *
 * <p>Contract: the model uses the returned ⟨O⟩ and g (and hu) linearly; energies and forces are affine in
 * them. A runner is stateful and used by one thread at a time.
 */
public interface CircuitRunner {

    /** ⟨O⟩ of circuit c at inputs z; writes ∂⟨O⟩/∂z into g (length ≥ c.inputs()). */
    double gradient(Circuit c, Observable o, double[] z, double[] g);

    /**
     * ⟨O⟩, g and the Hessian-vector product hu = (∂²⟨O⟩/∂z²)·u. Called by parameter-gradient
     * evaluations; u is zero when the loss has no force term.
     */
    double hessianVectorProduct(Circuit c, Observable o, double[] z, double[] u, double[] g, double[] hu);
}
