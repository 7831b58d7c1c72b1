package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code hybrid} architecture (docs/HYBRID.md): the options of its rich QNN and its
 * own.
 *
 * @param qnn       the rich QNN's options (docs/RICH.md names and defaults)
 * @param head      {@code mlp} (per-species MLP over the readout expectations, plus the linear readout)
 *                  or {@code linear} (the rich readout alone)
 * @param hidden    the MLP's hidden layer widths (at least one layer, each ≥ 1)
 * @param baseline  {@code ridge} (the classical baseline, fitted before training) or {@code none}
 * @param baseK     radial functions per species of the baseline's three-body terms (1..K)
 * @param baseLmax  largest Legendre order of the baseline's three-body terms (0..3)
 * @param ridge     the ridge penalty λ (relative to the normal matrix's diagonal, ≥ 0)
 * @param ridgeWF   the force weight ω_F of the ridge fit (≥ 0)
 * @param repulsion {@code r12} (the pair repulsion) or {@code none}
 * @param repEps    ε of the repulsion, kcal/mol (&gt; 0)
 * @param repR0     r0_ij / (ρ_i + ρ_j) (&gt; 0)
 * @param repRc     rc_ij / (ρ_i + ρ_j) (&gt; repR0)
 * @param circuit   what stands where the circuits are: {@code quantum} (the model) or one of its ablations
 *                  (docs/HYBRID.md §Ablations)
 */
public record HybridOptions(RichModelOptions qnn, String head, List<Integer> hidden, String baseline, int baseK,
                            int baseLmax, double ridge, double ridgeWF, String repulsion, double repEps, double repR0,
                            double repRc, CircuitMode circuit) implements ModelOptions {

    /** The architecture's own option names, in model-file order. */
    public static final List<String> NAMES = List.of("head", "hidden", "baseline", "baseK", "baseLmax", "ridge", "ridgeWF",
            "repulsion", "repEps", "repR0", "repRc", "circuit");

    public HybridOptions {
        if (qnn == null) throw new IllegalArgumentException("hybrid options: the QNN options are null");
        if (!head.equals("mlp") && !head.equals("linear"))
            throw new InputException("unknown head '" + head + "' (expected mlp or linear)");
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) throw new InputException("hidden needs at least one layer width");
        for (int h : hidden) if (h < 1) throw new InputException("hidden layer widths must be >= 1, got " + h);
        if (!baseline.equals("ridge") && !baseline.equals("none"))
            throw new InputException("unknown baseline '" + baseline + "' (expected ridge or none)");
        if (baseK < 1) throw new InputException("baseK must be >= 1, got " + baseK);
        if (baseLmax < 0 || baseLmax > 3) throw new InputException("baseLmax must be 0..3, got " + baseLmax);
        if (!(ridge >= 0) || Double.isInfinite(ridge)) throw new InputException("ridge must be >= 0, got " + ridge);
        if (!(ridgeWF >= 0) || Double.isInfinite(ridgeWF)) throw new InputException("ridgeWF must be >= 0, got " + ridgeWF);
        if (!repulsion.equals("r12") && !repulsion.equals("none"))
            throw new InputException("unknown repulsion '" + repulsion + "' (expected r12 or none)");
        if (!(repEps > 0) || Double.isInfinite(repEps)) throw new InputException("repEps must be > 0 kcal/mol, got " + repEps);
        if (!(repR0 > 0) || !(repRc > repR0) || Double.isInfinite(repRc))
            throw new InputException("repulsion radii need 0 < repR0 < repRc, got " + repR0 + ", " + repRc);
        if (circuit == null) throw new IllegalArgumentException("hybrid options: the circuit mode is null");
        if (circuit == CircuitMode.CLASSICAL && qnn.rich().readout().equals("chiral"))
            throw new InputException("circuit=classical has no classical map for readout=chiral (use full, pairs or pair01)");
    }

    /** docs/HYBRID.md defaults: the rich defaults, MLP head 2 × 32, ridge baseline, no repulsion. */
    public static HybridOptions defaults() {
        return new HybridOptions(RichModelOptions.defaults(), "mlp", List.of(32, 32), "ridge", 4, 3, 1e-8, 10,
                "none", 10, 0.6, 0.9, CircuitMode.QUANTUM);
    }

    /** The head's hidden widths, or none for the linear head. */
    int[] hiddenWidths() {
        return head.equals("mlp") ? hidden.stream().mapToInt(Integer::intValue).toArray() : new int[0];
    }

    @Override
    public String architecture() {
        return HybridArchitecture.NAME;
    }

    @Override
    public Parity parity() {
        return qnn.parity();
    }

    @Override
    public HybridOptions with(String name, String value) {
        if (!NAMES.contains(name))
            return new HybridOptions(qnn.with(name, value), head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF,
                    repulsion, repEps, repR0, repRc, circuit);
        String v = value.trim();
        return switch (name) {
            case "head" -> new HybridOptions(qnn, v, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0, repRc, circuit);
            case "hidden" -> new HybridOptions(qnn, head, widths(v), baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0, repRc, circuit);
            case "baseline" -> new HybridOptions(qnn, head, hidden, v, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0, repRc, circuit);
            case "baseK" -> new HybridOptions(qnn, head, hidden, baseline, OptionValues.integer(name, v), baseLmax, ridge, ridgeWF,
                    repulsion, repEps, repR0, repRc, circuit);
            case "baseLmax" -> new HybridOptions(qnn, head, hidden, baseline, baseK, OptionValues.integer(name, v), ridge, ridgeWF,
                    repulsion, repEps, repR0, repRc, circuit);
            case "ridge" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, OptionValues.real(name, v), ridgeWF,
                    repulsion, repEps, repR0, repRc, circuit);
            case "ridgeWF" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, OptionValues.real(name, v),
                    repulsion, repEps, repR0, repRc, circuit);
            case "repulsion" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, v, repEps, repR0, repRc, circuit);
            case "repEps" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion,
                    OptionValues.real(name, v), repR0, repRc, circuit);
            case "repR0" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps,
                    OptionValues.real(name, v), repRc, circuit);
            case "repRc" -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0,
                    OptionValues.real(name, v), circuit);
            default -> new HybridOptions(qnn, head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0,
                    repRc, CircuitMode.parse(v));
        };
    }

    /** "32,32", "[32, 32]" or "32 32". */
    private static List<Integer> widths(String value) {
        String v = value.replace("[", "").replace("]", "").trim();
        List<Integer> out = new ArrayList<>();
        for (String p : v.split("[,\\s]+")) if (!p.isEmpty()) out.add(OptionValues.integer("hidden", p));
        return out;
    }

    /** The rich QNN's hyper-parameters (docs/RICH.md order), then the hybrid's own in {@link #NAMES} order. */
    @Override
    public Map<String, Object> toHyper() {
        Map<String, Object> m = qnn.toHyper();
        m.put("head", head);
        m.put("hidden", hidden);
        m.put("baseline", baseline);
        m.put("baseK", baseK);
        m.put("baseLmax", baseLmax);
        m.put("ridge", ridge);
        m.put("ridgeWF", ridgeWF);
        m.put("repulsion", repulsion);
        m.put("repEps", repEps);
        m.put("repR0", repR0);
        m.put("repRc", repRc);
        m.put("circuit", circuit.text());
        return m;
    }

    @Override
    public String toString() {
        return ModelOptions.describe(this);
    }
}
