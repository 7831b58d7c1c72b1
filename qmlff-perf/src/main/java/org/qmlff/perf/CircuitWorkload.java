package org.qmlff.perf;

import org.qmlff.sim.SampleCircuits;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

/**
 * Simulating a batch of circuits of one shape, each with its own random inputs (and, for the
 * Hessian-vector product, its own random direction u), one after the other on one {@link Simulator}.
 * A batch of one is a single-circuit benchmark. All buffers are allocated here, none per call.
 *
 * <p>Owns its simulator (and its threads, if any): close it.
 */
public final class CircuitWorkload implements Workload, AutoCloseable {
    private final Simulator sim;
    private final Circuit circuit;
    private final Observable observable;
    private final Derivative derivative;
    private final double[][] z;
    private final double[][] u;
    private final double[] grad;
    private final double[] hvp;

    /**
     * @param circuit    the circuit shape
     * @param observable measured observable
     * @param derivative what each call computes per circuit
     * @param batch      circuits per call (distinct inputs), ≥ 1
     * @param threads    simulator threads (used from 2^14 amplitudes on)
     * @param seed       seed of the inputs and directions
     */
    public CircuitWorkload(Circuit circuit, Observable observable, Derivative derivative, int batch, int threads,
                           long seed) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.circuit = circuit;
        this.observable = observable;
        this.derivative = derivative;
        int m = circuit.inputs();
        this.z = new double[batch][];
        this.u = new double[batch][];
        for (int b = 0; b < batch; b++) {
            z[b] = SampleCircuits.randomInputs(m, seed + 2L * b);
            u[b] = SampleCircuits.randomInputs(m, seed + 2L * b + 1);
        }
        this.grad = new double[m];
        this.hvp = new double[m];
        this.sim = new Simulator(circuit.qubits(), threads);
    }

    /** Circuits per call. */
    public int batch() {
        return z.length;
    }

    /** The circuit shape. */
    public Circuit circuit() {
        return circuit;
    }

    /** Sum over the batch of ⟨O⟩ plus, for derivatives, one component of each derivative written. */
    @Override
    public double call() {
        double sum = 0;
        for (int b = 0; b < z.length; b++) {
            sum += switch (derivative) {
                case FORWARD -> sim.expectation(circuit, observable, z[b]);
                case GRADIENT -> sim.gradient(circuit, observable, z[b], grad) + grad[0];
                case HVP -> sim.hessianVectorProduct(circuit, observable, z[b], u[b], grad, hvp) + hvp[0];
            };
        }
        return sum;
    }

    @Override
    public void close() {
        sim.close();
    }
}
