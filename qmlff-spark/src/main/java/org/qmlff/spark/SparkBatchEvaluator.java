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
import java.util.Iterator;
import java.util.List;

/**
 * Data-parallel batch gradients on Spark: the configurations of each batch are split over
 * {@code partitions} tasks; each task rebuilds the model from the broadcast model file and the
 * step's broadcast parameters and computes its configurations' contributions
 * ({@link BatchObjective#contribution}); the driver sums them in batch-position order starting
 * from 0.0, exactly as {@link BatchObjective} does. A run is therefore bit-identical to the local
 * trainer's for any number of partitions and executors (Spark's own tree reductions are not
 * order-stable and are not used).
 *
 * <p>The training frames are broadcast once per evaluator (Spark caches broadcast values on the
 * executors); every step broadcasts the parameters (8 bytes each) and collects one gradient vector
 * per configuration.
 */
final class SparkBatchEvaluator implements BatchEvaluator {
    private final JavaSparkContext spark;
    private final ForceField model;
    private final int partitions;
    private final FrameList frames;
    private final Broadcast<ModelPayload> modelFile;
    private final Broadcast<ArrayList<DatasetPayload>> data;
    private final double[] objective;
    private final int nParams;

    /** A factory for {@link org.qmlff.train.Trainer}: every evaluator it makes runs on {@code spark}. */
    static Factory factory(JavaSparkContext spark, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        return (model, objective, frames, maxBatch, pool) -> new SparkBatchEvaluator(spark, model, objective, frames, partitions);
    }

    private SparkBatchEvaluator(JavaSparkContext spark, ForceField model, Objective objective, FrameList frames,
                                int partitions) {
        this.spark = spark;
        this.model = model;
        this.partitions = partitions;
        this.frames = frames;
        this.nParams = model.parameterCount();
        this.modelFile = spark.broadcast(ModelPayload.of(model));
        this.data = spark.broadcast(DatasetPayload.of(frames.datasets()));
        this.objective = new double[]{objective.wEnergy(), objective.wForce(), objective.sigmaEnergy(), objective.sigmaForce()};
    }

    /** One configuration of a batch: its position in the batch and its frame-list item. */
    record Item(int position, int item) implements Serializable {
    }

    /** What a task returns for one configuration. */
    record Contribution(int position, double loss, double[] grad) implements Serializable {
    }

    @Override
    public double evaluate(int[] order, int from, int to, double[] grad) {
        int b = to - from;
        if (b < 1) throw new IllegalArgumentException("empty batch");
        if (grad.length != nParams)
            throw new IllegalArgumentException("gradient buffer has " + grad.length + " entries, the model " + nParams);
        long components = 0;
        List<Item> items = new ArrayList<>(b);
        for (int j = 0; j < b; j++) {
            items.add(new Item(j, order[from + j]));
            components += 3L * frames.dataset(order[from + j]).atoms();
        }
        double[] params = new double[nParams];
        model.getParameters(params);
        Broadcast<double[]> step = spark.broadcast(params);
        Broadcast<ModelPayload> file = modelFile;
        Broadcast<ArrayList<DatasetPayload>> sets = data;
        double[] obj = objective;
        int batch = b;
        long c = components;
        List<Contribution> results;
        try {
            results = spark.parallelize(items, Math.min(partitions, b))
                    .mapPartitions((Iterator<Item> it) -> contributions(it, file.value(), step.value(), sets.value(), obj, batch, c))
                    .collect();
        } finally {
            step.destroy();
        }
        Contribution[] byPosition = new Contribution[b];
        for (Contribution r : results) byPosition[r.position()] = r;
        double loss = 0;
        Arrays.fill(grad, 0.0);
        for (int j = 0; j < b; j++) {
            Contribution r = byPosition[j];
            loss += r.loss();
            for (int i = 0; i < nParams; i++) grad[i] += r.grad()[i];
        }
        return loss;
    }

    /** Runs on an executor: the contributions of one partition's configurations. */
    private static Iterator<Contribution> contributions(Iterator<Item> items, ModelPayload file, double[] params,
                                                        List<DatasetPayload> sets, double[] obj, int batch, long components) {
        ForceField m = file.build(params);
        FrameList frames = new FrameList(DatasetPayload.toDatasets(sets));
        Objective objective = new Objective(obj[0], obj[1], obj[2], obj[3]);
        ForceField.Scratch scratch = m.newScratch();
        int n3 = 3 * frames.maxAtoms();
        double[] x = new double[n3], f = new double[n3], fRef = new double[n3], dLdF = new double[n3];
        List<Contribution> out = new ArrayList<>();
        while (items.hasNext()) {
            Item it = items.next();
            Dataset d = frames.dataset(it.item());
            double[] g = new double[m.parameterCount()];
            double loss = BatchObjective.contribution(m, objective, d, frames.frame(it.item()), batch, components, x, f,
                    fRef, dLdF, g, scratch);
            out.add(new Contribution(it.position(), loss, g));
        }
        return out.iterator();
    }
}
