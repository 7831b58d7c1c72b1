package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The noiseless device: the exact state-vector {@link Simulator}. The Bell-basis outcome probabilities
 * follow from ⟨XX⟩, ⟨YY⟩, ⟨ZZ⟩: outcome 00 ↔ Φ⁺, 01 ↔ Ψ⁺, 10 ↔ Φ⁻, 11 ↔ Ψ⁻ (the singlet), and
 * P(Φ±) = (1 ± ⟨XX⟩ ∓ ⟨YY⟩ + ⟨ZZ⟩)/4, P(Ψ±) = (1 ± ⟨XX⟩ ± ⟨YY⟩ − ⟨ZZ⟩)/4.
 */
final class StateVectorBackend implements Backend {
    private Simulator sim;
    private final Map<String, Observable> paulis = new HashMap<>();

    /** The simulator, made (or remade larger) for c's qubit count on first use. */
    private Simulator sim(Circuit c) {
        if (sim == null || sim.maxQubits() < c.qubits()) sim = new Simulator(c.qubits());
        return sim;
    }

    @Override
    public double expectation(Circuit c, Observable o, double[] z) {
        return sim(c).expectation(c, o, z);
    }

    @Override
    public double[] bellProbabilities(Circuit c, int p, int q, double[] z) {
        int n = c.qubits();
        Simulator sim = sim(c);
        double xx = sim.expectation(c, pauli(n, p, q, 'X'), z);
        double yy = sim.expectation(c, pauli(n, p, q, 'Y'), z);
        double zz = sim.expectation(c, pauli(n, p, q, 'Z'), z);
        return new double[] {
            (1 + xx - yy + zz) / 4, (1 + xx + yy - zz) / 4, (1 - xx + yy + zz) / 4, (1 - xx - yy - zz) / 4};
    }

    private Observable pauli(int n, int p, int q, char a) {
        return paulis.computeIfAbsent(n + ":" + p + ":" + q + ":" + a, key -> {
            char[] s = "I".repeat(n).toCharArray();
            s[p] = a;
            s[q] = a;
            return Observable.pauli(1.0, new String(s));
        });
    }
}
