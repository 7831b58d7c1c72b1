package org.qmlff.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
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
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MdBenchmark extends BenchmarkSettings {
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
