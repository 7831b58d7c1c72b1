package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code rich} architecture beyond those it shares with {@code revised}
 * (docs/RICH.md). Each one can be switched off, and with all of them off ({@code readout=pair01},
 * {@code threebody=0}, {@code channels=1}, {@code graph=ring}, {@code coupling=free}) the rich model
 * computes exactly what {@code revised} computes.
 *
 * @param readout   {@code pair01} (⟨σ₀·σ₁⟩ only), {@code pairs} (every σ_p·σ_q), {@code full} (pairs and
 *                  products of two disjoint pairs) or {@code chiral} (full plus the pseudo-scalar triple
 *                  products σ_p·(σ_q×σ_r); needs {@code parity=sym})
 * @param threebody A, the number of learned three-body radial channels (0: no three-body couplings)
 * @param lmax      largest Legendre order l of the three-body invariants (0..3)
 * @param channels  C, independent circuits per atom (≥ 1)
 * @param graph     Ex coupling graph: {@code ring} (MODELS.md ring pairs) or {@code all} (all pairs)
 * @param coupling  {@code free} (one coupling per pair and layer) or {@code tied} (one per layer)
 * @param tensor    whether every Ex pair of every layer also gets a tensor gate exp(−i Σ T_ab σ_a⊗σ_b) with an
 *                  l = 2 neighbour density T (docs/RICH.md §Tensor option); off by default, and then not written
 *                  to model files, so files without it read and write as before
 */
public record RichOptions(String readout, int threebody, int lmax, int channels, String graph, String coupling,
                          boolean tensor) {

    /** The option names, as used in model files, configs and flags. */
    public static final List<String> NAMES = List.of("readout", "threebody", "lmax", "channels", "graph", "coupling",
            "tensor");

    /** The options without the tensor gates. */
    public RichOptions(String readout, int threebody, int lmax, int channels, String graph, String coupling) {
        this(readout, threebody, lmax, channels, graph, coupling, false);
    }

    public RichOptions {
        if (!List.of("pair01", "pairs", "full", "chiral").contains(readout))
            throw new InputException("unknown readout '" + readout + "' (expected pair01, pairs, full or chiral)");
        if (threebody < 0) throw new InputException("threebody must be >= 0, got " + threebody);
        if (lmax < 0 || lmax > 3) throw new InputException("lmax must be 0..3, got " + lmax);
        if (channels < 1) throw new InputException("channels must be at least 1, got " + channels);
        if (!graph.equals("ring") && !graph.equals("all"))
            throw new InputException("unknown graph '" + graph + "' (expected ring or all)");
        if (!coupling.equals("free") && !coupling.equals("tied"))
            throw new InputException("unknown coupling '" + coupling + "' (expected free or tied)");
    }

    /** The docs/RICH.md defaults. */
    public static RichOptions defaults() {
        return new RichOptions("full", 4, 3, 1, "ring", "free");
    }

    /** True if {@code name} is one of these options. */
    public static boolean isName(String name) {
        return NAMES.contains(name);
    }

    /** A copy with option {@code name} set from its text form. */
    public RichOptions with(String name, String value) {
        String v = value.trim();
        try {
            return switch (name) {
                case "readout" -> new RichOptions(v, threebody, lmax, channels, graph, coupling, tensor);
                case "threebody" -> new RichOptions(readout, Integer.parseInt(v), lmax, channels, graph, coupling, tensor);
                case "lmax" -> new RichOptions(readout, threebody, Integer.parseInt(v), channels, graph, coupling, tensor);
                case "channels" -> new RichOptions(readout, threebody, lmax, Integer.parseInt(v), graph, coupling, tensor);
                case "graph" -> new RichOptions(readout, threebody, lmax, channels, v, coupling, tensor);
                case "coupling" -> new RichOptions(readout, threebody, lmax, channels, graph, v, tensor);
                case "tensor" -> new RichOptions(readout, threebody, lmax, channels, graph, coupling, onOff(v));
                default -> throw new InputException("unknown rich option '" + name + "'");
            };
        } catch (NumberFormatException e) {
            throw new InputException("model option " + name + ": not a number: '" + value + "'");
        }
    }

    /** {@code on} or {@code off} (also {@code true} / {@code false}, as a model file's JSON text reads back). */
    private static boolean onOff(String v) {
        return switch (v) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new InputException("tensor must be on or off, got '" + v + "'");
        };
    }

    /** The options by name, in {@link #NAMES} order; {@code tensor} only when on (older files stay as they were). */
    public Map<String, Object> toHyper() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("readout", readout);
        m.put("threebody", threebody);
        m.put("lmax", lmax);
        m.put("channels", channels);
        m.put("graph", graph);
        m.put("coupling", coupling);
        if (tensor) m.put("tensor", "on");
        return m;
    }
}
