package org.qmlff.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small hybrid model (MLP head, ridge baseline, repulsion; docs/HYBRID.md) trains with the trainer's
 * guarantees: the same result for any thread count, and a run interrupted after an epoch and resumed in a
 * fresh model (created again from the same options, data and seed, the baseline fitted again) is bit
 * identical to the uninterrupted one.
 */
class HybridTrainingTest {
    private static final TrainingOptions OPTIONS = new TrainingOptions(3, 10, 0.01, 1, 10, 5);

    private static List<Dataset> frames(int from, int to) {
        Path file = Path.of(System.getProperty("qmlff.root", ".")).resolve("data/rmd17/rmd17_ethanol_train_01.npz");
        try {
            return List.of(DataFiles.read(file).range(from, to));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ForceField fresh(List<Dataset> train) {
        ModelOptions o = ModelOptions.defaults("hybrid").with("D", "1").with("K", "3").with("threebody", "1")
                .with("hidden", "4").with("baseK", "1").with("repulsion", "r12");
        return Models.create(o, train, 3);
    }

    @Test
    void trainsDeterministicallyAndResumesBitForBit(@TempDir Path dir) {
        List<Dataset> train = frames(0, 30), valid = frames(30, 36);
        TrainingResult two = new Trainer(fresh(train), train, valid, OPTIONS, 2).train(dir.resolve("a.json"), TrainingListener.none());
        TrainingResult one = new Trainer(fresh(train), train, valid, OPTIONS, 1).train(null, TrainingListener.none());
        assertThat(one.finalParameters()).isEqualTo(two.finalParameters());
        double[] start = new double[two.finalParameters().length];
        fresh(train).getParameters(start);
        assertThat(two.finalParameters()).isNotEqualTo(start);

        Path cp = dir.resolve("cp.json");
        assertThatThrownBy(() -> new Trainer(fresh(train), train, valid, OPTIONS, 1).train(cp, Synthetic.interruptAfter(2)))
                .isInstanceOf(Synthetic.Interrupted.class);
        Checkpoint c = Checkpoint.read(cp);
        assertThat(c.epochsDone()).isEqualTo(2);
        TrainingResult resumed = new Trainer(fresh(train), train, valid, OPTIONS, 2).resume(c, cp, TrainingListener.none());
        assertThat(resumed.finalParameters()).isEqualTo(two.finalParameters());
        assertThat(resumed.bestParameters()).isEqualTo(two.bestParameters());
        assertThat(resumed.bestEpoch()).isEqualTo(two.bestEpoch());
    }
}
