package org.qmlff.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The hyper-parameters of all architectures, by their MODELS.md (and docs/RICH.md) names. Fields that do not apply to
 * an architecture are ignored by it. Defaults are those of MODELS.md.
 *
 * @param architecture {@code le}, {@code revised} or {@code rich}
 * @param D            number of exchange layers (le: 6, revised: 3)
 * @param rep          le: encodings per active atom (1)
 * @param centre       le: index of the centre atom (0)
 * @param observable   {@code pair01} (default) or {@code ring}
 * @param nq           revised: qubits per atomic circuit (4, even)
 * @param K            revised: radial basis functions (8)
 * @param rc           revised: cutoff radius in Å (5.0)
 * @param species      revised: atomic numbers, ascending ([1, 6, 7, 8])
 * @param parity       {@code none} (default) or {@code sym}
 * @param rich         rich: the options of docs/RICH.md (ignored by le and revised; never null)
 */
public record ModelOptions(String architecture, int D, int rep, int centre, String observable, int nq, int K,
                           double rc, int[] species, String parity, RichOptions rich) {

    /** Options of le or revised (the rich options at their defaults, unused). */
    public ModelOptions(String architecture, int D, int rep, int centre, String observable, int nq, int K,
                        double rc, int[] species, String parity) {
        this(architecture, D, rep, centre, observable, nq, K, rc, species, parity, RichOptions.defaults());
    }

    public ModelOptions {
        if (!architecture.equals("le") && !architecture.equals("revised") && !architecture.equals("rich"))
            throw new IllegalArgumentException("unknown architecture '" + architecture + "' (expected le, revised or rich)");
        if (rich == null) throw new IllegalArgumentException("rich options are null");
        if (D < 1) throw new IllegalArgumentException("D must be at least 1, got " + D);
        if (rep < 1) throw new IllegalArgumentException("rep must be at least 1, got " + rep);
        if (centre < 0) throw new IllegalArgumentException("centre must be an atom index >= 0, got " + centre);
        if (!observable.equals("pair01") && !observable.equals("ring"))
            throw new IllegalArgumentException("unknown observable '" + observable + "' (expected pair01 or ring)");
        if (nq < 2 || nq % 2 != 0) throw new IllegalArgumentException("nq must be even and >= 2, got " + nq);
        if (K < 1) throw new IllegalArgumentException("K must be at least 1, got " + K);
        if (!(rc > 0) || Double.isInfinite(rc)) throw new IllegalArgumentException("rc must be a positive length in Å, got " + rc);
        if (!parity.equals("none") && !parity.equals("sym"))
            throw new IllegalArgumentException("unknown parity '" + parity + "' (expected none or sym)");
        species = species.clone();
        for (int i = 1; i < species.length; i++)
            if (species[i] <= species[i - 1])
                throw new IllegalArgumentException("species must be ascending atomic numbers without repeats: "
                        + Arrays.toString(species));
        if (species.length == 0) throw new IllegalArgumentException("species list is empty");
    }

    /** The MODELS.md defaults of an architecture. */
    public static ModelOptions defaults(String architecture) {
        int d = architecture.equals("le") ? 6 : 3;
        return new ModelOptions(architecture, d, 1, 0, "pair01", 4, 8, 5.0, new int[]{1, 6, 7, 8}, "none");
    }

    /** A copy with the option {@code name} (a MODELS.md name) set from its text form. */
    public ModelOptions with(String name, String value) {
        if (RichOptions.isName(name)) {
            if (!architecture.equals("rich"))
                throw new IllegalArgumentException("model option " + name + " applies to --arch rich only");
            return new ModelOptions(architecture, D, rep, centre, observable, nq, K, rc, species, parity, rich.with(name, value));
        }
        try {
            return switch (name) {
                case "D" -> new ModelOptions(architecture, Integer.parseInt(value.trim()), rep, centre, observable, nq, K, rc, species, parity, rich);
                case "rep" -> new ModelOptions(architecture, D, Integer.parseInt(value.trim()), centre, observable, nq, K, rc, species, parity, rich);
                case "centre" -> new ModelOptions(architecture, D, rep, Integer.parseInt(value.trim()), observable, nq, K, rc, species, parity, rich);
                case "observable" -> new ModelOptions(architecture, D, rep, centre, value.trim(), nq, K, rc, species, parity, rich);
                case "nq" -> new ModelOptions(architecture, D, rep, centre, observable, Integer.parseInt(value.trim()), K, rc, species, parity, rich);
                case "K" -> new ModelOptions(architecture, D, rep, centre, observable, nq, Integer.parseInt(value.trim()), rc, species, parity, rich);
                case "rc" -> new ModelOptions(architecture, D, rep, centre, observable, nq, K, Double.parseDouble(value.trim()), species, parity, rich);
                case "species" -> new ModelOptions(architecture, D, rep, centre, observable, nq, K, rc, parseSpecies(value), parity, rich);
                case "parity" -> new ModelOptions(architecture, D, rep, centre, observable, nq, K, rc, species, value.trim(), rich);
                default -> throw new IllegalArgumentException("unknown model option '" + name
                        + "' (known: D, rep, centre, observable, nq, K, rc, species, parity, " + String.join(", ", RichOptions.NAMES) + ")");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model option " + name + ": not a number: '" + value + "'");
        }
    }

    private static int[] parseSpecies(String value) {
        String v = value.replace("[", "").replace("]", "").trim();
        String[] parts = v.split("[,\\s]+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) throw new IllegalArgumentException("empty species list '" + value + "'");
            out[i] = Character.isDigit(p.charAt(0)) ? Integer.parseInt(p) : elementNumber(p);
        }
        Arrays.sort(out);
        return out;
    }

    private static int elementNumber(String symbol) {
        String[] symbols = {"H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar"};
        for (int i = 0; i < symbols.length; i++)
            if (symbols[i].equalsIgnoreCase(symbol)) return i + 1;
        throw new IllegalArgumentException("unknown element '" + symbol + "' in species");
    }

    /** The options that apply to this architecture, as written to the model file's {@code hyper}. */
    public Map<String, Object> toHyper() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("D", D);
        if (architecture.equals("le")) {
            m.put("rep", rep);
            m.put("centre", centre);
        } else {
            m.put("nq", nq);
            m.put("K", K);
            m.put("rc", rc);
            m.put("species", Arrays.stream(species).boxed().toList());
        }
        if (architecture.equals("rich")) m.putAll(rich.toHyper());
        m.put("observable", observable);
        m.put("parity", parity);
        return m;
    }

    @Override
    public String toString() {
        return architecture + toHyper().toString().toLowerCase(Locale.ROOT).replace("{", "(").replace("}", ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelOptions m && architecture.equals(m.architecture) && D == m.D && rep == m.rep
                && centre == m.centre && observable.equals(m.observable) && nq == m.nq && K == m.K
                && Double.compare(rc, m.rc) == 0 && Arrays.equals(species, m.species) && parity.equals(m.parity)
                && rich.equals(m.rich);
    }

    @Override
    public int hashCode() {
        return architecture.hashCode() * 31 + D;
    }
}
