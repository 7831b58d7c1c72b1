package org.qmlff.md;

/**
 * One time step of an MD integrator. Precondition: the state's forces and potential belong to its
 * positions. Postcondition: the same holds after the step, which costs exactly one force evaluation.
 */
public sealed interface Integrator permits VelocityVerlet, LangevinBaoab {

    /** Time step, fs. */
    double timestep();

    /** Advances {@code state} by one time step. */
    void step(MdState state, ForceEvaluation forces);
}
