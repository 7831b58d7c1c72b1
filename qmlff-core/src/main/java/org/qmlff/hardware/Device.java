package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

import java.util.SplittableRandom;

/**
 * A simulated quantum device that estimates ⟨O⟩ of a circuit the way hardware would. O must be a mean of
 * σ_p·σ_q over pairs (both architectures' observables); each pair is one measurement setting, a Bell-basis
 * measurement (CNOT p→q, H p) of {@code shots} shots: the fraction p̂ of singlet outcomes (11) gives
 * ⟨σ_p·σ_q⟩ ≈ 1 − 4p̂, with variance 16·p̂(1 − p̂)/(N − 1) (the unbiased plug-in estimate of
 * 16·p(1 − p)/N). Readout errors flip each measured bit independently before counting.
 *
 * <p>With a sampling backend ({@link TrajectoryBackend}) the probability the shots are drawn from is itself
 * an unbiased Monte-Carlo estimate; the two errors are independent, so the variance of 1 − 4p̂ is the shot
 * term above (the conditional variance given the trajectories' p) plus the backend's
 * {@link Backend#sampleVariance} (16× that of p).
 *
 * <p>{@code shots = 0} means infinitely many: the exact expectation, variance 0; without readout error it
 * is the backend's ⟨O⟩ itself, bit for bit. Not thread-safe; the random stream is set with {@link #reseed}.
 */
final class Device {
    private final Backend backend;
    private final long shots;
    private final double readout01;
    private final double readout10;
    private SplittableRandom rng = new SplittableRandom(0);
    private long circuitsRun;

    /**
     * @param readout01 probability of reading 1 when the qubit is in 0
     * @param readout10 probability of reading 0 when the qubit is in 1
     */
    Device(Backend backend, long shots, double readout01, double readout10) {
        if (shots < 0) throw new IllegalArgumentException("shots must be ≥ 0 (0 = exact), not " + shots);
        this.backend = backend;
        this.shots = shots;
        this.readout01 = readout01;
        this.readout10 = readout10;
    }

    /** Sets the shot stream and, from a mixed seed, the backend's (trajectory) stream. */
    void reseed(long seed) {
        rng = new SplittableRandom(seed);
        backend.reseed(seed * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }

    /** Circuits (measurement settings) run since construction. */
    long circuitsRun() {
        return circuitsRun;
    }

    long shots() {
        return shots;
    }

    /** The estimate of ⟨O⟩ for circuit c at z. */
    Estimate expectation(Circuit c, Observable o, double[] z) {
        int[][] pairs = o.heisenbergPairs();
        circuitsRun += pairs.length;
        boolean readout = readout01 != 0 || readout10 != 0;
        if (shots == 0 && !readout) {
            double v = backend.expectation(c, o, z);
            return new Estimate(v, backend.sampleVariance(null), pairs.length);
        }
        double sum = 0, var = 0;
        for (int[] pair : pairs) {
            double singlet;
            if (readout) {
                double[] pb = backend.bellProbabilities(c, pair[0], pair[1], z);
                double r0 = readout01, r1 = 1 - readout10;
                // P(read 11) = Σ_a P(a)·R(1|a_p)·R(1|a_q)
                double[] w = {r0 * r0, r0 * r1, r1 * r0, r1 * r1};
                singlet = pb[0] * w[0] + pb[1] * w[1] + pb[2] * w[2] + pb[3] * w[3];
                var += 16 * backend.sampleVariance(w);
            } else {
                singlet = (1 - backend.expectation(c, Observable.heisenberg(pair[0], pair[1]), z)) / 4;
                var += backend.sampleVariance(null);
            }
            singlet = Math.min(1, Math.max(0, singlet));
            if (shots == 0) {
                sum += 1 - 4 * singlet;
                continue;
            }
            long k = Binomial.sample(rng, shots, singlet);
            double ph = (double) k / shots;
            sum += 1 - 4 * ph;
            var += shots > 1 ? 16 * ph * (1 - ph) / (shots - 1) : 16 * 0.25;
        }
        int n = pairs.length;
        return new Estimate(sum / n, var / ((double) n * n), n);
    }
}
