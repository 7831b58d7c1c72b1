package org.qmlff.data;

import java.util.List;

/**
 * Per-element reference energies fitted by least squares of total energies on element counts: the
 * composition baseline E ≈ Σ_atoms e0[element]. Used to initialise the revised model's e0 (MODELS.md
 * §Revised) and to measure how much energy spread is left for a model to learn across molecules.
 *
 * <p>The fit is written as e0 = ē + δ, where ē = Σ E / Σ N is the mean energy per atom over all
 * training frames (kcal/mol), and δ is the minimum-norm least-squares solution for the residuals.
 * With a single molecule every frame has the same counts, the residuals average to zero and δ = 0:
 * every e0 equals mean energy / N, as MODELS.md requires. Species absent from the training data keep ē.
 */
public final class CompositionBaseline {
    private CompositionBaseline() {
    }

    /**
     * Reference energies (kcal/mol) for the given atomic numbers, in that order, fitted to all frames
     * of {@code training}.
     */
    public static double[] fit(int[] species, List<Dataset> training) {
        int ns = species.length;
        double sumE = 0;
        double sumN = 0;
        for (Dataset d : training) {
            for (double e : d.energies()) {
                sumE += e;
                sumN += d.atoms();
            }
        }
        double perAtom = sumE / sumN;
        // Normal equations of the residual fit, aggregated per molecule (counts are per molecule).
        double[][] a = new double[ns][ns];
        double[] b = new double[ns];
        for (Dataset d : training) {
            double[] c = new double[ns];
            for (int z : d.numbers()) {
                for (int s = 0; s < ns; s++) if (species[s] == z) c[s] += 1;
            }
            for (double e : d.energies()) {
                double r = e - perAtom * d.atoms();
                for (int s = 0; s < ns; s++) {
                    b[s] += c[s] * r;
                    for (int t = 0; t < ns; t++) a[s][t] += c[s] * c[t];
                }
            }
        }
        double[] delta = minimumNormSolve(a, b);
        double[] e0 = new double[ns];
        for (int s = 0; s < ns; s++) e0[s] = perAtom + delta[s];
        return e0;
    }

    /**
     * Minimum-norm solution of the symmetric positive semi-definite system A x = b, by a Jacobi
     * eigen-decomposition with eigenvalues below a relative threshold treated as zero.
     */
    public static double[] minimumNormSolve(double[][] a0, double[] b) {
        int n = b.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(a[i][i]));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = a[i][i];
            if (Math.abs(lambda) <= 1e-10 * max || lambda == 0) continue;
            double proj = 0;
            for (int k = 0; k < n; k++) proj += v[k][i] * b[k];
            for (int k = 0; k < n; k++) x[k] += v[k][i] * proj / lambda;
        }
        return x;
    }

    /**
     * Population standard deviation (kcal/mol) of the energies left after subtracting the composition
     * baseline fitted to the same frames. For a single molecule this is the plain standard deviation
     * of its energies; across molecules it ignores the large differences of total energy that the
     * baseline explains.
     */
    public static double residualStd(List<Dataset> sets) {
        java.util.TreeSet<Integer> elements = new java.util.TreeSet<>();
        for (Dataset d : sets) for (int z : d.numbers()) elements.add(z);
        int[] species = elements.stream().mapToInt(Integer::intValue).toArray();
        double[] e0 = fit(species, sets);
        long n = 0;
        double ss = 0;
        for (Dataset d : sets) {
            double base = 0;
            for (int z : d.numbers()) base += e0[java.util.Arrays.binarySearch(species, z)];
            for (double e : d.energies()) {
                ss += (e - base) * (e - base);
                n++;
            }
        }
        if (n == 0) throw new IllegalArgumentException("the training set has no frames");
        return Math.sqrt(ss / n);
    }
}
