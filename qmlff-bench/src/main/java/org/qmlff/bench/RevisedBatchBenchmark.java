package org.qmlff.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qmlff.sim.SampleCircuits;
import org.qmlff.perf.CircuitWorkload;
import org.qmlff.perf.Derivative;
import org.qmlff.sim.Circuit;

import java.util.concurrent.TimeUnit;

/**
 * {@code revised-batch}: batches of {@link #BATCH} revised-model atomic circuits (4 qubits, D = 3:
 * singlets, Enc layer, 3 × (Ex on the 4 ring pairs, Enc layer); σ₀·σ₁), each with its own random
 * inputs, forward and with the Hessian-vector product; score in circuits per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RevisedBatchBenchmark {
    static final int BATCH = 128;

    private CircuitWorkload forward;
    private CircuitWorkload hvp;

    @Setup
    public void setup() {
        Circuit c = SampleCircuits.layered(4, 3);
        forward = new CircuitWorkload(c, SampleCircuits.pair01(), Derivative.FORWARD, BATCH, 1, 1);
        hvp = new CircuitWorkload(c, SampleCircuits.pair01(), Derivative.HVP, BATCH, 1, 1);
    }

    @TearDown
    public void tearDown() {
        forward.close();
        hvp.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double forward() {
        return forward.call();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double hvp() {
        return hvp.call();
    }
}
