package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.train.Trainer;
import org.qmlff.train.TrainingListener;
import org.qmlff.train.TrainingOptions;
import org.qmlff.train.TrainingResult;

import java.nio.file.Path;
import java.util.List;

/**
 * One training run whose batch gradients are computed on Spark ({@link SparkBatchEvaluator}): the same
 * {@link Trainer} as {@code qmlff train} (Adam, cosine schedule, recipe, validation, checkpoints), so the
 * run is bit-identical to the local one with the same seed, for any number of partitions.
 */
final class SparkTraining {
    private SparkTraining() {
    }

    /**
     * Trains {@code model} (left holding the best parameters).
     *
     * @param checkpoint where to checkpoint after every epoch, or null
     */
    static TrainingResult train(JavaSparkContext spark, int partitions, ForceField model, List<Dataset> training,
                                List<Dataset> validation, TrainingOptions options, Path checkpoint,
                                TrainingListener listener) {
        return train(spark, partitions, model, training, validation, options, checkpoint, listener, new StepProfile());
    }

    /** {@link #train(JavaSparkContext, int, ForceField, List, List, TrainingOptions, Path, TrainingListener)}, adding the steps' times to {@code profile}. */
    static TrainingResult train(JavaSparkContext spark, int partitions, ForceField model, List<Dataset> training,
                                List<Dataset> validation, TrainingOptions options, Path checkpoint,
                                TrainingListener listener, StepProfile profile) {
        Trainer t = new Trainer(model, training, validation, options, 1,
                SparkBatchEvaluator.factory(spark, partitions, profile));
        return t.train(checkpoint, listener);
    }
}
