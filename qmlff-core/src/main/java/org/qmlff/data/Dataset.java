package org.qmlff.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Frames of one molecule: the same atoms (in the same order) in every frame, with reference
 * energies and forces.
 *
 * <p>Units are fixed inside qmlff: positions in Å, energies in kcal/mol, forces in kcal/mol/Å
 * (F = -dE/dR). Readers convert on the way in, writers on the way out ({@link Units}).
 *
 * <p>Storage is flat and row-major: {@code positions[(f * atoms + a) * 3 + k]}. Instances are
 * immutable by contract: the accessors return the arrays themselves for speed, and callers must not
 * modify them.
 *
 * @param name      a short label for reports, e.g. {@code rmd17_ethanol_train_01}
 * @param numbers   atomic numbers, one per atom
 * @param positions frames × atoms × 3, Å
 * @param energies  frames, kcal/mol
 * @param forces    frames × atoms × 3, kcal/mol/Å
 */
public record Dataset(String name, int[] numbers, double[] positions, double[] energies, double[] forces) {
    /**
     * The energy and force value of a geometry-only file (positions and species, no labels), read
     * for prediction or as an MD start: NaN, so that any use as a label shows at once.
     */
    public static final double UNLABELLED = Double.NaN;

    /** Whether every frame has a finite energy (false for a geometry-only file). */
    public boolean hasLabels() {
        for (double e : energies) if (Double.isNaN(e)) return false;
        return true;
    }


    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(energies, "energies");
        Objects.requireNonNull(forces, "forces");
        int n = energies.length;
        int a = numbers.length;
        if (positions.length != n * a * 3)
            throw new DataFormatException(name + ": positions hold " + positions.length + " values, expected "
                    + n + " frames x " + a + " atoms x 3");
        if (forces.length != n * a * 3)
            throw new DataFormatException(name + ": forces hold " + forces.length + " values, expected "
                    + n + " frames x " + a + " atoms x 3");
    }

    /** Number of frames. */
    public int frames() {
        return energies.length;
    }

    /** Number of atoms per frame. */
    public int atoms() {
        return numbers.length;
    }

    /** Copies frame {@code f}'s positions (atoms × 3, Å) into {@code out} starting at 0. */
    public void copyPositions(int f, double[] out) {
        System.arraycopy(positions, f * atoms() * 3, out, 0, atoms() * 3);
    }

    /** Copies frame {@code f}'s forces (atoms × 3, kcal/mol/Å) into {@code out} starting at 0. */
    public void copyForces(int f, double[] out) {
        System.arraycopy(forces, f * atoms() * 3, out, 0, atoms() * 3);
    }

    /** The frames {@code [from, to)}, as a new dataset named {@code name}. */
    public Dataset range(int from, int to) {
        if (from < 0 || to > frames() || from > to)
            throw new IllegalArgumentException(name + ": frame range [" + from + ", " + to + ") outside 0.." + frames());
        int s = atoms() * 3;
        return new Dataset(name, numbers,
                Arrays.copyOfRange(positions, from * s, to * s),
                Arrays.copyOfRange(energies, from, to),
                Arrays.copyOfRange(forces, from * s, to * s));
    }

    /** The first {@code n} frames; an error if there are fewer. */
    public Dataset first(int n) {
        if (n > frames())
            throw new IllegalArgumentException(name + ": asked for " + n + " frames but the file has only " + frames());
        return range(0, n);
    }

    /** The given frames, in the given order. */
    public Dataset select(int[] frameIndices) {
        int s = atoms() * 3;
        double[] p = new double[frameIndices.length * s];
        double[] e = new double[frameIndices.length];
        double[] fo = new double[frameIndices.length * s];
        for (int i = 0; i < frameIndices.length; i++) {
            int f = frameIndices[i];
            if (f < 0 || f >= frames())
                throw new IllegalArgumentException(name + ": frame index " + f + " outside 0.." + (frames() - 1));
            System.arraycopy(positions, f * s, p, i * s, s);
            e[i] = energies[f];
            System.arraycopy(forces, f * s, fo, i * s, s);
        }
        return new Dataset(name, numbers, p, e, fo);
    }

    /**
     * The benchmark validation size for {@code nTotal} frames (MODELS.md, benchmark protocol): 5 % of
     * them, rounded half up, at least 1 when there are two or more frames, 0 for a single frame.
     * For the protocol's {@code N_train = 1000} this is 50.
     */
    public static int validationSize(int nTotal) {
        if (nTotal < 0) throw new IllegalArgumentException("negative frame count " + nTotal);
        if (nTotal < 2) return 0;
        return Math.max(1, (nTotal + 10) / 20);
    }

    /**
     * Splits the first {@code nTrain + nValid} frames: frames {@code [0, nTrain)} to train, the
     * following {@code nValid} frames {@code [nTrain, nTrain + nValid)} to validate. Frames after
     * them are not used. Both parts keep this data set's name.
     *
     * @throws IllegalArgumentException if there are fewer than {@code nTrain + nValid} frames or a
     *                                  count is negative
     */
    public TrainValidSplit trainValidSplit(int nTrain, int nValid) {
        if (nTrain < 0 || nValid < 0)
            throw new IllegalArgumentException(name + ": negative split sizes " + nTrain + " + " + nValid);
        long n = (long) nTrain + nValid;
        if (n > frames())
            throw new IllegalArgumentException(name + ": asked for " + nTrain + " training + " + nValid
                    + " validation frames but the file has only " + frames());
        return new TrainValidSplit(range(0, nTrain), range(nTrain, nTrain + nValid));
    }

    /**
     * The benchmark protocol's split of {@code nTotal} training-file frames (MODELS.md): the first
     * {@code nTotal} frames, of which the last {@link #validationSize(int) validationSize(nTotal)}
     * validate and the rest train. For {@code nTotal = 1000}: frames 0..949 train, 950..999 validate.
     */
    public TrainValidSplit benchmarkSplit(int nTotal) {
        int v = validationSize(nTotal);
        return trainValidSplit(nTotal - v, v);
    }

    /** The molecular formula in Hill order, e.g. {@code C2H6O} for ethanol ({@link Element#hillFormula}). */
    public String formula() {
        return Element.hillFormula(numbers);
    }

    /** Energy and force statistics ({@link DatasetStats#of}). */
    public DatasetStats stats() {
        return DatasetStats.of(this);
    }

    /** Same data under another name. */
    public Dataset withName(String newName) {
        return new Dataset(newName, numbers, positions, energies, forces);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + frames() + " frames x " + atoms() + " atoms]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && name.equals(d.name) && Arrays.equals(numbers, d.numbers)
                && Arrays.equals(positions, d.positions) && Arrays.equals(energies, d.energies)
                && Arrays.equals(forces, d.forces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(numbers), Arrays.hashCode(energies));
    }
}
