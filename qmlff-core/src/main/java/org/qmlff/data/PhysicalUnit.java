package org.qmlff.data;

import org.qmlff.error.InputException;

import java.util.List;
import java.util.Locale;

/**
 * A unit qmlff reads and writes ({@link EnergyUnit}, {@link LengthUnit}): a symbol, its size in qmlff's
 * internal unit of the same kind (kcal/mol, Å), and the names it is parsed from.
 */
public interface PhysicalUnit {

    /**
     * What a unit is.
     *
     * @param symbol the unit as printed
     * @param size   the size of one unit in the internal unit (1 for the internal unit itself)
     * @param names  the spellings {@link #parse} accepts, lower case
     */
    record Scale(String symbol, double size, List<String> names) {
        public Scale(String symbol, double size, String... names) {
            this(symbol, size, List.of(names));
        }
    }

    /** The unit's symbol, size and names. */
    Scale scale();

    /** The unit as printed, e.g. {@code kcal/mol}, {@code eV}, {@code Å}. */
    default String symbol() {
        return scale().symbol();
    }

    /** {@code value} (in this unit) in the internal unit. Exact for the internal unit. */
    default double toInternal(double value) {
        double size = scale().size();
        return size == 1.0 ? value : value * size;
    }

    /** {@code value} (in the internal unit) in this unit. Exact for the internal unit. */
    default double fromInternal(double value) {
        double size = scale().size();
        return size == 1.0 ? value : value / size;
    }

    /**
     * The unit of {@code units} that {@code name} spells, case-insensitively and ignoring surrounding blanks.
     *
     * @param kind     what the units measure, for the error ({@code energy})
     * @param expected the spellings the error lists
     * @throws InputException for any other name
     */
    static <U extends PhysicalUnit> U parse(U[] units, String name, String kind, String expected) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (U u : units) if (u.scale().names().contains(s)) return u;
        throw new InputException("unknown " + kind + " unit '" + name + "' (expected " + expected + ")");
    }
}
