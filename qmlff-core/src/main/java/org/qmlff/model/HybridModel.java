package org.qmlff.model;

/**
 * A hybrid quantum-classical force field (docs/HYBRID.md): E = E_QNN + E_base + E_rep, where E_QNN is
 * a rich QNN (docs/RICH.md) whose atomic energies may have a classical MLP head over their readout
 * expectations, E_base the fixed classical baseline ({@link ClassicalBaseline}, fitted in closed form
 * before training; optional) and E_rep the fixed pair repulsion ({@link PairRepulsion}; optional).
 *
 * <p>The trainable parameters are the QNN's (with its head), in its file order; the baseline and the
 * repulsion are constant during training, so the objective gradient is the QNN's (its E and F enter
 * the loss through the total prediction, which the trainer computes from {@link #energyAndForces}).
 */
public final class HybridModel implements SharedParameters {
    private final HybridOptions options;
    private final RichModel qnn;
    private final ClassicalBaseline baseline;
    private final PairRepulsion repulsion;

    /** @param baseline null for baseline=none; @param repulsion null for repulsion=none */
    HybridModel(HybridOptions options, RichModel qnn, ClassicalBaseline baseline, PairRepulsion repulsion) {
        this.options = options;
        this.qnn = qnn;
        this.baseline = baseline;
        this.repulsion = repulsion;
    }

    /** The QNN part (its parameters are this model's). */
    RichModel qnn() {
        return qnn;
    }

    /** The classical baseline, or null. */
    ClassicalBaseline baseline() {
        return baseline;
    }

    /** The repulsion, or null. */
    PairRepulsion repulsion() {
        return repulsion;
    }

    private final class HybridScratch implements Scratch {
        final Scratch qnnScratch = qnn.newScratch();
        final ClassicalBaseline.Work baseWork = baseline == null ? null : baseline.newWork();
    }

    @Override
    public Scratch newScratch() {
        return new HybridScratch();
    }

    @Override
    public CircuitCost circuitCost(int[] numbers) {
        return qnn.circuitCost(numbers);
    }

    @Override
    public String architecture() {
        return HybridArchitecture.NAME;
    }

    @Override
    public HybridOptions options() {
        return options;
    }

    /** The QNN: the hybrid's parameters are its parameters. */
    @Override
    public ForceField parameterModel() {
        return qnn;
    }

    @Override
    public boolean trains(int index) {
        return qnn.trains(index);
    }

    @Override
    public void checkCompatible(int[] numbers) {
        qnn.checkCompatible(numbers);
        if (repulsion != null) PairRepulsion.check(numbers);
    }

    @Override
    public double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        HybridScratch s = (HybridScratch) scratch;
        checkCompatible(numbers);
        double e = qnn.energyAndForces(numbers, positions, forces, s.qnnScratch);
        return e + classicalEnergyAndForces(numbers, positions, forces, s.baseWork);
    }

    /** E_base + E_rep; adds their forces. */
    private double classicalEnergyAndForces(int[] numbers, double[] positions, double[] forces, ClassicalBaseline.Work w) {
        double e = 0;
        if (baseline != null) e += baseline.addEnergyAndForces(numbers, positions, forces, w);
        if (repulsion != null) e += repulsion.addEnergyAndForces(numbers, positions, forces);
        return e;
    }

    /** The QNN's gradient: the classical parts have no trainable parameters. */
    @Override
    public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                     Scratch scratch) {
        qnn.addObjectiveGradient(numbers, positions, dLdE, dLdF, grad, ((HybridScratch) scratch).qnnScratch);
    }
}
