package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

/**
 * What a quantum device does with one circuit, computed exactly: the expectation values and the outcome
 * distribution of a Bell-basis measurement (CNOT from p to q, then H on p, then both qubits measured in
 * the computational basis). Implementations: {@link StateVectorBackend} (noiseless) and
 * {@link DensityMatrixBackend} (gate noise). Not thread-safe.
 */
interface Backend {

    /** Exact ⟨O⟩ of circuit c at inputs z. */
    double expectation(Circuit c, Observable o, double[] z);

    /**
     * Probabilities of the outcomes (b_p, b_q) = 00, 01, 10, 11 (index 2·b_p + b_q) of the Bell-basis
     * measurement of qubits p, q; 11 is the singlet, so P(11) = (1 − ⟨σ_p·σ_q⟩)/4.
     */
    double[] bellProbabilities(Circuit c, int p, int q, double[] z);
}
