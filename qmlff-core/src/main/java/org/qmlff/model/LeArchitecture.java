package org.qmlff.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.DataFormatException;
import org.qmlff.data.Dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The baseline {@code le} architecture ({@link LeModel}, MODELS.md §Baseline): one circuit per
 * configuration, tied to one molecule, whose atom count and atomic numbers the model file records
 * ({@code natoms}, {@code numbers}).
 */
public final class LeArchitecture extends CircuitArchitecture<LeOptions> {

    /** The architecture's name. */
    public static final String NAME = "le";

    public LeArchitecture() {
        super(NAME, LeOptions.class, LeModel.class, CircuitOptions.NAMES, CircuitLayout.PER_CONFIGURATION, LeOptions.defaults(),
                Symmetry.Promise.not("le encodes atoms on fixed qubits, so it is not permutation invariant"));
    }

    /** MODELS.md §Initialisation: alpha = 1, J ~ N(0, 0.1²), scale and shift from the training energies. */
    @Override
    public LeModel create(LeOptions options, List<Dataset> training, Random rng) {
        Dataset first = training.get(0);
        for (Dataset d : training)
            if (!Arrays.equals(d.numbers(), first.numbers()))
                throw new IllegalArgumentException(NAME + " describes one molecule; the training data holds "
                        + first.name() + " and " + d.name() + " with different atoms (use --arch " + RevisedArchitecture.NAME + ")");
        LeModel m = new LeModel(options, first.numbers());
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        ParameterSet.Tensor alpha = ps.tensor("alpha");
        Arrays.fill(v, alpha.offset(), alpha.offset() + alpha.size(), 1.0);
        ParameterSet.Tensor j = ps.tensor("J");
        for (int i = 0; i < j.size(); i++) v[j.offset() + i] = 0.1 * rng.nextGaussian();
        double[] stats = energyMeanStd(training);
        v[ps.offset("scale")] = stats[1];
        v[ps.offset("shift")] = stats[0];
        return m;
    }

    @Override
    public int[] molecule(ForceField model) {
        return ((LeModel) model).numbers();
    }

    @Override
    public void writeHeader(ForceField model, ObjectNode root) {
        int[] numbers = molecule(model);
        root.put("natoms", numbers.length);
        ArrayNode nums = root.putArray("numbers");
        for (int z : numbers) nums.add(z);
    }

    @Override
    public LeModel newModel(LeOptions options, JsonNode root, String where) {
        JsonNode nums = root.path("numbers");
        if (!nums.isArray()) throw new DataFormatException(where + ": le model file lacks 'numbers'");
        int[] numbers = new int[nums.size()];
        for (int i = 0; i < numbers.length; i++) numbers[i] = nums.get(i).asInt();
        if (root.has("natoms") && root.get("natoms").asInt() != numbers.length)
            throw new DataFormatException(where + ": natoms " + root.get("natoms").asInt() + " disagrees with "
                    + numbers.length + " numbers");
        try {
            return new LeModel(options, numbers);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + ": " + e.getMessage());
        }
    }

}
