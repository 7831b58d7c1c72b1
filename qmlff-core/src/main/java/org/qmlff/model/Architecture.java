package org.qmlff.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.Dataset;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One model family: its name and options, how a fresh model is made from training data, how its
 * models are stored in a model file (MODELS.md), which symmetries they have and what circuits they
 * run. Everything outside the family's own classes ({@link Models}, the commands, the reports) knows
 * an architecture only through this contract and {@link Architectures}, the registry.
 *
 * <p>Adding an architecture is one implementation of this interface (and its force field and options
 * types) plus one line naming it in a {@code META-INF/services/org.qmlff.model.Architecture} file;
 * see docs/ARCHITECTURES.md.
 *
 * <p>The model file. {@link Models} writes {@code format}, {@code version} ({@link #modelFileVersion}),
 * {@code architecture}, then what {@link #writeHeader} adds, then {@code hyper}
 * ({@link ModelOptions#toHyper}), {@code params} (the tensors of {@link #parameterTensors}, filled from
 * {@link ForceField#getParameters}), {@code units} and {@code training}. Reading reverses it:
 * {@link #defaults} overridden by every known key of {@code hyper}, {@link #newModel} from the options
 * and the file, then the parameters.
 *
 * @param <O> the architecture's options type
 */
public interface Architecture<O extends ModelOptions> {

    /** How the circuits of one energy evaluation relate to the molecule. */
    enum CircuitLayout {
        /** No circuits (a classical force field). */
        NONE,
        /** One circuit (or a fixed number) per configuration, over the whole molecule. */
        PER_CONFIGURATION,
        /** One circuit (or a fixed number) per atom, centred on it. */
        PER_ATOM
    }

    /** The name used in model files, configs and {@code --arch}. */
    String name();

    /** The options type, to which {@link #defaults} and every {@code with} belong. */
    Class<O> optionsType();

    /** The force-field type this architecture creates and writes. */
    Class<? extends ForceField> modelType();

    /** The default options. */
    O defaults();

    /**
     * Every option name {@link #defaults()}{@code .with} accepts, in the order configs apply them; the
     * registry's union of these is what configs and model files may name.
     */
    List<String> optionNames();

    /** The model-file version this architecture's files carry (1: MODELS.md; rich needs 2). */
    default int modelFileVersion() {
        return 1;
    }

    /**
     * A freshly initialised model for the training data (not empty), random parameters drawn from
     * {@code rng}; a one-line {@link IllegalArgumentException} if the data cannot be described.
     */
    ForceField create(O options, List<Dataset> training, Random rng);

    /**
     * Adds the entries of the model file that this architecture needs beyond its options and
     * parameters (le: the molecule it is tied to), in file order; none by default.
     */
    default void writeHeader(ForceField model, ObjectNode root) {
    }

    /**
     * A model with these options and the entries {@link #writeHeader} wrote (from {@code root}, the
     * whole model file; {@code where} names it in messages); its parameters are set afterwards.
     */
    ForceField newModel(O options, JsonNode root, String where);

    /** The parameter tensors of {@code model} (one of {@link #modelType()}), in model-file order. */
    List<ParameterSet.Tensor> parameterTensors(ForceField model);

    /**
     * The atomic numbers, in order, of the one molecule {@code model} is tied to (le); null when the
     * architecture's models describe any molecule made of their species.
     */
    default int[] molecule(ForceField model) {
        return null;
    }

    /**
     * The variants of this architecture's ablation study ({@code qmlff ablation}), in table order: exactly
     * one {@link Ablation#full} and one {@link Ablation#reference}, or none when it defines no study.
     */
    default List<Ablation> ablations() {
        return List.of();
    }

    /** For each {@link Symmetry}, whether models with these options have it exactly, and why. */
    Map<Symmetry, Symmetry.Promise> symmetries(O options);

    /**
     * How the circuits of an evaluation are laid out; the counts for a given molecule (qubits,
     * circuits, gates per energy) are {@link ForceField#circuitCost}.
     */
    CircuitLayout circuitLayout();
}
