/**
 * JMH benchmarks of the simulator and the models, named after the records of {@code qmlff bench}
 * (which measures the same workloads, from {@link org.qmlff.perf}, with a simpler harness):
 * <ul>
 *   <li>{@link org.qmlff.bench.GateBenchmark}: {@code gate-enc}, {@code gate-ex}, scores in ns per amplitude
 *       per gate;</li>
 *   <li>{@link org.qmlff.bench.LeCircuitBenchmark}: {@code le-d6-forward/gradient/hvp}, ms per call, 1 and 2
 *       threads;</li>
 *   <li>{@link org.qmlff.bench.RevisedBatchBenchmark}: {@code revised-batch}, circuits per second;</li>
 *   <li>{@link org.qmlff.bench.TrainingBenchmark}: {@code revised-train}, {@code le-train}, configurations
 *       per second;</li>
 *   <li>{@link org.qmlff.bench.MdBenchmark}: {@code revised-md}, evaluations per second.</li>
 * </ul>
 * Every benchmark runs in 3 fresh JVMs ({@code @Fork(3)}): on JDK 17 a JVM now and then compiles a Vector API
 * kernel worse than the others (docs/PERFORMANCE.md), which one fork would report as the steady state; the
 * JMH summary's error bars span the forks. {@code -f 1} makes a quicker run.
 * Run from the repository root (the model benchmarks read the bundled ethanol data, see
 * {@link org.qmlff.bench.BenchData}):
 * <pre>
 *   mvn -q -B -DskipTests -pl qmlff-bench -am package
 *   java --add-modules jdk.incubator.vector -jar qmlff-bench/target/qmlff-benchmarks.jar -l
 *   java --add-modules jdk.incubator.vector -jar qmlff-bench/target/qmlff-benchmarks.jar GateBenchmark -p qubits=20
 * </pre>
 */
package org.qmlff.bench;
