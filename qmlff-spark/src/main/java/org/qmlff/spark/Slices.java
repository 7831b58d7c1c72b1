package org.qmlff.spark;

/**
 * Cuts a sequence of items with known costs into contiguous, non-empty slices of nearly equal cost: one
 * Spark task per slice. Contiguous slices keep results in item order (the driver sums or joins them in
 * that order); equal costs keep the cores equally busy.
 */
final class Slices {
    private Slices() {
    }

    /**
     * Bounds of {@code min(parts, costs.length)} slices: slice s is items {@code [bounds[s], bounds[s+1])}.
     * Each slice boundary is placed where the cumulative cost is nearest to its share of the total (ties:
     * the earlier index); every slice holds at least one item. Equal costs give slice sizes that differ
     * by at most one.
     *
     * @param costs the cost of each item (finite, ≥ 0), at least one item
     * @param parts the wanted number of slices, ≥ 1
     */
    static int[] balanced(double[] costs, int parts) {
        int n = costs.length;
        if (n < 1) throw new IllegalArgumentException("nothing to slice");
        if (parts < 1) throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        int p = Math.min(parts, n);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            if (!(costs[i] >= 0) || Double.isInfinite(costs[i]))
                throw new IllegalArgumentException("cost " + costs[i] + " of item " + i + " is not a finite number >= 0");
            prefix[i + 1] = prefix[i] + costs[i];
        }
        int[] bounds = new int[p + 1];
        bounds[p] = n;
        for (int s = 1; s < p; s++) {
            // the target is s/p of the total: compare prefix · p with s · total (exact for integer costs)
            double target = s * prefix[n];
            int lo = bounds[s - 1] + 1, hi = n - (p - s);
            int best = lo;
            for (int i = lo; i <= hi; i++) {
                double here = prefix[i] * p;
                if (Math.abs(here - target) < Math.abs(prefix[best] * p - target)) best = i;
                if (here >= target) break;
            }
            bounds[s] = best;
        }
        return bounds;
    }

    /** {@link #balanced} for {@code n} items of equal cost. */
    static int[] even(int n, int parts) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return balanced(ones, parts);
    }
}
