package org.qmlff.analysis;

/**
 * Student's t distribution with an integer number of degrees of freedom ν ≥ 1: distribution function
 * and quantiles, as needed for confidence intervals of regression slopes (ν = points − 2).
 *
 * <p>Method. The central probability A(t|ν) = P(|T| ≤ t) is, for integer ν, a finite trigonometric
 * series in θ = atan(t/√ν) (Abramowitz &amp; Stegun 26.7.3, 26.7.4): for ν = 1, 2θ/π; for odd ν ≥ 3,
 * (2/π)[θ + sin θ cos θ (1 + (2/3) cos²θ + … + (2·4⋯(ν−3))/(1·3⋯(ν−2)) cos^(ν−3)θ)]; for even ν,
 * sin θ (1 + (1/2) cos²θ + … + (1·3⋯(ν−3))/(2·4⋯(ν−2)) cos^(ν−2)θ). All terms are positive, so the
 * sum is accurate to a few ulps times the number of terms (ν/2). In the tails, where 1 − A would
 * cancel, the tail probability P(|T| &gt; t) = I_x(ν/2, 1/2), x = ν/(ν + t²), is computed directly
 * from the continued fraction of the regularized incomplete beta function (A&amp;S 26.5.8), which
 * converges quickly there; its prefactor Γ((ν+1)/2)/Γ(ν/2) comes from the exact recursion
 * c(ν+2) = c(ν)·(ν+1)/ν. Quantiles invert the tail probability by bisection, which is monotone and
 * converges to adjacent doubles. Cost O(ν) per evaluation: meant for the small ν of regressions.
 *
 * <p>Accuracy: the distribution function has relative error ≲ 1e-13 in the tails and absolute error
 * ≲ 1e-15·ν near the centre; quantiles inherit it.
 */
public final class StudentT {
    private StudentT() {
    }

    /** P(T ≤ t) for ν = {@code dof} degrees of freedom. */
    public static double cdf(double t, int dof) {
        checkDof(dof);
        if (Double.isNaN(t)) return Double.NaN;
        double half = 0.5 * tail(Math.abs(t), dof);
        return t >= 0 ? 1 - half : half;
    }

    /**
     * The p-quantile: the t with P(T ≤ t) = p, for 0 ≤ p ≤ 1 (p = 0 or 1 give ∓∞); antisymmetric,
     * quantile(1 − p) = −quantile(p).
     */
    public static double quantile(double p, int dof) {
        checkDof(dof);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        if (p == 0.5) return 0;
        // two-sided tail probability: 2p exact for p < 1/2; 2(1 - p) exact for p ≥ 1/2 (Sterbenz)
        double q = p < 0.5 ? 2 * p : 2 * (1 - p);
        double t = tailQuantile(q, dof);
        return p < 0.5 ? -t : t;
    }

    /**
     * The two-sided critical value t* with P(|T| ≤ t*) = {@code confidence}, i.e. the
     * (1 + confidence)/2 quantile; e.g. 2.776 for confidence 0.95 and ν = 4.
     */
    public static double criticalValue(double confidence, int dof) {
        checkDof(dof);
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        return tailQuantile(1 - confidence, dof);
    }

    /** P(|T| &gt; t) for t ≥ 0. */
    static double tail(double t, int dof) {
        if (t == Double.POSITIVE_INFINITY) return 0;
        if (t == 0) return 1;
        double a = 0.5 * dof;
        double t2 = t * t;
        double x = dof / (dof + t2);
        // the continued fraction converges fast for x < (a + 1)/(a + b + 2), b = 1/2: the tail region
        if (x < (a + 1) / (a + 2.5)) return incompleteBetaTail(x, t2 / (dof + t2), dof);
        return 1 - centralProbability(t, dof);
    }

    /** A(t|ν) = P(|T| ≤ t) for t ≥ 0, by the finite series. */
    static double centralProbability(double t, int dof) {
        double theta = Math.atan(t / Math.sqrt(dof));
        double c = Math.cos(theta), s = Math.sin(theta);
        double c2 = c * c;
        if (dof % 2 == 0) {
            // sin θ · Σ_{k=0}^{(ν-2)/2} term_k, term_k = term_{k-1} · (2k-1)/(2k) · cos²θ
            double term = 1, sum = 1;
            for (int k = 1; k <= (dof - 2) / 2; k++) {
                term *= (2.0 * k - 1) / (2.0 * k) * c2;
                sum += term;
            }
            return Math.min(1, s * sum);
        }
        if (dof == 1) return 2 * theta / Math.PI;
        // (2/π)(θ + sin θ cos θ · Σ_{k=0}^{(ν-3)/2} term_k), term_k = term_{k-1} · 2k/(2k+1) · cos²θ
        double term = 1, sum = 1;
        for (int k = 1; k <= (dof - 3) / 2; k++) {
            term *= (2.0 * k) / (2.0 * k + 1) * c2;
            sum += term;
        }
        return Math.min(1, 2 / Math.PI * (theta + s * c * sum));
    }

    /**
     * I_x(ν/2, 1/2) by its continued fraction (modified Lentz), for x below the convergence switch.
     *
     * @param x   ν/(ν + t²)
     * @param omx 1 − x = t²/(ν + t²), passed separately to avoid cancellation
     */
    private static double incompleteBetaTail(double x, double omx, int dof) {
        double a = 0.5 * dof, b = 0.5;
        // prefactor x^a (1-x)^b / (a B(a, b)) with 1/(a B(a, 1/2)) = 2 c(ν) / (ν √π), c(ν) = Γ((ν+1)/2)/Γ(ν/2)
        double front = Math.exp(a * Math.log(x) + b * Math.log(omx)) * 2 * gammaRatio(dof) / (dof * Math.sqrt(Math.PI));
        if (front == 0) return 0;
        final double tiny = 1e-300;
        double f = 1, c = 1, d = 0;
        for (int i = 0; i <= 10_000; i++) {
            int m = i / 2;
            double num;
            if (i == 0) num = 1;
            else if (i % 2 == 0) num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            else num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            d = 1 / d;
            c = 1 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.abs(1 - delta) < 1e-16) return front * (f - 1);
        }
        throw new IllegalStateException("incomplete beta continued fraction did not converge (x = " + x + ", ν = " + dof + ")");
    }

    /** c(ν) = Γ((ν+1)/2) / Γ(ν/2), from c(1) = 1/√π, c(2) = √π/2 and c(ν+2) = c(ν)(ν+1)/ν. */
    static double gammaRatio(int dof) {
        double c = dof % 2 == 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
        for (int n = dof % 2 == 1 ? 1 : 2; n < dof; n += 2) c *= (n + 1.0) / n;
        return c;
    }

    /** The t ≥ 0 with P(|T| &gt; t) = q, for 0 &lt; q ≤ 1. */
    private static double tailQuantile(double q, int dof) {
        if (q >= 1) return 0;
        if (q <= 0) return Double.POSITIVE_INFINITY;
        double lo = 0, hi = 1;
        while (tail(hi, dof) > q) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) return Double.POSITIVE_INFINITY;
        }
        // bisection down to adjacent doubles: the tail is continuous and strictly decreasing
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (tail(mid, dof) > q) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    private static void checkDof(int dof) {
        if (dof < 1) throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + dof);
    }
}
