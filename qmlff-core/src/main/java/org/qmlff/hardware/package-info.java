/**
 * The hardware view of a circuit model: what it computes on a quantum computer, and at what cost.
 *
 * <p>{@link org.qmlff.hardware.HardwareForceField} wraps an {@code le} or {@code revised} model and runs
 * its circuits on a simulated {@code Device}: ⟨σ_p·σ_q⟩ from Bell-basis shots, derivatives from
 * parameter-shift circuits ({@code ShiftRule}), gate noise in Qiskit Aer's conventions on exact density
 * matrices ({@link org.qmlff.hardware.NoiseModel}), readout error on the counted bits. The model's own chain
 * rule turns the circuit estimates into energies, forces and gradients, with standard errors
 * ({@link org.qmlff.hardware.HardwareEvaluation}). {@link org.qmlff.hardware.HardwarePredictor} evaluates
 * datasets with it; {@link org.qmlff.hardware.HardwareStudy} sweeps shots and noise and counts resources;
 * {@link org.qmlff.hardware.QasmExport} writes the bound circuits as OpenQASM 2.0 and 3.
 *
 * <p>Depends on {@code sim}, {@code model}, {@code data}, {@code train} and {@code parallel}; nothing in the
 * core depends on it. Conventions: docs/HARDWARE.md.
 */
package org.qmlff.hardware;
