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
    private double[] qs = new double[0];
    private double[] quad = new double[0];
    private double[] dquad = new double[0];
    private double[] bm = new double[0];
    private double[] mono = new double[0];
    private double[] dmono = new double[0];
    /** Powers r̂_x^p, r̂_y^p, r̂_z^p (p = 0..3) at [4·axis + p]. */
    private final double[] pw = new double[12];

    RichFrame(RadialBasis basis, int nSpecies, int[] speciesOf, int lmax) {
        this.base = new RevisedFrame(basis, nSpecies, speciesOf);
        this.nSpecies = nSpecies;
        this.kBasis = basis.size();
        int count = 0;
        for (int n = 0; n <= lmax; n++) count += (n + 1) * (n + 2) / 2;
        monomials = count;
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
        int n = numbers.length, entries = nl.start(n);
        int size = n * nSpecies * kBasis * monomials;
        if (bm.length < size) bm = new double[size];
        if (mono.length < entries * monomials) {
            mono = new double[entries * monomials];
            dmono = new double[3 * entries * monomials];
        }
        Arrays.fill(bm, 0, size, 0.0);
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
                    // ∂r̂/∂x = (I − r̂r̂ᵀ)/r
                    double radial = ux * gx + uy * gy + uz * gz;
                    int o = e * monomials + c;
                    mono[o] = m;
                    dmono[3 * o] = (gx - radial * ux) * inv;
                    dmono[3 * o + 1] = (gy - radial * uy) * inv;
                    dmono[3 * o + 2] = (gz - radial * uz) * inv;
                }
                int so = (i * nSpecies + base.species(nl.atom(e))) * kBasis;
                for (int k = 0; k < kBasis; k++) {
                    double bk = beta[e * kBasis + k];
                    int o = (so + k) * monomials;
                    for (int c = 0; c < monomials; c++) bm[o + c] += bk * mono[e * monomials + c];
                }
            }
        }
    }

    /** q_c, ∇_x q_c per neighbour and their sums Qs (see the class comment). */
    private void quadrupoles(int n) {
        NeighbourList nl = base.neighbours();
        int entries = nl.start(n);
        int size = n * nSpecies * kBasis * QUAD;
        if (qs.length < size) qs = new double[size];
        if (quad.length < entries * QUAD) {
            quad = new double[entries * QUAD];
            dquad = new double[3 * entries * QUAD];
        }
        Arrays.fill(qs, 0, size, 0.0);
        double[] x = nl.separations(), r = nl.distances(), beta = nl.beta();
        for (int i = 0; i < n; i++) {
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                double inv = 1 / r[e];
                double ux = x[3 * e] * inv, uy = x[3 * e + 1] * inv, uz = x[3 * e + 2] * inv;
                // q_c and ∇_r̂ q_c = 2 B_c r̂
                quadrupole(e, 0, R2 * ux * uy, R2 * uy, R2 * ux, 0, ux, uy, uz, inv);
                quadrupole(e, 1, R2 * uy * uz, 0, R2 * uz, R2 * uy, ux, uy, uz, inv);
                quadrupole(e, 2, R6 * (2 * uz * uz - ux * ux - uy * uy), -2 * R6 * ux, -2 * R6 * uy, 4 * R6 * uz,
                        ux, uy, uz, inv);
                quadrupole(e, 3, R2 * ux * uz, R2 * uz, 0, R2 * ux, ux, uy, uz, inv);
                quadrupole(e, 4, (ux * ux - uy * uy) / R2, R2 * ux, -R2 * uy, 0, ux, uy, uz, inv);
                int so = (i * nSpecies + base.species(nl.atom(e))) * kBasis;
                for (int k = 0; k < kBasis; k++) {
                    double bk = beta[e * kBasis + k];
                    int o = (so + k) * QUAD;
                    for (int c = 0; c < QUAD; c++) qs[o + c] += bk * quad[e * QUAD + c];
                }
            }
        }
    }

    /** Stores q_c of entry e and ∇_x q_c = (I − r̂r̂ᵀ) ∇_r̂ q_c / r (∂r̂/∂x = (I − r̂r̂ᵀ)/r). */
    private void quadrupole(int e, int c, double q, double gx, double gy, double gz, double ux, double uy, double uz,
                            double inv) {
        double radial = ux * gx + uy * gy + uz * gz;
        int o = e * QUAD + c;
        quad[o] = q;
        dquad[3 * o] = (gx - radial * ux) * inv;
        dquad[3 * o + 1] = (gy - radial * uy) * inv;
        dquad[3 * o + 2] = (gz - radial * uz) * inv;
    }

    /** Qs; read-only by convention. */
    double[] quadrupoleSums() {
        return qs;
    }

    /** q_c per neighbour entry; read-only by convention. */
    double[] quadrupoleValues() {
        return quad;
    }

    /** ∇_x q_c per neighbour entry; read-only by convention. */
    double[] quadrupoleGradients() {
        return dquad;
    }

    /** Bm; read-only by convention. */
    double[] angularSums() {
        return bm;
    }

    /** m_c per neighbour entry; read-only by convention. */
    double[] monomialValues() {
        return mono;
    }

    /** ∇_x m_c per neighbour entry; read-only by convention. */
    double[] monomialGradients() {
        return dmono;
    }
}
