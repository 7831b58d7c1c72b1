package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options of the atom-centred {@code revised} architecture (MODELS.md §Revised), with its
 * defaults; {@code rich} extends them ({@link RichModelOptions}).
 *
 * @param D          number of exchange layers (3)
 * @param nq         qubits per atomic circuit (4, even)
 * @param K          radial basis functions (8)
 * @param rc         cutoff radius in Å (5.0)
 * @param species    atomic numbers, ascending ([1, 6, 7, 8])
 * @param observable what each circuit measures ({@code pair01})
 * @param parity     inversion symmetrisation ({@code none})
 */
public record RevisedOptions(int D, int nq, int K, double rc, int[] species, CircuitObservable observable, Parity parity)
        implements CircuitOptions {

    public RevisedOptions {
        if (D < 1) throw new InputException("D must be at least 1, got " + D);
        if (observable == null || parity == null) throw new IllegalArgumentException("observable and parity must be given");
        if (nq < 2 || nq % 2 != 0) throw new InputException("nq must be even and >= 2, got " + nq);
        if (K < 1) throw new InputException("K must be at least 1, got " + K);
        if (!(rc > 0) || Double.isInfinite(rc)) throw new InputException("rc must be a positive length in Å, got " + rc);
        species = species.clone();
        for (int i = 1; i < species.length; i++)
            if (species[i] <= species[i - 1])
                throw new InputException("species must be ascending atomic numbers without repeats: "
                        + Arrays.toString(species));
        if (species.length == 0) throw new InputException("species list is empty");
    }

    /** The MODELS.md defaults. */
    public static RevisedOptions defaults() {
        return new RevisedOptions(3, 4, 8, 5.0, new int[]{1, 6, 7, 8}, CircuitObservable.PAIR01, Parity.NONE);
    }

    @Override
    public String architecture() {
        return RevisedArchitecture.NAME;
    }

    /** {@inheritDoc} The options of {@code le} ({@code rep}, {@code centre}) are checked and ignored. */
    @Override
    public RevisedOptions with(String name, String value) {
        return switch (name) {
            case "D" -> new RevisedOptions(OptionValues.integer(name, value), nq, K, rc, species, observable, parity);
            case "nq" -> new RevisedOptions(D, OptionValues.integer(name, value), K, rc, species, observable, parity);
            case "K" -> new RevisedOptions(D, nq, OptionValues.integer(name, value), rc, species, observable, parity);
            case "rc" -> new RevisedOptions(D, nq, K, OptionValues.real(name, value), species, observable, parity);
            case "species" -> new RevisedOptions(D, nq, K, rc, OptionValues.species(value), observable, parity);
            case "observable" -> new RevisedOptions(D, nq, K, rc, species, CircuitObservable.parse(value), parity);
            case "parity" -> new RevisedOptions(D, nq, K, rc, species, observable, Parity.parse(value));
            default -> {
                if (!NAMES.contains(name)) throw OptionValues.notAnOption(architecture(), name);
                LeOptions.defaults().with(name, value);
                yield this;
            }
        };
    }

    /** D, nq, K, rc and species, in model-file order (observable and parity come last, after any extension's). */
    Map<String, Object> atomCentredHyper() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("D", D);
        m.put("nq", nq);
        m.put("K", K);
        m.put("rc", rc);
        m.put("species", Arrays.stream(species).boxed().toList());
        return m;
    }

    @Override
    public Map<String, Object> toHyper() {
        return OptionValues.closeHyper(atomCentredHyper(), observable, parity);
    }

    @Override
    public String toString() {
        return ModelOptions.describe(this);
    }

    @Override
    public int[] species() {
        return species.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevisedOptions r && D == r.D && nq == r.nq && K == r.K && Double.compare(rc, r.rc) == 0
                && Arrays.equals(species, r.species) && observable == r.observable && parity == r.parity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(D, nq, K, rc, Arrays.hashCode(species), observable, parity);
    }
}
