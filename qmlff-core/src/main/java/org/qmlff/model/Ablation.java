package org.qmlff.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant of an architecture's ablation study (docs/HYBRID.md §Ablations): the model with some
 * of its parts removed, replaced or frozen, set by model options on top of the user's configuration.
 *
 * @param label       its name in run directories and tables ({@code [a-z0-9-]+}, e.g. {@code no-exchange})
 * @param description what is removed or replaced, one line
 * @param options     the model options that make it (option name → value as written in configs)
 * @param reference   whether this variant is the classical part alone, against which the circuit's share
 *                    of the error reduction is measured (exactly one per study)
 * @param full        whether this variant is the full model (exactly one per study)
 */
public record Ablation(String label, String description, Map<String, String> options, boolean reference, boolean full) {
    public Ablation {
        if (label == null || !label.matches("[a-z0-9-]+"))
            throw new IllegalArgumentException("an ablation label is [a-z0-9-]+, got " + label);
        if (reference && full) throw new IllegalArgumentException("ablation " + label + " cannot be both full and reference");
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
