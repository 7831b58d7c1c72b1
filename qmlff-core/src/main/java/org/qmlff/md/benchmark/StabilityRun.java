package org.qmlff.md.benchmark;

import org.qmlff.md.ForceEvaluation;
import org.qmlff.md.GaussianRandom;
import org.qmlff.md.LangevinBaoab;
import org.qmlff.md.MaxwellBoltzmann;
import org.qmlff.md.MdChecks;
import org.qmlff.md.MdState;
import org.qmlff.model.ForceField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One NVT stability run (Langevin BAOAB), checkpointed every {@link MdBenchmarkConfig#checkpointEvery()}
 * steps so that an interrupted run continues bit-identically.
 *
 * <p>Randomness: {@code new SplittableRandom(seed)} splits a first stream for the Maxwell–Boltzmann
 * velocities (as {@link org.qmlff.md.MdSimulation} does, so the NVE run of the same seed starts with
 * the same velocities) and a second one whose k-th {@code nextLong()} seeds the thermostat noise of
 * checkpoint block k. A block's noise thus depends only on (seed, k), and a resumed run needs no
 * random-generator state beyond the block number.
 *
 * <p>After every step: the integrator's blow-up checks ({@link MdChecks}), then the bonds
 * ({@link BondTopology#firstBroken}). The first failing step ends the run; its geometry is not
 * sampled into h(r).
 */
final class StabilityRun {
    private final ForceField forceField;
    private final int[] numbers;
    private final double[] masses;
    private final MdBenchmarkConfig config;

    StabilityRun(ForceField forceField, int[] numbers, double[] masses, MdBenchmarkConfig config) {
        this.forceField = forceField;
        this.numbers = numbers.clone();
        this.masses = masses.clone();
        this.config = config;
    }

    /**
     * Runs (or resumes, or just reads) run {@code index} from {@code start} (Å).
     *
     * @param checkpoint the run's checkpoint file
     * @param identity   what the checkpoint must have been written for (settings, model, run); another
     *                   identity is an error
     * @param keepGoing  asked after each checkpoint of an unfinished run; false stops the run there
     * @return the outcome, or null when {@code keepGoing} stopped the run first
     */
    StabilityOutcome run(int index, double[] start, Path checkpoint, String identity, BooleanSupplier keepGoing)
            throws IOException {
        int n = numbers.length;
        int frame = config.frames()[index];
        long seed = config.seeds()[index];
        double dt = config.timestep();
        BondTopology bonds = BondTopology.of(numbers, start, config.bondFactor());
        ForceEvaluation forces = new ForceEvaluation(forceField, numbers);
        MdChecks checks = new MdChecks(config.limits());

        RunCheckpoint cp;
        MdState state;
        if (Files.isRegularFile(checkpoint)) {
            cp = RunCheckpoint.read(checkpoint, identity, config.grid(), n);
            if (cp.finished()) return outcome(index, frame, seed, cp);
            MdSnapshot at = cp.dynamics();
            state = new MdState(numbers, masses, at.positions(), at.velocities(), 3 * n);
            System.arraycopy(at.forces(), 0, state.forces(), 0, 3 * n);
            state.setPotential(at.potential());
            state.restoreClock(at.step(), dt);
        } else {
            SplittableRandom root = new SplittableRandom(seed);
            double[] v = new double[3 * n];
            MaxwellBoltzmann.draw(masses, start, config.temperature(), new GaussianRandom(root.split()), v);
            state = new MdState(numbers, masses, start, v, 3 * n);
            state.setPotential(forces.evaluate(state.positions(), state.forces()));
            cp = RunCheckpoint.fresh(identity, config.grid());
            String problem = checks.problem(state);
            if (problem != null) cp.fail(0, problem);
            else cp.histogram().add(state.positions());
        }
        long counted = 0; // evaluations of this session already in the checkpoint
        if (cp.finished()) { // failed at step 0
            cp.capture(state, forces.count());
            cp.write(checkpoint);
        }

        long total = config.steps();
        long every = config.checkpointEvery();
        double threshold = config.bondThreshold();
        int sample = config.sampleEvery();
        while (!cp.finished()) {
            if (state.step() >= total) {
                cp.finish();
                cp.capture(state, forces.count() - counted);
                cp.write(checkpoint);
                break;
            }
            long block = state.step() / every;
            LangevinBaoab integrator = new LangevinBaoab(dt, config.friction(), config.temperature(), masses,
                    new GaussianRandom(new SplittableRandom(blockSeed(seed, block))));
            long end = Math.min(total, (block + 1) * every);
            long t0 = System.nanoTime();
            while (state.step() < end) {
                integrator.step(state, forces);
                String problem = checks.problem(state);
                if (problem == null) {
                    int broken = bonds.firstBroken(state.positions(), threshold);
                    if (broken >= 0)
                        problem = bonds.describe(broken, numbers, state.positions()) + String.format(Locale.ROOT,
                                ", beyond the threshold of %s Å, at step %d (t = %.4f ps)", threshold, state.step(),
                                state.time() / 1000.0);
                }
                if (problem != null) {
                    cp.fail(state.step(), problem);
                    break;
                }
                if (state.step() % sample == 0) cp.histogram().add(state.positions());
            }
            cp.addWall(System.nanoTime() - t0);
            if (!cp.failed() && state.step() >= total) cp.finish();
            cp.capture(state, forces.count() - counted);
            counted = forces.count();
            cp.write(checkpoint);
            if (!cp.finished() && !keepGoing.getAsBoolean()) return null;
        }
        return outcome(index, frame, seed, cp);
    }

    private StabilityOutcome outcome(int index, int frame, long seed, RunCheckpoint cp) {
        double dt = config.timestep();
        long sound = cp.failed() ? cp.failureStep() : config.steps();
        double time = cp.failed() ? cp.failureStep() * dt / 1000.0 : config.steps() * dt / 1000.0;
        return new StabilityOutcome(index, frame, seed, sound, cp.failed(), time, cp.reason(), cp.histogram(),
                cp.wallNanos() * 1e-9, cp.evaluations());
    }

    /** Seed of the thermostat noise of checkpoint block {@code block} of a run of seed {@code seed}. */
    static long blockSeed(long seed, long block) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // the initial velocities' stream
        SplittableRandom blocks = root.split();
        long s = 0;
        for (long k = 0; k <= block; k++) s = blocks.nextLong();
        return s;
    }
}
