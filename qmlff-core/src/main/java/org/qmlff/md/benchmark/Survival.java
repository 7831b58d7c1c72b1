package org.qmlff.md.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Stability times of several runs of length L, some failed (time of failure known) and some
 * surviving (censored at L), summarised three ways:
 * <ul>
 *   <li>{@link #mean()} ± {@link #standardError()}: the mean of min(T, L), surviving runs entering
 *       with L — a lower bound of the mean time to failure, equal to the Kaplan–Meier restricted
 *       mean survival time up to L (all runs are censored at the same time L);</li>
 *   <li>{@link #median()}: the Kaplan–Meier median, the first failure time at which the estimated
 *       survival S(t) drops to 0.5 or below; NaN ("&gt; L") when it never does;</li>
 *   <li>{@link #curve()}: the Kaplan–Meier step function S(t).</li>
 * </ul>
 * Times are in ps. The standard error is s/√n with the sample standard deviation s (NaN for n &lt; 2).
 */
public final class Survival {
    /**
     * One run.
     *
     * @param time   failure time, or L for a surviving run, ps
     * @param failed whether it failed (false: censored at L)
     */
    public record Observation(double time, boolean failed) {
    }

    /** A point where the Kaplan–Meier estimate steps down: S(t) for t ≥ time. */
    public record Step(double time, double survival) {
    }

    private final List<Observation> runs;
    private final double length;

    /** @param length the full length L of every run, ps */
    public Survival(List<Observation> runs, double length) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        for (Observation o : runs)
            if (!(o.time() >= 0 && o.time() <= length))
                throw new IllegalArgumentException("run time " + o.time() + " ps outside [0, " + length + "] ps");
        this.runs = List.copyOf(runs);
        this.length = length;
    }

    public int runs() {
        return runs.size();
    }

    public int failures() {
        return (int) runs.stream().filter(Observation::failed).count();
    }

    public double length() {
        return length;
    }

    /** Mean of min(T, L), ps. */
    public double mean() {
        double s = 0;
        for (Observation o : runs) s += o.time();
        return s / runs.size();
    }

    /** Standard error of {@link #mean()}, ps. */
    public double standardError() {
        int n = runs.size();
        if (n < 2) return Double.NaN;
        double m = mean(), ss = 0;
        for (Observation o : runs) ss += (o.time() - m) * (o.time() - m);
        return Math.sqrt(ss / (n - 1) / n);
    }

    /** The Kaplan–Meier steps, in time order (empty without failures). */
    public List<Step> curve() {
        List<Observation> sorted = new ArrayList<>(runs);
        // failures before censorings at the same time: the usual convention
        sorted.sort((a, b) -> a.time() != b.time() ? Double.compare(a.time(), b.time()) : Boolean.compare(b.failed(), a.failed()));
        List<Step> steps = new ArrayList<>();
        double s = 1.0;
        int atRisk = sorted.size();
        int k = 0;
        while (k < sorted.size()) {
            double t = sorted.get(k).time();
            int deaths = 0, leaving = 0;
            while (k < sorted.size() && sorted.get(k).time() == t) {
                if (sorted.get(k).failed()) deaths++;
                leaving++;
                k++;
            }
            if (deaths > 0) {
                s *= 1.0 - (double) deaths / atRisk;
                steps.add(new Step(t, s));
            }
            atRisk -= leaving;
        }
        return steps;
    }

    /** Kaplan–Meier median, ps; NaN when S(t) stays above 0.5 up to L. */
    public double median() {
        for (Step st : curve()) if (st.survival() <= 0.5) return st.time();
        return Double.NaN;
    }

    /** Kaplan–Meier restricted mean survival time ∫₀ᴸ S(t) dt, ps (equals {@link #mean()}, computed independently). */
    public double restrictedMean() {
        double area = 0, s = 1.0, t = 0;
        for (Step st : curve()) {
            area += s * (st.time() - t);
            t = st.time();
            s = st.survival();
        }
        return area + s * (length - t);
    }
}
