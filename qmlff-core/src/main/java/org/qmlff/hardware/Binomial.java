package org.qmlff.hardware;

import java.util.SplittableRandom;

/**
 * Binomial(N, p) draws. Exact (N Bernoulli trials) for N ≤ 4096 and by inversion of the pmf when
 * N·min(p, 1 − p) < 30; otherwise the normal approximation N·p + √(N·p·(1 − p))·Z rounded and clipped to
 * [0, N] (its bias is below 1/N of the mean, far under the shot noise it stands for).
 */
final class Binomial {
    private Binomial() {
    }

    static long sample(SplittableRandom rng, long n, double p) {
        if (p <= 0) return 0;
        if (p >= 1) return n;
        if (n <= 4096) {
            long k = 0;
            for (long i = 0; i < n; i++) if (rng.nextDouble() < p) k++;
            return k;
        }
        boolean flip = p > 0.5;
        double q = flip ? 1 - p : p;
        long k;
        if (n * q < 30) {
            // Inversion: walk the pmf from 0; P(0) = (1 − q)^n stays representable since n·q < 30.
            double u = rng.nextDouble();
            double pk = Math.exp(n * Math.log1p(-q));
            double cdf = pk;
            k = 0;
            while (u > cdf && k < n) {
                pk *= (double) (n - k) / (k + 1) * q / (1 - q);
                k++;
                cdf += pk;
            }
        } else {
            double z = gaussian(rng);
            k = Math.round(n * q + Math.sqrt(n * q * (1 - q)) * z);
            k = Math.max(0, Math.min(n, k));
        }
        return flip ? n - k : k;
    }

    /** A standard normal draw (Marsaglia's polar method). */
    static double gaussian(SplittableRandom rng) {
        while (true) {
            double a = 2 * rng.nextDouble() - 1, b = 2 * rng.nextDouble() - 1;
            double s = a * a + b * b;
            if (s > 0 && s < 1) return a * Math.sqrt(-2 * Math.log(s) / s);
        }
    }
}
