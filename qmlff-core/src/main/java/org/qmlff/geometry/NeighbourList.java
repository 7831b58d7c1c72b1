package org.qmlff.geometry;

import org.qmlff.error.InputException;

/**
 * The neighbours of every atom of one configuration within the cutoff of a {@link RadialBasis}, with
 * the basis values of each neighbour pair. Lengths in Å.
 *
 * <p>Layout (compressed rows): the neighbours of atom i are entries {@code e} in
 * {@code [start(i), start(i + 1))}, in increasing atom index. Entry e holds the neighbour's index
 * {@link #atom(int)}, the separation x = r_j − r_i ({@link #separations()}, {@code [3e + c]}), its
 * length r ({@link #distances()}), and, at {@code [e·K + k]}, β_k(r), dβ_k/dr, γ_k(r) = β_k(r)/r and
 * dγ_k/dr (k = 0..K−1). Pairs at r ≥ r_c are not listed.
 *
 * <p>Each unordered pair is measured and its basis evaluated once and written into both atoms' rows
 * (x negated, which is exact in floating point: a − b = −(b − a)), so the list is bit-identical to
 * evaluating every ordered pair separately.
 *
 * <p>A reusable buffer: {@link #build} overwrites it and grows the arrays only when a larger
 * configuration arrives. Not thread-safe; one per thread.
 */
public final class NeighbourList {
    private final RadialBasis basis;
    private final int kBasis;
    private int atoms;
    private int[] start = new int[1];
    private int[] cursor = new int[0];
    private int[] atom = new int[0];
    private double[] x = new double[0];
    private double[] r = new double[0];
    private double[] beta = new double[0];
    private double[] dbeta = new double[0];
    private double[] gamma = new double[0];
    private double[] dgamma = new double[0];
    /** Distances of the unordered pairs i &lt; j in loop order, kept between the counting and the filling pass. */
    private double[] pairR = new double[0];

    public NeighbourList(RadialBasis basis) {
        this.basis = basis;
        this.kBasis = basis.size();
    }

    public RadialBasis basis() {
        return basis;
    }

    /**
     * Rebuilds the list for {@code atoms} atoms at {@code positions} ({@code [3a + c]}, Å).
     *
     * @throws InputException if two atoms coincide (a geometry no force field describes)
     */
    public void build(double[] positions, int atoms) {
        ensure(atoms);
        this.atoms = atoms;
        double rc = basis.cutoff();
        // Pass 1: distances of the unordered pairs and the row lengths.
        java.util.Arrays.fill(cursor, 0, atoms, 0);
        int pr = 0;
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double dx = positions[3 * j] - positions[3 * i];
                double dy = positions[3 * j + 1] - positions[3 * i + 1];
                double dz = positions[3 * j + 2] - positions[3 * i + 2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (d == 0) throw new InputException("atoms " + i + " and " + j + " coincide");
                pairR[pr++] = d;
                if (d < rc) {
                    cursor[i]++;
                    cursor[j]++;
                }
            }
        }
        start[0] = 0;
        for (int i = 0; i < atoms; i++) {
            start[i + 1] = start[i] + cursor[i];
            cursor[i] = start[i];
        }
        ensureEntries(start[atoms]);
        // Pass 2: visiting pairs in (i, j) order appends to each row in increasing neighbour index:
        // atom a receives the pairs (i, a), i < a, during rows i < a, then its own (a, j), j > a.
        pr = 0;
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double d = pairR[pr++];
                if (d >= rc) continue;
                int ei = cursor[i]++;
                int ej = cursor[j]++;
                atom[ei] = j;
                atom[ej] = i;
                for (int c = 0; c < 3; c++) {
                    double xc = positions[3 * j + c] - positions[3 * i + c];
                    x[3 * ei + c] = xc;
                    x[3 * ej + c] = -xc;
                }
                r[ei] = d;
                r[ej] = d;
                int bi = ei * kBasis;
                basis.evaluate(d, beta, dbeta, gamma, dgamma, bi);
                int bj = ej * kBasis;
                System.arraycopy(beta, bi, beta, bj, kBasis);
                System.arraycopy(dbeta, bi, dbeta, bj, kBasis);
                System.arraycopy(gamma, bi, gamma, bj, kBasis);
                System.arraycopy(dgamma, bi, dgamma, bj, kBasis);
            }
        }
    }

    private void ensure(int n) {
        if (cursor.length < n) {
            cursor = new int[n];
            start = new int[n + 1];
        }
        int pairs = n * (n - 1) / 2;
        if (pairR.length < pairs) pairR = new double[pairs];
    }

    private void ensureEntries(int entries) {
        if (atom.length >= entries) return;
        atom = new int[entries];
        x = new double[3 * entries];
        r = new double[entries];
        beta = new double[entries * kBasis];
        dbeta = new double[entries * kBasis];
        gamma = new double[entries * kBasis];
        dgamma = new double[entries * kBasis];
    }

    /** Atoms of the configuration last built. */
    public int atoms() {
        return atoms;
    }

    /** First entry of atom i's row; {@code start(atoms())} is the number of entries. */
    public int start(int i) {
        return start[i];
    }

    /** The neighbour atom of entry e. */
    public int atom(int e) {
        return atom[e];
    }

    /** Separations x = r_j − r_i, {@code [3e + c]} (Å); read-only by convention. */
    public double[] separations() {
        return x;
    }

    /** Distances r = |x|, {@code [e]} (Å); read-only by convention. */
    public double[] distances() {
        return r;
    }

    /** β_k(r), {@code [e·K + k]}; read-only by convention. */
    public double[] beta() {
        return beta;
    }

    /** dβ_k/dr, {@code [e·K + k]} (1/Å); read-only by convention. */
    public double[] dbeta() {
        return dbeta;
    }

    /** γ_k(r) = β_k(r)/r, {@code [e·K + k]} (1/Å); read-only by convention. */
    public double[] gamma() {
        return gamma;
    }

    /** dγ_k/dr, {@code [e·K + k]} (1/Å²); read-only by convention. */
    public double[] dgamma() {
        return dgamma;
    }
}
