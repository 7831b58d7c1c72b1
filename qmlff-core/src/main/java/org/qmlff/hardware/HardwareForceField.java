package org.qmlff.hardware;

import org.qmlff.error.InputException;
import org.qmlff.model.CircuitModels;
import org.qmlff.model.CircuitRunner;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.SharedParameters;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.GateInfo;
import org.qmlff.sim.Observable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A circuit model ({@code le}, {@code revised}) evaluated the way a quantum computer would: each circuit's
 * ⟨O⟩ measured with finite shots ({@link Device}), its derivatives from parameter-shift circuits
 * ({@link ShiftRule}), optionally with gate and readout noise ({@link NoiseModel}: exact density matrices up
 * to {@link DensityMatrix#MAX_QUBITS} qubits, sampled trajectories ({@link TrajectoryBackend}) beyond).
 * The model's own chain rule turns these into energies, forces and parameter gradients.
 *
 * <p>Standard errors. Energy and forces are affine in the circuit estimates, which are independent, so
 * Var(F_m) = Σ_circuits Σ_gates c_mᵀ·Cov(g_gate)·c_m with c_m = ∂F_m/∂g_gate, and Var(E) = Σ a_c²·Var(⟨O⟩_c).
 * The coefficients a_c and c_m are read off the model by evaluating it with unit circuit results injected
 * (one pass per circuit input, no simulation).
 *
 * <p>Randomness: the shot sampling of one evaluation is seeded from the options' seed, the salt and the
 * configuration's positions, so results do not depend on the thread that computes them. With
 * {@link HardwareOptions#exactModel()} every method is the wrapped model's, bit for bit.
 *
 * <p>Parameter gradients ({@link #addObjectiveGradient}) support energy-only losses (dLdF = 0): the force
 * term needs ∂²E/∂θ∂R, i.e. second-order shift rules over every pair of gates, which no hardware
 * training would afford (and whose shot noise would swamp it).
 */
public final class HardwareForceField implements SharedParameters {
    private final ForceField model;
    private final HardwareOptions options;
    private long salt;

    public HardwareForceField(ForceField model, HardwareOptions options) {
        if (!CircuitModels.supports(model))
            throw new InputException("the hardware view (shots, noise, parameter shifts) covers the le and revised "
                    + "architectures; a " + model.architecture() + " model does not run its circuits through it");
        this.model = model;
        this.options = options;
    }

    public ForceField model() {
        return model;
    }

    public HardwareOptions hardwareOptions() {
        return options;
    }

    /** Changes the shot-noise stream of later evaluations (e.g. once per training step). */
    public void setSalt(long salt) {
        this.salt = salt;
    }

    /** One circuit run of a configuration: what the model asked for. */
    private record Run(Circuit circuit, Observable observable, double variance, double[] cov) {
    }

    private enum Mode { EXACT_RECORD, ESTIMATE, INJECT }

    private final class Runner implements CircuitRunner {
        Mode mode = Mode.ESTIMATE;
        final Device device;
        final List<Run> runs = new ArrayList<>();
        final List<double[]> inputs = new ArrayList<>();
        int index;
        int target;
        double injectO;
        int injectInput;
        long circuits;
        org.qmlff.sim.Simulator exact;

        Runner() {
            Backend b = !options.noise().hasGateNoise() ? new StateVectorBackend()
                    : new TrajectoryBackend(options.noise(), options.trajectories(),
                            options.forceTrajectories() ? 0 : DensityMatrix.MAX_QUBITS);
            device = new Device(b, options.shots(), options.noise().readout01(), options.noise().readout10());
        }

        @Override
        public double gradient(Circuit c, Observable o, double[] z, double[] g) {
            int at = index++;
            switch (mode) {
                case INJECT -> {
                    Arrays.fill(g, 0, c.inputs(), 0.0);
                    if (at != target) return 0;
                    if (injectInput >= 0) g[injectInput] = 1;
                    return injectO;
                }
                case EXACT_RECORD -> {
                    if (exact == null || exact.maxQubits() < c.qubits()) exact = new org.qmlff.sim.Simulator(c.qubits());
                    runs.add(new Run(c, o, 0, null));
                    inputs.add(Arrays.copyOf(z, c.inputs()));
                    return exact.gradient(c, o, z, g);
                }
                default -> {
                    Device d = device;
                    Estimate e = d.expectation(c, o, z);
                    double[] cov = new double[3 * c.inputs()];
                    int shifted = ShiftRule.gradient(d, c, o, z, g, cov);
                    circuits += e.circuits() + shifted;
                    runs.add(new Run(c, o, e.variance(), cov));
                    return e.value();
                }
            }
        }

        @Override
        public double hessianVectorProduct(Circuit c, Observable o, double[] z, double[] u, double[] g, double[] hu) {
            for (int i = 0; i < c.inputs(); i++) {
                if (u[i] != 0) throw new IllegalArgumentException("hardware-style training supports energy-only "
                        + "losses: the force term needs second derivatives of every circuit (use a force weight of 0)");
            }
            Arrays.fill(hu, 0, c.inputs(), 0.0);
            return gradient(c, o, z, g);
        }

        void start(Mode m) {
            mode = m;
            index = 0;
            if (m != Mode.INJECT) {
                runs.clear();
                inputs.clear();
                circuits = 0;
            }
        }
    }

    /** Per-thread memory: the model's scratch with a {@link Runner} attached. */
    private final class HardwareScratch implements Scratch {
        final Scratch inner = model.newScratch();
        final Runner runner = new Runner();
        double[] f0 = new double[0];
        double[] f1 = new double[0];
        double[] f2 = new double[0];
        double[] f3 = new double[0];

        HardwareScratch() {
            if (!options.exactModel()) CircuitModels.attach(inner, runner);
        }

        void ensure(int n3) {
            if (f0.length >= n3) return;
            f0 = new double[n3];
            f1 = new double[n3];
            f2 = new double[n3];
            f3 = new double[n3];
        }
    }

    private long seedFor(double[] positions, int n3) {
        long h = options.seed() * 0x9E3779B97F4A7C15L + salt;
        for (int i = 0; i < n3; i++) h = h * 0x100000001B3L ^ Double.doubleToLongBits(positions[i]);
        return h;
    }

    /** Energy, forces, their standard errors and the circuit count of one configuration. */
    public HardwareEvaluation evaluate(int[] numbers, double[] positions, Scratch scratch) {
        HardwareScratch s = (HardwareScratch) scratch;
        int n3 = 3 * numbers.length;
        double[] forces = new double[n3];
        double[] se = new double[n3];
        if (options.exactModel()) {
            double e = model.energyAndForces(numbers, positions, forces, s.inner);
            return new HardwareEvaluation(e, forces, 0, se, model.circuitCost(numbers).circuits());
        }
        Runner r = s.runner;
        r.start(Mode.ESTIMATE);
        r.device.reseed(seedFor(positions, n3));
        double energy = model.energyAndForces(numbers, positions, forces, s.inner);
        long circuits = r.circuits;
        double energySe = 0;
        boolean noisy = options.shots() > 0 || options.usesTrajectories(model.circuitCost(numbers).qubits());
        if (noisy) {
            List<Run> runs = List.copyOf(r.runs);
            s.ensure(n3);
            r.start(Mode.INJECT);
            r.target = -1;
            double e0 = model.energyAndForces(numbers, positions, s.f0, s.inner);
            double varE = 0;
            double[] var = new double[n3];
            for (int c = 0; c < runs.size(); c++) {
                Run run = runs.get(c);
                r.target = c;
                double a = inject(r, numbers, positions, s, s.f1, 1, -1) - e0;
                varE += a * a * run.variance();
                Circuit cone = run.circuit().lightCone(run.observable());
                for (int k = 0; k < cone.gateCount(); k++) {
                    GateInfo gi = cone.gateInfo(k);
                    int b = gi.input();
                    if (gi.inputs() == 1) {
                        inject(r, numbers, positions, s, s.f1, 0, b);
                        for (int m = 0; m < n3; m++) {
                            double col = s.f1[m] - s.f0[m];
                            var[m] += col * col * run.cov()[3 * b];
                        }
                    } else if (gi.inputs() == 3) {
                        double[][] cols = {s.f1, s.f2, s.f3};
                        for (int l = 0; l < 3; l++) inject(r, numbers, positions, s, cols[l], 0, b + l);
                        for (int m = 0; m < n3; m++) {
                            double q = 0;
                            for (int kk = 0; kk < 3; kk++) {
                                double ck = cols[kk][m] - s.f0[m];
                                for (int l = 0; l < 3; l++) q += ck * (cols[l][m] - s.f0[m]) * run.cov()[3 * (b + kk) + l];
                            }
                            var[m] += q;
                        }
                    }
                }
            }
            energySe = Math.sqrt(Math.max(0, varE));
            for (int m = 0; m < n3; m++) se[m] = Math.sqrt(Math.max(0, var[m]));
        }
        return new HardwareEvaluation(energy, forces, energySe, se, circuits);
    }

    private double inject(Runner r, int[] numbers, double[] positions, HardwareScratch s, double[] out, double o, int input) {
        r.index = 0;
        r.injectO = o;
        r.injectInput = input;
        return model.energyAndForces(numbers, positions, out, s.inner);
    }

    /**
     * The circuits, observables and bound inputs z the model runs for one configuration, in its order (for
     * export and resource counts); exact simulation.
     */
    public List<BoundCircuit> circuits(int[] numbers, double[] positions, Scratch scratch) {
        HardwareScratch s = (HardwareScratch) scratch;
        s.runner.start(Mode.EXACT_RECORD);
        CircuitModels.attach(s.inner, s.runner);
        try {
            model.energyAndForces(numbers, positions, new double[3 * numbers.length], s.inner);
        } finally {
            CircuitModels.attach(s.inner, options.exactModel() ? null : s.runner);
        }
        List<BoundCircuit> out = new ArrayList<>();
        for (int i = 0; i < s.runner.runs.size(); i++) {
            Run run = s.runner.runs.get(i);
            out.add(new BoundCircuit(run.circuit(), run.observable(), s.runner.inputs.get(i)));
        }
        s.runner.start(Mode.ESTIMATE);
        return out;
    }

    /**
     * Circuits (measurement settings) one parameter-gradient evaluation of an energy-only loss runs on
     * this configuration, counted while it runs ({@link #addObjectiveGradient} with dL/dE = 1, dL/dF = 0).
     */
    public long gradientCircuits(int[] numbers, double[] positions, Scratch scratch) {
        HardwareScratch s = (HardwareScratch) scratch;
        if (options.exactModel()) return model.circuitCost(numbers).circuits();
        addObjectiveGradient(numbers, positions, 1, new double[3 * numbers.length], new double[parameterCount()], s);
        return s.runner.circuits;
    }

    @Override
    public double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        if (options.exactModel()) return model.energyAndForces(numbers, positions, forces, ((HardwareScratch) scratch).inner);
        HardwareScratch s = (HardwareScratch) scratch;
        s.runner.start(Mode.ESTIMATE);
        s.runner.device.reseed(seedFor(positions, 3 * numbers.length));
        return model.energyAndForces(numbers, positions, forces, s.inner);
    }

    @Override
    public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                     Scratch scratch) {
        HardwareScratch s = (HardwareScratch) scratch;
        if (options.exactModel()) {
            model.addObjectiveGradient(numbers, positions, dLdE, dLdF, grad, s.inner);
            return;
        }
        s.runner.start(Mode.ESTIMATE);
        s.runner.device.reseed(seedFor(positions, 3 * numbers.length));
        model.addObjectiveGradient(numbers, positions, dLdE, dLdF, grad, s.inner);
    }

    @Override
    public CircuitCost circuitCost(int[] numbers) {
        return model.circuitCost(numbers);
    }

    @Override
    public String architecture() {
        return model.architecture();
    }

    @Override
    public ModelOptions options() {
        return model.options();
    }

    /** The wrapped model: the hardware view trains its parameters. */
    @Override
    public ForceField parameterModel() {
        return model;
    }

    @Override
    public Scratch newScratch() {
        return new HardwareScratch();
    }

    /**
     * The model's check. Gate noise on circuits wider than the density-matrix limit runs by sampled
     * trajectories, whose state vectors are bounded only by {@link Circuit#MAX_QUBITS}, like the exact path.
     */
    @Override
    public void checkCompatible(int[] numbers) {
        model.checkCompatible(numbers);
    }
}
