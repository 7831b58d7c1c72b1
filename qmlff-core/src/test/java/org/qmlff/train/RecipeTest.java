package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The opt-in training recipe of docs/RECIPE.md: each option does what it says, and resumes bit for bit. */
class RecipeTest {
    private static final Dataset MOL_A = Synthetic.molecule("a", new int[]{6, 8, 1, 1}, 70, 5);
    private static final Dataset MOL_B = Synthetic.molecule("b", new int[]{8, 1, 1}, 50, 6);
    private static final List<Dataset> TRAIN = List.of(MOL_A.range(0, 60), MOL_B.range(0, 43));
    private static final List<Dataset> VALID = List.of(MOL_A.range(60, 70), MOL_B.range(43, 50));

    /** Every option on. */
    private static final Recipe ALL = new Recipe(0.9, 0.05, true, 5.0, 3, 0.004, 10, 1, 1, 0.5, 1e-3);
    private static final TrainingOptions ALL_ON = new TrainingOptions(8, 20, 0.02, 1, 10, 42, ALL);

    private static TrainingResult train(TrainingOptions o, int threads, Path checkpoint, TrainingListener l) {
        return new Trainer(Synthetic.start(), TRAIN, VALID, o, threads).train(checkpoint, l);
    }

    private static List<List<Double>> curvesWithoutTimes(TrainingResult r) {
        List<List<Double>> out = new ArrayList<>();
        for (EpochRecord e : r.curves())
            out.add(List.of((double) e.epoch(), e.lr(), e.trainLoss(), e.validLoss(), e.validEnergyMae(), e.validForceMae()));
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    @Test
    void noneIsTheDefaultAndChangesNothing() {
        TrainingOptions plain = new TrainingOptions(4, 20, 0.02, 1, 10, 42);
        assertThat(plain.recipe()).isEqualTo(Recipe.NONE);
        TrainingResult a = train(plain, 1, null, TrainingListener.none());
        TrainingResult b = train(plain.withRecipe(Recipe.NONE), 2, null, TrainingListener.none());
        assertThat(b.finalParameters()).isEqualTo(a.finalParameters());
        // and each option on its own does change the run
        for (String key : List.of("ema", "weight-decay", "amsgrad", "clip", "plateau-patience")) {
            double value = switch (key) {
                case "ema" -> 0.5;
                case "weight-decay" -> 0.5;
                case "clip" -> 0.01;
                default -> 1;
            };
            Recipe r = Recipe.NONE.with(key, value);
            if (key.equals("plateau-patience")) r = r.with("plateau-threshold", 0.9);
            TrainingResult c = train(plain.withRecipe(r), 1, null, TrainingListener.none());
            assertThat(c.bestParameters()).as(key).isNotEqualTo(a.bestParameters());
        }
    }

    @Test
    void clipBoundsTheGradientAndSoTheMoments(@TempDir Path dir) {
        double[] g = {3, -4, 0};
        Trainer.clipNorm(g, 1);
        assertThat(g[0]).isCloseTo(0.6, within(1e-15));
        assertThat(g[1]).isCloseTo(-0.8, within(1e-15));
        assertThat(g[2]).isZero();
        double[] small = {0.3, 0.4};
        Trainer.clipNorm(small, 1);
        assertThat(small).containsExactly(0.3, 0.4);

        // Adam's m after k steps is a convex-like sum of clipped gradients: ‖m‖ ≤ (1 − β1^k)·c
        double c = 1e-4;
        Path clipped = dir.resolve("clipped.json"), free = dir.resolve("free.json");
        TrainingOptions o = new TrainingOptions(1, 20, 0.02, 1, 10, 42, Recipe.NONE.with("clip", c));
        train(o, 1, clipped, TrainingListener.none());
        train(o.withRecipe(Recipe.NONE), 1, free, TrainingListener.none());
        Adam.State s = Checkpoint.read(clipped).adam();
        double bound = (1 - Math.pow(Adam.BETA1, s.step())) * c;
        assertThat(norm(s.m())).isLessThanOrEqualTo(bound * (1 + 1e-12));
        assertThat(norm(Checkpoint.read(free).adam().m())).isGreaterThan(100 * bound);
    }

    @Test
    void amsgradKeepsTheRunningMaximumAndUsesIt() {
        Adam ams = new Adam(2, 0.9, 0.999, 1e-8, true, 0, null);
        double[] x = {1, -1};
        double[] ref = x.clone();
        double m0 = 0, m1 = 0, v0 = 0, v1 = 0, vmax0 = 0, vmax1 = 0;
        double[][] grads = {{5, 1}, {0.1, 2}, {0.01, -3}, {1, 0.5}, {0, 0}};
        double[] prev = {0, 0};
        for (int t = 1; t <= grads.length; t++) {
            double[] gr = grads[t - 1];
            ams.step(x, gr, 0.01);
            double[] vmax = ams.state().vmax();
            assertThat(vmax[0]).isGreaterThanOrEqualTo(prev[0]);
            assertThat(vmax[1]).isGreaterThanOrEqualTo(prev[1]);
            prev = vmax;
            // reference arithmetic, by hand
            m0 = 0.9 * m0 + (1 - 0.9) * gr[0];
            m1 = 0.9 * m1 + (1 - 0.9) * gr[1];
            v0 = 0.999 * v0 + (1 - 0.999) * gr[0] * gr[0];
            v1 = 0.999 * v1 + (1 - 0.999) * gr[1] * gr[1];
            vmax0 = Math.max(vmax0, v0);
            vmax1 = Math.max(vmax1, v1);
            double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
            ref[0] -= 0.01 * (m0 / c1) / (Math.sqrt(vmax0 / c2) + 1e-8);
            ref[1] -= 0.01 * (m1 / c1) / (Math.sqrt(vmax1 / c2) + 1e-8);
            assertThat(vmax).containsExactly(vmax0, vmax1);
            assertThat(x[0]).isCloseTo(ref[0], within(1e-15));
            assertThat(x[1]).isCloseTo(ref[1], within(1e-15));
        }
        // after the large first gradient v decays, v̂ does not: AMSGrad steps less than Adam there
        assertThat(ams.state().vmax()[0]).isGreaterThan(ams.state().v()[0]);
        Adam plain = new Adam(2);
        double[] y = {1, -1};
        for (double[] gr : grads) plain.step(y, gr, 0.01);
        assertThat(y[0]).isNotEqualTo(x[0]);
        // a state saved with AMSGrad does not restore into plain Adam
        assertThatThrownBy(() -> plain.restore(ams.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMSGrad");
    }

    @Test
    void weightDecayIsDecoupledAndPullsTowardTheReference() {
        double[] ref = {2, -3};
        Adam adam = new Adam(2, 0.9, 0.999, 1e-8, false, 0.5, ref);
        double[] x = {4, 1};
        // zero gradient: Adam's own step is 0, only the decay acts, θ ← θ − lr·λ·(θ − θ_ref)
        adam.step(x, new double[]{0, 0}, 0.1);
        assertThat(x[0]).isCloseTo(4 - 0.05 * 2, within(1e-15));
        assertThat(x[1]).isCloseTo(1 - 0.05 * 4, within(1e-15));
        // decoupled: the moments never see the decay
        assertThat(adam.state().m()).containsExactly(0.0, 0.0);
        assertThat(adam.state().v()).containsExactly(0.0, 0.0);
    }

    @Test
    void emaEqualsTheClosedFormAverageOfTheTrajectory(@TempDir Path dir) {
        double d = 0.7;
        TrainingOptions o = new TrainingOptions(3, 20, 0.02, 1, 10, 42, Recipe.NONE.with("ema", d));
        PairForceField ff = Synthetic.start();
        double[] theta0 = new double[ff.parameterCount()];
        ff.getParameters(theta0);
        List<double[]> trajectory = new ArrayList<>();
        trajectory.add(theta0);
        Path cp = dir.resolve("cp.json");
        new Trainer(ff, TRAIN, VALID, o, 1).train(cp, new TrainingListener() {
            @Override
            public void onStep(Progress p) {
                double[] now = new double[theta0.length];
                ff.getParameters(now);
                trajectory.add(now);
            }
        });
        int t = trajectory.size() - 1;
        double[] closed = new double[theta0.length];
        for (int i = 0; i < closed.length; i++) {
            double s = Math.pow(d, t) * trajectory.get(0)[i];
            for (int k = 1; k <= t; k++) s += (1 - d) * Math.pow(d, t - k) * trajectory.get(k)[i];
            closed[i] = s;
        }
        double[] ema = Checkpoint.read(cp).recipe().ema();
        for (int i = 0; i < closed.length; i++) assertThat(ema[i]).isCloseTo(closed[i], within(1e-12 * (1 + Math.abs(closed[i]))));
        // the saved (best) parameters are an EMA, not a raw iterate
        Checkpoint c = Checkpoint.read(cp);
        assertThat(c.bestParameters()).isNotEqualTo(c.parameters());
        if (c.bestEpoch() == 3) assertThat(c.bestParameters()).isEqualTo(ema);
    }

    @Test
    void energyStageSwitchesWeightsAndLearningRate() {
        Recipe r = Recipe.NONE.with("stage2-epochs", 2).with("stage2-lr", 0.003).with("stage2-w-energy", 7)
                .with("stage2-w-force", 0.5);
        TrainingOptions o = new TrainingOptions(5, 20, 0.02, 1, 10, 42, r);
        Trainer trainer = new Trainer(Synthetic.start(), TRAIN, VALID, o, 1);
        TrainingResult res = trainer.train(null, TrainingListener.none());
        CosineSchedule cos = new CosineSchedule(0.02, 5L * trainer.batchesPerEpoch());
        for (int e = 0; e < 3; e++)
            assertThat(res.curves().get(e).lr()).isEqualTo(cos.at((e + 1L) * trainer.batchesPerEpoch() - 1));
        assertThat(res.curves().get(3).lr()).isEqualTo(0.003);
        assertThat(res.curves().get(4).lr()).isEqualTo(0.003);
        // the best parameters come from the energy stage, judged by its objective
        assertThat(res.bestEpoch()).isIn(4, 5);
        Objective stage2 = new Objective(7, 0.5, trainer.objective().sigmaEnergy(), trainer.objective().sigmaForce());
        // the last epoch's validation loss is the energy-stage objective at the final parameters
        PairForceField ff = Synthetic.start();
        ff.setParameters(res.finalParameters());
        Metrics m;
        try (WorkerPool pool = new WorkerPool(1)) {
            Predictor p = new Predictor(ff, pool);
            List<Predictions> preds = new ArrayList<>();
            for (Dataset d : VALID) preds.add(p.predict(d));
            m = Metrics.pooled(VALID, preds);
        }
        assertThat(res.curves().get(4).validLoss()).isEqualTo(stage2.loss(m));
        assertThat(trainer.objective().loss(m)).isNotEqualTo(stage2.loss(m));
        assertThatThrownBy(() -> new TrainingOptions(2, 20, 0.02, 1, 10, 42, r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage2-epochs");
    }

    @Test
    void plateauHalvesTheRateAfterPatienceEpochsWithoutImprovement() {
        // a threshold of 0.99 means "improve by 99 %", which never happens after the first epoch
        Recipe r = Recipe.NONE.with("plateau-patience", 1).with("plateau-threshold", 0.99);
        TrainingOptions o = new TrainingOptions(7, 20, 0.02, 1, 10, 42, r);
        Trainer trainer = new Trainer(Synthetic.start(), TRAIN, VALID, o, 1);
        TrainingResult res = trainer.train(null, TrainingListener.none());
        CosineSchedule cos = new CosineSchedule(0.02, 7L * trainer.batchesPerEpoch());
        // epoch 1 sets the best; epochs 2, 3 are bad → after epoch 3 the factor is ½; 4, 5 bad → ¼ after 5
        double[] factor = {1, 1, 1, 0.5, 0.5, 0.25, 0.25};
        for (int e = 0; e < 7; e++)
            assertThat(res.curves().get(e).lr()).as("epoch %d", e + 1)
                    .isEqualTo(cos.at((e + 1L) * trainer.batchesPerEpoch() - 1) * factor[e]);
    }

    @Test
    void allOptionsOnResumeBitForBitAndDoNotDependOnThreads(@TempDir Path dir) {
        TrainingResult one = train(ALL_ON, 1, dir.resolve("one.json"), TrainingListener.none());
        TrainingResult three = train(ALL_ON, 3, null, TrainingListener.none());
        assertThat(three.finalParameters()).isEqualTo(one.finalParameters());
        assertThat(three.bestParameters()).isEqualTo(one.bestParameters());
        assertThat(curvesWithoutTimes(three)).isEqualTo(curvesWithoutTimes(one));

        // interrupted in stage 1 (epoch 2), just before the switch (epoch 5) and inside stage 2 (epoch 6)
        for (int stopAt : new int[]{2, 5, 6}) {
            Path cp = dir.resolve("cp" + stopAt + ".json");
            assertThatThrownBy(() -> train(ALL_ON, 2, cp, Synthetic.interruptAfter(stopAt)))
                .isInstanceOf(Synthetic.Interrupted.class);
            Checkpoint c = Checkpoint.read(cp);
            assertThat(c.epochsDone()).isEqualTo(stopAt);
            assertThat(c.recipe().ema()).hasSize(Synthetic.start().parameterCount());
            TrainingResult resumed = new Trainer(Synthetic.start(), TRAIN, VALID, ALL_ON, 1)
                    .resume(c, cp, TrainingListener.none());
            assertThat(resumed.finalParameters()).as("stopped at %d", stopAt).isEqualTo(one.finalParameters());
            assertThat(resumed.bestParameters()).isEqualTo(one.bestParameters());
            assertThat(resumed.bestEpoch()).isEqualTo(one.bestEpoch());
            assertThat(curvesWithoutTimes(resumed)).isEqualTo(curvesWithoutTimes(one));
            Checkpoint full = Checkpoint.read(dir.resolve("one.json")), after = Checkpoint.read(cp);
            assertThat(after.adam()).isEqualTo(full.adam());
            assertThat(after.recipe()).isEqualTo(full.recipe());
        }
        // a checkpoint of a recipe run does not resume a plain run
        Checkpoint c = Checkpoint.read(dir.resolve("one.json"));
        TrainingOptions plain = ALL_ON.withRecipe(Recipe.NONE);
        assertThatThrownBy(() -> new Trainer(Synthetic.start(), TRAIN, VALID, plain, 1).resume(c, null,
                TrainingListener.none())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other training options");
    }

    @Test
    void checkpointsWithoutRecipeFieldsStillRead(@TempDir Path dir) throws Exception {
        Path cp = dir.resolve("cp.json");
        train(new TrainingOptions(1, 20, 0.02, 1, 10, 42), 1, cp, TrainingListener.none());
        String text = Files.readString(cp);
        assertThat(text).contains("\"recipe\"");
        // an old checkpoint: no recipe in the options or the state, no vmax in the Adam state
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text);
        tree.remove("recipe");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("options")).remove("recipe");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("adam")).remove("vmax");
        Files.writeString(cp, json.writeValueAsString(tree));
        Checkpoint old = Checkpoint.read(cp);
        assertThat(old.options().recipe()).isEqualTo(Recipe.NONE);
        assertThat(old.adam().vmax()).isEmpty();
        assertThat(old.recipe().lrScale()).isEqualTo(1.0);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertThatThrownBy(() -> Recipe.NONE.with("ema", 1)).hasMessageContaining("ema");
        assertThatThrownBy(() -> Recipe.NONE.with("clip", -1)).hasMessageContaining("clip");
        assertThatThrownBy(() -> Recipe.NONE.with("plateau-factor", 1.5)).hasMessageContaining("plateau-factor");
        assertThatThrownBy(() -> Recipe.NONE.with("stage2-epochs", 1.5)).hasMessageContaining("integer");
        assertThatThrownBy(() -> Recipe.NONE.with("nope", 1)).hasMessageContaining("unknown recipe option");
    }
}
