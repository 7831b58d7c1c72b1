package org.qmlff.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.data.Dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The atom-centred, species-aware {@code revised} architecture ({@link RevisedModel}, MODELS.md §Revised). */
public final class RevisedArchitecture extends CircuitArchitecture<RevisedOptions> {

    /** The architecture's name. */
    public static final String NAME = "revised";

    /** Why the atom-centred architectures are permutation invariant. */
    static final Symmetry.Promise PERMUTATION = Symmetry.Promise.holds(
            "the energy is a sum over atoms of functions of per-species neighbour sums");

    public RevisedArchitecture() {
        super(NAME, RevisedOptions.class, RevisedModel.class, CircuitOptions.NAMES, CircuitLayout.PER_ATOM,
                RevisedOptions.defaults(), PERMUTATION);
    }

    /** MODELS.md §Initialisation: W, V, J0 Gaussian, s = 1, e0 the composition baseline. */
    @Override
    public RevisedModel create(RevisedOptions options, List<Dataset> training, Random rng) {
        RevisedModel m = new RevisedModel(options);
        initialiseCircuitInputs(m, training, rng);
        ParameterSet.Tensor s = m.parameterSet().tensor("s");
        Arrays.fill(m.parameterSet().values(), s.offset(), s.offset() + s.size(), 1.0);
        fitBaseline(m, options.species(), training);
        return m;
    }

    @Override
    public RevisedModel newModel(RevisedOptions options, JsonNode root, String where) {
        return new RevisedModel(options);
    }

}
