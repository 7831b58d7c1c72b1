package org.qmlff.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qmlff.data.Dataset;
import org.qmlff.model.RevisedOptions;
import org.qmlff.model.Models;
import org.qmlff.perf.MdWorkload;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code revised-md}: energy and forces of one ethanol configuration per call with the default revised
 * model, one thread, as an MD step needs them; score in evaluations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MdBenchmark {
    /** Leading frames the calls cycle through. */
    static final int FRAMES = 16;

    private MdWorkload step;

    @Setup
    public void setup() {
        Dataset data = BenchData.ethanol();
        step = new MdWorkload(Models.create(RevisedOptions.defaults(), List.of(data), 1), data, FRAMES);
    }

    @Benchmark
    public double energyAndForces() {
        return step.call();
    }
}
