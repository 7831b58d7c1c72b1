package org.qmlff.md;

import java.util.SplittableRandom;

/**
 * Standard normal deviates from a {@link SplittableRandom}, by Marsaglia's polar method with
 * {@link StrictMath} so that a seed gives bit-identical numbers on every JVM and platform (the
 * JDK's own {@code nextGaussian} algorithms are not specified). Not thread-safe.
 */
public final class GaussianRandom {
    private final SplittableRandom uniform;
    private double spare;
    private boolean hasSpare;

    public GaussianRandom(SplittableRandom uniform) {
        this.uniform = uniform;
    }

    public GaussianRandom(long seed) {
        this(new SplittableRandom(seed));
    }

    /** The next N(0, 1) deviate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform.nextDouble() - 1.0;
            v = 2.0 * uniform.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
