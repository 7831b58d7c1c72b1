package org.qmlff.analysis;

/**
 * A power law fitted to the test error of one architecture on one molecule.
 *
 * @param arch     architecture
 * @param molecule molecule label
 * @param quantity energy or force
 * @param points   what was fitted: the per-size means over seeds, or every run
 * @param fit      the fit (sizes: training frames N; values: test MAE in the quantity's unit)
 */
public record CurveFit(String arch, String molecule, Quantity quantity, FitPoints points, PowerLawFit fit) {

    /** Which points a learning-curve fit uses. */
    public enum FitPoints {
        /** One point per size: the mean test MAE over seeds. */
        MEANS,
        /** One point per run. */
        RUNS
    }
}
