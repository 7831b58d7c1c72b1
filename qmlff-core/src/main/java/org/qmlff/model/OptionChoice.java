package org.qmlff.model;

import java.util.Locale;

/**
 * An option whose values are the constants of an enum ({@link Parity}, {@link CircuitObservable}),
 * written in model files, configs and flags as the constant's name in lower case.
 */
public interface OptionChoice {

    /** The enum constant's name. */
    String name();

    /** The option value as written: the name in lower case ({@code none}, {@code pair01}). */
    default String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
