package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.ExtXyz;
import org.qmlff.data.UnitSystem;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Energies and forces of every frame of a (large) trajectory on Spark. The driver broadcasts the
 * geometry once (species and positions) and cuts the frames into {@code partitions} contiguous ranges of
 * nearly equal size; each task predicts its range with the broadcast model (the same {@link Predictor}
 * as {@code qmlff predict}, so every number is the same) and streams it as extended XYZ to
 * {@code OUT/parts/part-NNNNN.extxyz}; the driver then streams the parts, in frame order, into
 * {@code OUT/predictions.extxyz} (a byte copy: no parsing, nothing held in memory). In {@link Format#NPZ}
 * the parts and the merged file are npz files in the rMD17 layout ({@code DataFiles.write}'s; the merged
 * file byte for byte the one that writes for all frames, streamed one part's array at a time). Every file is
 * written through a temporary file and a rename. An executor rebuilds the model once per task slot, not
 * once per task ({@link ExecutorCache}); a task of several cores ({@code spark.task.cpus}) predicts its
 * frames on that many threads (and writes them on one: formatting blocks of frames on all of them did not
 * shorten the writing, docs/SPARK.md). Units: Å, kcal/mol, kcal/mol/Å. {@code OUT} must be a path
 * every executor can write (a shared file system); in {@code local[N]} any local directory.
 */
final class SparkPrediction {
    private SparkPrediction() {
    }

    /** The output files' format. */
    enum Format {
        /** Extended XYZ text (ASE reads it; about 0.9 kB per frame of 9 atoms). */
        EXTXYZ("extxyz"),
        /** The rMD17 npz arrays, binary float64 (numpy reads it; 0.4 kB per frame of 9 atoms, no formatting). */
        NPZ("npz");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** {@code extxyz} or {@code npz}, as the command line names them. */
        static Format of(String name) {
            for (Format f : values())
                if (f.extension.equals(name)) return f;
            throw new org.qmlff.error.InputException("--format " + name + ": expected extxyz or npz");
        }
    }

    /** The frames as broadcast: species and positions (Å), no labels. */
    record Geometry(String name, int[] numbers, double[] positions) implements Serializable {
    }

    /** One task's frames, {@code [from, to)}. */
    record Range(int index, int from, int to) implements Serializable {
    }

    /**
     * What was written, and where the time went (seconds): the driver's preparation (slicing, broadcasts),
     * the Spark job, inside it the tasks' prediction and writing (each summed over tasks), and the
     * driver's merge.
     */
    record Result(Path merged, List<Path> parts, int frames, double prepareSeconds, double jobSeconds,
                  double predictSeconds, double writeSeconds, double mergeSeconds) {
        /** One line for the console. */
        String timing() {
            return String.format(Locale.ROOT, "driver preparing %.2f s, Spark job %.2f s (tasks predicting %.2f s and "
                    + "writing %.2f s in all), driver merging %.2f s", prepareSeconds, jobSeconds, predictSeconds,
                    writeSeconds, mergeSeconds);
        }
    }

    /** What a task did: its part file and how long it predicted and wrote (workspace built included). */
    record Written(String part, long predictNanos, long writeNanos) implements Serializable {
    }

    /** {@link #run(JavaSparkContext, ForceField, Dataset, Path, int, Format)} in extended XYZ. */
    static Result run(JavaSparkContext spark, ForceField model, Dataset geometry, Path out, int partitions) {
        return run(spark, model, geometry, out, partitions, Format.EXTXYZ);
    }

    static Result run(JavaSparkContext spark, ForceField model, Dataset geometry, Path out, int partitions, Format format) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        long t0 = System.nanoTime();
        model.checkCompatible(geometry.numbers());
        int n = geometry.frames();
        int[] bounds = Slices.even(n, partitions);
        List<Range> ranges = new ArrayList<>(bounds.length - 1);
        for (int b = 0; b + 1 < bounds.length; b++) ranges.add(new Range(b, bounds[b], bounds[b + 1]));
        Path parts = out.resolve("parts");
        try {
            Files.createDirectories(parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Broadcast<ModelPayload> file = spark.broadcast(ModelPayload.of(model));
        Broadcast<Geometry> frames = spark.broadcast(new Geometry(geometry.name(), geometry.numbers(), geometry.positions()));
        ExecutorCache.Key key = ExecutorCache.Key.fresh();
        String partsDir = parts.toAbsolutePath().toString();
        List<Written> written;
        long t1 = System.nanoTime();
        try {
            written = spark.parallelize(ranges, ranges.size())
                    .map(range -> predictRange(range, key, file, frames.value(), partsDir, format)).collect();
        } finally {
            frames.destroy();
            file.destroy();
        }
        long t2 = System.nanoTime();
        List<Path> partFiles = new ArrayList<>();
        long predict = 0, write = 0;
        for (Written w : written) {
            partFiles.add(Path.of(w.part()));
            predict += w.predictNanos();
            write += w.writeNanos();
        }
        Path merged = out.resolve("predictions." + format.extension);
        if (format == Format.NPZ) {
            try {
                DataFiles.concatenate(partFiles, merged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            AtomicFiles.write(merged, os -> {
                for (Path part : partFiles) Files.copy(part, os);
            });
        }
        return new Result(merged, partFiles, n, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, predict * 1e-9, write * 1e-9,
                (System.nanoTime() - t2) * 1e-9);
    }

    /** An executor's model and its predictor for one broadcast model file, used by one task at a time. */
    static final class Workspace implements AutoCloseable {
        final Predictor predictor;
        final WorkerPool pool;

        /** {@code threads}: the task's cores ({@code spark.task.cpus}); frames are independent, so any count gives the same numbers. */
        Workspace(ModelPayload file, int threads) {
            pool = new WorkerPool(threads, "qmlff-task");
            predictor = new Predictor(file.build(null), pool);
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /** Runs on an executor: predicts and writes one range. */
    private static Written predictRange(Range range, ExecutorCache.Key key, Broadcast<ModelPayload> file, Geometry g,
                                        String partsDir, Format format) {
        long t0 = System.nanoTime();
        int cores = SparkBatchEvaluator.taskCores();
        Workspace w = ExecutorCache.borrow(key, Workspace.class, () -> new Workspace(file.value(), cores));
        int n3 = 3 * g.numbers().length, count = range.to() - range.from();
        double[] positions = Arrays.copyOfRange(g.positions(), range.from() * n3, range.to() * n3);
        double[] unlabelled = new double[count];
        Arrays.fill(unlabelled, Dataset.UNLABELLED);
        double[] unlabelledForces = new double[positions.length];
        Arrays.fill(unlabelledForces, Dataset.UNLABELLED);
        Predictions p = w.predictor.predict(new Dataset(g.name(), g.numbers(), positions, unlabelled, unlabelledForces));
        long t1 = System.nanoTime();
        Dataset labelled = new Dataset(g.name(), g.numbers(), positions, p.energies(), p.forces());
        Path part = Path.of(partsDir, String.format(Locale.ROOT, "part-%05d.%s", range.index(), format.extension));
        if (format == Format.NPZ) {
            try {
                DataFiles.write(part, labelled, UnitSystem.KCAL_MOL_ANGSTROM);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            AtomicFiles.write(part, os -> {
                Writer text = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                ExtXyz.write(text, labelled, UnitSystem.KCAL_MOL_ANGSTROM);
                text.flush();
            });
        }
        ExecutorCache.giveBack(key, w);
        return new Written(part.toString(), t1 - t0, System.nanoTime() - t1);
    }
}
