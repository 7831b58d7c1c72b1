package org.qmlff.md;

/**
 * Mean of a correlated time series with its standard error by block averaging (Flyvbjerg and
 * Petersen, J. Chem. Phys. 91, 461 (1989)): the series is repeatedly halved by averaging neighbouring
 * pairs; at each level the naive standard error of the block means, √(var / (m − 1)), is computed.
 * It grows with the block size until the blocks are longer than the correlation time and then
 * levels off. We report the largest value over the levels that still have at least
 * {@link #MIN_BLOCKS} blocks: the plateau, read conservatively. With fewer than {@code MIN_BLOCKS}
 * samples only the naive estimate is available (it understates the error of a correlated series).
 *
 * @param mean          mean of all samples
 * @param standardError estimated standard error of the mean (NaN with fewer than 2 samples)
 * @param blockSize     samples per block at the level that gave {@code standardError}
 */
public record BlockAverage(double mean, double standardError, int blockSize) {

    /** Fewest blocks at which a level's estimate is trusted. */
    public static final int MIN_BLOCKS = 32;

    /** Block average of {@code values[0..n)}. */
    public static BlockAverage of(double[] values, int n) {
        if (n < 0 || n > values.length) throw new IllegalArgumentException("n = " + n + " outside 0.." + values.length);
        if (n == 0) return new BlockAverage(Double.NaN, Double.NaN, 0);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i];
        double mean = sum / n;
        if (n == 1) return new BlockAverage(mean, Double.NaN, 1);
        double[] blocks = java.util.Arrays.copyOf(values, n);
        int m = n, size = 1;
        double best = -1;
        int bestSize = 1;
        while (m >= 2 && (size == 1 || m >= MIN_BLOCKS)) {
            double se = naiveStandardError(blocks, m);
            if (se > best) {
                best = se;
                bestSize = size;
            }
            int half = m / 2;
            for (int i = 0; i < half; i++) blocks[i] = 0.5 * (blocks[2 * i] + blocks[2 * i + 1]);
            m = half;
            size *= 2;
        }
        return new BlockAverage(mean, best, bestSize);
    }

    /** √(Σ (x − x̄)² / (m (m − 1))) over {@code x[0..m)}. */
    static double naiveStandardError(double[] x, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) s += x[i];
        double mean = s / m, ss = 0;
        for (int i = 0; i < m; i++) ss += (x[i] - mean) * (x[i] - mean);
        return Math.sqrt(ss / ((double) m * (m - 1)));
    }
}
