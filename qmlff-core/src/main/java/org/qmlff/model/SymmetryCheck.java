package org.qmlff.model;

import org.qmlff.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures how far a force field is from the symmetries a force field must have: for each tested
 * frame, a random rotation with a random translation, a random permutation of same-element atoms,
 * and inversion R → −R. For each transformation T it reports the largest |E(T R) − E(R)| (kcal/mol)
 * and the largest |F(T R) − T_lin F(R)| over force components (kcal/mol/Å), where T_lin is the
 * linear part of T (rotation, −1 for inversion, the permutation for permutations).
 *
 * <p>Which of these a model has by construction is its architecture's promise
 * ({@link Architecture#symmetries}): {@code le} passes rotation and translation; {@code revised} also
 * passes permutation; neither passes inversion unless {@code parity=sym}, because SU(2) does not
 * represent parity and the circuits can produce a pseudo-scalar.
 */
public final class SymmetryCheck {

    /** The largest deviations under one kind of transformation. */
    public record Result(String transformation, int trials, double maxEnergyChange, double maxForceDeviation) {
        public boolean passes(double tolerance) {
            return maxEnergyChange <= tolerance && maxForceDeviation <= tolerance;
        }

        /** The symmetry tested. */
        public Symmetry symmetry() {
            return Symmetry.ofLabel(transformation);
        }
    }

    private SymmetryCheck() {
    }

    /** Runs the three checks on the first {@code frames} frames of {@code data}, from {@code seed}. */
    public static List<Result> run(ForceField model, Dataset data, int frames, long seed) {
        model.checkCompatible(data.numbers());
        int n = Math.min(frames, data.frames());
        int atoms = data.atoms();
        int[] z = data.numbers();
        SplittableRandom rng = new SplittableRandom(seed);
        ForceField.Scratch s = model.newScratch();
        double[] pos = new double[3 * atoms], f = new double[3 * atoms];
        double[] moved = new double[3 * atoms], fm = new double[3 * atoms];
        double[] dev = new double[6];
        int permTrials = 0;
        for (int frame = 0; frame < n; frame++) {
            data.copyPositions(frame, pos);
            double e = model.energyAndForces(z, pos, f, s);

            double[][] rot = randomRotation(rng);
            double[] t = {10 * rng.nextDouble() - 5, 10 * rng.nextDouble() - 5, 10 * rng.nextDouble() - 5};
            for (int a = 0; a < atoms; a++)
                for (int i = 0; i < 3; i++)
                    moved[3 * a + i] = t[i] + rot[i][0] * pos[3 * a] + rot[i][1] * pos[3 * a + 1] + rot[i][2] * pos[3 * a + 2];
            double er = model.energyAndForces(z, moved, fm, s);
            dev[0] = Math.max(dev[0], Math.abs(er - e));
            for (int a = 0; a < atoms; a++)
                for (int i = 0; i < 3; i++) {
                    double expect = rot[i][0] * f[3 * a] + rot[i][1] * f[3 * a + 1] + rot[i][2] * f[3 * a + 2];
                    dev[1] = Math.max(dev[1], Math.abs(fm[3 * a + i] - expect));
                }

            int[] perm = sameElementPermutation(z, rng);
            if (perm != null) {
                permTrials++;
                for (int a = 0; a < atoms; a++) System.arraycopy(pos, 3 * perm[a], moved, 3 * a, 3);
                double ep = model.energyAndForces(z, moved, fm, s);
                dev[2] = Math.max(dev[2], Math.abs(ep - e));
                for (int a = 0; a < atoms; a++)
                    for (int i = 0; i < 3; i++) dev[3] = Math.max(dev[3], Math.abs(fm[3 * a + i] - f[3 * perm[a] + i]));
            }

            for (int i = 0; i < 3 * atoms; i++) moved[i] = -pos[i];
            double ei = model.energyAndForces(z, moved, fm, s);
            dev[4] = Math.max(dev[4], Math.abs(ei - e));
            for (int i = 0; i < 3 * atoms; i++) dev[5] = Math.max(dev[5], Math.abs(fm[i] + f[i]));
        }
        List<Result> out = new ArrayList<>();
        out.add(new Result(Symmetry.ROTATION_TRANSLATION.label(), n, dev[0], dev[1]));
        out.add(new Result(Symmetry.PERMUTATION.label(), permTrials, dev[2], dev[3]));
        out.add(new Result(Symmetry.INVERSION.label(), n, dev[4], dev[5]));
        return out;
    }

    /**
     * A random permutation that maps every atom to an atom of the same element and moves at least
     * two atoms; null if every element occurs once.
     */
    static int[] sameElementPermutation(int[] z, SplittableRandom rng) {
        int atoms = z.length;
        int[] perm = new int[atoms];
        for (int a = 0; a < atoms; a++) perm[a] = a;
        boolean any = false;
        for (int el = 1; el <= 118; el++) {
            List<Integer> idx = new ArrayList<>();
            for (int a = 0; a < atoms; a++) if (z[a] == el) idx.add(a);
            if (idx.size() < 2) continue;
            any = true;
            // A cyclic shift by a random non-zero amount moves every atom of this element.
            int shift = 1 + rng.nextInt(idx.size() - 1);
            for (int i = 0; i < idx.size(); i++) perm[idx.get(i)] = idx.get((i + shift) % idx.size());
        }
        return any ? perm : null;
    }

    /** A uniformly random rotation matrix (from a random unit quaternion). */
    static double[][] randomRotation(SplittableRandom rng) {
        double a, b, c, d, n;
        do {
            a = 2 * rng.nextDouble() - 1;
            b = 2 * rng.nextDouble() - 1;
            c = 2 * rng.nextDouble() - 1;
            d = 2 * rng.nextDouble() - 1;
            n = a * a + b * b + c * c + d * d;
        } while (n > 1 || n < 1e-6);
        n = Math.sqrt(n);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[][]{
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d}};
    }
}
