package org.qmlff.md;

/**
 * Velocity Verlet (NVE): half kick, drift, force evaluation, half kick. Time-reversible and
 * symplectic: the energy error stays bounded and scales as Δt²; linear momentum is conserved exactly
 * and angular momentum too for a rotation-invariant force field.
 */
public record VelocityVerlet(double timestep) implements Integrator {

    public VelocityVerlet {
        if (!(timestep > 0) || Double.isInfinite(timestep))
            throw new IllegalArgumentException("time step must be positive (fs), got " + timestep);
    }

    @Override
    public void step(MdState s, ForceEvaluation forces) {
        double[] x = s.positions(), v = s.velocities(), f = s.forces();
        double halfDt = 0.5 * timestep;
        int n = s.atoms();
        for (int a = 0; a < n; a++) {
            double kick = halfDt * s.accelerationPerForce(a);
            for (int k = 3 * a; k < 3 * a + 3; k++) {
                v[k] += kick * f[k];
                x[k] += timestep * v[k];
            }
        }
        double energy = forces.evaluate(x, f);
        for (int a = 0; a < n; a++) {
            double kick = halfDt * s.accelerationPerForce(a);
            for (int k = 3 * a; k < 3 * a + 3; k++) v[k] += kick * f[k];
        }
        s.completeStep(energy, timestep);
    }
}
