package org.qmlff.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qmlff.data.Dataset;
import org.qmlff.model.LeArchitecture;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.RevisedArchitecture;
import org.qmlff.model.Models;
import org.qmlff.perf.TrainingWorkload;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code revised-train} and {@code le-train}: the default model on ethanol, one batch of
 * {@link #BATCH} configurations of the full objective (energy and force terms) and its exact
 * parameter gradient per call, as the trainer evaluates it; score in configurations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingBenchmark {
    /** MODELS.md batch size. */
    static final int BATCH = 20;

    @Param({RevisedArchitecture.NAME, LeArchitecture.NAME})
    String model;

    @Param({"1", "2"})
    int threads;

    private TrainingWorkload step;

    @Setup
    public void setup() {
        Dataset data = BenchData.ethanol();
        step = new TrainingWorkload(Models.create(ModelOptions.defaults(model), List.of(data), 1), data, BATCH,
                threads, 1);
    }

    @TearDown
    public void tearDown() {
        step.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double train() {
        return step.call();
    }
}
