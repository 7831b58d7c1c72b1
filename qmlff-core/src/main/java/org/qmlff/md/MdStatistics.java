package org.qmlff.md;

import java.util.Arrays;

/** Records energies and temperature at every step and turns them into an {@link MdSummary}. */
final class MdStatistics implements MdObserver {
    private double[] time = new double[1024];
    private double[] potential = new double[1024];
    private double[] kinetic = new double[1024];
    private double[] temperature = new double[1024];
    private int n;

    @Override
    public void observe(MdState s) {
        if (n == time.length) {
            int cap = Math.max(16, 2 * n);
            time = Arrays.copyOf(time, cap);
            potential = Arrays.copyOf(potential, cap);
            kinetic = Arrays.copyOf(kinetic, cap);
            temperature = Arrays.copyOf(temperature, cap);
        }
        time[n] = s.time();
        potential[n] = s.potentialEnergy();
        kinetic[n] = s.kineticEnergy();
        temperature[n] = s.temperature();
        n++;
    }

    MdSeries series() {
        return new MdSeries(Arrays.copyOf(time, n), Arrays.copyOf(potential, n), Arrays.copyOf(kinetic, n),
                Arrays.copyOf(temperature, n));
    }

    MdSummary summary(Ensemble ensemble, int atoms, int dof, long steps, double timestep, long evaluations,
                      double wallSeconds, String stopReason) {
        double[] total = new double[n];
        for (int i = 0; i < n; i++) total[i] = potential[i] + kinetic[i];
        double slope = slope(time, total, n);
        double fluctuation = standardDeviation(total, n);
        BlockAverage t = BlockAverage.of(temperature, n);
        return new MdSummary(ensemble, atoms, dof, steps, timestep, slope * 1000.0 / atoms, fluctuation,
                t.mean(), t.standardError(), evaluations, wallSeconds, stopReason);
    }

    /** Least-squares slope of y against x over the first n points (centred sums); NaN if n &lt; 2. */
    static double slope(double[] x, double[] y, int n) {
        if (n < 2) return Double.NaN;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    /** Population standard deviation of the first n values; NaN if n = 0. */
    static double standardDeviation(double[] y, int n) {
        if (n == 0) return Double.NaN;
        double m = 0;
        for (int i = 0; i < n; i++) m += y[i];
        m /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) ss += (y[i] - m) * (y[i] - m);
        return Math.sqrt(ss / n);
    }
}
