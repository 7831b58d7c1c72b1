/**
 * qmlff on Apache Spark (optional module; the core never depends on it): data-parallel training whose
 * batch gradients are computed over partitions of the configurations and summed on the driver in a
 * fixed order ({@link org.qmlff.spark.SparkBatchEvaluator}: bit-identical to the local trainer for any
 * number of partitions), and batch prediction of large trajectories into partitioned and merged
 * extended-XYZ files ({@link org.qmlff.spark.SparkPrediction}). Executors keep the model rebuilt from
 * its broadcast file between tasks, one per running task ({@link org.qmlff.spark.ExecutorCache}), and
 * work comes in contiguous slices balanced by cost ({@link org.qmlff.spark.Slices}).
 * {@link org.qmlff.spark.QmlffSpark} is the {@code spark-submit} entry point. Units are the core's: Å, kcal/mol, kcal/mol/Å.
 */
package org.qmlff.spark;
