package org.qmlff.train;

import org.qmlff.data.Dataset;

import java.util.Arrays;

/**
 * A model's energies and forces on the frames of one dataset (for metrics, parity plots and
 * {@code qmlff predict}). Storage as in {@link Dataset}: {@code forces[(f * atoms + a) * 3 + k]}.
 *
 * @param name     the dataset's name
 * @param numbers  atomic numbers, one per atom
 * @param energies predicted energies, one per frame, kcal/mol
 * @param forces   predicted forces, frames × atoms × 3, kcal/mol/Å
 */
public record Predictions(String name, int[] numbers, double[] energies, double[] forces) {

    public Predictions {
        if (forces.length != energies.length * numbers.length * 3)
            throw new IllegalArgumentException(name + ": predictions hold " + forces.length + " force values, expected "
                    + energies.length + " frames x " + numbers.length + " atoms x 3");
    }

    /** Number of frames. */
    public int frames() {
        return energies.length;
    }

    /** Number of atoms per frame. */
    public int atoms() {
        return numbers.length;
    }

    /** The null model on {@code d}: every energy {@code meanEnergy} (kcal/mol), every force zero. */
    public static Predictions nullModel(Dataset d, double meanEnergy) {
        double[] e = new double[d.frames()];
        Arrays.fill(e, meanEnergy);
        return new Predictions(d.name(), d.numbers(), e, new double[d.forces().length]);
    }

    /** Mean energy of a dataset (kcal/mol): the null model's prediction. */
    public static double meanEnergy(Dataset d) {
        if (d.frames() == 0) throw new IllegalArgumentException(d.name() + ": no frames to average");
        double s = 0;
        for (double e : d.energies()) s += e;
        return s / d.frames();
    }
}
