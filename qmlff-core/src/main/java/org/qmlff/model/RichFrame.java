package org.qmlff.model;

import org.qmlff.geometry.NeighbourList;
import org.qmlff.geometry.RadialBasis;

import java.util.Arrays;

/**
 * The parameter-free work of the rich model on one configuration: the {@link RevisedFrame} (neighbours,
 * basis values, the l ≤ 1 neighbour sums) and, for the three-body invariants, the angular monomials
 * of every neighbour direction and their per-species sums (docs/RICH.md §Three-body):
 * <pre>
 *   m_c(r̂) = r̂_x^{a} r̂_y^{b} r̂_z^{e}  (monomial c of degree n_c = a + b + e ≤ lmax, multiplicity w_c = n_c!/(a! b! e!))
 *   Bm[i][s][k][c] = Σ_{j: s_j = s} β_k(r_ij) · m_c(r̂_ij)
 * </pre>
 * Monomials are ordered by degree, then by a descending, then by b descending. Layout of Bm:
 * {@code [((i·|S| + s)·K + k)·NC + c]}; per neighbour entry e: m_c at {@code [e·NC + c]} and its gradient
 * with respect to the separation x (1/Å) at {@code [(e·NC + c)·3 + axis]}.
 *
 * <p>For the tensor gates (docs/RICH.md §Tensor option), the quadrupole functions q_c(r̂) = r̂ᵀ B_c r̂ =
 * ⟨B_c, r̂r̂ᵀ − I/3⟩_F (B_c the simulator's basis of symmetric traceless matrices, c = 0..4: √2 xy, √2 yz,
 * (2z² − x² − y²)/√6, √2 xz, (x² − y²)/√2) and their sums Qs[i][s][k][c] = Σ_{j: s_j = s} β_k(r_ij) q_c(r̂_ij),
 * layout {@code [((i·|S| + s)·K + k)·5 + c]}; per neighbour entry q_c at {@code [5e + c]}, ∇_x q_c at
 * {@code [(5e + c)·3 + axis]}. Mutable; one per thread.
 */
final class RichFrame {
    final RevisedFrame base;
    private final int nSpecies;
    private final int kBasis;
    /** Number of monomials NC and, per monomial, its exponents, degree and multiplicity. */
    final int monomials;
    final int[] degree;
    final double[] multiplicity;
    private final int[][] exponents;
    /** Quadrupole functions per neighbour direction (the five inputs of a tensor gate). */
    static final int QUAD = 5;
    private static final double R2 = Math.sqrt(2);
    private static final double R6 = 1 / Math.sqrt(6);
    /** q_c, ∇_x q_c and Qs. */
    private final DirectionFeature quad = new DirectionFeature(QUAD);
    /** m_c, ∇_x m_c and Bm. */
    private final DirectionFeature mono;
    /** Powers r̂_x^p, r̂_y^p, r̂_z^p (p = 0..3) at [4·axis + p]. */
    private final double[] pw = new double[12];

    RichFrame(RadialBasis basis, int nSpecies, int[] speciesOf, int lmax) {
        this.base = new RevisedFrame(basis, nSpecies, speciesOf);
        this.nSpecies = nSpecies;
        this.kBasis = basis.size();
        int count = 0;
        for (int n = 0; n <= lmax; n++) count += (n + 1) * (n + 2) / 2;
        monomials = count;
        mono = new DirectionFeature(count);
        degree = new int[count];
        multiplicity = new double[count];
        exponents = new int[count][];
        int c = 0;
        for (int n = 0; n <= lmax; n++)
            for (int a = n; a >= 0; a--)
                for (int b = n - a; b >= 0; b--) {
                    int e = n - a - b;
                    degree[c] = n;
                    multiplicity[c] = factorial(n) / (factorial(a) * factorial(b) * factorial(e));
                    exponents[c++] = new int[]{a, b, e};
                }
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    boolean matches(int[] numbers, double[] positions) {
        return base.matches(numbers, positions);
    }

    void build(int[] numbers, double[] positions, boolean angular, boolean quadrupole) {
        base.build(numbers, positions);
        if (quadrupole) quadrupoles(numbers.length);
        if (!angular) return;
        NeighbourList nl = base.neighbours();
        int n = numbers.length;
        mono.reset(n, nl.start(n));
        double[] x = nl.separations(), r = nl.distances(), beta = nl.beta();
        for (int i = 0; i < n; i++) {
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                double inv = 1 / r[e];
                double ux = x[3 * e] * inv, uy = x[3 * e + 1] * inv, uz = x[3 * e + 2] * inv;
                for (int p = 0; p < 4; p++) {
                    pw[p] = p == 0 ? 1 : pw[p - 1] * ux;
                    pw[4 + p] = p == 0 ? 1 : pw[4 + p - 1] * uy;
                    pw[8 + p] = p == 0 ? 1 : pw[8 + p - 1] * uz;
                }
                for (int c = 0; c < monomials; c++) {
                    int a = exponents[c][0], b = exponents[c][1], f = exponents[c][2];
                    double m = pw[a] * pw[4 + b] * pw[8 + f];
                    double gx = a == 0 ? 0 : a * pw[a - 1] * pw[4 + b] * pw[8 + f];
                    double gy = b == 0 ? 0 : b * pw[a] * pw[4 + b - 1] * pw[8 + f];
                    double gz = f == 0 ? 0 : f * pw[a] * pw[4 + b] * pw[8 + f - 1];
                    mono.store(e, c, m, gx, gy, gz, ux, uy, uz, inv);
                }
                mono.addToSums(e, (i * nSpecies + base.species(nl.atom(e))) * kBasis, beta);
            }
        }
    }

    /** q_c, ∇_x q_c per neighbour and their sums Qs (see the class comment). */
    private void quadrupoles(int n) {
        NeighbourList nl = base.neighbours();
        quad.reset(n, nl.start(n));
        double[] x = nl.separations(), r = nl.distances(), beta = nl.beta();
        for (int i = 0; i < n; i++) {
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                double inv = 1 / r[e];
                double ux = x[3 * e] * inv, uy = x[3 * e + 1] * inv, uz = x[3 * e + 2] * inv;
                // q_c and ∇_r̂ q_c = 2 B_c r̂
                quad.store(e, 0, R2 * ux * uy, R2 * uy, R2 * ux, 0, ux, uy, uz, inv);
                quad.store(e, 1, R2 * uy * uz, 0, R2 * uz, R2 * uy, ux, uy, uz, inv);
                quad.store(e, 2, R6 * (2 * uz * uz - ux * ux - uy * uy), -2 * R6 * ux, -2 * R6 * uy, 4 * R6 * uz,
                        ux, uy, uz, inv);
                quad.store(e, 3, R2 * ux * uz, R2 * uz, 0, R2 * ux, ux, uy, uz, inv);
                quad.store(e, 4, (ux * ux - uy * uy) / R2, R2 * ux, -R2 * uy, 0, ux, uy, uz, inv);
                quad.addToSums(e, (i * nSpecies + base.species(nl.atom(e))) * kBasis, beta);
            }
        }
    }

    /**
     * Functions f_c(r̂) of every neighbour direction (c = 0 .. width − 1: the monomials, the quadrupole
     * functions), their gradients with respect to the separation x, and their per-species sums
     * Σ_{j: s_j = s} β_k(r_ij) f_c(r̂_ij), in the layouts of the class comment.
     */
    private final class DirectionFeature {
        final int width;
        double[] sums = new double[0];
        double[] values = new double[0];
        double[] gradients = new double[0];

        DirectionFeature(int width) {
            this.width = width;
        }

        /** Sizes the buffers for n atoms with {@code entries} neighbour entries and zeroes the sums. */
        void reset(int n, int entries) {
            int size = n * nSpecies * kBasis * width;
            if (sums.length < size) sums = new double[size];
            if (values.length < entries * width) {
                values = new double[entries * width];
                gradients = new double[3 * entries * width];
            }
            Arrays.fill(sums, 0, size, 0.0);
        }

        /**
         * Stores f_c of entry e and, from its gradient (gx, gy, gz) with respect to r̂ = (ux, uy, uz), ∇_x f_c =
         * (I − r̂r̂ᵀ) ∇_r̂ f_c / r (∂r̂/∂x = (I − r̂r̂ᵀ)/r; inv = 1/r).
         */
        void store(int e, int c, double f, double gx, double gy, double gz, double ux, double uy, double uz,
                   double inv) {
            double radial = ux * gx + uy * gy + uz * gz;
            int o = e * width + c;
            values[o] = f;
            gradients[3 * o] = (gx - radial * ux) * inv;
            gradients[3 * o + 1] = (gy - radial * uy) * inv;
            gradients[3 * o + 2] = (gz - radial * uz) * inv;
        }

        /** Adds β_k · f_c of entry e to the sums from {@code [so·width]} on ({@code so} = (i·|S| + s)·K). */
        void addToSums(int e, int so, double[] beta) {
            for (int k = 0; k < kBasis; k++) {
                double bk = beta[e * kBasis + k];
                int o = (so + k) * width;
                for (int c = 0; c < width; c++) sums[o + c] += bk * values[e * width + c];
            }
        }
    }

    /** Qs; read-only by convention. */
    double[] quadrupoleSums() {
        return quad.sums;
    }

    /** q_c per neighbour entry; read-only by convention. */
    double[] quadrupoleValues() {
        return quad.values;
    }

    /** ∇_x q_c per neighbour entry; read-only by convention. */
    double[] quadrupoleGradients() {
        return quad.gradients;
    }

    /** Bm; read-only by convention. */
    double[] angularSums() {
        return mono.sums;
    }

    /** m_c per neighbour entry; read-only by convention. */
    double[] monomialValues() {
        return mono.values;
    }

    /** ∇_x m_c per neighbour entry; read-only by convention. */
    double[] monomialGradients() {
        return mono.gradients;
    }
}
