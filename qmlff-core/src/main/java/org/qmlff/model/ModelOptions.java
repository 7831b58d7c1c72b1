package org.qmlff.model;

import java.util.Locale;
import java.util.Map;

/**
 * The hyper-parameters of one architecture (MODELS.md, docs/RICH.md, or a plug-in's own), by the
 * names used in model files, configs and flags. Each architecture has its own immutable options
 * type; the built-in circuit architectures share the names of {@link CircuitOptions#NAMES}.
 *
 * <p>Implementations are values: {@code equals} compares every option, {@code with} returns a copy.
 */
public interface ModelOptions {

    /** The name of the architecture these options are for (its {@link Architecture#name()}). */
    String architecture();

    /**
     * A copy with option {@code name} set from its text form; a bad value or a name this
     * architecture does not accept is a one-line {@link IllegalArgumentException}.
     */
    ModelOptions with(String name, String value);

    /** The options that apply to this architecture, in model-file order, as written to {@code hyper}. */
    Map<String, Object> toHyper();

    /**
     * Whether the energy is symmetrised under inversion ({@code parity=sym}); {@link Parity#NONE}
     * for an architecture without the option.
     */
    default Parity parity() {
        return Parity.NONE;
    }

    /** The defaults of a registered architecture (MODELS.md for the built-in ones). */
    static ModelOptions defaults(String architecture) {
        return Architectures.get(architecture).defaults();
    }

    /** The text form every options type uses for {@code toString}: {@code revised(d=3, nq=4, ...)}. */
    static String describe(ModelOptions options) {
        return options.architecture() + options.toHyper().toString().toLowerCase(Locale.ROOT)
                .replace("{", "(").replace("}", ")");
    }
}
