package org.qmlff.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the Spark tests share: a {@code local[2]} context bound to 127.0.0.1 without its UI, and the bundled data. */
final class SparkTestContext {
    private SparkTestContext() {
    }

    static JavaSparkContext start() {
        return start(1);
    }

    /** A {@code local[2]} context whose tasks take {@code taskCores} cores each ({@code spark.task.cpus}). */
    static JavaSparkContext start(int taskCores) {
        SparkConf conf = new SparkConf().setAppName("qmlff-spark tests").setMaster("local[2]")
                .set("spark.task.cpus", Integer.toString(taskCores))
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.shuffle.partitions", "2");
        return new JavaSparkContext(conf);
    }

    /** The bundled ethanol training split (it ships with the repository). */
    static Dataset ethanol() throws IOException {
        return DataFiles.read(bundled("rmd17_ethanol_train_01.npz"));
    }

    /** A file of the repository's {@code data/rmd17}. */
    static Path bundled(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("data/rmd17").resolve(name))) p = p.getParent();
        if (p == null) throw new IllegalStateException("bundled data/rmd17/" + name + " not found above "
                + Path.of("").toAbsolutePath());
        return p.resolve("data/rmd17").resolve(name);
    }
}
