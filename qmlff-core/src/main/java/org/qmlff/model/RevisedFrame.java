package org.qmlff.model;

import org.qmlff.geometry.NeighbourList;
import org.qmlff.geometry.RadialBasis;

import java.util.Arrays;

/**
 * What the revised model computes from one configuration without its parameters: the neighbour list
 * with basis values, every atom's species index, and the per-species neighbour sums the features are
 * linear in (MODELS.md §Revised, with γ_k = β_k/r so that β_k·r̂ = γ_k·x):
 * <pre>
 *   Bvec[i][s][k] = Σ_{j: s_j = s} γ_k(r_ij) · x_ij   (a 3-vector, 1/Å · Å)
 *   Bsca[i][s][k] = Σ_{j: s_j = s} β_k(r_ij)
 * </pre>
 * so that A[l][q](i) = Σ_s Σ_k W[l][q][s_i][s][k]·Bvec[i][s][k] and g[d][p](i) = Σ_s Σ_k V[..][s][k]·Bsca[i][s][k].
 * Summing the neighbours first makes the parameter contractions cost |S|·K per channel instead of
 * (neighbours)·K.
 *
 * <p>Being parameter-free, a frame can be reused by every evaluation of the same configuration
 * (numbers and positions bit-identical), whatever the parameters are then: the training objective
 * evaluates energy and forces and then the gradient at the same positions. {@link #matches} decides.
 *
 * <p>Layout: sums at {@code [(i·|S| + s)·K + k]}, one array per Cartesian component. Mutable buffer
 * owned by one thread's scratch.
 */
final class RevisedFrame {
    private final int nSpecies;
    private final int kBasis;
    private final int[] speciesOf;
    private final NeighbourList neighbours;
    private boolean valid;
    private int atoms;
    private int[] numbers = new int[0];
    private double[] positions = new double[0];
    private int[] species = new int[0];
    private final boolean[] seen;
    private int firstSpecies;
    private int endSpecies;
    private double[] bx = new double[0];
    private double[] by = new double[0];
    private double[] bz = new double[0];
    private double[] bs = new double[0];

    /**
     * @param speciesOf species index of each atomic number (−1 if not a species of the model); not copied,
     *                  never written
     */
    RevisedFrame(RadialBasis basis, int nSpecies, int[] speciesOf) {
        this.nSpecies = nSpecies;
        this.kBasis = basis.size();
        this.speciesOf = speciesOf;
        this.neighbours = new NeighbourList(basis);
        this.seen = new boolean[nSpecies];
    }

    /** True if this frame was built from exactly these atomic numbers and positions (bitwise). */
    boolean matches(int[] numbers, double[] positions) {
        int n = numbers.length;
        return valid && n == atoms
                && Arrays.equals(numbers, 0, n, this.numbers, 0, n)
                && Arrays.equals(positions, 0, 3 * n, this.positions, 0, 3 * n);
    }

    /** Rebuilds the frame; the atomic numbers must be the model's species (checked by the caller). */
    void build(int[] numbers, double[] positions) {
        valid = false;
        int n = numbers.length;
        if (this.numbers.length < n) {
            this.numbers = new int[n];
            this.positions = new double[3 * n];
            this.species = new int[n];
            int size = n * nSpecies * kBasis;
            bx = new double[size];
            by = new double[size];
            bz = new double[size];
            bs = new double[size];
        }
        atoms = n;
        System.arraycopy(numbers, 0, this.numbers, 0, n);
        System.arraycopy(positions, 0, this.positions, 0, 3 * n);
        neighbours.build(positions, n);
        Arrays.fill(seen, false);
        for (int i = 0; i < n; i++) {
            species[i] = speciesOf[numbers[i]];
            seen[species[i]] = true;
        }
        firstSpecies = nSpecies;
        endSpecies = 0;
        for (int s = 0; s < nSpecies; s++) {
            if (!seen[s]) continue;
            firstSpecies = Math.min(firstSpecies, s);
            endSpecies = s + 1;
        }
        if (endSpecies == 0) firstSpecies = 0;

        int size = n * nSpecies * kBasis;
        Arrays.fill(bx, 0, size, 0.0);
        Arrays.fill(by, 0, size, 0.0);
        Arrays.fill(bz, 0, size, 0.0);
        Arrays.fill(bs, 0, size, 0.0);
        double[] x = neighbours.separations();
        double[] gam = neighbours.gamma();
        double[] beta = neighbours.beta();
        for (int i = 0; i < n; i++) {
            for (int e = neighbours.start(i); e < neighbours.start(i + 1); e++) {
                int o = (i * nSpecies + species[neighbours.atom(e)]) * kBasis;
                double xx = x[3 * e], xy = x[3 * e + 1], xz = x[3 * e + 2];
                int b = e * kBasis;
                for (int k = 0; k < kBasis; k++) {
                    double g = gam[b + k];
                    bx[o + k] += g * xx;
                    by[o + k] += g * xy;
                    bz[o + k] += g * xz;
                    bs[o + k] += beta[b + k];
                }
            }
        }
        valid = true;
    }

    NeighbourList neighbours() {
        return neighbours;
    }

    /** Species index of atom i. */
    int species(int i) {
        return species[i];
    }

    /**
     * The species span of the molecule: from species {@link #firstSpecies()} to {@code endSpecies() − 1}
     * every species of the molecule lies in it (and perhaps some that it lacks, whose sums are zero).
     * The per-(s_j, k) loops run over this span in one contiguous stretch, {@link #spanLength()} long,
     * rather than species by species: long loops of unit stride are what the JIT vectorises well.
     */
    int firstSpecies() {
        return firstSpecies;
    }

    /** K·(species in the span): length of the contiguous (s_j, k) stretch, starting at firstSpecies()·K. */
    int spanLength() {
        return (endSpecies - firstSpecies) * kBasis;
    }

    /** Offset of (atom i, species s, k = 0) in the sum arrays. */
    int sumOffset(int i, int s) {
        return (i * nSpecies + s) * kBasis;
    }

    /** x component of Bvec; read-only by convention. */
    double[] vecX() {
        return bx;
    }

    double[] vecY() {
        return by;
    }

    double[] vecZ() {
        return bz;
    }

    /** Bsca; read-only by convention. */
    double[] scalar() {
        return bs;
    }
}
