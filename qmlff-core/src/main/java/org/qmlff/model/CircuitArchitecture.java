package org.qmlff.model;

import org.qmlff.error.InputException;

import org.qmlff.data.CompositionBaseline;
import org.qmlff.data.Dataset;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the built-in circuit architectures share: their identity (name, options and model types,
 * the option names of {@link CircuitOptions#NAMES}, the circuit layout), the initialisation steps
 * and the symmetry reasons of MODELS.md.
 */
abstract class CircuitArchitecture<O extends CircuitOptions> implements Architecture<O> {
    private final String name;
    private final Class<O> optionsType;
    private final Class<? extends CircuitForceField<?>> modelType;
    private final List<String> optionNames;
    private final CircuitLayout layout;
    private final O defaults;
    private final Symmetry.Promise permutation;

    /**
     * @param permutation whether the architecture is permutation invariant, and why (rotation and
     *                    translation invariance always hold, inversion with parity=sym)
     */
    CircuitArchitecture(String name, Class<O> optionsType, Class<? extends CircuitForceField<?>> modelType,
                        List<String> optionNames, CircuitLayout layout, O defaults, Symmetry.Promise permutation) {
        this.name = name;
        this.optionsType = optionsType;
        this.modelType = modelType;
        this.optionNames = List.copyOf(optionNames);
        this.layout = layout;
        this.defaults = defaults;
        this.permutation = permutation;
    }

    @Override
    public final O defaults() {
        return defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<O> optionsType() {
        return optionsType;
    }

    @Override
    public final Class<? extends ForceField> modelType() {
        return modelType;
    }

    @Override
    public final List<String> optionNames() {
        return optionNames;
    }

    @Override
    public final List<ParameterSet.Tensor> parameterTensors(ForceField model) {
        return modelType.cast(model).parameterSet().tensors();
    }

    @Override
    public final CircuitLayout circuitLayout() {
        return layout;
    }

    /** Why circuits of SU(2)-covariant Enc inputs, singlets, Ex gates and Heisenberg observables are rotation invariant. */
    private static final String ROTATION = "every circuit commutes with the same SU(2) rotation on all qubits, "
            + "and its inputs are relative position vectors";

    /** Rotation and translation always, permutation as the architecture says, inversion with parity=sym only. */
    @Override
    public final Map<Symmetry, Symmetry.Promise> symmetries(O options) {
        Map<Symmetry, Symmetry.Promise> m = new EnumMap<>(Symmetry.class);
        m.put(Symmetry.ROTATION_TRANSLATION, Symmetry.Promise.holds(ROTATION));
        m.put(Symmetry.PERMUTATION, permutation);
        m.put(Symmetry.INVERSION, options.parity() == Parity.SYM
                ? Symmetry.Promise.holds("parity=sym averages E(R) and E(-R)")
                : Symmetry.Promise.not("SU(2) does not represent parity; use parity=sym for exact O(3) invariance"));
        return m;
    }

    /**
     * Checks that every training molecule is made of the model's species and draws W, V and J0 (in
     * this order) as MODELS.md §Revised initialises them.
     */
    static void initialiseCircuitInputs(CircuitForceField<?> m, List<Dataset> training, Random rng) {
        checkTraining(m, training);
        ParameterSet ps = m.parameterSet();
        double[] v = ps.values();
        fillGaussian(v, ps.tensor("W"), 0.3, rng);
        fillGaussian(v, ps.tensor("V"), 0.05, rng);
        fillGaussian(v, ps.tensor("J0"), 0.1, rng);
    }

    /** Throws an {@link InputException} naming the first training set {@code m} cannot describe. */
    static void checkTraining(ForceField m, List<Dataset> training) {
        for (Dataset d : training) {
            try {
                m.checkCompatible(d.numbers());
            } catch (InputException e) {
                throw new InputException(d.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Sets the per-species energies e0 to the least-squares composition baseline of the training data. */
    static void fitBaseline(CircuitForceField<?> m, int[] species, List<Dataset> training) {
        ParameterSet ps = m.parameterSet();
        double[] e0 = CompositionBaseline.fit(species, training);
        System.arraycopy(e0, 0, ps.values(), ps.offset("e0"), e0.length);
    }

    static void fillGaussian(double[] v, ParameterSet.Tensor t, double sigma, Random rng) {
        for (int i = 0; i < t.size(); i++) v[t.offset() + i] = sigma * rng.nextGaussian();
    }

    /** Mean and (population) standard deviation of all training energies, kcal/mol. */
    static double[] energyMeanStd(List<Dataset> training) {
        double sum = 0;
        long n = 0;
        for (Dataset d : training) for (double e : d.energies()) {
            sum += e;
            n++;
        }
        double mean = sum / n;
        double ss = 0;
        for (Dataset d : training) for (double e : d.energies()) ss += (e - mean) * (e - mean);
        return new double[]{mean, Math.sqrt(ss / n)};
    }
}
