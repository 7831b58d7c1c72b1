package org.qmlff.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qmlff.sim.SampleCircuits;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.concurrent.TimeUnit;

/**
 * {@code le-d6-forward}, {@code le-d6-gradient}, {@code le-d6-hvp}: the baseline circuit of MODELS.md
 * with D = 6 ({@link SampleCircuits#layered}), observable σ₀·σ₁, random inputs; ms per call. The
 * simulator runs the gates of the observable's light cone ({@link Circuit#lightCone}: 184 of the 270
 * at 20 qubits), so ns per amplitude per gate of the forward = score × 10^6 / (2^qubits × those gates).
 * The simulator splits gates over its threads only from 2^14 amplitudes on, so
 * {@code threads=2} matters at 20 qubits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LeCircuitBenchmark {
    static final int DEPTH = 6;

    @Param({"8", "20"})
    int qubits;

    @Param({"1", "2"})
    int threads;

    private Simulator sim;
    private Circuit circuit;
    private Observable observable;
    private double[] z;
    private double[] u;
    private double[] grad;
    private double[] hvp;

    @Setup
    public void setup() {
        circuit = SampleCircuits.layered(qubits, DEPTH);
        observable = SampleCircuits.pair01();
        z = SampleCircuits.randomInputs(circuit.inputs(), 1);
        u = SampleCircuits.randomInputs(circuit.inputs(), 2);
        grad = new double[circuit.inputs()];
        hvp = new double[circuit.inputs()];
        sim = new Simulator(qubits, threads);
    }

    @TearDown
    public void tearDown() {
        sim.close();
    }

    @Benchmark
    public double forward() {
        return sim.expectation(circuit, observable, z);
    }

    @Benchmark
    public void gradient(Blackhole bh) {
        bh.consume(sim.gradient(circuit, observable, z, grad));
        bh.consume(grad[0]);
    }

    @Benchmark
    public void hvp(Blackhole bh) {
        bh.consume(sim.hessianVectorProduct(circuit, observable, z, u, grad, hvp));
        bh.consume(hvp[0]);
    }
}
