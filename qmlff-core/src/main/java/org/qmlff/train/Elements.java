package org.qmlff.train;

import java.util.Map;
import java.util.TreeMap;

/**
 * Element symbols and chemical formulas for reports (per-element errors, molecule matching).
 * Covers H to Kr; other atomic numbers print as {@code Z<number>}.
 */
public final class Elements {
    private static final String[] SYMBOLS = {"H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
            "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co",
            "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr"};

    private Elements() {
    }

    /** The symbol of atomic number {@code z}. */
    public static String symbol(int z) {
        return z >= 1 && z <= SYMBOLS.length ? SYMBOLS[z - 1] : "Z" + z;
    }

    /**
     * The Hill formula of a molecule: C first, then H, then the others alphabetically; without carbon,
     * all alphabetically. Counts of 1 are omitted (ethanol: {@code C2H6O}).
     */
    public static String formula(int[] numbers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int z : numbers) counts.merge(symbol(z), 1, Integer::sum);
        StringBuilder sb = new StringBuilder();
        boolean carbon = counts.containsKey("C");
        if (carbon) {
            append(sb, "C", counts.remove("C"));
            Integer h = counts.remove("H");
            if (h != null) append(sb, "H", h);
        }
        counts.forEach((s, n) -> append(sb, s, n));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String symbol, int n) {
        sb.append(symbol);
        if (n != 1) sb.append(n);
    }
}
