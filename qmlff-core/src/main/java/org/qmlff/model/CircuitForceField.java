package org.qmlff.model;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

/**
 * What the QNN architectures share: a {@link ParameterSet}, their {@link CircuitOptions}, and the
 * {@code parity} option, implemented once here on top of each architecture's plain evaluation.
 *
 * <p>With {@code parity=sym} the energy is E_sym(R) = ½(E(R) + E(−R)), hence F_sym(R) =
 * ½(F(R) − F(−R)) where F(−R) is the force computed at the inverted geometry; a loss with weights
 * (dL/dE, dL/dF) on E_sym and F_sym is the plain loss at R with (½dL/dE, ½dL/dF) plus the plain loss
 * at −R with (½dL/dE, −½dL/dF).
 */
abstract class CircuitForceField<O extends CircuitOptions> implements ForceField {

    /** Scratch memory of the parity wrapper; each architecture's scratch extends it. */
    abstract static class ParityScratch implements Scratch {
        private double[] inverted = new double[0];
        private double[] invertedForces = new double[0];
        private double[] weights = new double[0];
        /** Where circuits run instead of the exact simulator ({@link CircuitModels#attach}); null: exact. */
        CircuitRunner runner;

        final double gradient(Simulator sim, Circuit c, Observable o, double[] z, double[] g) {
            return runner == null ? sim.gradient(c, o, z, g) : runner.gradient(c, o, z, g);
        }

        final double hessianVectorProduct(Simulator sim, Circuit c, Observable o, double[] z, double[] u,
                                          double[] g, double[] hu) {
            return runner == null ? sim.hessianVectorProduct(c, o, z, u, g, hu)
                    : runner.hessianVectorProduct(c, o, z, u, g, hu);
        }

        final void ensureParity(int n3) {
            if (inverted.length >= n3) return;
            inverted = new double[n3];
            invertedForces = new double[n3];
            weights = new double[n3];
        }
    }

    protected final O options;
    protected final ParameterSet params;
    private final boolean symmetrised;

    CircuitForceField(O options, ParameterSet params) {
        this.options = options;
        this.params = params;
        this.symmetrised = options.parity() == Parity.SYM;
    }

    /** Energy (kcal/mol) and forces of one configuration without parity symmetrisation. */
    abstract double plainEnergyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch);

    /** {@link #addObjectiveGradient} without parity symmetrisation. */
    abstract void plainObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                         Scratch scratch);

    /**
     * True when every circuit of an evaluation goes through {@link ParityScratch#gradient} and
     * {@link ParityScratch#hessianVectorProduct}, so that a {@link CircuitRunner} sees them all.
     */
    boolean routesCircuits() {
        return true;
    }

    /** Circuits simulated per plain evaluation are multiplied by this (2 with parity=sym). */
    final int parityCopies() {
        return symmetrised ? 2 : 1;
    }

    ParameterSet parameterSet() {
        return params;
    }

    /** The architecture of its options ({@code le}, {@code revised}, {@code rich}). */
    @Override
    public final String architecture() {
        return options.architecture();
    }

    @Override
    public final O options() {
        return options;
    }

    @Override
    public final int parameterCount() {
        return params.size();
    }

    @Override
    public final void getParameters(double[] out) {
        params.copyTo(out);
    }

    @Override
    public final void setParameters(double[] in) {
        params.copyFrom(in);
    }

    @Override
    public final double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        if (!symmetrised) return plainEnergyAndForces(numbers, positions, forces, scratch);
        ParityScratch s = (ParityScratch) scratch;
        int n3 = 3 * numbers.length;
        s.ensureParity(n3);
        double e1 = plainEnergyAndForces(numbers, positions, forces, scratch);
        for (int i = 0; i < n3; i++) s.inverted[i] = -positions[i];
        double e2 = plainEnergyAndForces(numbers, s.inverted, s.invertedForces, scratch);
        for (int i = 0; i < n3; i++) forces[i] = 0.5 * (forces[i] - s.invertedForces[i]);
        return 0.5 * (e1 + e2);
    }

    @Override
    public final void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                           Scratch scratch) {
        if (!symmetrised) {
            plainObjectiveGradient(numbers, positions, dLdE, dLdF, grad, scratch);
            return;
        }
        ParityScratch s = (ParityScratch) scratch;
        int n3 = 3 * numbers.length;
        s.ensureParity(n3);
        for (int i = 0; i < n3; i++) s.weights[i] = 0.5 * dLdF[i];
        plainObjectiveGradient(numbers, positions, 0.5 * dLdE, s.weights, grad, scratch);
        for (int i = 0; i < n3; i++) {
            s.inverted[i] = -positions[i];
            s.weights[i] = -0.5 * dLdF[i];
        }
        plainObjectiveGradient(numbers, s.inverted, 0.5 * dLdE, s.weights, grad, scratch);
    }
}
