package org.qmlff.hardware;

import org.qmlff.error.InputException;

/**
 * Noise applied after one gate, in Qiskit Aer's conventions (qiskit_aer.noise):
 *
 * @param depolarizing     λ of {@code depolarizing_error(λ, n)} on the gate's n qubits: ρ ↦ (1 − λ)·ρ +
 *                         λ·Tr_gate(ρ) ⊗ I/2ⁿ (PennyLane's one-qubit DepolarizingChannel(p) is λ = 4p/3);
 *                         0 ≤ λ ≤ 4ⁿ/(4ⁿ − 1)
 * @param amplitudeDamping γ of {@code amplitude_damping_error(γ)} on each qubit of the gate: Kraus
 *                         [[1, 0], [0, √(1−γ)]], [[0, √γ], [0, 0]] (decay towards |0⟩)
 * @param dephasing        λ of {@code phase_damping_error(λ)} on each qubit: Kraus [[1, 0], [0, √(1−λ)]],
 *                         [[0, 0], [0, √λ]] (off-diagonal terms × √(1 − λ))
 */
public record NoiseRates(double depolarizing, double amplitudeDamping, double dephasing) {
    public static final NoiseRates NONE = new NoiseRates(0, 0, 0);

    public NoiseRates {
        check("depolarizing", depolarizing, 16.0 / 15);
        check("amplitude damping", amplitudeDamping, 1);
        check("dephasing", dephasing, 1);
    }

    private static void check(String what, double v, double max) {
        if (!(v >= 0 && v <= max)) throw new InputException(what + " rate " + v + " is outside 0.." + max);
    }

    public boolean isNone() {
        return depolarizing == 0 && amplitudeDamping == 0 && dephasing == 0;
    }
}
