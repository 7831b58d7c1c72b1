package org.qmlff.cli;

import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The model options of MODELS.md as command-line flags, by their MODELS.md names; shared by the
 * commands that create models ({@code train}, {@code learning-curve}). Values stay text until
 * {@code ModelOptions.with} parses them, so that one parser serves flags and config files alike.
 */
final class ModelOptionFlags {
    @Option(names = "--D", paramLabel = "N", description = "Layers (le: 6, revised: 3).")
    String d;
    @Option(names = "--rep", paramLabel = "N", description = "le: encodings per active atom (1).")
    String rep;
    @Option(names = "--centre", paramLabel = "N", description = "le: centre atom index (0).")
    String centre;
    @Option(names = "--observable", paramLabel = "pair01|ring", description = "Observable (pair01).")
    String observable;
    @Option(names = "--nq", paramLabel = "N", description = "revised: qubits per atom (4).")
    String nq;
    @Option(names = "--K", paramLabel = "N", description = "revised: radial basis functions (8).")
    String k;
    @Option(names = "--rc", paramLabel = "Å", description = "revised: cutoff radius (5.0).")
    String rc;
    @Option(names = "--species", paramLabel = "LIST", description = "revised: elements, e.g. H,C,N,O or 1,6,7,8.")
    String species;
    @Option(names = "--parity", paramLabel = "none|sym", description = "Inversion symmetrisation (none).")
    String parity;
    @Option(names = "--readout", paramLabel = "pair01|pairs|full|chiral", description = "rich: invariant readout (full).")
    String readout;
    @Option(names = "--threebody", paramLabel = "A", description = "rich: three-body radial channels, 0 = off (4).")
    String threebody;
    @Option(names = "--lmax", paramLabel = "L", description = "rich: largest Legendre order of the three-body terms (3).")
    String lmax;
    @Option(names = "--channels", paramLabel = "C", description = "rich: circuits per atom (1).")
    String channels;
    @Option(names = "--graph", paramLabel = "ring|all", description = "rich: Ex coupling graph (ring).")
    String graph;
    @Option(names = "--coupling", paramLabel = "free|tied", description = "rich: one coupling per pair or per layer (free).")
    String coupling;
    @Option(names = "--tensor", paramLabel = "on|off", description = "rich: a tensor (l = 2) gate after every Ex gate (off).")
    String tensor;

    /** Adds the options given on the command line to {@code flags}, keyed by their MODELS.md names. */
    void putInto(Map<String, Object> flags) {
        put(flags, "D", d);
        put(flags, "rep", rep);
        put(flags, "centre", centre);
        put(flags, "observable", observable);
        put(flags, "nq", nq);
        put(flags, "K", k);
        put(flags, "rc", rc);
        put(flags, "species", species);
        put(flags, "parity", parity);
        put(flags, "readout", readout);
        put(flags, "threebody", threebody);
        put(flags, "lmax", lmax);
        put(flags, "channels", channels);
        put(flags, "graph", graph);
        put(flags, "coupling", coupling);
        put(flags, "tensor", tensor);
    }

    private static void put(Map<String, Object> m, String key, String v) {
        if (v != null) m.put(key, v);
    }
}
