package org.qmlff.train;

import org.qmlff.data.CompositionBaseline;
import org.qmlff.data.Dataset;

import java.util.List;

/**
 * The training objective of MODELS.md §Training objective, over a batch of B configurations with C
 * force components in total (C = Σ_b 3·N_b):
 * <pre>
 *   L = w_E · (1/B) Σ_b (E_b − Ê_b)² / σ_E²  +  w_F · (1/C) Σ_b Σ_ak (F_bak − F̂_bak)² / σ_F²
 * </pre>
 * where E, F are the model's predictions and Ê, F̂ the references. Energies in kcal/mol, forces in
 * kcal/mol/Å; L is dimensionless.
 *
 * <p>σ_E and σ_F come from the training set: the population standard deviation (divide by n) of the
 * training energies, and of all training force components. With several molecules, σ_E is the
 * standard deviation of the energies after subtracting the least-squares composition baseline
 * ({@link CompositionBaseline}); for one molecule that is exactly the standard deviation of its
 * energies (MODELS.md). Pooling raw energies instead would give σ_E ≈ 10⁵ kcal/mol, the spread
 * between molecules' total energies, and silence the energy term.
 *
 * @param wEnergy     w_E ≥ 0
 * @param wForce      w_F ≥ 0 (not both zero)
 * @param sigmaEnergy σ_E > 0, kcal/mol
 * @param sigmaForce  σ_F > 0, kcal/mol/Å
 */
public record Objective(double wEnergy, double wForce, double sigmaEnergy, double sigmaForce) {

    public Objective {
        if (!(wEnergy >= 0) || !(wForce >= 0) || Double.isInfinite(wEnergy) || Double.isInfinite(wForce)
                || wEnergy + wForce == 0)
            throw new IllegalArgumentException("objective weights must be finite, >= 0 and not both 0: w_energy="
                    + wEnergy + ", w_force=" + wForce);
        if (!(sigmaEnergy > 0) || Double.isInfinite(sigmaEnergy))
            throw new IllegalArgumentException("the training energies have no spread (std = " + sigmaEnergy
                    + " kcal/mol); the objective needs at least two different energies");
        if (!(sigmaForce > 0) || Double.isInfinite(sigmaForce))
            throw new IllegalArgumentException("the training forces have no spread (std = " + sigmaForce
                    + " kcal/mol/Å); the objective needs non-constant forces");
    }

    /** The objective with σ_E, σ_F taken from the training datasets. */
    public static Objective forTraining(List<Dataset> training, double wEnergy, double wForce) {
        return new Objective(wEnergy, wForce, energyStd(training), forceStd(training));
    }

    /**
     * σ_E (kcal/mol): the population standard deviation of the energies of one molecule, or of the
     * energies minus the composition baseline for several.
     */
    public static double energyStd(List<Dataset> sets) {
        boolean oneMolecule = true;
        for (Dataset d : sets) oneMolecule &= java.util.Arrays.equals(d.numbers(), sets.get(0).numbers());
        if (!oneMolecule) return CompositionBaseline.residualStd(sets);
        long n = 0;
        double sum = 0;
        for (Dataset d : sets) {
            for (double e : d.energies()) sum += e;
            n += d.frames();
        }
        if (n == 0) throw new IllegalArgumentException("the training set has no frames");
        double mean = sum / n;
        double ss = 0;
        for (Dataset d : sets) for (double e : d.energies()) ss += (e - mean) * (e - mean);
        return Math.sqrt(ss / n);
    }

    /** Population standard deviation of all force components of the datasets (kcal/mol/Å). */
    public static double forceStd(List<Dataset> sets) {
        long n = 0;
        double sum = 0;
        for (Dataset d : sets) {
            for (double f : d.forces()) sum += f;
            n += d.forces().length;
        }
        if (n == 0) throw new IllegalArgumentException("the training set has no force components");
        double mean = sum / n;
        double ss = 0;
        for (Dataset d : sets) for (double f : d.forces()) ss += (f - mean) * (f - mean);
        return Math.sqrt(ss / n);
    }

    /**
     * One configuration's contribution to the batch loss, and ∂L/∂F of that configuration.
     *
     * @param energy          predicted E (kcal/mol)
     * @param refEnergy       reference Ê
     * @param forces          predicted forces, first {@code n3} entries used
     * @param refForces       reference forces, first {@code n3} entries used
     * @param n3              3 × atoms of this configuration
     * @param batchSize       B, configurations in the batch
     * @param batchComponents C, force components in the batch
     * @param dLdF            receives ∂L/∂F for the first {@code n3} entries
     * @return the configuration's term of L
     */
    public double term(double energy, double refEnergy, double[] forces, double[] refForces, int n3,
                       int batchSize, long batchComponents, double[] dLdF) {
        double de = energy - refEnergy;
        double ce = wEnergy / (batchSize * sigmaEnergy * sigmaEnergy);
        double cf = wForce / (batchComponents * sigmaForce * sigmaForce);
        double ssf = 0;
        for (int i = 0; i < n3; i++) {
            double df = forces[i] - refForces[i];
            ssf += df * df;
            dLdF[i] = 2 * cf * df;
        }
        return ce * de * de + cf * ssf;
    }

    /** ∂L/∂E of one configuration in a batch of {@code batchSize}. */
    public double dLdE(double energy, double refEnergy, int batchSize) {
        return 2 * wEnergy * (energy - refEnergy) / (batchSize * sigmaEnergy * sigmaEnergy);
    }

    /**
     * The objective over a whole set treated as one batch, from its error statistics:
     * w_E·MSE_E/σ_E² + w_F·MSE_F/σ_F² (used for the validation loss).
     */
    public double loss(Metrics m) {
        return wEnergy * m.energyRmse() * m.energyRmse() / (sigmaEnergy * sigmaEnergy)
                + wForce * m.forceRmse() * m.forceRmse() / (sigmaForce * sigmaForce);
    }
}
