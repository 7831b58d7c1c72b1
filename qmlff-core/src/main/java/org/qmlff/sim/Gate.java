package org.qmlff.sim;

/**
 * One gate of a circuit.
 *
 * @param kind   what it is
 * @param p      its (first) qubit
 * @param q      its second qubit, or −1 for a one-qubit gate
 * @param input  index in z of its first input, or −1 for a fixed gate
 * @param matrix for a fixed gate, its matrix row-major with interleaved (re, im) entries (8 or 32
 *               doubles; for a 2-qubit gate the local basis is |pq⟩); otherwise null. Never mutated.
 * @param adjoint the conjugate transpose of {@code matrix}, same layout; null for parametric gates
 */
record Gate(GateKind kind, int p, int q, int input, double[] matrix, double[] adjoint) {
}
