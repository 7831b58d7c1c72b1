package org.qmlff.md;

/**
 * Per-step record of a run (step 0 included), for summaries and plots. Arrays have one entry per
 * recorded step and must not be modified.
 *
 * @param time        fs
 * @param potential   kcal/mol
 * @param kinetic     kcal/mol
 * @param temperature K
 */
public record MdSeries(double[] time, double[] potential, double[] kinetic, double[] temperature) {

    public int size() {
        return time.length;
    }

    /** Potential plus kinetic energy, kcal/mol (a new array). */
    public double[] total() {
        double[] t = new double[time.length];
        for (int i = 0; i < t.length; i++) t[i] = potential[i] + kinetic[i];
        return t;
    }
}
