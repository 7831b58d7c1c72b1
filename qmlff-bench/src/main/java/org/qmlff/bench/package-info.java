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
 * Run from the repository root (the model benchmarks read the bundled ethanol data, see
 * {@link org.qmlff.bench.BenchData}):
 * <pre>
 *   mvn -q -B -DskipTests -pl qmlff-bench -am package
 *   java --add-modules jdk.incubator.vector -jar qmlff-bench/target/qmlff-benchmarks.jar -l
 *   java --add-modules jdk.incubator.vector -jar qmlff-bench/target/qmlff-benchmarks.jar GateBenchmark -p qubits=20
 * </pre>
 */
package org.qmlff.bench;
