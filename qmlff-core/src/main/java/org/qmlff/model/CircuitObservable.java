package org.qmlff.model;

import org.qmlff.sim.Observable;

/**
 * The {@code observable} option of the circuit architectures (MODELS.md): what each circuit
 * measures, {@link #PAIR01} ⟨σ₀·σ₁⟩ or {@link #RING} the mean Heisenberg term over the ring pairs.
 */
public enum CircuitObservable implements OptionChoice {
    PAIR01, RING;

    /** The value written {@code text} ({@code pair01} or {@code ring}; surrounding blanks ignored). */
    public static CircuitObservable parse(String text) {
        return OptionValues.choice(values(), OptionChoice::text, "observable", text);
    }

    /** The observable on a circuit of {@code qubits} qubits. */
    Observable on(int qubits) {
        return this == PAIR01 ? Observable.heisenberg(0, 1) : Observable.heisenbergMean(Ring.pairs(qubits));
    }
}
