package org.qmlff.model;

/**
 * A trained or trainable force field: energy and conservative forces of one configuration, and the
 * exact gradient of a training objective with respect to its parameters.
 *
 * <p>Units: positions Å, energies kcal/mol, forces kcal/mol/Å (F = −∂E/∂R). Positions and forces
 * are flat arrays {@code [a * 3 + k]} for atom a and Cartesian component k.
 *
 * <p>Thread-safety: evaluation methods may be called concurrently from several threads provided
 * each thread passes its own {@link Scratch} (from {@link #newScratch()}) and parameters are not
 * changed meanwhile.
 */
public interface ForceField {

    /** Per-thread working memory of a force field (state vectors, feature buffers). */
    interface Scratch {
    }

    /**
     * What one energy evaluation of a molecule costs in circuit simulation.
     *
     * @param qubits   qubits per circuit
     * @param circuits circuits simulated per energy (revised: one per atom; parity=sym doubles it)
     * @param gates    gates applied per energy, over all circuits
     */
    record CircuitCost(int qubits, int circuits, long gates) {
    }

    /**
     * The circuit cost of one energy evaluation of a molecule with these atomic numbers; null for a
     * force field that simulates no circuits (the analytic ones in tests).
     */
    default CircuitCost circuitCost(int[] numbers) {
        return null;
    }

    /** The name of this model's {@link Architecture} in the registry and in model files. */
    String architecture();

    /** The hyper-parameters this model was built with. */
    ModelOptions options();

    /** Number of trainable parameters. */
    int parameterCount();

    /**
     * Whether parameter {@code index} (model-file order) is trained. An untrained one (an ablation's frozen
     * circuit, docs/HYBRID.md §Ablations) keeps its value: {@link #addObjectiveGradient} adds nothing to its
     * entry, although the energy may depend on it. All are trained unless a model says otherwise.
     */
    default boolean trains(int index) {
        return true;
    }

    /** Copies the parameters, flattened in model-file order, into {@code out}. */
    void getParameters(double[] out);

    /** Replaces the parameters with {@code in} (same order as {@link #getParameters}). */
    void setParameters(double[] in);

    /** New working memory for one thread. */
    Scratch newScratch();

    /**
     * Throws {@link org.qmlff.error.InputException} with a one-line message if this model cannot describe a
     * molecule with these atomic numbers (wrong atom count or order for {@code le}, an unknown element
     * for {@code revised}).
     */
    void checkCompatible(int[] numbers);

    /** Energy of one configuration (kcal/mol); writes the forces (kcal/mol/Å) into {@code forces}. */
    double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch);

    /**
     * Adds to {@code grad} the parameter gradient of a loss that depends on this configuration through
     * its energy E and forces F: {@code dLdE · ∂E/∂θ + Σ_ak dLdF[ak] · ∂F_ak/∂θ}. Exact (the force term
     * uses the mixed second derivative ∂²E/∂θ∂R).
     */
    void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                              Scratch scratch);
}
