package org.qmlff.md;

import org.qmlff.model.ForceField;

/**
 * A force field bound to one molecule and one thread's scratch memory, counting its evaluations
 * (an integrator step must cost exactly one).
 */
public final class ForceEvaluation {
    private final ForceField forceField;
    private final int[] numbers;
    private final ForceField.Scratch scratch;
    private long count;

    /** Binds {@code forceField} to the molecule {@code numbers}; checks that the model can describe it. */
    public ForceEvaluation(ForceField forceField, int[] numbers) {
        forceField.checkCompatible(numbers);
        this.forceField = forceField;
        this.numbers = numbers.clone();
        this.scratch = forceField.newScratch();
    }

    /** Energy (kcal/mol) at {@code positions} (Å); writes the forces (kcal/mol/Å) into {@code forces}. */
    public double evaluate(double[] positions, double[] forces) {
        count++;
        return forceField.energyAndForces(numbers, positions, forces, scratch);
    }

    /** Evaluations so far. */
    public long count() {
        return count;
    }
}
