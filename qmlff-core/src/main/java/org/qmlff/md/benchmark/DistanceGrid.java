package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;

/**
 * The fixed grid of h(r), the distribution of interatomic distances: {@code bins} equal bins of
 * width {@code max / bins} covering [0, max) Å. Bin b holds distances d with
 * b·w ≤ d &lt; (b+1)·w.
 *
 * @param max  upper end, Å (&gt; 0)
 * @param bins number of bins (≥ 1)
 */
public record DistanceGrid(double max, int bins) {
    /** Default grid: 0–10 Å in 500 bins of 0.02 Å (ethanol's longest distance is about 4 Å). */
    public static final DistanceGrid DEFAULT = new DistanceGrid(10.0, 500);

    public DistanceGrid {
        if (!(max > 0) || Double.isInfinite(max))
            throw new InputException("h(r) grid end must be a positive number of Å, got " + max);
        if (bins < 1) throw new InputException("h(r) grid needs at least one bin, got " + bins);
    }

    /** Bin width, Å. */
    public double width() {
        return max / bins;
    }

    /** Centre of bin b, Å. */
    public double centre(int b) {
        return (b + 0.5) * width();
    }
}
