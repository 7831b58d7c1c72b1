package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bonds of a molecule, taken from one geometry (the starting frame of a run), and the stability
 * test against them.
 *
 * <p>Rule: atoms i and j are bonded when their distance in the starting geometry is at most
 * {@code factor} × (r_i + r_j), with r the single-bond covalent radii of Cordero et al., "Covalent
 * radii revisited", Dalton Trans. 2008, 2832 (carbon: the sp³ value, 0.76 Å). With the default
 * factor 1.2 ethanol gets its 8 bonds (C–C, C–O, O–H, 5 C–H) and no geminal H–H or 1–3 pairs.
 * A geometry breaks the topology when some bond's length differs from its starting length by more
 * than the threshold (Å), in either direction.
 */
public final class BondTopology {
    /** Cordero et al. 2008 covalent radii, Å, indexed by atomic number 1..18 (index 0 unused). */
    private static final double[] RADIUS = {Double.NaN,
            0.31, 0.28, 1.28, 0.96, 0.84, 0.76, 0.71, 0.66, 0.57, 0.58,
            1.66, 1.41, 1.21, 1.11, 1.07, 1.05, 1.02, 1.06};

    /** Default bond factor on the sum of covalent radii. */
    public static final double DEFAULT_FACTOR = 1.2;

    /**
     * One bond.
     *
     * @param i      first atom (i &lt; j)
     * @param j      second atom
     * @param length length in the starting geometry, Å
     */
    public record Bond(int i, int j, double length) {
    }

    private final int[] first;
    private final int[] second;
    private final double[] length;

    private BondTopology(List<Bond> bonds) {
        int n = bonds.size();
        first = new int[n];
        second = new int[n];
        length = new double[n];
        for (int b = 0; b < n; b++) {
            first[b] = bonds.get(b).i();
            second[b] = bonds.get(b).j();
            length[b] = bonds.get(b).length();
        }
    }

    /** Covalent radius of element {@code z}, Å. */
    public static double covalentRadius(int z) {
        if (z < 1 || z >= RADIUS.length)
            throw new InputException("no covalent radius for Z=" + z + " (qmlff knows H..Ar, Z=1..18)");
        return RADIUS[z];
    }

    /** The bonds of the geometry {@code positions} (Å, flat) of atoms {@code numbers} by the rule above. */
    public static BondTopology of(int[] numbers, double[] positions, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor))
            throw new InputException("bond factor must be a positive number, got " + factor);
        if (positions.length != 3 * numbers.length)
            throw new IllegalArgumentException(positions.length + " coordinates for " + numbers.length + " atoms");
        List<Bond> bonds = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++)
            for (int j = i + 1; j < numbers.length; j++) {
                double d = distance(positions, i, j);
                if (d <= factor * (covalentRadius(numbers[i]) + covalentRadius(numbers[j]))) bonds.add(new Bond(i, j, d));
            }
        return new BondTopology(bonds);
    }

    public int size() {
        return length.length;
    }

    public List<Bond> bonds() {
        List<Bond> out = new ArrayList<>();
        for (int b = 0; b < length.length; b++) out.add(new Bond(first[b], second[b], length[b]));
        return out;
    }

    /**
     * The first bond (in {@link #bonds()} order) whose length in {@code positions} differs from its
     * starting length by more than {@code threshold} Å, or −1 when none does (a NaN length counts as
     * broken). Allocates nothing.
     */
    public int firstBroken(double[] positions, double threshold) {
        for (int b = 0; b < length.length; b++) {
            double dev = Math.abs(distance(positions, first[b], second[b]) - length[b]);
            if (!(dev <= threshold)) return b;
        }
        return -1;
    }

    /** One line describing bond {@code b} in {@code positions}, e.g. for a failure reason. */
    public String describe(int b, int[] numbers, double[] positions) {
        double d = distance(positions, first[b], second[b]);
        return String.format(Locale.ROOT, "bond %s%d-%s%d is %.4f Å long, %.4f Å at the start", symbol(numbers[first[b]]),
                first[b], symbol(numbers[second[b]]), second[b], d, length[b]);
    }

    private static String symbol(int z) {
        return org.qmlff.data.Element.of(z).symbol();
    }

    static double distance(double[] x, int i, int j) {
        double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
