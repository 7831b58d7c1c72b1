package org.qmlff.md;

import org.qmlff.model.ForceField;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs MD of one molecule with a force field: Maxwell–Boltzmann initial velocities, then
 * {@link MdConfig#steps()} steps of velocity Verlet (NVE) or Langevin BAOAB (NVT), checking for
 * blow-ups after every step and showing every sound state to the observers.
 *
 * <p>Randomness: the seed feeds a {@link SplittableRandom} from which two independent streams are
 * split, the first for the initial velocities and the second for the thermostat. The same seed,
 * inputs and force field give a bit-identical run.
 *
 * <p>A blow-up ({@link MdChecks}) or an interrupt of the running thread ends the run early; the
 * offending state is not shown to the observers, the reason is in {@link MdSummary#stopReason()}.
 */
public final class MdSimulation {
    private final ForceField forceField;
    private final int[] numbers;
    private final double[] masses;
    private final MdConfig config;

    /**
     * @param numbers atomic numbers, one per atom
     * @param masses  amu, one per atom
     */
    public MdSimulation(ForceField forceField, int[] numbers, double[] masses, MdConfig config) {
        if (masses.length != numbers.length)
            throw new IllegalArgumentException(masses.length + " masses for " + numbers.length + " atoms");
        if (numbers.length == 0) throw new IllegalArgumentException("the molecule has no atoms");
        this.forceField = forceField;
        this.numbers = numbers.clone();
        this.masses = masses.clone();
        this.config = config;
    }

    /** Degrees of freedom of a run of this configuration from {@code positions}; see the package description. */
    public int degreesOfFreedom(double[] positions) {
        return config.ensemble() == Ensemble.NVT ? 3 * numbers.length
                : Momenta.internalDegreesOfFreedom(masses, positions);
    }

    /** Runs from {@code positions} (Å) with Maxwell–Boltzmann velocities at the configured temperature. */
    public MdResult run(double[] positions, List<? extends MdObserver> observers) throws IOException {
        int n = numbers.length;
        if (positions.length != 3 * n)
            throw new IllegalArgumentException("initial positions hold " + positions.length + " values, expected "
                    + 3 * n + " for " + n + " atoms");
        for (int i = 0; i < positions.length; i++)
            if (!Double.isFinite(positions[i]))
                throw new IllegalArgumentException("initial position of atom " + i / 3 + " is not finite: " + positions[i]);
        SplittableRandom root = new SplittableRandom(config.seed());
        GaussianRandom velocityNoise = new GaussianRandom(root.split());
        GaussianRandom thermostatNoise = new GaussianRandom(root.split());

        double[] velocities = new double[3 * n];
        MaxwellBoltzmann.draw(masses, positions, config.temperature(), velocityNoise, velocities);
        MdState state = new MdState(numbers, masses, positions, velocities, degreesOfFreedom(positions));
        ForceEvaluation forces = new ForceEvaluation(forceField, numbers);
        Integrator integrator = config.ensemble() == Ensemble.NVT
                ? new LangevinBaoab(config.timestep(), config.friction(), config.temperature(), masses, thermostatNoise)
                : new VelocityVerlet(config.timestep());

        MdChecks checks = new MdChecks(config.limits());
        MdStatistics statistics = new MdStatistics();
        state.setPotential(forces.evaluate(state.positions(), state.forces()));
        String stop = checks.problem(state);
        long start = System.nanoTime();
        long completed = 0;
        if (stop == null) {
            show(state, statistics, observers);
            for (long i = 0; i < config.steps(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    stop = "interrupted after step " + state.step();
                    break;
                }
                integrator.step(state, forces);
                stop = checks.problem(state);
                if (stop != null) break;
                show(state, statistics, observers);
                completed = state.step();
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        MdSummary summary = statistics.summary(config.ensemble(), n, state.degreesOfFreedom(), completed,
                config.timestep(), forces.count(), wall, stop);
        return new MdResult(summary, statistics.series(), state);
    }

    private static void show(MdState state, MdStatistics statistics, List<? extends MdObserver> observers)
            throws IOException {
        statistics.observe(state);
        for (MdObserver o : observers) o.observe(state);
    }
}
