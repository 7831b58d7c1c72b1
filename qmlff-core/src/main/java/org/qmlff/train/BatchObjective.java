package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;

import java.util.Arrays;

/**
 * The {@link Objective} and its exact parameter gradient over a batch of frames, evaluated in parallel
 * over the configurations of the batch.
 *
 * <p>Determinism: the batch is computed in chunks of at most {@link #chunk()} configurations;
 * configuration j of a chunk always uses slot j's buffers (its own gradient buffer), whichever worker
 * runs it; the slots' losses and gradients are then added, in batch order, to the running sums. The
 * result is the serial sum's bits for any thread count and any chunk size.
 *
 * <p>Why chunks: every configuration's gradient must be kept until it is added in order, and a batch
 * of 950 configurations of a model with 3 640 parameters holds 28 MB of them, which the summation then
 * reads back from memory; a chunk's gradients ({@value #CHUNK_BYTES} bytes at most, and at least four
 * configurations per worker) stay in the cache between being written and being added.
 */
public final class BatchObjective implements BatchEvaluator {
    private final ForceField model;
    private final Objective objective;
    private final FrameList frames;
    private final WorkerPool pool;
    private final ForceField.Scratch[] scratch;
    private final Slot[] slots;
    private final int maxBatch;
    private final int nParams;

    /** The most bytes of per-configuration gradients a chunk holds (unless four per worker need more). */
    public static final long CHUNK_BYTES = 1L << 20;

    /**
     * One configuration's buffers for {@link #contribution}: positions, predicted and reference forces and
     * dL/dF (3 × atoms entries each), its parameter gradient, and its loss term once computed. Mutable,
     * for one thread at a time.
     */
    public static final class Slot {
        public final double[] positions;
        public final double[] forces;
        public final double[] refForces;
        public final double[] dLdF;
        public final double[] grad;
        public double loss;

        /** Buffers for molecules of up to n3 / 3 atoms and a model of {@code nParams} parameters. */
        public Slot(int n3, int nParams) {
            positions = new double[n3];
            forces = new double[n3];
            refForces = new double[n3];
            dLdF = new double[n3];
            grad = new double[nParams];
        }
    }

    /**
     * @param model     the model; its parameters are read, never changed, here
     * @param objective the loss
     * @param frames    the frames that batches index into
     * @param maxBatch  the largest batch that will be evaluated
     * @param pool      the workers
     */
    public BatchObjective(ForceField model, Objective objective, FrameList frames, int maxBatch, WorkerPool pool) {
        this(model, objective, frames, maxBatch, pool, CHUNK_BYTES);
    }

    /** As the public constructor, with chunks of at most {@code chunkBytes} of gradients (tests cross chunk boundaries with small ones). */
    BatchObjective(ForceField model, Objective objective, FrameList frames, int maxBatch, WorkerPool pool, long chunkBytes) {
        this.model = model;
        this.objective = objective;
        this.frames = frames;
        this.pool = pool;
        this.nParams = model.parameterCount();
        for (Dataset d : frames.datasets()) model.checkCompatible(d.numbers());
        this.scratch = new ForceField.Scratch[pool.threads()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = model.newScratch();
        this.maxBatch = maxBatch;
        int chunk = (int) Math.min(maxBatch, Math.max(4L * pool.threads(), chunkBytes / (8L * Math.max(1, nParams))));
        this.slots = new Slot[Math.max(1, chunk)];
        for (int j = 0; j < slots.length; j++) slots[j] = new Slot(frames.maxAtoms() * 3, nParams);
    }

    /** The most configurations computed at once (then added to the sums). */
    public int chunk() {
        return slots.length;
    }

    /**
     * The loss over the batch made of items {@code order[from..to)} of the frame list; writes its
     * gradient with respect to the model parameters into {@code grad} (overwritten; length =
     * parameter count).
     */
    @Override
    public double evaluate(int[] order, int from, int to, double[] grad) {
        int b = to - from;
        if (b < 1 || b > maxBatch)
            throw new IllegalArgumentException("batch of " + b + " frames, this evaluator holds 1.." + maxBatch);
        if (grad.length != nParams)
            throw new IllegalArgumentException("gradient buffer has " + grad.length + " entries, the model " + nParams);
        long components = 0;
        for (int j = 0; j < b; j++) components += 3L * frames.dataset(order[from + j]).atoms();
        long c = components;
        double loss = 0;
        Arrays.fill(grad, 0.0);
        int ranges = pool.threads();
        for (int start = 0; start < b; start += slots.length) {
            int first = from + start, count = Math.min(slots.length, b - start);
            pool.forEach(count, (j, w) -> {
                Slot s = slots[j];
                int item = order[first + j];
                s.loss = contribution(model, objective, frames.dataset(item), frames.frame(item), b, c, s.positions,
                        s.forces, s.refForces, s.dLdF, s.grad, scratch[w]);
            });
            for (int j = 0; j < count; j++) loss += slots[j].loss;
            // The slots' gradients added per parameter in batch order, the parameters split into one contiguous range
            // per worker: the same additions in the same order as a serial sum, so bit-identical for any thread count,
            // and no serial tail after the parallel part (it was a few per cent of a batch at two threads).
            pool.forEach(ranges, (r, w) -> {
                int lo = (int) ((long) nParams * r / ranges), hi = (int) ((long) nParams * (r + 1) / ranges);
                for (int j = 0; j < count; j++) {
                    double[] g = slots[j].grad;
                    for (int i = lo; i < hi; i++) grad[i] += g[i];
                }
            });
        }
        return loss;
    }

    /**
     * One configuration's contribution to a batch of {@code batchSize} configurations with
     * {@code components} force components in all: returns its loss term and overwrites {@code grad}
     * with its parameter gradient. The buffers hold at least 3 × atoms entries ({@code grad}: the
     * parameter count) and are the caller's; {@code scratch} is the model's per-thread memory.
     */
    public static double contribution(ForceField model, Objective objective, Dataset d, int frame, int batchSize,
                                      long components, double[] positions, double[] forces, double[] refForces,
                                      double[] dLdF, double[] grad, ForceField.Scratch scratch) {
        int n3 = d.atoms() * 3;
        int[] numbers = d.numbers();
        d.copyPositions(frame, positions);
        d.copyForces(frame, refForces);
        double e = model.energyAndForces(numbers, positions, forces, scratch);
        double eRef = d.energies()[frame];
        double loss = objective.term(e, eRef, forces, refForces, n3, batchSize, components, dLdF);
        Arrays.fill(grad, 0.0);
        model.addObjectiveGradient(numbers, positions, objective.dLdE(e, eRef, batchSize), dLdF, grad, scratch);
        return loss;
    }
}
