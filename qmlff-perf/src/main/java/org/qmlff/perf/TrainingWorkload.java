package org.qmlff.perf;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.train.BatchObjective;
import org.qmlff.train.FrameList;
import org.qmlff.train.Objective;
import org.qmlff.parallel.WorkerPool;

import java.util.List;
import java.util.Random;

/**
 * The work of one training step without the optimiser update (whose cost, a few thousand multiply-adds,
 * does not matter): the full default objective (energy and force terms, w_E = 1, w_F = 10) and its exact
 * parameter gradient over one batch, evaluated by {@link BatchObjective} exactly as the trainer does.
 * Successive calls walk through a fixed shuffle of the frames, batch after batch, so the timed
 * configurations vary like in training.
 *
 * <p>Owns a {@link WorkerPool}: close it.
 */
public final class TrainingWorkload implements Workload, AutoCloseable {
    private final WorkerPool pool;
    private final BatchObjective objective;
    private final int[] order;
    private final int batch;
    private final double[] grad;
    private int next;

    /**
     * @param model   the model whose objective is evaluated (its parameters are not changed)
     * @param data    the frames (all of them are used, in a shuffle from {@code seed})
     * @param batch   configurations per call, 1..frames
     * @param threads worker threads
     */
    public TrainingWorkload(ForceField model, Dataset data, int batch, int threads, long seed) {
        if (batch < 1 || batch > data.frames())
            throw new IllegalArgumentException("batch of " + batch + " needs 1.." + data.frames() + " frames");
        FrameList frames = new FrameList(List.of(data));
        Objective obj = Objective.forTraining(List.of(data), 1, 10);
        this.pool = new WorkerPool(threads);
        this.objective = new BatchObjective(model, obj, frames, batch, pool);
        this.batch = batch;
        this.order = shuffle(frames.size(), seed);
        this.grad = new double[model.parameterCount()];
    }

    private static int[] shuffle(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Configurations per call. */
    public int batch() {
        return batch;
    }

    /** Evaluates the next batch; returns its loss (the gradient goes to an internal buffer). */
    @Override
    public double call() {
        if (next + batch > order.length) next = 0;
        double loss = objective.evaluate(order, next, next + batch, grad);
        next += batch;
        return loss + grad[0];
    }

    @Override
    public void close() {
        pool.close();
    }
}
