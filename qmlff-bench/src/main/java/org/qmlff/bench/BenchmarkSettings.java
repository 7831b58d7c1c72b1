package org.qmlff.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings the benchmarks of this package share, inherited by extending this class (JMH's
 * annotations are {@code @Inherited}; an annotation on the subclass itself wins): one benchmark-wide state,
 * 3 warm-up and 5 measured iterations of 2 s, three forks (fresh JVMs: a slow one shows in the error bars)
 * with the Vector API module the simulator needs.
 * The mode and unit of the score stay with each benchmark, next to its description.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public abstract class BenchmarkSettings {
}
