package org.qmlff.train;

import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;

/**
 * Evaluates the training objective and its parameter gradient over one batch, at the model's current
 * parameters. {@link BatchObjective} does it on the local worker pool; a distributed implementation
 * (the {@code qmlff-spark} module) computes the batch's configurations elsewhere.
 *
 * <p>Contract, for bit-identical training whatever evaluates the batch: the value and gradient are
 * the sums, in batch-position order starting from 0.0, of the per-configuration contributions
 * {@link BatchObjective#contribution} computes.
 */
public interface BatchEvaluator {
    /**
     * The loss over the batch made of items {@code order[from..to)} of the frame list; writes its
     * gradient into {@code grad} (overwritten; length = parameter count).
     */
    double evaluate(int[] order, int from, int to, double[] grad);

    /** Makes the evaluator of one objective; the trainer asks for a new one when the objective changes. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param model     the model being trained; its parameters are current when {@code evaluate} is called
         * @param objective the loss
         * @param frames    the training frames that batches index into
         * @param maxBatch  the largest batch that will be evaluated
         * @param pool      the trainer's local workers
         */
        BatchEvaluator create(ForceField model, Objective objective, FrameList frames, int maxBatch, WorkerPool pool);
    }

    /** The local evaluator. */
    Factory LOCAL = BatchObjective::new;
}
