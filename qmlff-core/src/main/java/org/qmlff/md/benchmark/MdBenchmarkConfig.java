package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;
import org.qmlff.md.MdLimits;

import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of an MD benchmark of one model on one molecule. The compact constructor rejects
 * nonsense with one-line {@link IllegalArgumentException}s naming the option.
 *
 * @param temperature     K (≥ 0), of the initial Maxwell–Boltzmann velocities and of the Langevin thermostat
 * @param timestep        fs
 * @param length          length of each NVT run, ps (a run that survives it is censored there)
 * @param friction        Langevin friction γ, 1/fs
 * @param frames          starting frame (index into the initial-geometry file) of each NVT run
 * @param seeds           seed of each NVT run (same length as frames); NVE run i uses frame i and seed i
 * @param bondFactor      bonds: distance ≤ factor × sum of covalent radii in the starting frame ({@link BondTopology})
 * @param bondThreshold   a run fails when a bond length deviates from its starting value by more than this, Å
 * @param nveLength       length of each NVE (energy drift) run, ps (0: no NVE runs)
 * @param sampleEvery     h(r) takes one geometry every this many steps (step 0 included)
 * @param checkpointEvery a run writes its checkpoint every this many steps
 * @param grid            the h(r) grid
 * @param limits          blow-up limits of the integrator ({@link org.qmlff.md.MdChecks})
 */
public record MdBenchmarkConfig(double temperature, double timestep, double length, double friction, int[] frames,
                                long[] seeds, double bondFactor, double bondThreshold, double nveLength,
                                int sampleEvery, int checkpointEvery, DistanceGrid grid, MdLimits limits) {
    public static final double DEFAULT_TEMPERATURE = 500.0;
    public static final double DEFAULT_TIMESTEP = 0.5;
    public static final double DEFAULT_LENGTH_PS = 100.0;
    public static final double DEFAULT_FRICTION = 0.01;
    public static final int DEFAULT_RUNS = 5;
    public static final double DEFAULT_BOND_THRESHOLD = 0.5;
    public static final double DEFAULT_NVE_LENGTH_PS = 2.0;
    public static final int DEFAULT_SAMPLE_EVERY = 20;
    public static final int DEFAULT_CHECKPOINT_EVERY = 2000;

    public MdBenchmarkConfig {
        if (!(temperature >= 0) || Double.isInfinite(temperature))
            throw new InputException("temperature must be a finite number >= 0 K, got " + temperature);
        positive(timestep, "time step (fs)");
        positive(length, "run length (ps)");
        if (!(friction >= 0) || Double.isInfinite(friction))
            throw new InputException("friction must be a finite number >= 0 (1/fs), got " + friction);
        if (frames == null || frames.length == 0) throw new IllegalArgumentException("at least one run is needed");
        if (seeds == null || seeds.length != frames.length)
            throw new InputException((seeds == null ? 0 : seeds.length) + " seeds for " + frames.length + " runs");
        positive(bondFactor, "bond factor");
        positive(bondThreshold, "bond threshold (Å)");
        if (!(nveLength >= 0) || Double.isInfinite(nveLength))
            throw new InputException("NVE length must be a finite number >= 0 ps, got " + nveLength);
        if (sampleEvery < 1) throw new InputException("h(r) sampling interval must be >= 1 step, got " + sampleEvery);
        if (checkpointEvery < 1)
            throw new InputException("checkpoint interval must be >= 1 step, got " + checkpointEvery);
        if (grid == null || limits == null) throw new IllegalArgumentException("grid and limits are required");
        frames = frames.clone();
        seeds = seeds.clone();
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) throw new InputException(what + " must be a positive number, got " + v);
    }

    /**
     * The defaults (500 K, 0.5 fs, 100 ps, γ = 0.01/fs, factor 1.2, 0.5 Å, 2 ps NVE, h(r) every 20
     * steps, checkpoints every 2000 steps, {@link DistanceGrid#DEFAULT}) for the given frames and seeds.
     */
    public static MdBenchmarkConfig defaults(int[] frames, long[] seeds) {
        return new MdBenchmarkConfig(DEFAULT_TEMPERATURE, DEFAULT_TIMESTEP, DEFAULT_LENGTH_PS, DEFAULT_FRICTION, frames,
                seeds, BondTopology.DEFAULT_FACTOR, DEFAULT_BOND_THRESHOLD, DEFAULT_NVE_LENGTH_PS, DEFAULT_SAMPLE_EVERY,
                DEFAULT_CHECKPOINT_EVERY, DistanceGrid.DEFAULT, MdLimits.defaults(DEFAULT_TEMPERATURE));
    }

    /**
     * {@code runs} starting frames spread evenly over a file of {@code available} frames
     * (frame i = ⌊i · available / runs⌋).
     */
    public static int[] evenFrames(int runs, int available) {
        if (runs < 1) throw new InputException("number of runs must be >= 1, got " + runs);
        if (available < 1) throw new InputException("the initial-geometry file has no frames");
        int[] f = new int[runs];
        for (int i = 0; i < runs; i++) f[i] = (int) ((long) i * available / runs);
        return f;
    }

    /** Seeds first, first + 1, …, first + runs − 1. */
    public static long[] consecutiveSeeds(int runs, long first) {
        long[] s = new long[runs];
        for (int i = 0; i < runs; i++) s[i] = first + i;
        return s;
    }

    public int runs() {
        return frames.length;
    }

    /** Steps of each NVT run: round(length · 1000 / timestep). */
    public long steps() {
        return Math.round(length * 1000.0 / timestep);
    }

    /** Steps of each NVE run. */
    public long nveSteps() {
        return Math.round(nveLength * 1000.0 / timestep);
    }

    @Override
    public int[] frames() {
        return frames.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /**
     * Everything that determines the runs' trajectories and checks, as one line (checkpoints of other
     * settings are not resumed). Doubles are written in full ({@link Double#toString}).
     */
    public String fingerprint() {
        return String.format(Locale.ROOT, "T=%s dt=%s L=%s gamma=%s frames=%s seeds=%s factor=%s threshold=%s nve=%s "
                        + "sample=%d checkpoint=%d grid=%s/%d limits=%s/%s",
                temperature, timestep, length, friction, Arrays.toString(frames), Arrays.toString(seeds), bondFactor,
                bondThreshold, nveLength, sampleEvery, checkpointEvery, grid.max(), grid.bins(),
                limits.maxDistanceFromCentre(), limits.maxTemperature());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdBenchmarkConfig c && c.fingerprint().equals(fingerprint());
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }
}
