package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the baseline {@code le} architecture (MODELS.md §Baseline), with its defaults.
 *
 * @param D          number of exchange layers (6)
 * @param rep        encodings per active atom (1)
 * @param centre     index of the centre atom (0)
 * @param observable what the circuit measures ({@code pair01})
 * @param parity     inversion symmetrisation ({@code none})
 */
public record LeOptions(int D, int rep, int centre, CircuitObservable observable, Parity parity) implements CircuitOptions {

    public LeOptions {
        if (D < 1) throw new InputException("D must be at least 1, got " + D);
        if (rep < 1) throw new InputException("rep must be at least 1, got " + rep);
        if (centre < 0) throw new InputException("centre must be an atom index >= 0, got " + centre);
        if (observable == null || parity == null) throw new IllegalArgumentException("observable and parity must be given");
    }

    /** The MODELS.md defaults. */
    public static LeOptions defaults() {
        return new LeOptions(6, 1, 0, CircuitObservable.PAIR01, Parity.NONE);
    }

    @Override
    public String architecture() {
        return LeArchitecture.NAME;
    }

    @Override
    public String toString() {
        return ModelOptions.describe(this);
    }

    /** {@inheritDoc} The options of {@code revised} ({@code nq}, {@code K}, {@code rc}, {@code species}) are checked and ignored. */
    @Override
    public LeOptions with(String name, String value) {
        return switch (name) {
            case "D" -> new LeOptions(OptionValues.integer(name, value), rep, centre, observable, parity);
            case "rep" -> new LeOptions(D, OptionValues.integer(name, value), centre, observable, parity);
            case "centre" -> new LeOptions(D, rep, OptionValues.integer(name, value), observable, parity);
            case "observable" -> new LeOptions(D, rep, centre, CircuitObservable.parse(value), parity);
            case "parity" -> new LeOptions(D, rep, centre, observable, Parity.parse(value));
            default -> {
                if (!NAMES.contains(name)) throw OptionValues.notAnOption(architecture(), name);
                RevisedOptions.defaults().with(name, value);
                yield this;
            }
        };
    }

    @Override
    public Map<String, Object> toHyper() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("D", D);
        m.put("rep", rep);
        m.put("centre", centre);
        return OptionValues.closeHyper(m, observable, parity);
    }
}
