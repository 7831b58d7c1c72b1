package org.qmlff.model;

import org.qmlff.data.CompositionBaseline;
import org.qmlff.data.Dataset;
import org.qmlff.error.NumericalFailureException;

import java.util.List;

/**
 * The closed-form fit of a {@link ClassicalBaseline} (docs/HYBRID.md §Ridge fit): the weights b that
 * minimise, over every training frame n and force component ak,
 * <pre>
 *   Σ_n (y_n − e0·c_n − φ_n·b)² / σ_E²  +  ω_F Σ_n Σ_ak (F_nak − f_nak·b)² / (3N_n σ_F²)  +  λ Σ_f D_ff b_f²
 * </pre>
 * jointly with per-species intercepts e0 (not penalised, eliminated exactly: minimum-norm for
 * molecules whose compositions do not fix them), where y_n = E_n − (fixed part), c_n the element
 * counts, φ_n and f_nak the features of {@link ClassicalBaseline#features}, σ_E and σ_F the population
 * standard deviations of the training energies and force components, ω_F = {@code ridgeWF}, λ =
 * {@code ridge} and D_ff the diagonal of the data term's normal matrix (so that λ is scale-free; a
 * feature that is 0 on every frame gets weight 0). Features that involve a species absent from the
 * training data are fixed at 0. Solved by Cholesky factorisation of the normal equations, in one
 * thread, in frame order: deterministic.
 */
final class BaselineFit {
    private BaselineFit() {
    }

    /** A part of the energy that the baseline is fitted on top of (the pair repulsion), or null. */
    interface Fixed {
        double addEnergyAndForces(int[] numbers, double[] positions, double[] forces);
    }

    /** The fitted weights (B2 then B3) of {@code shape}'s baseline for the species list {@code species}. */
    static double[] fit(ClassicalBaseline shape, int[] species, List<Dataset> training, Fixed fixed,
                        double lambda, double forceWeight) {
        int ns = species.length;
        int n = shape.size();
        boolean[] present = new boolean[ns];
        for (Dataset d : training)
            for (int z : d.numbers())
                for (int s = 0; s < ns; s++) if (species[s] == z) present[s] = true;
        int[] columns = new int[n];
        int m = 0;
        for (int f = 0; f < n; f++) if (shape.involvesOnly(f, present)) columns[m++] = f;

        double[] e0 = CompositionBaseline.fit(species, training);
        double[] stats = spread(training);
        double wE = 1 / (stats[0] * stats[0]);
        double[][] gram = new double[m][m];
        double[] rhs = new double[m];
        double[][] cc = new double[ns][ns];
        double[][] cPhi = new double[ns][m];
        double[] cy = new double[ns];
        ClassicalBaseline.Work work = shape.newWork();
        double[] phi = new double[n];
        double[] x = new double[m];
        for (Dataset d : training) {
            int atoms = d.atoms(), n3 = 3 * atoms;
            double[] counts = new double[ns];
            for (int z : d.numbers()) for (int s = 0; s < ns; s++) if (species[s] == z) counts[s]++;
            double reference = 0;
            for (int s = 0; s < ns; s++) reference += counts[s] * e0[s];
            double wF = forceWeight / (n3 * stats[1] * stats[1]);
            double[] dphi = new double[n3 * n];
            double[] pos = new double[n3], frc = new double[n3], fixedF = new double[n3];
            for (int fr = 0; fr < d.frames(); fr++) {
                d.copyPositions(fr, pos);
                d.copyForces(fr, frc);
                java.util.Arrays.fill(fixedF, 0.0);
                double y = d.energies()[fr] - reference - (fixed == null ? 0 : fixed.addEnergyAndForces(d.numbers(), pos, fixedF));
                shape.features(d.numbers(), pos, phi, dphi, work);
                for (int a = 0; a < m; a++) x[a] = phi[columns[a]];
                accumulate(gram, rhs, x, y, wE);
                for (int s = 0; s < ns; s++) {
                    if (counts[s] == 0) continue;
                    for (int a = 0; a < m; a++) cPhi[s][a] += counts[s] * x[a];
                    cy[s] += counts[s] * y;
                    for (int t = 0; t < ns; t++) cc[s][t] += counts[s] * counts[t];
                }
                for (int ak = 0; ak < n3; ak++) {
                    for (int a = 0; a < m; a++) x[a] = dphi[ak * n + columns[a]];
                    accumulate(gram, rhs, x, frc[ak] - fixedF[ak], wF);
                }
            }
        }
        // Eliminate the intercepts: subtract wE·(CᵀΦ)ᵀ (CᵀC)⁺ (CᵀΦ) and wE·(CᵀΦ)ᵀ (CᵀC)⁺ Cᵀy.
        double[][] pinv = new double[ns][];
        for (int s = 0; s < ns; s++) {
            double[] unit = new double[ns];
            unit[s] = 1;
            pinv[s] = CompositionBaseline.minimumNormSolve(cc, unit);
        }
        double[][] pc = new double[ns][m];
        double[] py = new double[ns];
        for (int s = 0; s < ns; s++)
            for (int t = 0; t < ns; t++) {
                double p = pinv[s][t];
                if (p == 0) continue;
                for (int a = 0; a < m; a++) pc[s][a] += p * cPhi[t][a];
                py[s] += p * cy[t];
            }
        for (int s = 0; s < ns; s++)
            for (int a = 0; a < m; a++) {
                double c = wE * cPhi[s][a];
                if (c == 0) continue;
                rhs[a] -= c * py[s];
                for (int b = a; b < m; b++) gram[a][b] -= c * pc[s][b];
            }
        // Standardise (unit diagonal), so that λ acts on every feature alike and the factorisation is well scaled.
        double maxDiag = 0;
        for (int a = 0; a < m; a++) maxDiag = Math.max(maxDiag, gram[a][a]);
        double[] scale = new double[m];
        for (int a = 0; a < m; a++) scale[a] = gram[a][a] > 1e-14 * maxDiag ? 1 / Math.sqrt(gram[a][a]) : 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) gram[a][b] *= scale[a] * scale[b];
            gram[a][a] = scale[a] == 0 ? 1 : 1 + lambda;
            rhs[a] *= scale[a];
            for (int b = a + 1; b < m; b++) gram[b][a] = gram[a][b];
        }
        double[] sol = choleskySolve(gram, rhs);
        for (int a = 0; a < m; a++) sol[a] *= scale[a];
        double[] weights = new double[n];
        for (int a = 0; a < m; a++) weights[columns[a]] = sol[a];
        return weights;
    }

    /** Upper triangle of G += w·x xᵀ, and h += w·y·x. */
    private static void accumulate(double[][] gram, double[] rhs, double[] x, double y, double w) {
        int m = x.length;
        for (int a = 0; a < m; a++) {
            double xa = w * x[a];
            if (xa == 0) continue;
            rhs[a] += xa * y;
            double[] row = gram[a];
            for (int b = a; b < m; b++) row[b] += xa * x[b];
        }
    }

    /** Population standard deviations of the training energies and of all force components. */
    static double[] spread(List<Dataset> training) {
        double se = 0, see = 0, sf = 0, sff = 0;
        long ne = 0, nf = 0;
        for (Dataset d : training) {
            for (double e : d.energies()) {
                se += e;
                ne++;
            }
            for (double f : d.forces()) {
                sf += f;
                nf++;
            }
        }
        double me = se / ne, mf = sf / nf;
        for (Dataset d : training) {
            for (double e : d.energies()) see += (e - me) * (e - me);
            for (double f : d.forces()) sff += (f - mf) * (f - mf);
        }
        double sE = Math.sqrt(see / ne), sF = Math.sqrt(sff / nf);
        return new double[]{sE > 0 ? sE : 1, sF > 0 ? sF : 1};
    }

    /** Solves the symmetric positive-definite system A x = b (A is overwritten by its Cholesky factor). */
    static double[] choleskySolve(double[][] a, double[] b) {
        int m = b.length;
        for (int j = 0; j < m; j++) {
            double[] rj = a[j];
            double d = rj[j];
            for (int k = 0; k < j; k++) d -= rj[k] * rj[k];
            if (!(d > 0))
                throw new NumericalFailureException("baseline ridge fit: the normal matrix is not positive definite "
                        + "(column " + j + "); raise the option ridge");
            d = Math.sqrt(d);
            rj[j] = d;
            for (int i = j + 1; i < m; i++) {
                double[] ri = a[i];
                double s = ri[j];
                for (int k = 0; k < j; k++) s -= ri[k] * rj[k];
                ri[j] = s / d;
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < m; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) s -= a[i][k] * x[k];
            x[i] = s / a[i][i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < m; k++) s -= a[k][i] * x[k];
            x[i] = s / a[i][i];
        }
        return x;
    }
}
