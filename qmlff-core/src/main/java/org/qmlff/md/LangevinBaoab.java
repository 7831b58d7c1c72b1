package org.qmlff.md;

import org.qmlff.data.Units;

/**
 * Langevin dynamics (NVT) with the BAOAB splitting of Leimkuhler and Matthews: half kick (B), half
 * drift (A), exact Ornstein–Uhlenbeck velocity update (O), half drift (A), force evaluation, half
 * kick (B). The O step is {@code v ← c₁ v + √(1 − c₁²) σ_a ξ} with c₁ = exp(−γ Δt) and
 * σ_a = √(k_B T · ACCELERATION / m_a), the thermal velocity of atom a in Å/fs; ξ are independent
 * N(0, 1) numbers drawn in atom-then-component order, so a seed fixes the trajectory bit for bit.
 * With γ = 0 it reduces to velocity Verlet.
 */
public final class LangevinBaoab implements Integrator {
    private final double timestep;
    private final double friction;
    private final double temperature;
    private final double c1;
    private final double[] noiseAmplitude;
    private final GaussianRandom noise;

    /**
     * @param timestep    fs
     * @param friction    γ, 1/fs (≥ 0)
     * @param temperature K (≥ 0)
     * @param masses      amu, one per atom of the states this integrator will step
     * @param noise       the thermostat's random numbers
     */
    public LangevinBaoab(double timestep, double friction, double temperature, double[] masses, GaussianRandom noise) {
        if (!(timestep > 0) || Double.isInfinite(timestep))
            throw new IllegalArgumentException("time step must be positive (fs), got " + timestep);
        if (!(friction >= 0) || Double.isInfinite(friction))
            throw new IllegalArgumentException("friction must be >= 0 (1/fs), got " + friction);
        if (!(temperature >= 0) || Double.isInfinite(temperature))
            throw new IllegalArgumentException("temperature must be >= 0 K, got " + temperature);
        this.timestep = timestep;
        this.friction = friction;
        this.temperature = temperature;
        this.c1 = Math.exp(-friction * timestep);
        // √(1 − c₁²) through expm1 keeps its digits when γΔt is tiny.
        double c2 = Math.sqrt(-Math.expm1(-2.0 * friction * timestep));
        this.noiseAmplitude = new double[masses.length];
        for (int a = 0; a < masses.length; a++)
            noiseAmplitude[a] = c2 * Math.sqrt(Units.BOLTZMANN_KCAL_MOL_PER_K * temperature * Units.MD_ACCELERATION / masses[a]);
        this.noise = noise;
    }

    @Override
    public double timestep() {
        return timestep;
    }

    public double friction() {
        return friction;
    }

    public double temperature() {
        return temperature;
    }

    @Override
    public void step(MdState s, ForceEvaluation forces) {
        int n = s.atoms();
        if (n != noiseAmplitude.length)
            throw new IllegalArgumentException("integrator set up for " + noiseAmplitude.length + " atoms, state has " + n);
        double[] x = s.positions(), v = s.velocities(), f = s.forces();
        double halfDt = 0.5 * timestep;
        for (int a = 0; a < n; a++) {
            double kick = halfDt * s.accelerationPerForce(a);
            double amp = noiseAmplitude[a];
            for (int k = 3 * a; k < 3 * a + 3; k++) {
                v[k] += kick * f[k];                  // B
                x[k] += halfDt * v[k];                // A
                v[k] = c1 * v[k] + amp * noise.next(); // O
                x[k] += halfDt * v[k];                // A
            }
        }
        double energy = forces.evaluate(x, f);
        for (int a = 0; a < n; a++) {
            double kick = halfDt * s.accelerationPerForce(a);
            for (int k = 3 * a; k < 3 * a + 3; k++) v[k] += kick * f[k]; // B
        }
        s.completeStep(energy, timestep);
    }
}
