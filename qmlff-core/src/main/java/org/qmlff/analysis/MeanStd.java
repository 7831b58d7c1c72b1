package org.qmlff.analysis;

/**
 * Mean and sample standard deviation (divisor count − 1) of a few values, e.g. one error over seeds.
 *
 * @param count number of values (≥ 1)
 * @param mean  their mean
 * @param std   sample standard deviation; NaN for a single value (no spread can be estimated)
 */
public record MeanStd(int count, double mean, double std) {

    /** Mean and sample standard deviation of {@code values} (at least one; NaN values propagate). */
    public static MeanStd of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("mean of no values");
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        if (values.length == 1) return new MeanStd(1, mean, Double.NaN);
        // two-pass: exact for equal values, no cancellation
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return new MeanStd(values.length, mean, Math.sqrt(ss / (values.length - 1)));
    }
}
