package org.qmlff.model;

import org.qmlff.sim.Observable;

/** The {@code observable} option of the circuit architectures (MODELS.md): what each circuit measures. */
public enum CircuitObservable {
    /** ⟨σ₀·σ₁⟩, the Heisenberg term of qubits 0 and 1. */
    PAIR01("pair01"),
    /** The mean of the Heisenberg terms over the ring pairs of MODELS.md. */
    RING("ring");

    private final String text;

    CircuitObservable(String text) {
        this.text = text;
    }

    /** The option value as written in model files, configs and flags. */
    public String text() {
        return text;
    }

    /** The value named {@code text} ({@code pair01} or {@code ring}, surrounding blanks ignored). */
    public static CircuitObservable parse(String text) {
        String t = text.trim();
        for (CircuitObservable o : values()) if (o.text.equals(t)) return o;
        throw new IllegalArgumentException("unknown observable '" + t + "' (expected pair01 or ring)");
    }

    /** The observable on a circuit of {@code qubits} qubits. */
    Observable on(int qubits) {
        return this == PAIR01 ? Observable.heisenberg(0, 1) : Observable.heisenbergMean(Ring.pairs(qubits));
    }

    @Override
    public String toString() {
        return text;
    }
}
