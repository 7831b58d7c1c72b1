package org.qmlff.sim;

/**
 * A read-only description of one gate of a {@link Circuit}, for tools that re-express circuits
 * elsewhere (shift rules, noisy simulation, OpenQASM export); the simulator itself does not use it.
 *
 * @param kind  {@code "enc"} (reads z[input..input+2]), {@code "ex"} (reads z[input]), {@code "rz"}
 *              (reads z[input]), {@code "tensor"} (reads z[input..input+4], see {@link Circuit.Builder#tensor}), {@code "dense1"} or {@code "dense2"} (fixed, input = −1)
 * @param p     its (first) qubit (qubit 0 is the most significant bit of the basis index)
 * @param q     its second qubit, or −1 for a one-qubit gate
 * @param input index in z of its first input, or −1 for a fixed gate
 * @param matrix for a fixed gate a copy of its matrix, row-major, interleaved (re, im), basis |pq⟩ for a
 *              two-qubit gate; null otherwise
 */
public record GateInfo(String kind, int p, int q, int input, double[] matrix) {

    /** Number of inputs the gate reads (3 for enc, 1 for ex and rz, 5 for tensor, 0 for fixed gates). */
    public int inputs() {
        return switch (kind) {
            case "tensor" -> 5;
            case "enc" -> 3;
            case "ex", "rz" -> 1;
            default -> 0;
        };
    }

    /** True for a gate on two qubits. */
    public boolean twoQubit() {
        return q >= 0;
    }
}
