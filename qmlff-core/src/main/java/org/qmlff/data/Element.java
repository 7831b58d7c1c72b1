package org.qmlff.data;

import org.qmlff.error.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chemical elements qmlff knows: hydrogen to argon (Z = 1..18), which covers rMD17 (H, C, N, O)
 * with room to spare. Masses are the IUPAC standard atomic weights (conventional values where
 * IUPAC gives an interval), in unified atomic mass units (amu, g/mol).
 */
public enum Element {
    H("H", 1, 1.008), He("He", 2, 4.002602), Li("Li", 3, 6.94), Be("Be", 4, 9.0121831), B("B", 5, 10.81),
    C("C", 6, 12.011), N("N", 7, 14.007), O("O", 8, 15.999), F("F", 9, 18.998403163), Ne("Ne", 10, 20.1797),
    Na("Na", 11, 22.98976928), Mg("Mg", 12, 24.305), Al("Al", 13, 26.9815385), Si("Si", 14, 28.085),
    P("P", 15, 30.973761998), S("S", 16, 32.06), Cl("Cl", 17, 35.45), Ar("Ar", 18, 39.948);

    /** The largest atomic number qmlff knows. */
    public static final int MAX_Z = 18;

    private static final Element[] BY_Z = values();

    private final String symbol;
    private final int number;
    private final double mass;

    Element(String symbol, int number, double mass) {
        this.symbol = symbol;
        this.number = number;
        this.mass = mass;
    }

    /** The symbol with standard capitalisation, e.g. {@code "Cl"}. */
    public String symbol() {
        return symbol;
    }

    /** Atomic number Z. */
    public int number() {
        return number;
    }

    /** Standard atomic mass, amu. */
    public double mass() {
        return mass;
    }

    /** Whether qmlff knows atomic number {@code z}. */
    public static boolean isKnown(int z) {
        return z >= 1 && z <= MAX_Z;
    }

    /**
     * The element with atomic number {@code z}.
     *
     * @throws IllegalArgumentException if {@code z} is outside 1..18
     */
    public static Element of(int z) {
        if (!isKnown(z))
            throw new InputException("unknown element Z=" + z + " (qmlff knows H..Ar, Z=1..18)");
        return BY_Z[z - 1];
    }

    /** The element with this exact symbol (case-sensitive, as in {@code "Cl"}), if qmlff knows it. */
    public static Optional<Element> bySymbol(String symbol) {
        for (Element e : BY_Z)
            if (e.symbol.equals(symbol)) return Optional.of(e);
        return Optional.empty();
    }

    /** Symbols of the given atomic numbers, e.g. {@code [C, C, O, H, ...]}. */
    public static List<String> symbols(int[] numbers) {
        List<String> out = new ArrayList<>(numbers.length);
        for (int z : numbers) out.add(of(z).symbol);
        return out;
    }

    /**
     * The molecular formula in Hill order: C first and H second when there is carbon, then the other
     * elements alphabetically; without carbon all elements alphabetically (H included). Counts of 1
     * are omitted, e.g. ethanol {@code C2H6O}, water {@code H2O}, ammonia {@code H3N}.
     */
    public static String hillFormula(int[] numbers) {
        int[] count = new int[MAX_Z + 1];
        for (int z : numbers) count[of(z).number]++;
        StringBuilder sb = new StringBuilder();
        boolean carbon = count[C.number] > 0;
        if (carbon) {
            append(sb, C, count[C.number]);
            append(sb, H, count[H.number]);
        }
        List<Element> rest = new ArrayList<>();
        for (Element e : BY_Z)
            if (count[e.number] > 0 && !(carbon && (e == C || e == H))) rest.add(e);
        rest.sort((a, b) -> a.symbol.compareTo(b.symbol));
        for (Element e : rest) append(sb, e, count[e.number]);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Element e, int n) {
        if (n == 0) return;
        sb.append(e.symbol);
        if (n > 1) sb.append(n);
    }
}
