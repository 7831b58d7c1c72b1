package org.qmlff.md.benchmark;

import java.util.Arrays;

/**
 * Counts of all interatomic distances (every pair i &lt; j of every frame added) on a
 * {@link DistanceGrid}, and the normalised h(r) they define.
 *
 * <p>Normalisation: h_b = count_b / (P · w) in 1/Å, with P the number of pairs added (those beyond
 * the grid's end included) and w the bin width, so that Σ_b h_b w is the fraction of distances on
 * the grid (1 when none is beyond it). Counts are integers, so histograms of the same frames are
 * identical whatever the order of addition; not thread-safe.
 */
public final class DistanceHistogram {
    private final DistanceGrid grid;
    private final long[] counts;
    private long pairs;
    private long frames;

    public DistanceHistogram(DistanceGrid grid) {
        this.grid = grid;
        this.counts = new long[grid.bins()];
    }

    /** A histogram with the given state (from a checkpoint). */
    static DistanceHistogram restore(DistanceGrid grid, long[] counts, long pairs, long frames) {
        if (counts.length != grid.bins())
            throw new IllegalArgumentException(counts.length + " histogram counts for a grid of " + grid.bins() + " bins");
        DistanceHistogram h = new DistanceHistogram(grid);
        System.arraycopy(counts, 0, h.counts, 0, counts.length);
        h.pairs = pairs;
        h.frames = frames;
        return h;
    }

    /** A histogram of every frame of a flat array of frames × atoms × 3 positions (Å). */
    public static DistanceHistogram ofFrames(DistanceGrid grid, double[] allPositions, int atoms) {
        DistanceHistogram h = new DistanceHistogram(grid);
        int frame = 3 * atoms;
        double[] x = new double[frame];
        for (int f = 0; f < allPositions.length / frame; f++) {
            System.arraycopy(allPositions, f * frame, x, 0, frame);
            h.add(x);
        }
        return h;
    }

    public DistanceGrid grid() {
        return grid;
    }

    /** Adds every pair distance of one geometry (Å, flat). Allocates nothing. */
    public void add(double[] positions) {
        int n = positions.length / 3;
        double inverseWidth = grid.bins() / grid.max();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double d = BondTopology.distance(positions, i, j);
                double b = d * inverseWidth;
                if (b < grid.bins()) counts[(int) b]++; // d ≥ 0, so (int) is the floor
                pairs++;
            }
        frames++;
    }

    /** Adds another histogram's counts (same grid). */
    public void addAll(DistanceHistogram other) {
        if (!other.grid.equals(grid)) throw new IllegalArgumentException("histograms on different grids");
        for (int b = 0; b < counts.length; b++) counts[b] += other.counts[b];
        pairs += other.pairs;
        frames += other.frames;
    }

    /** Counts per bin (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** Pairs added, those beyond the grid included. */
    public long pairs() {
        return pairs;
    }

    /** Geometries added. */
    public long frames() {
        return frames;
    }

    /** h_b in 1/Å (see the class description); all zero when nothing was added. */
    public double[] normalised() {
        double[] h = new double[counts.length];
        if (pairs == 0) return h;
        double scale = 1.0 / (pairs * grid.width());
        for (int b = 0; b < h.length; b++) h[b] = counts[b] * scale;
        return h;
    }

    /**
     * MAE of two normalised histograms on the same grid: (1/B) Σ_b |h_b − g_b|, in 1/Å (NaN when
     * either is empty). Multiplied by the grid's length it is ∫|h − g| dr, between 0 and 2.
     */
    public static double mae(DistanceHistogram a, DistanceHistogram b) {
        if (!a.grid.equals(b.grid)) throw new IllegalArgumentException("histograms on different grids");
        if (a.pairs == 0 || b.pairs == 0) return Double.NaN;
        return mae(a.normalised(), b.normalised());
    }

    /** (1/B) Σ_b |h_b − g_b| of two arrays of the same length. */
    public static double mae(double[] h, double[] g) {
        if (h.length != g.length) throw new IllegalArgumentException(h.length + " bins against " + g.length);
        double s = 0;
        for (int b = 0; b < h.length; b++) s += Math.abs(h[b] - g[b]);
        return s / h.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistanceHistogram h && h.grid.equals(grid) && h.pairs == pairs && h.frames == frames
                && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Long.hashCode(pairs);
    }
}
