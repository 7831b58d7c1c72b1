package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

/**
 * What a quantum device does with one circuit, computed exactly: the expectation values and the outcome
 * distribution of a Bell-basis measurement (CNOT from p to q, then H on p, then both qubits measured in
 * the computational basis). Implementations: {@link StateVectorBackend} (noiseless) and
 * {@link DensityMatrixBackend} (gate noise), both exact, and {@link TrajectoryBackend} (gate noise by sampled
 * trajectories: unbiased estimates with the variance of {@link #sampleVariance}). Not thread-safe.
 */
interface Backend {

    /** Exact ⟨O⟩ of circuit c at inputs z. */
    double expectation(Circuit c, Observable o, double[] z);

    /**
     * Probabilities of the outcomes (b_p, b_q) = 00, 01, 10, 11 (index 2·b_p + b_q) of the Bell-basis
     * measurement of qubits p, q; 11 is the singlet, so P(11) = (1 − ⟨σ_p·σ_q⟩)/4.
     */
    double[] bellProbabilities(Circuit c, int p, int q, double[] z);

    /** Sets the random stream of a sampling backend; exact backends ignore it. */
    default void reseed(long seed) {
    }

    /**
     * The variance of the last result as an estimate of the exact value: of ⟨O⟩ after {@link #expectation}
     * ({@code weights} null), of Σ_k w_k·P_k after {@link #bellProbabilities}. 0 for exact backends.
     */
    default double sampleVariance(double[] weights) {
        return 0;
    }
}
