package org.qmlff.sim;

/**
 * Exact state-vector simulation of a {@link Circuit} with first and directional second derivatives
 * of an expectation value ⟨O⟩(z) = ⟨0|U(z)† O U(z)|0⟩ with respect to the circuit inputs z.
 *
 * <p>One instance owns the scratch state vectors for circuits of up to {@code maxQubits} qubits (a
 * fixed number of them, independent of the circuit's length) and is not thread-safe: use one per
 * thread. Methods allocate nothing. Results are bit-identical for any thread count.
 */
public final class Simulator {

    /** A single-threaded simulator for circuits of up to {@code maxQubits} qubits. */
    public Simulator(int maxQubits) {
        this(maxQubits, 1);
    }

    /**
     * A simulator that splits each gate over {@code threads} threads when the state has at least
     * 2^14 amplitudes (below that it runs on the calling thread).
     */
    public Simulator(int maxQubits, int threads) {
        throw new UnsupportedOperationException();
    }

    /** ⟨O⟩ at inputs z. */
    public double expectation(Circuit c, Observable o, double[] z) {
        throw new UnsupportedOperationException();
    }

    /** ⟨O⟩ at z, and writes ∂⟨O⟩/∂z into {@code grad[0 .. c.inputs())} (adjoint method). */
    public double gradient(Circuit c, Observable o, double[] z, double[] grad) {
        throw new UnsupportedOperationException();
    }

    /**
     * ⟨O⟩ at z, writes ∂⟨O⟩/∂z into {@code grad} and the Hessian-vector product H·u = ∇_z(u·∇_z⟨O⟩)
     * into {@code hvp} (forward-over-reverse, exact).
     */
    public double hessianVectorProduct(Circuit c, Observable o, double[] z, double[] u, double[] grad, double[] hvp) {
        throw new UnsupportedOperationException();
    }

    /** Releases the worker threads, if any. */
    public void close() {
    }
}
