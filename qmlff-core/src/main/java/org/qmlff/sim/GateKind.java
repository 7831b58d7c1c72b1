package org.qmlff.sim;

/** The gate kinds a {@link Circuit} can hold, with the number of circuit inputs each one reads. */
enum GateKind {
    /** Fixed dense 2×2 unitary on one qubit. */
    DENSE1(1, 0),
    /** Fixed dense 4×4 unitary on two qubits (the singlet preparation is one of these). */
    DENSE2(2, 0),
    /** Enc(v) = exp(−i v·σ/2), three inputs v = (z[i], z[i+1], z[i+2]). */
    ENC(1, 3),
    /** Ex(J) = exp(−i J (XX+YY+ZZ)), one input J = z[i]. */
    EX(2, 1),
    /** RZ(φ) = exp(−i φ Z/2), one input φ = z[i]. */
    RZ(1, 1),
    /**
     * Tensor(T) = exp(−i Σ_ab T_ab σ_a⊗σ_b), T symmetric traceless from five inputs z[i .. i+5)
     * ({@link TensorFormulas}).
     */
    TENSOR(2, 5);

    final int qubits;
    final int inputs;

    GateKind(int qubits, int inputs) {
        this.qubits = qubits;
        this.inputs = inputs;
    }

    boolean parametric() {
        return inputs > 0;
    }
}
