/**
 * Performance measurement of the simulator and the force fields: the benchmark workloads (circuits,
 * inputs, training and MD evaluation), a small timing {@link org.qmlff.perf.Harness} reporting
 * medians, and the {@link org.qmlff.perf.BenchSuite} behind {@code qmlff bench}. The JMH benchmarks of
 * the {@code qmlff-bench} module build their workloads from the same classes, so both measure the
 * same thing.
 *
 * <p>Timings depend on the machine and on its load; nothing here asserts a speed.
 */
package org.qmlff.perf;
