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
import org.qmlff.sim.SampleCircuits;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.concurrent.TimeUnit;

/**
 * {@code gate-enc} and {@code gate-ex}: forward expectation of a circuit of one gate type, sized so that
 * one call is {@link #AMP_GATES} amplitude-gate updates at every qubit count (64 gates at 20 qubits,
 * 2^18 at 8). With {@code @OperationsPerInvocation(AMP_GATES)} the score is directly ns per amplitude
 * per gate (initial state and observable included, about 2% at 20 qubits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GateBenchmark {
    /** Amplitude-gate updates per call: 2^qubits × gates. */
    static final int AMP_GATES = 1 << 26;

    @Param({"8", "12", "16", "20"})
    int qubits;

    @Param({"ENC", "EX"})
    SampleCircuits.GateType gate;

    private Simulator sim;
    private Circuit circuit;
    private Observable observable;
    private double[] z;

    @Setup
    public void setup() {
        circuit = SampleCircuits.gateCircuit(gate, qubits, SampleCircuits.gatesFor(qubits, AMP_GATES));
        if (Math.scalb((double) circuit.gateCount(), qubits) != AMP_GATES)
            throw new IllegalStateException("the score would not be per amplitude-gate at " + qubits + " qubits");
        // an observable on every qubit, so that the simulator's light cone keeps every gate
        observable = SampleCircuits.allQubitsZ(qubits);
        if (circuit.lightCone(observable).gateCount() != circuit.gateCount())
            throw new IllegalStateException("some gates would be skipped at " + qubits + " qubits");
        z = SampleCircuits.randomInputs(circuit.inputs(), 1);
        sim = new Simulator(qubits);
    }

    @TearDown
    public void tearDown() {
        sim.close();
    }

    @Benchmark
    @OperationsPerInvocation(AMP_GATES)
    public double forward() {
        return sim.expectation(circuit, observable, z);
    }
}
