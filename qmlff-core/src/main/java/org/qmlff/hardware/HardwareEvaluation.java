package org.qmlff.hardware;

/**
 * One configuration evaluated on the simulated device.
 *
 * @param energy   energy estimate (kcal/mol)
 * @param forces   force estimates (kcal/mol/Å), flat [3a + k]
 * @param energySe standard error of the energy (kcal/mol), 0 with infinitely many shots
 * @param forceSe  standard error of each force component (kcal/mol/Å)
 * @param circuits circuits (measurement settings) run for the energy and forces, each with the run's shots
 */
public record HardwareEvaluation(double energy, double[] forces, double energySe, double[] forceSe, long circuits) {
}
