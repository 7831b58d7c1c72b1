package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.junit.jupiter.api.Test;
import org.qmlff.data.Dataset;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ObjectiveTest {
    private static final Dataset ETHANOL_LIKE = Synthetic.molecule("a", new int[]{6, 6, 8, 1, 1}, 12, 1);
    private static final Dataset WATER_LIKE = Synthetic.molecule("b", new int[]{8, 1, 1}, 9, 2);
    /** The two molecules mixed in one training set, and their frames in one list (both immutable). */
    private static final List<Dataset> SETS = List.of(ETHANOL_LIKE, WATER_LIKE);
    private static final FrameList FRAMES = new FrameList(SETS);

    @Test
    void sigmasArePooledPopulationStandardDeviations() {
        int[] h = {1};
        Dataset d1 = new Dataset("d1", h, new double[9], new double[]{1, 2, 3}, new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
        Dataset d2 = new Dataset("d2", h, new double[3], new double[]{5}, new double[]{-3, 0, 0});
        // energies 1,2,3,5: mean 2.75, squared deviations 3.0625+0.5625+0.0625+5.0625 = 8.75 over 4
        assertThat(Objective.energyStd(List.of(d1, d2))).isCloseTo(Math.sqrt(2.1875), within(1e-15));
        // forces: 12 components summing to 0, squares 1+1+1+9 = 12 -> variance 1
        assertThat(Objective.forceStd(List.of(d1, d2))).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void constantEnergiesAreRejected() {
        int[] h = {1};
        Dataset d = new Dataset("flat", h, new double[6], new double[]{4, 4}, new double[]{1, 0, 0, 0, 1, 0});
        assertThatThrownBy(() -> Objective.forTraining(List.of(d), 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no spread");
    }

    /** The loss of a batch mixing two molecules, written out directly from the MODELS.md formula. */
    @Test
    void batchLossMatchesFormula() {
        Objective obj = Objective.forTraining(SETS, 1.3, 7.0);
        PairForceField ff = Synthetic.start();
        int[] order = {3, 14, 0, 20, 7};
        try (WorkerPool pool = new WorkerPool(2)) {
            BatchObjective bo = new BatchObjective(ff, obj, FRAMES, 5, pool);
            double loss = bo.evaluate(order, 0, 5, new double[ff.parameterCount()]);
            double sse = 0, ssf = 0;
            int comps = 0;
            for (int item : order) {
                Dataset d = FRAMES.dataset(item);
                int f = FRAMES.frame(item);
                double[] x = new double[d.atoms() * 3];
                double[] pf = new double[x.length];
                d.copyPositions(f, x);
                double e = ff.energyAndForces(d.numbers(), x, pf, null);
                sse += Math.pow(e - d.energies()[f], 2);
                for (int i = 0; i < x.length; i++) ssf += Math.pow(pf[i] - d.forces()[f * x.length + i], 2);
                comps += x.length;
            }
            assertThat(comps).isEqualTo(3 * (5 + 3 + 5 + 3 + 5));
            double expected = 1.3 * (sse / 5) / Math.pow(obj.sigmaEnergy(), 2)
                    + 7.0 * (ssf / comps) / Math.pow(obj.sigmaForce(), 2);
            assertThat(loss).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    /** The exact gradient against central differences of the full batch objective. */
    @Test
    void gradientMatchesCentralDifferences() {
        Objective obj = Objective.forTraining(SETS, 1, 10);
        PairForceField ff = new PairForceField(Synthetic.SPECIES, 2.1, 0.3, 1.1, -0.5, -30, -70);
        int[] order = {2, 19, 5, 13, 11, 0, 20};
        try (WorkerPool pool = new WorkerPool(3)) {
            BatchObjective bo = new BatchObjective(ff, obj, FRAMES, 7, pool);
            int np = ff.parameterCount();
            double[] grad = new double[np];
            bo.evaluate(order, 0, 7, grad);
            double[] p = new double[np];
            ff.getParameters(p);
            double[] scratchGrad = new double[np];
            for (int k = 0; k < np; k++) {
                double h = 1e-6 * Math.max(1, Math.abs(p[k]));
                double pk = p[k];
                p[k] = pk + h;
                ff.setParameters(p);
                double lp = bo.evaluate(order, 0, 7, scratchGrad);
                p[k] = pk - h;
                ff.setParameters(p);
                double lm = bo.evaluate(order, 0, 7, scratchGrad);
                p[k] = pk;
                ff.setParameters(p);
                double fd = (lp - lm) / (2 * h);
                assertThat(grad[k]).as("dL/dθ[%d]", k).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
            }
            // the gradient is not trivially zero in the directions tested
            assertThat(grad[0]).isNotZero();
            assertThat(grad[2]).isNotZero();
        }
    }

    /** The validation loss from error statistics equals the objective over the set as one batch. */
    @Test
    void lossFromMetricsEqualsWholeSetBatch() {
        Objective obj = Objective.forTraining(SETS, 1, 10);
        PairForceField ff = Synthetic.start();
        int[] all = new int[FRAMES.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        try (WorkerPool pool = new WorkerPool(1)) {
            double batch = new BatchObjective(ff, obj, FRAMES, all.length, pool)
                    .evaluate(all, 0, all.length, new double[ff.parameterCount()]);
            Predictor pr = new Predictor(ff, pool);
            List<Predictions> preds = new ArrayList<>();
            for (Dataset d : SETS) preds.add(pr.predict(d));
            assertThat(obj.loss(Metrics.pooled(SETS, preds))).isCloseTo(batch, within(1e-12 * batch));
        }
    }
}
