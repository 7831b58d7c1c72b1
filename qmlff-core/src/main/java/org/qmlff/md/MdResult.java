package org.qmlff.md;

/**
 * The outcome of a run.
 *
 * @param summary    statistics and the stop reason, if any
 * @param series     per-step energies and temperatures
 * @param finalState the state when the run ended (after a blow-up: the offending state)
 */
public record MdResult(MdSummary summary, MdSeries series, MdState finalState) {
}
