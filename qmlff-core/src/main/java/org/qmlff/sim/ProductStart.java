package org.qmlff.sim;

/**
 * The start of a forward sweep: the circuit's leading fixed gates on disjoint qubits (its
 * {@linkplain Circuit#productPrefix product prefix}, the singlets of the model circuits) applied to
 * ψ = |0…0⟩ by writing the product state they make. Each gate multiplies its qubits' |0…⟩ column into
 * the amplitudes present so far (those whose bits outside the qubits done are zero), so the work is
 * about 4/3 · 2^n products instead of one sweep over the state per gate.
 */
final class ProductStart {
    private ProductStart() {
    }

    /**
     * Writes the product state of the prefix into ψ, which must hold |0…0⟩ on entry (and zeros beyond
     * amplitude 0 up to 2^n); returns the number of gates done.
     */
    static int apply(Circuit c, double[] psiRe, double[] psiIm) {
        int n = c.qubits();
        int done = 0;
        for (int k = 0; k < c.productPrefix(); k++) {
            Gate g = c.gate(k);
            double[] m = g.matrix();
            int bp = 1 << Simulator.bitOf(n, g.p());
            if (g.q() < 0) {
                // column 0 of the 2×2 matrix: rows |0⟩, |1⟩ at offsets 0, bp
                spread(psiRe, psiIm, done, m[0], m[1], 0, 0, 0, 0, 0, 0, m[4], m[5], bp);
                done |= bp;
            } else {
                int bq = 1 << Simulator.bitOf(n, g.q());
                // column 0 of the 4×4 matrix in the local basis |pq⟩: rows at offsets 0, bq, bp, bp + bq
                spread(psiRe, psiIm, done, m[0], m[1], m[8], m[9], bq, m[16], m[17], bp, m[24], m[25], bp + bq);
                done |= bp | bq;
            }
        }
        return c.productPrefix();
    }

    /**
     * For every index b whose set bits lie within {@code support}: with x = ψ[b], ψ[b + o_r] = c_r x for
     * the rows r = 1..3 (offsets o_r, coefficients (cr_r, ci_r)), then ψ[b] = c_0 x. Rows 1 and 2 are
     * skipped where their offset is zero (a one-qubit gate uses rows 0 and 3 only).
     */
    private static void spread(double[] psiRe, double[] psiIm, int support, double c0r, double c0i, double c1r,
                               double c1i, int o1, double c2r, double c2i, int o2, double c3r, double c3i, int o3) {
        int b = 0;
        do {
            double xr = psiRe[b];
            double xi = psiIm[b];
            if (o1 != 0) {
                psiRe[b + o1] = c1r * xr - c1i * xi;
                psiIm[b + o1] = c1r * xi + c1i * xr;
            }
            if (o2 != 0) {
                psiRe[b + o2] = c2r * xr - c2i * xi;
                psiIm[b + o2] = c2r * xi + c2i * xr;
            }
            psiRe[b + o3] = c3r * xr - c3i * xi;
            psiIm[b + o3] = c3r * xi + c3i * xr;
            psiRe[b] = c0r * xr - c0i * xi;
            psiIm[b] = c0r * xi + c0i * xr;
            b = (b - support) & support;
        } while (b != 0);
    }
}
