package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
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
 * reductions are not order-stable and are not used; partial sums on the executors would change the
 * rounding, so every configuration's gradient comes back).
 *
 * <p>What moves: the model file and the training frames are broadcast once per evaluator (Spark keeps
 * broadcast values on the executors); every step ships only the parameters (in the task closure) and the
 * slices' frame indices, and collects one loss and one gradient per configuration. What is kept: each
 * executor rebuilds the model from its file once per task slot, not once per task, and between steps only
 * replaces its parameters ({@link ExecutorCache}).
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
    private long steps;

    /** A factory for {@link org.qmlff.train.Trainer}: every evaluator it makes runs on {@code spark}. */
    static Factory factory(JavaSparkContext spark, int partitions) {
        return factory(spark, partitions, new StepProfile());
    }

    /** {@link #factory(JavaSparkContext, int)} whose evaluators add their steps' times to {@code profile}. */
    static Factory factory(JavaSparkContext spark, int partitions, StepProfile profile) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        return (model, objective, frames, maxBatch, pool) -> new SparkBatchEvaluator(spark, model, objective, frames,
                partitions, profile);
    }

    private SparkBatchEvaluator(JavaSparkContext spark, ForceField model, Objective objective, FrameList frames,
                                int partitions, StepProfile profile) {
        this.spark = spark;
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
     * by value, and a model's gradient is often half +0.0), and how long the task took from its start to
     * the end of its computation (a workspace built included).
     */
    record SliceResult(int first, double[] losses, byte[] gradients, long computeNanos) implements Serializable {
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
        Step step = new Step(key, ++steps, params, objective, b, components);
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
            GradientBlock.Reader g = new GradientBlock.Reader(r.gradients(), nParams);
            for (int j = 0; j < r.losses().length; j++) {
                loss += r.losses()[j];
                g.next(row);
                for (int i = 0; i < nParams; i++) grad[i] += row[i];
            }
            if (!g.finished()) throw new IllegalStateException("slice " + s + " sent more gradient bytes than it holds");
        }
        profile.add(b, t1 - t0, compute, System.nanoTime() - t1);
        return loss;
    }

    /**
     * What every task of one step shares: the evaluator's cache key, the step's number (workspaces
     * compare it to know whether their parameters are current), the parameters, the objective's
     * weights and scales, the batch size and its force components.
     */
    record Step(ExecutorCache.Key key, long number, double[] parameters, double[] objective, int batch,
                long components) implements Serializable {
    }

    /** An executor's model and buffers for one evaluator, used by one task at a time. */
    static final class Workspace {
        final ForceField model;
        final ForceField.Scratch scratch;
        final FrameList frames;
        final double[] positions, forces, refForces, dLdF, grad;
        long step = -1;

        Workspace(ModelPayload file, List<DatasetPayload> sets) {
            model = file.build(null);
            scratch = model.newScratch();
            frames = new FrameList(DatasetPayload.toDatasets(sets));
            int n3 = 3 * frames.maxAtoms();
            positions = new double[n3];
            forces = new double[n3];
            refForces = new double[n3];
            dLdF = new double[n3];
            grad = new double[model.parameterCount()];
        }
    }

    /** Runs on an executor: the contributions of one slice's configurations. */
    private static SliceResult contributions(Slice slice, Step step, Broadcast<ModelPayload> file,
                                             Broadcast<ArrayList<DatasetPayload>> sets) {
        long t0 = System.nanoTime();
        Workspace w = ExecutorCache.borrow(step.key(), Workspace.class, () -> new Workspace(file.value(), sets.value()));
        if (w.step != step.number()) {
            w.model.setParameters(step.parameters());
            w.step = step.number();
        }
        double[] obj = step.objective();
        Objective objective = new Objective(obj[0], obj[1], obj[2], obj[3]);
        int n = slice.items().length, np = w.grad.length;
        double[] losses = new double[n];
        GradientBlock.Writer out = new GradientBlock.Writer(np, n);
        for (int j = 0; j < n; j++) {
            int item = slice.items()[j];
            losses[j] = BatchObjective.contribution(w.model, objective, w.frames.dataset(item), w.frames.frame(item),
                    step.batch(), step.components(), w.positions, w.forces, w.refForces, w.dLdF, w.grad, w.scratch);
            out.add(w.grad);
        }
        ExecutorCache.giveBack(step.key(), w);
        return new SliceResult(slice.first(), losses, out.toBytes(), System.nanoTime() - t0);
    }
}
