package org.qmlff.model;

import org.qmlff.error.InputException;
import org.qmlff.geometry.NeighbourList;
import org.qmlff.geometry.RadialBasis;

import java.util.Arrays;

/**
 * The classical baseline of the Δ-learning hybrid (docs/HYBRID.md §Baseline): a body-order-3 linear
 * model on the rich model's radial and angular basis,
 * <pre>
 *   E_base = Σ_i [ Σ_{j: s_j ≥ s_i} Σ_k B2[s_i][s_j][k] β_k(r_ij)
 *                + Σ_{p ≤ p'} Σ_l B3[s_i][q(p, p')][l] G_{pp'l}(i) ]
 *   G_{pp'l}(i) = Σ_c P_l[n_c] w_c Bm_i[p][c] Bm_i[p'][c]
 *              = Σ_{j: s_j = s, m: s_m = s'} β_k(r_ij) β_k'(r_im) P_l(cos θ_jim)
 * </pre>
 * with p = s·Kb + k (k &lt; Kb), Bm_i[p][c] = Σ_{j: s_j = s} β_k(r_ij) m_c(r̂_ij) (the sums of
 * {@link RichFrame}), q(p, p') = p·M − p(p−1)/2 + (p' − p) for p ≤ p', M = |S|·Kb, l = 0..Lb.
 * Linear in B2, B3, which are fixed once fitted ({@link BaselineFit}); it has no trainable parameters.
 * Energies kcal/mol, lengths Å.
 *
 * <p>Weights are flat, row-major: B2 at {@code (s_i·|S| + s_j)·K + k} (entries with s_j &lt; s_i are
 * never read and kept 0), B3 at {@code (s_i·Q + q)·(Lb+1) + l}, Q = M(M+1)/2. The same index, with B3
 * after B2, numbers the features of {@link #features}. Immutable; the frame buffers are the caller's.
 */
final class ClassicalBaseline {
    /** Legendre coefficients p[l][n]: P_l(x) = Σ_n p[l][n] x^n (as {@link RichModel}). */
    private static final double[][] LEGENDRE = {
            {1, 0, 0, 0}, {0, 1, 0, 0}, {-0.5, 0, 1.5, 0}, {0, -1.5, 0, 2.5}};

    final int nSpecies;
    final int kBasis;
    final int kThree;
    final int nL;
    final int pairsM;
    final int pairsQ;
    final int size2;
    final int size3;
    private final int[] speciesOf;
    private final RadialBasis basis;
    private final double[] b2;
    private final double[] b3;
    private final int nMono;
    private final int[] monoDegree;
    private final double[] monoWeight;

    /**
     * @param speciesOf species index of each atomic number ({@link SpeciesIndex#of}); not copied
     * @param weights   B2 then B3 (length {@link #size}), copied; null: all zero
     */
    ClassicalBaseline(int nSpecies, int[] speciesOf, int k, double rc, int kThree, int lmax, double[] weights) {
        // options a user writes (and a model file holds): checked here, where K is known whatever order
        // the options were set in
        if (kThree < 1 || kThree > k)
            throw new InputException("baseK must be 1..K (" + k + "), got " + kThree);
        if (lmax < 0 || lmax > 3) throw new InputException("baseLmax must be 0..3, got " + lmax);
        this.nSpecies = nSpecies;
        this.speciesOf = speciesOf;
        this.kBasis = k;
        this.kThree = kThree;
        this.nL = lmax + 1;
        this.pairsM = nSpecies * kThree;
        this.pairsQ = pairsM * (pairsM + 1) / 2;
        this.size2 = nSpecies * nSpecies * k;
        this.size3 = nSpecies * pairsQ * nL;
        this.basis = new RadialBasis(k, rc);
        this.b2 = new double[size2];
        this.b3 = new double[size3];
        if (weights != null) {
            if (weights.length != size2 + size3)
                throw new IllegalArgumentException("baseline: " + weights.length + " weights, the options need " + (size2 + size3));
            System.arraycopy(weights, 0, b2, 0, size2);
            System.arraycopy(weights, size2, b3, 0, size3);
        }
        RichFrame probe = newFrame();
        nMono = probe.monomials;
        monoDegree = probe.degree;
        monoWeight = probe.multiplicity;
    }

    /** Number of weights (= features): |S|²K + |S|·Q·(Lb+1). */
    int size() {
        return size2 + size3;
    }

    /** B2 then B3, a copy. */
    double[] weights() {
        double[] w = Arrays.copyOf(b2, size2 + size3);
        System.arraycopy(b3, 0, w, size2, size3);
        return w;
    }

    /** The pair index q(p, p') of p ≤ p'. */
    int pairIndex(int p, int q) {
        return p * pairsM - p * (p - 1) / 2 + (q - p);
    }

    /** A frame buffer for this baseline (one per thread). */
    RichFrame newFrame() {
        return new RichFrame(basis, nSpecies, speciesOf, nL - 1);
    }

    /** Working memory of one evaluation: ∂E_i/∂Bm and the per-(q, c) coefficients. */
    final class Work {
        final RichFrame frame = newFrame();
        final double[] adj = new double[pairsM * nMono];
        final double[] kappa = new double[pairsQ * nMono];
        final double[] deg = new double[3 * 4];
    }

    Work newWork() {
        return new Work();
    }

    private RichFrame frame(int[] numbers, double[] positions, Work w) {
        if (!w.frame.matches(numbers, positions)) w.frame.build(numbers, positions, true, false);
        return w.frame;
    }

    /** E_base of a configuration (kcal/mol); adds its forces (kcal/mol/Å) to {@code forces}. */
    double addEnergyAndForces(int[] numbers, double[] positions, double[] forces, Work w) {
        RichFrame f = frame(numbers, positions, w);
        RevisedFrame rf = f.base;
        NeighbourList nl = rf.neighbours();
        double[] sep = nl.separations(), dist = nl.distances(), beta = nl.beta(), dbeta = nl.dbeta();
        double[] mono = f.monomialValues(), dmono = f.monomialGradients(), bm = f.angularSums();
        double energy = 0;
        for (int i = 0; i < numbers.length; i++) {
            int si = rf.species(i);
            // κ[q][c] = Σ_l B3[si][q][l] P_l[n_c] w_c; E3_i = Σ_q Σ_c κ Bm[p] Bm[p']; adj[p][c] = ∂E3_i/∂Bm[p][c]
            for (int q = 0; q < pairsQ; q++) {
                int o = (si * pairsQ + q) * nL;
                for (int c = 0; c < nMono; c++) {
                    double s = 0;
                    for (int l = 0; l < nL; l++) s += b3[o + l] * LEGENDRE[l][monoDegree[c]];
                    w.kappa[q * nMono + c] = s * monoWeight[c];
                }
            }
            Arrays.fill(w.adj, 0.0);
            int bi = i * nSpecies * kBasis;
            for (int p = 0; p < pairsM; p++) {
                int bp = (bi + (p / kThree) * kBasis + p % kThree) * nMono;
                for (int p2 = p; p2 < pairsM; p2++) {
                    int bq = (bi + (p2 / kThree) * kBasis + p2 % kThree) * nMono;
                    int kq = pairIndex(p, p2) * nMono;
                    for (int c = 0; c < nMono; c++) {
                        double k = w.kappa[kq + c];
                        if (k == 0) continue;
                        energy += k * bm[bp + c] * bm[bq + c];
                        w.adj[p * nMono + c] += k * bm[bq + c];
                        w.adj[p2 * nMono + c] += k * bm[bp + c];
                    }
                }
            }
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                int j = nl.atom(e), sj = rf.species(j);
                double r = dist[e];
                double ux = sep[3 * e] / r, uy = sep[3 * e + 1] / r, uz = sep[3 * e + 2] / r;
                double radial = 0, gx = 0, gy = 0, gz = 0;
                if (sj >= si) {
                    int o = (si * nSpecies + sj) * kBasis;
                    for (int k = 0; k < kBasis; k++) {
                        energy += b2[o + k] * beta[e * kBasis + k];
                        radial += b2[o + k] * dbeta[e * kBasis + k];
                    }
                }
                for (int k = 0; k < kThree; k++) {
                    int p = sj * kThree + k;
                    double bk = beta[e * kBasis + k], dbk = dbeta[e * kBasis + k];
                    for (int c = 0; c < nMono; c++) {
                        double a = w.adj[p * nMono + c];
                        if (a == 0) continue;
                        int mo = e * nMono + c;
                        radial += a * dbk * mono[mo];
                        gx += a * bk * dmono[3 * mo];
                        gy += a * bk * dmono[3 * mo + 1];
                        gz += a * bk * dmono[3 * mo + 2];
                    }
                }
                gx += radial * ux;
                gy += radial * uy;
                gz += radial * uz;
                PairGradient.addForces(forces, i, j, gx, gy, gz);
            }
        }
        return energy;
    }

    /**
     * The features of a configuration: {@code energy[f]} = ∂E_base/∂weight_f (summed over atoms) and
     * {@code forces[ak·size() + f]} = ∂F_ak/∂weight_f = −∂²E_base/∂R_ak∂weight_f. Both are overwritten.
     */
    void features(int[] numbers, double[] positions, double[] energy, double[] forces, Work w) {
        RichFrame f = frame(numbers, positions, w);
        RevisedFrame rf = f.base;
        NeighbourList nl = rf.neighbours();
        double[] sep = nl.separations(), dist = nl.distances(), beta = nl.beta(), dbeta = nl.dbeta();
        double[] mono = f.monomialValues(), dmono = f.monomialGradients(), bm = f.angularSums();
        int n = size();
        Arrays.fill(energy, 0, n, 0.0);
        Arrays.fill(forces, 0, 3 * numbers.length * n, 0.0);
        double[] dv = new double[3 * nMono];
        for (int i = 0; i < numbers.length; i++) {
            int si = rf.species(i);
            int bi = i * nSpecies * kBasis;
            for (int p = 0; p < pairsM; p++) {
                int bp = (bi + (p / kThree) * kBasis + p % kThree) * nMono;
                for (int p2 = p; p2 < pairsM; p2++) {
                    int bq = (bi + (p2 / kThree) * kBasis + p2 % kThree) * nMono;
                    int o = size2 + (si * pairsQ + pairIndex(p, p2)) * nL;
                    for (int c = 0; c < nMono; c++) {
                        double prod = monoWeight[c] * bm[bp + c] * bm[bq + c];
                        for (int l = 0; l < nL; l++) energy[o + l] += LEGENDRE[l][monoDegree[c]] * prod;
                    }
                }
            }
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                int j = nl.atom(e), sj = rf.species(j);
                double r = dist[e];
                double ux = sep[3 * e] / r, uy = sep[3 * e + 1] / r, uz = sep[3 * e + 2] / r;
                if (sj >= si) {
                    int o = (si * nSpecies + sj) * kBasis;
                    for (int k = 0; k < kBasis; k++) {
                        energy[o + k] += beta[e * kBasis + k];
                        double d = dbeta[e * kBasis + k];
                        addPairForce(forces, n, i, j, o + k, d * ux, d * uy, d * uz);
                    }
                }
                for (int k = 0; k < kThree; k++) {
                    int p = sj * kThree + k;
                    double bk = beta[e * kBasis + k], dbk = dbeta[e * kBasis + k];
                    // ∂Bm[p][c]/∂x_e = β'_k m_c r̂ + β_k ∇m_c
                    for (int c = 0; c < nMono; c++) {
                        int mo = e * nMono + c;
                        dv[3 * c] = dbk * mono[mo] * ux + bk * dmono[3 * mo];
                        dv[3 * c + 1] = dbk * mono[mo] * uy + bk * dmono[3 * mo + 1];
                        dv[3 * c + 2] = dbk * mono[mo] * uz + bk * dmono[3 * mo + 2];
                    }
                    for (int p2 = 0; p2 < pairsM; p2++) {
                        int bq = (bi + (p2 / kThree) * kBasis + p2 % kThree) * nMono;
                        double factor = p2 == p ? 2 : 1;
                        Arrays.fill(w.deg, 0.0);
                        for (int c = 0; c < nMono; c++) {
                            double s = factor * monoWeight[c] * bm[bq + c];
                            int d = 3 * monoDegree[c];
                            w.deg[d] += s * dv[3 * c];
                            w.deg[d + 1] += s * dv[3 * c + 1];
                            w.deg[d + 2] += s * dv[3 * c + 2];
                        }
                        int o = size2 + (si * pairsQ + pairIndex(Math.min(p, p2), Math.max(p, p2))) * nL;
                        for (int l = 0; l < nL; l++) {
                            double gx = 0, gy = 0, gz = 0;
                            for (int dg = 0; dg < nL; dg++) {
                                double pl = LEGENDRE[l][dg];
                                gx += pl * w.deg[3 * dg];
                                gy += pl * w.deg[3 * dg + 1];
                                gz += pl * w.deg[3 * dg + 2];
                            }
                            addPairForce(forces, n, i, j, o + l, gx, gy, gz);
                        }
                    }
                }
            }
        }
    }

    /** For a gradient g of a feature with respect to x_ij = R_j − R_i: F_j −= g, F_i += g. */
    private static void addPairForce(double[] forces, int n, int i, int j, int f, double gx, double gy, double gz) {
        forces[(3 * j) * n + f] -= gx;
        forces[(3 * j + 1) * n + f] -= gy;
        forces[(3 * j + 2) * n + f] -= gz;
        forces[(3 * i) * n + f] += gx;
        forces[(3 * i + 1) * n + f] += gy;
        forces[(3 * i + 2) * n + f] += gz;
    }

    /**
     * Whether feature f can be non-zero for molecules made of the species marked in {@code present}:
     * every species it involves (centre, neighbours) is present.
     */
    boolean involvesOnly(int f, boolean[] present) {
        if (f < size2) {
            int si = f / (nSpecies * kBasis), sj = (f / kBasis) % nSpecies;
            return sj >= si && present[si] && present[sj];
        }
        int g = (f - size2) / nL;
        int si = g / pairsQ, q = g % pairsQ;
        int p = 0;
        while (q >= pairsM - p) {
            q -= pairsM - p;
            p++;
        }
        int p2 = p + q;
        return present[si] && present[p / kThree] && present[p2 / kThree];
    }
}
