package org.qmlff.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.BatchEvaluator;
import org.qmlff.train.BatchObjective;
import org.qmlff.train.FrameList;
import org.qmlff.train.Objective;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-parallel batch gradients on Spark: the configurations of each batch are cut into
 * {@code partitions} contiguous slices of nearly equal cost ({@link Slices}; a configuration costs
 * {@link #cost its circuit work}); each slice is one task, which computes its configurations'
 * contributions ({@link BatchObjective#contribution}) and returns them as one array; the driver sums them
 * in batch-position order starting from 0.0, exactly as {@link BatchObjective} does. A run is therefore
 * bit-identical to the local trainer's for any number of partitions and executors (Spark's own tree
 * reductions are not order-stable and are not used; partial sums of later slices would change the
 * rounding, so their configurations' gradients come back one by one).
 *
 * <p>What moves: the model file and the training frames are broadcast once per evaluator (Spark keeps
 * broadcast values on the executors); every step ships only the parameters (in the task closure) and the
 * slices' frame indices, and collects one loss per configuration and the gradients. The slice at batch
 * position 0 returns the running sum of its gradients, 0.0 plus each in order: the very additions the
 * driver would make first, so the driver starts from it instead (with one partition only that one gradient
 * moves); every other slice returns one gradient per configuration. What is kept: each executor rebuilds
 * the model from its file once per task slot, not once per task, and between steps only replaces its
 * parameters ({@link ExecutorCache}).
 *
 * <p>Threads: a task uses as many threads as Spark gives it cores ({@code spark.task.cpus}, through
 * {@link TaskContext#cpus()}); its configurations are computed in parallel into per-configuration buffers
 * and packed or summed in batch order, so the bits do not depend on it. One task of two cores per
 * two-core executor balances its configurations between the cores item by item, where two one-core tasks
 * are fixed halves.
 */
final class SparkBatchEvaluator implements BatchEvaluator {
    private final JavaSparkContext spark;
    private final ForceField model;
    private final int partitions;
    private final FrameList frames;
    private final double[] costs;
    private final Broadcast<ModelPayload> modelFile;
    private final Broadcast<ArrayList<DatasetPayload>> data;
    private final ExecutorCache.Key key;
    private final double[] objective;
    private final int nParams;
    private final StepProfile profile;
    private final int chunkLimit;
    private long steps;

    /** A factory for {@link org.qmlff.train.Trainer}: every evaluator it makes runs on {@code spark}. */
    static Factory factory(JavaSparkContext spark, int partitions) {
        return factory(spark, partitions, new StepProfile());
    }

    /** {@link #factory(JavaSparkContext, int)} whose evaluators add their steps' times to {@code profile}. */
    static Factory factory(JavaSparkContext spark, int partitions, StepProfile profile) {
        return factory(spark, partitions, profile, Workspace.MAX_CHUNK);
    }

    /**
     * {@link #factory(JavaSparkContext, int, StepProfile)} whose tasks compute at most {@code chunkLimit}
     * configurations at a time (tests use small limits to cross chunk boundaries).
     */
    static Factory factory(JavaSparkContext spark, int partitions, StepProfile profile, int chunkLimit) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        if (chunkLimit < 1) throw new IllegalArgumentException("chunk limit must be at least 1, got " + chunkLimit);
        return (model, objective, frames, maxBatch, pool) -> new SparkBatchEvaluator(spark, model, objective, frames,
                partitions, profile, chunkLimit);
    }

    private SparkBatchEvaluator(JavaSparkContext spark, ForceField model, Objective objective, FrameList frames,
                                int partitions, StepProfile profile, int chunkLimit) {
        this.spark = spark;
        this.chunkLimit = chunkLimit;
        this.profile = profile;
        this.model = model;
        this.partitions = partitions;
        this.frames = frames;
        this.nParams = model.parameterCount();
        for (Dataset d : frames.datasets()) model.checkCompatible(d.numbers());
        this.costs = new double[frames.datasets().size()];
        for (int s = 0; s < costs.length; s++) costs[s] = cost(model, frames.datasets().get(s).numbers());
        this.modelFile = spark.broadcast(ModelPayload.of(model));
        this.data = spark.broadcast(DatasetPayload.of(frames.datasets()));
        this.key = ExecutorCache.Key.fresh();
        this.objective = new double[]{objective.wEnergy(), objective.wForce(), objective.sigmaEnergy(), objective.sigmaForce()};
    }

    /**
     * The relative cost of one configuration's contribution: the gates of one energy evaluation times
     * the state size 2^qubits (a gate's work), or the atom count for a model that simulates no circuits.
     */
    static double cost(ForceField model, int[] numbers) {
        ForceField.CircuitCost c = model.circuitCost(numbers);
        return c == null ? numbers.length : (double) c.gates() * Math.scalb(1.0, c.qubits());
    }

    /** One task's configurations: batch positions {@code [first, first + items.length)}, their frame-list items. */
    record Slice(int first, int[] items) implements Serializable {
    }

    /**
     * What a task returns: the loss of each of its configurations, their gradients packed one after the
     * other ({@link GradientBlock}: Java serialises a byte array as one block copy but a double array value
     * by value, and a model's gradient is often half +0.0) or, when {@code summed}, their running sum
     * from 0.0 in order as one gradient, and how long the task took from its start to the end of its
     * computation (a workspace built included).
     */
    record SliceResult(int first, double[] losses, byte[] gradients, boolean summed, long computeNanos)
            implements Serializable {
    }

    @Override
    public double evaluate(int[] order, int from, int to, double[] grad) {
        int b = to - from;
        if (b < 1) throw new IllegalArgumentException("empty batch");
        if (grad.length != nParams)
            throw new IllegalArgumentException("gradient buffer has " + grad.length + " entries, the model " + nParams);
        long components = 0;
        double[] cost = new double[b];
        for (int j = 0; j < b; j++) {
            components += 3L * frames.dataset(order[from + j]).atoms();
            cost[j] = costs[frames.datasetIndex(order[from + j])];
        }
        int[] bounds = Slices.balanced(cost, partitions);
        List<Slice> slices = new ArrayList<>(bounds.length - 1);
        for (int s = 0; s + 1 < bounds.length; s++)
            slices.add(new Slice(bounds[s], Arrays.copyOfRange(order, from + bounds[s], from + bounds[s + 1])));
        double[] params = new double[nParams];
        model.getParameters(params);
        Step step = new Step(key, ++steps, params, objective, b, components, chunkLimit);
        Broadcast<ModelPayload> file = modelFile;
        Broadcast<ArrayList<DatasetPayload>> sets = data;
        long t0 = System.nanoTime();
        List<SliceResult> results = spark.parallelize(slices, slices.size())
                .map(slice -> contributions(slice, step, file, sets))
                .collect();
        long t1 = System.nanoTime();
        long compute = 0;
        double loss = 0;
        Arrays.fill(grad, 0.0);
        double[] row = new double[nParams];
        for (int s = 0; s < slices.size(); s++) {
            SliceResult r = results.get(s); // collect() keeps the partitions' order, one slice per partition
            if (r.first() != bounds[s] || r.losses().length != bounds[s + 1] - bounds[s])
                throw new IllegalStateException("slice " + s + " came back as positions " + r.first() + "+"
                        + r.losses().length + ", expected " + bounds[s] + ".." + bounds[s + 1]);
            compute += r.computeNanos();
            if (r.summed() != (s == 0))
                throw new IllegalStateException("slice " + s + (s == 0 ? " did not sum" : " summed") + " its gradients");
            GradientBlock.Reader g = new GradientBlock.Reader(r.gradients(), nParams);
            for (int j = 0; j < r.losses().length; j++) loss += r.losses()[j];
            if (r.summed()) {
                g.next(grad); // 0.0 + g_0 + g_1 + …, added in this order on the executor: what this loop would add
            } else {
                for (int j = 0; j < r.losses().length; j++) {
                    g.next(row);
                    for (int i = 0; i < nParams; i++) grad[i] += row[i];
                }
            }
            if (!g.finished()) throw new IllegalStateException("slice " + s + " sent more gradient bytes than it holds");
        }
        profile.add(b, t1 - t0, compute, System.nanoTime() - t1);
        return loss;
    }

    /**
     * What every task of one step shares: the evaluator's cache key, the step's number (workspaces
     * compare it to know whether their parameters are current), the parameters, the objective's
     * weights and scales, the batch size and its force components, and the most configurations a task
     * computes at a time.
     */
    record Step(ExecutorCache.Key key, long number, double[] parameters, double[] objective, int batch,
                long components, int chunkLimit) implements Serializable {
    }

    /**
     * An executor's model and buffers for one evaluator, used by one task at a time: a worker pool of the
     * task's cores, one scratch per worker, and per-configuration buffers for up to {@code chunk}
     * configurations computed at once: at least four per worker, at most {@value #MAX_CHUNK} and as many
     * as fit their gradients into {@value #CHUNK_BYTES} bytes, and never more than the step's limit.
     */
    static final class Workspace implements AutoCloseable {
        /** As the local trainer's chunks ({@link BatchObjective#CHUNK_BYTES}): gradients that stay in the cache until added or packed. */
        static final long CHUNK_BYTES = BatchObjective.CHUNK_BYTES;
        static final int MAX_CHUNK = 1024;
        final ForceField model;
        final ForceField.Scratch[] scratch;
        final FrameList frames;
        final WorkerPool pool;
        final BatchObjective.Slot[] configs;
        final double[] sum;
        long step = -1;

        Workspace(ModelPayload file, List<DatasetPayload> sets, int threads, int chunkLimit) {
            model = file.build(null);
            pool = new WorkerPool(threads, "qmlff-task");
            scratch = new ForceField.Scratch[threads];
            for (int w = 0; w < threads; w++) scratch[w] = model.newScratch();
            frames = new FrameList(DatasetPayload.toDatasets(sets));
            int n3 = 3 * frames.maxAtoms(), np = model.parameterCount();
            long fit = CHUNK_BYTES / (8L * Math.max(1, np));
            int chunk = (int) Math.min(chunkLimit, Math.max(4L * threads, Math.min(fit, MAX_CHUNK)));
            configs = new BatchObjective.Slot[chunk];
            for (int j = 0; j < chunk; j++) configs[j] = new BatchObjective.Slot(n3, np);
            sum = new double[np];
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /** The cores Spark gave the running task (1 outside a task). */
    static int taskCores() {
        TaskContext c = TaskContext.get();
        return c == null ? 1 : Math.max(1, c.cpus());
    }

    /** Runs on an executor: the contributions of one slice's configurations. */
    private static SliceResult contributions(Slice slice, Step step, Broadcast<ModelPayload> file,
                                             Broadcast<ArrayList<DatasetPayload>> sets) {
        long t0 = System.nanoTime();
        int cores = taskCores();
        Workspace w = ExecutorCache.borrow(step.key(), Workspace.class,
                () -> new Workspace(file.value(), sets.value(), cores, step.chunkLimit()));
        if (w.step != step.number()) {
            w.model.setParameters(step.parameters());
            w.step = step.number();
        }
        double[] obj = step.objective();
        Objective objective = new Objective(obj[0], obj[1], obj[2], obj[3]);
        int[] items = slice.items();
        int n = items.length, np = w.sum.length;
        boolean summed = slice.first() == 0;
        double[] losses = new double[n];
        GradientBlock.Writer out = new GradientBlock.Writer(np, summed ? 1 : n);
        Arrays.fill(w.sum, 0.0);
        int ranges = w.pool.threads();
        for (int from = 0; from < n; from += w.configs.length) {
            int start = from, count = Math.min(w.configs.length, n - from);
            w.pool.forEach(count, (j, worker) -> {
                BatchObjective.Slot c = w.configs[j];
                int item = items[start + j];
                c.loss = BatchObjective.contribution(w.model, objective, w.frames.dataset(item), w.frames.frame(item),
                        step.batch(), step.components(), c.positions, c.forces, c.refForces, c.dLdF, c.grad,
                        w.scratch[worker]);
            });
            for (int j = 0; j < count; j++) losses[start + j] = w.configs[j].loss;
            if (summed) {
                // per parameter, the configurations in batch order, the parameters split among the workers:
                // the same additions in the same order as the driver's loop
                w.pool.forEach(ranges, (r, worker) -> {
                    int lo = (int) ((long) np * r / ranges), hi = (int) ((long) np * (r + 1) / ranges);
                    for (int j = 0; j < count; j++) {
                        double[] g = w.configs[j].grad;
                        for (int i = lo; i < hi; i++) w.sum[i] += g[i];
                    }
                });
            } else {
                for (int j = 0; j < count; j++) out.add(w.configs[j].grad);
            }
        }
        if (summed) out.add(w.sum);
        ExecutorCache.giveBack(step.key(), w);
        return new SliceResult(slice.first(), losses, out.toBytes(), summed, System.nanoTime() - t0);
    }
}
