package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {
    private static final Dataset MOL_A = Synthetic.molecule("a", new int[]{6, 8, 1, 1}, 70, 5);
    private static final Dataset MOL_B = Synthetic.molecule("b", new int[]{8, 1, 1}, 50, 6);
    private static final List<Dataset> TRAIN = List.of(MOL_A.range(0, 60), MOL_B.range(0, 43));
    private static final List<Dataset> VALID = List.of(MOL_A.range(60, 70), MOL_B.range(43, 50));
    private static final TrainingOptions OPTIONS = new TrainingOptions(6, 20, 0.02, 1, 10, 42);

    private static TrainingResult train(TrainingOptions o, int threads, Path checkpoint) {
        PairForceField ff = Synthetic.start();
        return new Trainer(ff, TRAIN, VALID, o, threads).train(checkpoint, TrainingListener.none());
    }

    /** Everything in the curves except wall-clock times. */
    private static List<List<Double>> curvesWithoutTimes(TrainingResult r) {
        List<List<Double>> out = new ArrayList<>();
        for (EpochRecord e : r.curves())
            out.add(List.of((double) e.epoch(), e.lr(), e.trainLoss(), e.validLoss(), e.validEnergyMae(), e.validForceMae()));
        return out;
    }

    private static double validationLoss(PairForceField ff, Objective obj) {
        try (WorkerPool pool = new WorkerPool(1)) {
            Predictor p = new Predictor(ff, pool);
            List<Predictions> preds = new ArrayList<>();
            for (Dataset d : VALID) preds.add(p.predict(d));
            return obj.loss(Metrics.pooled(VALID, preds));
        }
    }

    @Test
    void shuffleIsAPermutationThatChangesEachEpochAndRepeatsForASeed() {
        int[] a = new int[100], b = new int[100], c = new int[100];
        Trainer.shuffle(7, 0, a);
        Trainer.shuffle(7, 1, b);
        Trainer.shuffle(7, 0, c);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) assertThat(sorted[i]).isEqualTo(i);
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(c);
        int[] d = new int[100];
        Trainer.shuffle(8, 0, d);
        assertThat(d).isNotEqualTo(a);
    }

    @Test
    void trainingLowersTheValidationLossAndKeepsTheBestParameters() {
        PairForceField ff = Synthetic.start();
        Trainer trainer = new Trainer(ff, TRAIN, VALID, new TrainingOptions(15, 20, 0.05, 1, 10, 1), 2);
        double initial = validationLoss(ff, trainer.objective());
        List<Long> steps = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = trainer.train(null, new TrainingListener() {
            @Override
            public void onStep(Progress p) {
                steps.add(p.step());
            }

            @Override
            public void onEpoch(EpochRecord rec, Progress p) {
                epochs.add(rec.epoch());
            }
        });
        // 103 frames in batches of 20: 6 steps per epoch
        assertThat(trainer.batchesPerEpoch()).isEqualTo(6);
        assertThat(steps).hasSize(15 * 6).startsWith(1L).endsWith(90L);
        assertThat(epochs).hasSize(15).startsWith(1).endsWith(15);
        assertThat(r.bestValidLoss()).isLessThan(0.2 * initial);
        double min = r.curves().stream().mapToDouble(EpochRecord::validLoss).min().orElseThrow();
        assertThat(r.bestValidLoss()).isEqualTo(min);
        assertThat(r.curves().get(r.bestEpoch() - 1).validLoss()).isEqualTo(min);
        // the model is left holding the best parameters, and they score the recorded loss
        double[] held = new double[ff.parameterCount()];
        ff.getParameters(held);
        assertThat(held).isEqualTo(r.bestParameters());
        assertThat(validationLoss(ff, trainer.objective())).isEqualTo(min);
    }

    @Test
    void sameSeedIsBitIdenticalForAnyThreadCount() {
        TrainingResult one = train(OPTIONS, 1, null);
        TrainingResult again = train(OPTIONS, 1, null);
        TrainingResult three = train(OPTIONS, 3, null);
        assertThat(again.finalParameters()).isEqualTo(one.finalParameters());
        assertThat(three.finalParameters()).isEqualTo(one.finalParameters());
        assertThat(three.bestParameters()).isEqualTo(one.bestParameters());
        assertThat(curvesWithoutTimes(three)).isEqualTo(curvesWithoutTimes(one));
        TrainingResult otherSeed = train(new TrainingOptions(6, 20, 0.02, 1, 10, 43), 1, null);
        assertThat(otherSeed.finalParameters()).isNotEqualTo(one.finalParameters());
    }

    @Test
    void resumedRunIsBitIdenticalToUninterrupted(@TempDir Path dir) {
        Path full = dir.resolve("full.json");
        TrainingResult uninterrupted = train(OPTIONS, 2, full);

        Path cp = dir.resolve("cp.json");
        PairForceField first = Synthetic.start();
        assertThatThrownBy(() -> new Trainer(first, TRAIN, VALID, OPTIONS, 2).train(cp, Synthetic.interruptAfter(2)))
                .isInstanceOf(Synthetic.Interrupted.class);
        Checkpoint c = Checkpoint.read(cp);
        assertThat(c.epochsDone()).isEqualTo(2);

        // a fresh process: a new model with the initial parameters, and another thread count
        PairForceField second = Synthetic.start();
        TrainingResult resumed = new Trainer(second, TRAIN, VALID, OPTIONS, 3).resume(c, cp, TrainingListener.none());
        assertThat(resumed.finalParameters()).isEqualTo(uninterrupted.finalParameters());
        assertThat(resumed.bestParameters()).isEqualTo(uninterrupted.bestParameters());
        assertThat(resumed.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
        assertThat(curvesWithoutTimes(resumed)).isEqualTo(curvesWithoutTimes(uninterrupted));
        Checkpoint a = Checkpoint.read(full), b = Checkpoint.read(cp);
        assertThat(b.adam()).isEqualTo(a.adam());
        assertThat(b.parameters()).isEqualTo(a.parameters());
        assertThat(b.epochsDone()).isEqualTo(OPTIONS.epochs());
    }

    @Test
    void resumeRefusesOtherOptionsOrData(@TempDir Path dir) {
        Path cp = dir.resolve("cp.json");
        train(new TrainingOptions(2, 20, 0.02, 1, 10, 42), 1, cp);
        Checkpoint c = Checkpoint.read(cp);
        assertThatThrownBy(() -> new Trainer(Synthetic.start(), TRAIN, VALID, new TrainingOptions(3, 20, 0.02, 1, 10, 42), 1)
                .resume(c, cp, TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other training options");
        TrainingOptions o2 = new TrainingOptions(2, 20, 0.02, 1, 10, 42);
        assertThatThrownBy(() -> new Trainer(Synthetic.start(), List.of(MOL_A.range(0, 59), MOL_B.range(0, 43)), VALID, o2, 1)
                .resume(c, cp, TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other training data");
    }

    @Test
    void divergenceIsAOneLineError() {
        assertThatThrownBy(() -> train(new TrainingOptions(2, 20, 1e300, 1, 10, 42), 1, null))
                .isInstanceOf(org.qmlff.error.NumericalFailureException.class).hasMessageContaining("diverged");
    }

    @Test
    void incompatibleMoleculeIsRejectedUpFront() {
        Dataset nitrogen = Synthetic.molecule("n", new int[]{7, 1}, 5, 1);
        assertThatThrownBy(() -> new Trainer(Synthetic.start(), List.of(MOL_A), List.of(nitrogen), OPTIONS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element 7");
    }

    @Test
    void checkpointIsWrittenAtomically(@TempDir Path dir) throws Exception {
        train(new TrainingOptions(2, 20, 0.02, 1, 10, 42), 2, dir.resolve("checkpoint.json"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("checkpoint.json");
        }
    }
}
