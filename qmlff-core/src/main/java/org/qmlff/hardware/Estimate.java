package org.qmlff.hardware;

/**
 * An estimate of an expectation value: its value and the variance of the estimator (0 when exact).
 *
 * @param value    the estimate
 * @param variance the estimator's variance (for shots: predicted from the measured frequencies)
 * @param circuits circuits executed for it (measurement settings), each with the run's shots
 */
public record Estimate(double value, double variance, int circuits) {
}
