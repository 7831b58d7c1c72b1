package org.qmlff.hardware;

/**
 * One gate of the decomposition into the OpenQASM standard gates: {@code x}, {@code h}, {@code cx},
 * {@code rz}, {@code ry} and {@code u3} (θ, φ, λ), on qmlff qubit indices (q[k] is qubit k).
 *
 * @param name   the gate's OpenQASM 2 (qelib1) name
 * @param params its angles (radians)
 * @param qubits its qubits; for {@code cx} control first
 */
public record NativeGate(String name, double[] params, int[] qubits) {
    public boolean twoQubit() {
        return qubits.length == 2;
    }
}
