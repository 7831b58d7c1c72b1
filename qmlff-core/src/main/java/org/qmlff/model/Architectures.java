package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registry of architectures: the built-in ones ({@code le}, {@code revised}, {@code rich}, {@code hybrid}) and
 * every {@link Architecture} named in a {@code META-INF/services/org.qmlff.model.Architecture} file
 * on the class path, in that order. Built once, when first used, and never changed.
 */
public final class Architectures {
    private static final List<Architecture<?>> ALL = load();
    private static final List<String> OPTION_NAMES = optionNamesOf(ALL);

    private Architectures() {
    }

    private static List<Architecture<?>> load() {
        List<Architecture<?>> all = new ArrayList<>(List.of(new LeArchitecture(), new RevisedArchitecture(),
                new RichArchitecture(), new HybridArchitecture()));
        @SuppressWarnings("rawtypes")
        ServiceLoader<Architecture> plugins = ServiceLoader.load(Architecture.class, Architectures.class.getClassLoader());
        for (Architecture<?> a : plugins) all.add(a);
        Set<String> names = new LinkedHashSet<>();
        for (Architecture<?> a : all)
            if (!names.add(a.name()))
                throw new IllegalStateException("two architectures are named '" + a.name() + "' (" + a.getClass().getName() + ")");
        return List.copyOf(all);
    }

    private static List<String> optionNamesOf(List<Architecture<?>> all) {
        Set<String> names = new LinkedHashSet<>();
        for (Architecture<?> a : all) names.addAll(a.optionNames());
        return List.copyOf(names);
    }

    /** Every registered architecture, built-in ones first. */
    public static List<Architecture<?>> all() {
        return ALL;
    }

    /** The names of {@link #all()}. */
    public static List<String> names() {
        return ALL.stream().map(Architecture::name).toList();
    }

    /** The union of every architecture's option names, in registration order without repeats. */
    public static List<String> optionNames() {
        return OPTION_NAMES;
    }

    /** The architecture named {@code name}; a one-line {@link InputException} naming the known ones if none. */
    public static Architecture<?> get(String name) {
        for (Architecture<?> a : ALL) if (a.name().equals(name)) return a;
        throw new InputException("unknown architecture '" + name + "' (expected "
                + OptionValues.alternatives(names()) + ")");
    }

    /** The architecture of a model (by {@link ForceField#architecture()}). */
    public static Architecture<?> of(ForceField model) {
        return get(model.architecture());
    }
}
