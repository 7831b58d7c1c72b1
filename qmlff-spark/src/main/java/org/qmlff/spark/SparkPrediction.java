package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.ExtXyz;
import org.qmlff.data.UnitSystem;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energies and forces of every frame of a (large) trajectory on Spark: the frames are cut into
 * {@code partitions} contiguous blocks; each task predicts its block with the broadcast model (the
 * same {@link Predictor} as {@code qmlff predict}, so every number is the same) and writes it as
 * extended XYZ, {@code OUT/parts/part-NNNNN.extxyz}; the driver then joins the parts, in frame order,
 * into {@code OUT/predictions.extxyz}. Every file is written through a temporary file and a rename.
 * Units: Å, kcal/mol, kcal/mol/Å. {@code OUT} must be a path every executor can write (a shared
 * file system); in {@code local[N]} any local directory.
 */
final class SparkPrediction {
    private SparkPrediction() {
    }

    /** One task's frames. */
    record Block(int index, String name, int[] numbers, double[] positions, int frames) implements Serializable {
    }

    /** What was written. */
    record Result(Path merged, List<Path> parts, int frames) {
    }

    static Result run(JavaSparkContext spark, ForceField model, Dataset geometry, Path out, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        model.checkCompatible(geometry.numbers());
        int n = geometry.frames(), n3 = 3 * geometry.atoms();
        int p = Math.max(1, Math.min(partitions, n));
        List<Block> blocks = new ArrayList<>(p);
        for (int b = 0; b < p; b++) {
            int from = (int) ((long) b * n / p), to = (int) ((long) (b + 1) * n / p);
            blocks.add(new Block(b, geometry.name(), geometry.numbers(),
                    Arrays.copyOfRange(geometry.positions(), from * n3, to * n3), to - from));
        }
        Path parts = out.resolve("parts");
        try {
            Files.createDirectories(parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Broadcast<ModelPayload> file = spark.broadcast(ModelPayload.of(model));
        String partsDir = parts.toAbsolutePath().toString();
        List<String> written = spark.parallelize(blocks, p).map(block -> predictBlock(block, file.value(), partsDir)).collect();
        List<Path> partFiles = new ArrayList<>();
        for (String s : written) partFiles.add(Path.of(s));
        Path merged = out.resolve("predictions.extxyz");
        AtomicFiles.write(merged, os -> {
            for (Path part : partFiles) Files.copy(part, os);
        });
        return new Result(merged, partFiles, n);
    }

    /** Runs on an executor. */
    private static String predictBlock(Block block, ModelPayload file, String partsDir) throws IOException {
        ForceField m = file.build(null);
        double[] nan = new double[block.frames()];
        Arrays.fill(nan, Double.NaN);
        double[] nanF = new double[block.positions().length];
        Arrays.fill(nanF, Double.NaN);
        Dataset frames = new Dataset(block.name(), block.numbers(), block.positions(), nan, nanF);
        Predictions p;
        try (WorkerPool pool = new WorkerPool(1)) {
            p = new Predictor(m, pool).predict(frames);
        }
        Dataset labelled = new Dataset(block.name(), block.numbers(), block.positions(), p.energies(), p.forces());
        StringBuilder text = new StringBuilder();
        ExtXyz.write(text, labelled, UnitSystem.KCAL_MOL_ANGSTROM);
        Path part = Path.of(partsDir, String.format(java.util.Locale.ROOT, "part-%05d.extxyz", block.index()));
        AtomicFiles.writeString(part, text.toString());
        return part.toString();
    }
}
