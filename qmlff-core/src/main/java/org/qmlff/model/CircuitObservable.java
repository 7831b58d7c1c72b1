package org.qmlff.model;

import org.qmlff.sim.Observable;

import java.util.Locale;

/**
 * The {@code observable} option of the circuit architectures (MODELS.md): what each circuit
 * measures, {@link #PAIR01} ⟨σ₀·σ₁⟩ or {@link #RING} the mean Heisenberg term over the ring pairs.
 */
public enum CircuitObservable {
    PAIR01, RING;

    /** The option value as written in model files, configs and flags: {@code pair01}, {@code ring}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code text} (surrounding blanks ignored). */
    public static CircuitObservable parse(String text) {
        return OptionValues.choice(values(), "observable", text);
    }

    /** The observable on a circuit of {@code qubits} qubits. */
    Observable on(int qubits) {
        return this == PAIR01 ? Observable.heisenberg(0, 1) : Observable.heisenbergMean(Ring.pairs(qubits));
    }

    @Override
    public String toString() {
        return text();
    }
}
