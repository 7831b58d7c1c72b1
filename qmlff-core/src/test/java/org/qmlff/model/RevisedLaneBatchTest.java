package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.qmlff.sim.LaneSimulator;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revised model with all atoms' circuits in one call to the lane engine against the path before it
 * (every circuit on its own, {@link RevisedModel#newPerAtomScratch}): energies, forces and objective
 * gradients must be bit-for-bit equal, for molecules with fewer atoms than lanes, a multiple of them and a
 * remainder, with parity=sym, with nq = 6 (a wider circuit) and with nq = 8 (too wide for the lane engine: circuits one
 * by one, contractions in lanes) too.
 */
class RevisedLaneBatchTest {

    @Test
    void laneBatchedEvaluationIsBitIdenticalToThePerAtomPath() {
        assertThat(LaneSimulator.fits(4)).isTrue();
        int checked = 0;
        // nq = 8: too wide for the lane engine, so its circuits run one by one, with the lane contractions
        for (String[] opts : new String[][] {{}, {"parity", "sym"}, {"nq", "6"}, {"D", "1", "K", "3"}, {"nq", "8", "D", "1"}}) {
            ModelOptions o = ModelOptions.defaults("revised");
            for (int k = 0; k < opts.length; k += 2) o = o.with(opts[k], opts[k + 1]);
            ForceField m = ModelTestSupport.randomModel(o, 11);
            Random rng = new Random(5);
            for (int atoms : new int[] {2, LaneSimulator.LANES, 9, 2 * LaneSimulator.LANES + 3}) {
                int[] numbers = new int[atoms];
                double[] pos = new double[3 * atoms];
                int[] elements = {1, 6, 8, 7};
                for (int a = 0; a < atoms; a++) {
                    numbers[a] = elements[rng.nextInt(elements.length)];
                    for (int c = 0; c < 3; c++) pos[3 * a + c] = 2.2 * rng.nextGaussian();
                }
                compare((RevisedModel) m, numbers, pos, rng, String.join(" ", opts) + ", " + atoms + " atoms");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20);
    }

    private static void compare(RevisedModel m, int[] numbers, double[] pos, Random rng, String where) {
        ForceField.Scratch batched = m.newScratch();
        ForceField.Scratch perAtom = m.newPerAtomScratch();
        int n3 = pos.length;
        double[] f1 = new double[n3];
        double[] f2 = new double[n3];
        double e1 = m.energyAndForces(numbers, pos, f1, batched);
        double e2 = m.energyAndForces(numbers, pos, f2, perAtom);
        assertThat(e1).as(where + " energy").isEqualTo(e2);
        assertThat(f1).as(where + " forces").containsExactly(f2);
        double[] w = new double[n3];
        for (int i = 0; i < n3; i++) w[i] = rng.nextGaussian();
        double[] g1 = new double[m.parameterCount()];
        double[] g2 = new double[m.parameterCount()];
        m.addObjectiveGradient(numbers, pos, 0.7, w, g1, batched);
        m.addObjectiveGradient(numbers, pos, 0.7, w, g2, perAtom);
        assertThat(g1).as(where + " objective gradient").containsExactly(g2);
        assertThat(java.util.Arrays.stream(g1).map(Math::abs).sum()).as(where + " gradient not trivial").isGreaterThan(0);
    }

    /**
     * The lane path keeps a transposed copy of W, V and J0 per scratch: after {@code setParameters} a scratch
     * that has already evaluated must use the new values, as a fresh per-atom scratch does.
     */
    @Test
    void aScratchFollowsParameterChanges() {
        RevisedModel m = (RevisedModel) ModelTestSupport.randomModel(ModelOptions.defaults("revised"), 12);
        Random rng = new Random(8);
        int[] numbers = {6, 6, 8, 1, 1, 1, 1, 1, 1};
        double[] pos = new double[27];
        for (int i = 0; i < pos.length; i++) pos[i] = 1.6 * rng.nextGaussian();
        ForceField.Scratch batched = m.newScratch();
        double[] f = new double[27];
        double before = m.energyAndForces(numbers, pos, f, batched);
        double[] p = new double[m.parameterCount()];
        for (int round = 0; round < 3; round++) {
            m.getParameters(p);
            for (int i = 0; i < p.length; i++) p[i] += 0.05 * rng.nextGaussian();
            m.setParameters(p);
            double after = m.energyAndForces(numbers, pos, f, batched);
            assertThat(after).as("round " + round + ": the energy moved with the parameters").isNotEqualTo(before);
            before = after;
            compare(m, numbers, pos, rng, "after setParameters, round " + round);
            // the same scratch as above, not a new one: its copy was made at the previous parameters
            double[] f2 = new double[27];
            assertThat(m.energyAndForces(numbers, pos, f2, m.newPerAtomScratch())).isEqualTo(after);
            assertThat(f).containsExactly(f2);
        }
    }

    @Test
    void batchObjectiveIsBitIdenticalForAnyThreadCount() {
        org.qmlff.data.Dataset data = ModelTestSupport.syntheticEthanol(12, 21);
        ForceField m = ModelTestSupport.randomModel(ModelOptions.defaults("revised"), 21);
        org.qmlff.train.FrameList frames = new org.qmlff.train.FrameList(List.of(data));
        org.qmlff.train.Objective objective = org.qmlff.train.Objective.forTraining(List.of(data), 1, 10);
        int[] order = {3, 0, 7, 11, 5, 2, 9, 1, 10};
        double[] reference = null;
        double referenceLoss = 0;
        for (int threads : new int[] {1, 2, 3}) {
            try (org.qmlff.parallel.WorkerPool pool = new org.qmlff.parallel.WorkerPool(threads)) {
                org.qmlff.train.BatchObjective b = new org.qmlff.train.BatchObjective(m, objective, frames, 9, pool);
                double[] grad = new double[m.parameterCount()];
                double loss = b.evaluate(order, 0, order.length, grad);
                if (reference == null) {
                    reference = grad;
                    referenceLoss = loss;
                } else {
                    assertThat(loss).as(threads + " threads: loss").isEqualTo(referenceLoss);
                    assertThat(grad).as(threads + " threads: gradient").containsExactly(reference);
                }
            }
        }
    }
}
