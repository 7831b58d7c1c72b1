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
 * with respect to the separation x (1/Å) at {@code [(e·NC + c)·3 + axis]}. Mutable; one per thread.
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

    void build(int[] numbers, double[] positions, boolean angular) {
        base.build(numbers, positions);
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
