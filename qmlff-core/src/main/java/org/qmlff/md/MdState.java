package org.qmlff.md;

import org.qmlff.data.Units;

/**
 * The dynamical state of a molecule during a run: positions (Å), velocities (Å/fs), the forces
 * (kcal/mol/Å) and potential energy (kcal/mol) at the current positions, the step count and time.
 *
 * <p>Arrays are flat, {@code [a * 3 + k]}, and are returned without copying: integrators update them
 * in place; observers must treat them as read-only. Invariant after every completed step: forces,
 * potential, kinetic energy and temperature belong to the current positions and velocities.
 */
public final class MdState {
    private final int[] numbers;
    private final double[] masses;
    private final double[] accelerationPerForce;
    private final int degreesOfFreedom;
    private final double[] positions;
    private final double[] velocities;
    private final double[] forces;
    private double potential;
    private double kinetic;
    private double temperature;
    private long step;
    private double time;

    /**
     * A state at step 0 with the given positions and velocities (copied); forces and energies are
     * unset (zero) until {@link #setPotential} or an integrator step fills them.
     *
     * @param numbers          atomic numbers
     * @param masses           masses, amu (finite, &gt; 0)
     * @param positions        Å, atoms × 3
     * @param velocities       Å/fs, atoms × 3
     * @param degreesOfFreedom used for the temperature (see the package description)
     */
    public MdState(int[] numbers, double[] masses, double[] positions, double[] velocities, int degreesOfFreedom) {
        int n = numbers.length;
        if (masses.length != n)
            throw new IllegalArgumentException(masses.length + " masses for " + n + " atoms");
        if (positions.length != 3 * n)
            throw new IllegalArgumentException("positions hold " + positions.length + " values, expected " + 3 * n);
        if (velocities.length != 3 * n)
            throw new IllegalArgumentException("velocities hold " + velocities.length + " values, expected " + 3 * n);
        for (int a = 0; a < n; a++)
            if (!(masses[a] > 0) || Double.isInfinite(masses[a]))
                throw new IllegalArgumentException("mass of atom " + a + " is " + masses[a] + " amu, expected a positive number");
        this.numbers = numbers.clone();
        this.masses = masses.clone();
        this.accelerationPerForce = new double[n];
        for (int a = 0; a < n; a++) accelerationPerForce[a] = Units.MD_ACCELERATION / masses[a];
        this.degreesOfFreedom = degreesOfFreedom;
        this.positions = positions.clone();
        this.velocities = velocities.clone();
        this.forces = new double[3 * n];
        refreshKinetics();
    }

    public int atoms() {
        return numbers.length;
    }

    /** Atomic numbers (do not modify). */
    public int[] numbers() {
        return numbers;
    }

    /** Masses, amu (do not modify). */
    public double[] masses() {
        return masses;
    }

    /** {@code Units.MD_ACCELERATION / m_a}: multiplies a force (kcal/mol/Å) into an acceleration (Å/fs²). */
    double accelerationPerForce(int atom) {
        return accelerationPerForce[atom];
    }

    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** Positions, Å (live array). */
    public double[] positions() {
        return positions;
    }

    /** Velocities, Å/fs (live array). */
    public double[] velocities() {
        return velocities;
    }

    /** Forces at the current positions, kcal/mol/Å (live array). */
    public double[] forces() {
        return forces;
    }

    /** Potential energy at the current positions, kcal/mol. */
    public double potentialEnergy() {
        return potential;
    }

    /** Kinetic energy of the current velocities, kcal/mol. */
    public double kineticEnergy() {
        return kinetic;
    }

    public double totalEnergy() {
        return potential + kinetic;
    }

    /** Instantaneous temperature, K, over {@link #degreesOfFreedom()}. */
    public double temperature() {
        return temperature;
    }

    /** Completed steps. */
    public long step() {
        return step;
    }

    /** Simulated time, fs. */
    public double time() {
        return time;
    }

    /** Records the potential energy belonging to the current positions (forces are written in place). */
    public void setPotential(double energy) {
        this.potential = energy;
    }

    /** Recomputes kinetic energy and temperature from the velocities. */
    public void refreshKinetics() {
        kinetic = MdUnits.kineticEnergy(masses, velocities);
        temperature = MdUnits.temperature(kinetic, degreesOfFreedom);
    }

    /**
     * Sets the clock of a state rebuilt from a checkpoint: {@code step} completed steps of
     * {@code timestep} fs (time = step × timestep, as {@link #completeStep} computes it), so that
     * messages and times of a resumed run read as in an uninterrupted one.
     */
    public void restoreClock(long step, double timestep) {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        this.step = step;
        this.time = step * timestep;
    }

    /**
     * Marks a step of {@code timestep} fs as done: the step counter advances and the time becomes
     * step × timestep (a product rather than a running sum, so that it does not drift), and the
     * kinetic quantities are refreshed.
     */
    void completeStep(double energy, double timestep) {
        potential = energy;
        step++;
        time = step * timestep;
        refreshKinetics();
    }
}
