package org.qmlff.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.data.Dataset;

import java.util.List;
import java.util.Random;

/**
 * The {@code rich} architecture ({@link RichModel}, docs/RICH.md): revised with richer readouts,
 * three-body couplings and several channels. Its model files have version 2.
 */
public final class RichArchitecture extends CircuitArchitecture<RichModelOptions> {

    /** The architecture's name. */
    public static final String NAME = "rich";

    /** The circuit options, then rich's own. */
    static final List<String> OPTION_NAMES = OptionValues.names(CircuitOptions.NAMES, RichOptions.NAMES);

    public RichArchitecture() {
        super(NAME, RichModelOptions.class, RichModel.class, OPTION_NAMES, CircuitLayout.PER_ATOM,
                RichModelOptions.defaults(), RevisedArchitecture.PERMUTATION);
    }

    /** Version 2 added the rich architecture; le and revised files stay version 1 (readable by older readers). */
    @Override
    public int modelFileVersion() {
        return 2;
    }

    /** docs/RICH.md §Initialisation. */
    @Override
    public RichModel create(RichModelOptions options, List<Dataset> training, Random rng) {
        RichModel m = new RichModel(options);
        initialise(m, options, training, rng);
        return m;
    }

    /** Standard deviation of the initial tensor-gate weights Q (docs/RICH.md §Parameters). */
    static final double TENSOR_SIGMA = 0.02;

    /** Draws W, V, J0, (U, Y), (Q) from rng, sets c and fits e0 (docs/RICH.md §Parameters); a head is left as it is. */
    static void initialise(RichModel m, RichModelOptions options, List<Dataset> training, Random rng) {
        initialiseCircuitInputs(m, training, rng);
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        if (options.rich().threebody() > 0) {
            fillGaussian(v, ps.tensor("U"), 0.3, rng);
            fillGaussian(v, ps.tensor("Y"), 0.05, rng);
        }
        // Tensor gates: small weights (near-identity gates), drawn after U, Y so tensor-off models draw as before.
        if (options.rich().tensor()) fillGaussian(v, ps.tensor("Q"), TENSOR_SIGMA, rng);
        // c[ch][0][s] = 1/C (the pair01 term), the other readout weights 0.
        int channels = options.rich().channels(), ns = options.base().species().length;
        int oc = ps.offset("c");
        for (int ch = 0; ch < channels; ch++)
            for (int s = 0; s < ns; s++) v[oc + ch * m.readoutSize() * ns + s] = 1.0 / channels;
        fitBaseline(m, options.base().species(), training);
    }

    @Override
    public RichModel newModel(RichModelOptions options, JsonNode root, String where) {
        return new RichModel(options);
    }

}
