package org.qmlff.sim;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Central differences for the derivative tests: of a scalar function along one input, and of a vector-valued
 * function (a gradient, a state) along a direction u. Error O(h²); {@link #richardsonAlong} extrapolates to O(h⁴).
 * The functions are called with fresh arrays, never with the caller's z.
 */
public final class CentralDifferences {
    private CentralDifferences() {
    }

    /** z + h·u, a new array. */
    public static double[] shifted(double[] z, double[] u, double h) {
        double[] out = z.clone();
        for (int i = 0; i < out.length; i++) out[i] += h * u[i];
        return out;
    }

    /** (f(z + h·e_i) − f(z − h·e_i)) / 2h. */
    public static double partial(ToDoubleFunction<double[]> f, double[] z, int i, double h) {
        double[] zp = z.clone(), zm = z.clone();
        zp[i] += h;
        zm[i] -= h;
        return (f.applyAsDouble(zp) - f.applyAsDouble(zm)) / (2 * h);
    }

    /** (g(z + h·u) − g(z − h·u)) / 2h, element by element. */
    public static double[] along(Function<double[], double[]> g, double[] z, double[] u, double h) {
        double[] plus = g.apply(shifted(z, u, h)), minus = g.apply(shifted(z, u, -h));
        double[] d = new double[plus.length];
        for (int a = 0; a < d.length; a++) d[a] = (plus[a] - minus[a]) / (2 * h);
        return d;
    }

    /** (4·D(h/2) − D(h)) / 3 with D = {@link #along}: error O(h⁴). */
    public static double[] richardsonAlong(Function<double[], double[]> g, double[] z, double[] u, double h) {
        double[] coarse = along(g, z, u, h), fine = along(g, z, u, h / 2);
        double[] d = new double[coarse.length];
        for (int a = 0; a < d.length; a++) d[a] = (4 * fine[a] - coarse[a]) / 3;
        return d;
    }

    /** The gradient of ⟨O⟩ at z, a new array (for {@link #along}). */
    public static double[] gradient(Simulator sim, Circuit c, Observable o, double[] z) {
        double[] g = new double[c.inputs()];
        sim.gradient(c, o, z, g);
        return g;
    }
}
