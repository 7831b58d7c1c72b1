package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

/**
 * One circuit of a configuration with its inputs bound: what a device would be sent.
 *
 * @param circuit    the gates
 * @param observable what is measured (a mean of σ_p·σ_q)
 * @param z          the bound inputs (Enc vectors, Ex couplings) for this configuration
 */
public record BoundCircuit(Circuit circuit, Observable observable, double[] z) {
}
