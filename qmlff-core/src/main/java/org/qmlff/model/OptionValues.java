package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Parsing of option values from their text form, with the messages every options type uses. */
final class OptionValues {
    private OptionValues() {
    }

    /** The option names of {@code first}, then those of {@code more} (an architecture's list over its parts). */
    static List<String> names(List<String> first, List<String> more) {
        List<String> names = new ArrayList<>(first);
        names.addAll(more);
        return List.copyOf(names);
    }

    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw notANumber(name, value);
        }
    }

    static double real(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw notANumber(name, value);
        }
    }

    private static InputException notANumber(String name, String value) {
        return new InputException("model option " + name + ": not a number: '" + value + "'");
    }

    /** A species list: atomic numbers or element symbols, comma or blank separated, brackets optional; sorted. */
    static int[] species(String value) {
        String v = value.replace("[", "").replace("]", "").trim();
        String[] parts = v.split("[,\\s]+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) throw new InputException("empty species list '" + value + "'");
            try {
                out[i] = Character.isDigit(p.charAt(0)) ? Integer.parseInt(p) : elementNumber(p);
            } catch (NumberFormatException e) {
                throw notANumber("species", value);
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static int elementNumber(String symbol) {
        String[] symbols = {"H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar"};
        for (int i = 0; i < symbols.length; i++)
            if (symbols[i].equalsIgnoreCase(symbol)) return i + 1;
        throw new InputException("unknown element '" + symbol + "' in species");
    }

    /** Adds observable and parity, which close the {@code hyper} of every circuit architecture; returns m. */
    static Map<String, Object> closeHyper(Map<String, Object> m, CircuitObservable observable, Parity parity) {
        m.put("observable", observable.text());
        m.put("parity", parity.text());
        return m;
    }

    /**
     * The constant of {@code values} written {@code text} (blanks around it ignored); otherwise
     * "unknown WHAT 'text' (expected a, b or c)".
     */
    static <E> E choice(E[] values, Function<? super E, String> written, String what, String text) {
        String t = text.trim();
        for (E e : values) if (written.apply(e).equals(t)) return e;
        List<String> names = new ArrayList<>();
        for (E e : values) names.add(written.apply(e));
        throw new InputException("unknown " + what + " '" + t + "' (expected " + alternatives(names) + ")");
    }

    /** "a", "a or b", "a, b or c". */
    static String alternatives(List<String> names) {
        if (names.size() < 2) return String.join("", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /**
     * The error for an option {@code name} that architecture {@code arch} does not accept: it names
     * the architectures that do, or lists every known option name.
     */
    static InputException notAnOption(String arch, String name) {
        List<String> owners = Architectures.all().stream().filter(a -> a.optionNames().contains(name))
                .map(Architecture::name).toList();
        if (!owners.isEmpty())
            return new InputException("model option " + name + " applies to --arch " + String.join(" or ", owners) + " only");
        return new InputException("unknown model option '" + name + "' (known: "
                + String.join(", ", Architectures.optionNames()) + ")");
    }
}
