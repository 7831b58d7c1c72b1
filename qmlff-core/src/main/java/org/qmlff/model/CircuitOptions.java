package org.qmlff.model;

import java.util.List;

/**
 * The options of the built-in circuit architectures, one record each. They share one set of option
 * names ({@link #NAMES}): each architecture checks and ignores the names of the others that do not
 * apply to it, so that one config or flag set can switch between {@code --arch} values unchanged.
 */
public sealed interface CircuitOptions extends ModelOptions permits LeOptions, RevisedOptions, RichModelOptions {

    /** The option names every circuit architecture accepts, in the order configs apply them. */
    List<String> NAMES = List.of("D", "rep", "centre", "observable", "nq", "K", "rc", "species", "parity");

    @Override
    Parity parity();
}
