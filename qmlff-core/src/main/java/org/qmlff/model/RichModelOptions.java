package org.qmlff.model;

import java.util.Map;

/**
 * The options of the {@code rich} architecture (docs/RICH.md): those it shares with {@code revised}
 * and its own.
 *
 * @param base the options shared with {@code revised} (D, nq, K, rc, species, observable, parity)
 * @param rich the options of rich alone
 */
public record RichModelOptions(RevisedOptions base, RichOptions rich) implements CircuitOptions {

    public RichModelOptions {
        if (base == null || rich == null) throw new IllegalArgumentException("rich options are null");
    }

    /** The defaults: those of revised (D=3) with the docs/RICH.md defaults of the rich options. */
    public static RichModelOptions defaults() {
        return new RichModelOptions(RevisedOptions.defaults(), RichOptions.defaults());
    }

    @Override
    public String architecture() {
        return RichArchitecture.NAME;
    }

    @Override
    public Parity parity() {
        return base.parity();
    }

    @Override
    public RichModelOptions with(String name, String value) {
        if (RichOptions.isName(name)) return new RichModelOptions(base, rich.with(name, value));
        if (!NAMES.contains(name)) throw OptionValues.notAnOption(architecture(), name);
        return new RichModelOptions(base.with(name, value), rich);
    }

    /** D, nq, K, rc, species, the rich options, observable, parity. */
    @Override
    public Map<String, Object> toHyper() {
        Map<String, Object> m = base.atomCentredHyper();
        m.putAll(rich.toHyper());
        return OptionValues.closeHyper(m, base.observable(), base.parity());
    }

    @Override
    public String toString() {
        return ModelOptions.describe(this);
    }
}
