package org.qmlff.analysis;

/**
 * A power law y ≈ A · N^(−β) fitted by ordinary least squares on ln y = ln A − β ln N, with a
 * two-sided Student-t confidence interval for β: β ± t*(confidence, ν) · SE(β), ν = points − 2,
 * SE(β) = sqrt(Σ residual² / ν / Σ (ln N − mean ln N)²).
 *
 * @param points        number of (N, y) points fitted (≥ 2)
 * @param beta          the exponent β (positive: y decreases with N)
 * @param prefactor     A, in the units of y
 * @param betaStdError  standard error of β (NaN when ν = 0: two points determine the line exactly)
 * @param dof           ν = points − 2
 * @param confidence    the interval's confidence level, e.g. 0.95
 * @param tCritical     t*(confidence, ν): the (1 + confidence)/2 quantile of Student's t (NaN when ν = 0)
 * @param betaLow       β − t*·SE (NaN when ν = 0)
 * @param betaHigh      β + t*·SE (NaN when ν = 0)
 * @param rSquared      coefficient of determination of the log-log fit (NaN when all ln y are equal)
 */
public record PowerLawFit(int points, double beta, double prefactor, double betaStdError, int dof, double confidence,
                          double tCritical, double betaLow, double betaHigh, double rSquared) {

    /** The confidence level used unless told otherwise. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * Fits y ≈ A · N^(−β).
     *
     * @param n          sizes N, positive; at least two distinct values
     * @param y          values at those sizes, positive and finite
     * @param confidence level of β's interval, in (0, 1)
     * @throws IllegalArgumentException on fewer than two points, non-positive values or a single distinct N
     */
    public static PowerLawFit fit(double[] n, double[] y, double confidence) {
        if (n.length != y.length)
            throw new IllegalArgumentException("power-law fit: " + n.length + " sizes but " + y.length + " values");
        int m = n.length;
        if (m < 2) throw new IllegalArgumentException("power-law fit: needs at least 2 points, got " + m);
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double[] lx = new double[m], ly = new double[m];
        double mx = 0, my = 0;
        for (int i = 0; i < m; i++) {
            if (!(n[i] > 0) || !Double.isFinite(n[i]))
                throw new IllegalArgumentException("power-law fit: size " + n[i] + " at point " + i + " is not positive");
            if (!(y[i] > 0) || !Double.isFinite(y[i]))
                throw new IllegalArgumentException("power-law fit: value " + y[i] + " at N = " + n[i]
                        + " is not positive and finite (a log-log fit needs positive errors)");
            lx[i] = Math.log(n[i]);
            ly[i] = Math.log(y[i]);
            mx += lx[i];
            my += ly[i];
        }
        mx /= m;
        my /= m;
        // centred sums: no cancellation between large ln N
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < m; i++) {
            double dx = lx[i] - mx, dy = ly[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("power-law fit: needs at least 2 distinct sizes");
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssr = 0;
        for (int i = 0; i < m; i++) {
            double r = ly[i] - (intercept + slope * lx[i]);
            ssr += r * r;
        }
        int dof = m - 2;
        double beta = -slope;
        double se = dof > 0 ? Math.sqrt(ssr / dof / sxx) : Double.NaN;
        double t = dof > 0 ? StudentT.criticalValue(confidence, dof) : Double.NaN;
        double r2 = syy > 0 ? Math.max(0, 1 - ssr / syy) : Double.NaN;
        return new PowerLawFit(m, beta, Math.exp(intercept), se, dof, confidence, t, beta - t * se, beta + t * se, r2);
    }

    /** The fitted value A · N^(−β) at size {@code n}. */
    public double at(double n) {
        return prefactor * Math.pow(n, -beta);
    }

    /** Whether the interval exists (ν ≥ 1). */
    public boolean hasInterval() {
        return dof > 0;
    }

    /** Whether the interval excludes β = 0, i.e. the error changes significantly with N. */
    public boolean significant() {
        return hasInterval() && (betaLow > 0 || betaHigh < 0);
    }
}
