package org.qmlff.sim;

/**
 * An immutable circuit on {@code n} qubits: a sequence of gates applied to |0…0⟩, whose real inputs
 * are read from a flat input vector {@code z} supplied at evaluation time. The inputs are the
 * differentiable variables of the simulator; it knows nothing of what they mean.
 *
 * <p>Conventions (MODELS.md): qubit 0 is the most significant bit of the basis index;
 * σ = (X, Y, Z).
 * <ul>
 *   <li>{@code enc(q, i)}: Enc(v) = exp(−i v·σ/2) on qubit q with v = (z[i], z[i+1], z[i+2]); smooth
 *       (with all derivatives) at v = 0.</li>
 *   <li>{@code ex(p, q, i)}: Ex(J) = exp(−i J (XX+YY+ZZ)) = e^{iJ}[cos 2J · I − i sin 2J · SWAP] on
 *       qubits p, q with J = z[i].</li>
 *   <li>{@code rz(q, i)}: RZ(φ) = exp(−i φ Z / 2) with φ = z[i].</li>
 *   <li>{@code singlet(p, q)}: a fixed unitary taking |00⟩ on (p, q) to (|01⟩ − |10⟩)/√2.</li>
 *   <li>{@code gate1}, {@code gate2}: fixed dense unitaries (no inputs), row-major, for a 2-qubit
 *       gate the basis order is |pq⟩ = |00⟩, |01⟩, |10⟩, |11⟩.</li>
 * </ul>
 */
public final class Circuit {
    // Implementation supplied by the simulator; see Builder.
    Circuit() {
    }

    public static Builder builder(int qubits) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Number of qubits n (1 ≤ n ≤ 24). */
    public int qubits() {
        throw new UnsupportedOperationException();
    }

    /** Length the input vector z must have at least (1 + the largest input index used). */
    public int inputs() {
        throw new UnsupportedOperationException();
    }

    /** Number of gates. */
    public int gateCount() {
        throw new UnsupportedOperationException();
    }

    /** Builds a circuit gate by gate, in application order. */
    public static final class Builder {
        public Builder singlet(int p, int q) { throw new UnsupportedOperationException(); }
        public Builder enc(int q, int firstInput) { throw new UnsupportedOperationException(); }
        public Builder ex(int p, int q, int input) { throw new UnsupportedOperationException(); }
        public Builder rz(int q, int input) { throw new UnsupportedOperationException(); }
        public Builder gate1(int q, double[] re, double[] im) { throw new UnsupportedOperationException(); }
        public Builder gate2(int p, int q, double[] re, double[] im) { throw new UnsupportedOperationException(); }
        public Circuit build() { throw new UnsupportedOperationException(); }
    }
}
