package org.qmlff.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that needs Spark: one {@link SparkTestContext#start() local[2]} context for the whole
 * class, started before its first test and closed after its last (Spark allows one per JVM, and
 * the test classes run one after another).
 */
abstract class SparkTestBase {
    static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestContext.start();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
        spark = null;
    }
}
