package org.qmlff.train;

import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;

import java.util.Arrays;

/**
 * The plumbing of the test-only pair force fields (architecture {@code pair-test}), here and in the CLI's
 * tests: a species list fixed at construction and a flat parameter vector, no scratch space. Subclasses
 * give the energy, forces and exact objective gradient.
 */
public abstract class PairTestForceField implements ForceField {
    /** The elements the model describes, by atomic number. */
    protected final int[] species;
    /** The parameters, in the subclass's order. */
    protected final double[] p;

    protected PairTestForceField(int[] species, double[] params) {
        this.species = species.clone();
        this.p = params.clone();
    }

    private static final class NoScratch implements Scratch {
    }

    @Override
    public String architecture() {
        return "pair-test";
    }

    @Override
    public ModelOptions options() {
        return ModelOptions.defaults("revised");
    }

    @Override
    public int parameterCount() {
        return p.length;
    }

    @Override
    public void getParameters(double[] out) {
        System.arraycopy(p, 0, out, 0, p.length);
    }

    @Override
    public void setParameters(double[] in) {
        System.arraycopy(in, 0, p, 0, p.length);
    }

    @Override
    public Scratch newScratch() {
        return new NoScratch();
    }

    /** The index of element {@code z} in the species list, or -1. */
    protected int speciesIndex(int z) {
        for (int s = 0; s < species.length; s++) if (species[s] == z) return s;
        return -1;
    }

    @Override
    public void checkCompatible(int[] numbers) {
        for (int a = 0; a < numbers.length; a++)
            if (speciesIndex(numbers[a]) < 0)
                throw new IllegalArgumentException("atom " + a + " has element " + numbers[a]
                        + ", not among the model's species " + Arrays.toString(species));
    }
}
