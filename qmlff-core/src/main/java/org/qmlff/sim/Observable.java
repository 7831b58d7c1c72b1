package org.qmlff.sim;

/**
 * A Hermitian observable as a real-weighted sum of Pauli terms, applied to a state in place of
 * building its matrix.
 */
public final class Observable {
    Observable() {
    }

    /** σ_p·σ_q = XX + YY + ZZ on qubits p, q (= 2·SWAP − I; eigenvalues −3 and 1). */
    public static Observable heisenberg(int p, int q) {
        throw new UnsupportedOperationException();
    }

    /** The mean of σ_p·σ_q over the given pairs ({@code pairs[k] = {p, q}}). */
    public static Observable heisenbergMean(int[][] pairs) {
        throw new UnsupportedOperationException();
    }

    /**
     * A Pauli string with a real coefficient; {@code paulis.charAt(q)} ∈ {I, X, Y, Z} for qubit q
     * (length n).
     */
    public static Observable pauli(double coefficient, String paulis) {
        throw new UnsupportedOperationException();
    }

    /** The sum of this observable and {@code other}. */
    public Observable plus(Observable other) {
        throw new UnsupportedOperationException();
    }
}
