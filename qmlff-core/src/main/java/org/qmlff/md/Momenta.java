package org.qmlff.md;

/**
 * Centre of mass, linear and angular momentum of a molecule, and their removal. Masses in amu,
 * positions in Å, velocities in Å/fs; momenta come out in amu·Å/fs and amu·Å²/fs. Angular
 * quantities are taken about the centre of mass.
 */
public final class Momenta {
    /** Inertia eigenvalues below this fraction of the largest count as zero (a linear molecule's axis). */
    static final double RANK_TOLERANCE = 1e-10;

    private Momenta() {
    }

    /** Writes the centre of mass (Å) into {@code out[0..2]}. */
    public static void centreOfMass(double[] masses, double[] positions, double[] out) {
        double total = 0, x = 0, y = 0, z = 0;
        for (int a = 0; a < masses.length; a++) {
            double m = masses[a];
            total += m;
            x += m * positions[3 * a];
            y += m * positions[3 * a + 1];
            z += m * positions[3 * a + 2];
        }
        out[0] = x / total;
        out[1] = y / total;
        out[2] = z / total;
    }

    /** Writes Σ m v (amu·Å/fs) into {@code out[0..2]}. */
    public static void linearMomentum(double[] masses, double[] velocities, double[] out) {
        double x = 0, y = 0, z = 0;
        for (int a = 0; a < masses.length; a++) {
            double m = masses[a];
            x += m * velocities[3 * a];
            y += m * velocities[3 * a + 1];
            z += m * velocities[3 * a + 2];
        }
        out[0] = x;
        out[1] = y;
        out[2] = z;
    }

    /** Writes Σ m (r − R_cm) × v (amu·Å²/fs) into {@code out[0..2]}. */
    public static void angularMomentum(double[] masses, double[] positions, double[] velocities, double[] out) {
        double[] c = new double[3];
        centreOfMass(masses, positions, c);
        double lx = 0, ly = 0, lz = 0;
        for (int a = 0; a < masses.length; a++) {
            double m = masses[a];
            double rx = positions[3 * a] - c[0], ry = positions[3 * a + 1] - c[1], rz = positions[3 * a + 2] - c[2];
            double vx = velocities[3 * a], vy = velocities[3 * a + 1], vz = velocities[3 * a + 2];
            lx += m * (ry * vz - rz * vy);
            ly += m * (rz * vx - rx * vz);
            lz += m * (rx * vy - ry * vx);
        }
        out[0] = lx;
        out[1] = ly;
        out[2] = lz;
    }

    /** Writes the inertia tensor about the centre of mass (amu·Å², row-major 3 × 3) into {@code out}. */
    public static void inertiaTensor(double[] masses, double[] positions, double[] out) {
        double[] c = new double[3];
        centreOfMass(masses, positions, c);
        java.util.Arrays.fill(out, 0, 9, 0.0);
        for (int a = 0; a < masses.length; a++) {
            double m = masses[a];
            double[] r = {positions[3 * a] - c[0], positions[3 * a + 1] - c[1], positions[3 * a + 2] - c[2]};
            double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    out[i * 3 + j] += m * ((i == j ? r2 : 0.0) - r[i] * r[j]);
        }
    }

    /** Subtracts the centre-of-mass velocity from every atom, leaving zero linear momentum. */
    public static void removeLinearMomentum(double[] masses, double[] velocities) {
        double[] p = new double[3];
        linearMomentum(masses, velocities, p);
        double total = 0;
        for (double m : masses) total += m;
        for (int a = 0; a < masses.length; a++)
            for (int k = 0; k < 3; k++) velocities[3 * a + k] -= p[k] / total;
    }

    /**
     * Subtracts the rigid rotation ω × (r − R_cm) with I ω = L, leaving zero angular momentum; I is
     * inverted on its range only (a linear molecule cannot rotate about its axis, a single atom not
     * at all). Linear momentum is unchanged, because Σ m (r − R_cm) = 0.
     */
    public static void removeAngularMomentum(double[] masses, double[] positions, double[] velocities) {
        double[] l = new double[3];
        angularMomentum(masses, positions, velocities, l);
        double[] inertia = new double[9], values = new double[3], vectors = new double[9];
        inertiaTensor(masses, positions, inertia);
        Symmetric3.eigen(inertia, values, vectors);
        double largest = Math.max(values[0], Math.max(values[1], values[2]));
        double[] omega = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!(values[i] > RANK_TOLERANCE * largest)) continue;
            double proj = vectors[i] * l[0] + vectors[3 + i] * l[1] + vectors[6 + i] * l[2];
            for (int k = 0; k < 3; k++) omega[k] += proj / values[i] * vectors[k * 3 + i];
        }
        double[] c = new double[3];
        centreOfMass(masses, positions, c);
        for (int a = 0; a < masses.length; a++) {
            double rx = positions[3 * a] - c[0], ry = positions[3 * a + 1] - c[1], rz = positions[3 * a + 2] - c[2];
            velocities[3 * a] -= omega[1] * rz - omega[2] * ry;
            velocities[3 * a + 1] -= omega[2] * rx - omega[0] * rz;
            velocities[3 * a + 2] -= omega[0] * ry - omega[1] * rx;
        }
    }

    /**
     * Number of rotational degrees of freedom: the rank of the inertia tensor (3 for a non-linear
     * molecule, 2 for a linear one, 0 for a single atom).
     */
    public static int rotationalRank(double[] masses, double[] positions) {
        double[] inertia = new double[9], values = new double[3], vectors = new double[9];
        inertiaTensor(masses, positions, inertia);
        Symmetric3.eigen(inertia, values, vectors);
        double largest = Math.max(values[0], Math.max(values[1], values[2]));
        if (!(largest > 0)) return 0;
        int rank = 0;
        for (double v : values) if (v > RANK_TOLERANCE * largest) rank++;
        return rank;
    }

    /**
     * Degrees of freedom of a molecule whose linear and angular momentum are zero: 3N − 3 − r with r
     * the {@link #rotationalRank}; never negative.
     */
    public static int internalDegreesOfFreedom(double[] masses, double[] positions) {
        return Math.max(0, 3 * masses.length - 3 - rotationalRank(masses, positions));
    }
}
