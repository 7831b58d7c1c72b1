package org.qmlff.cli;

import org.qmlff.data.AtomicFiles;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qmlff.md.Ensemble;
import org.qmlff.md.MdSeries;

import java.io.IOException;
import java.nio.file.Path;

/** PNG plots of an MD run: energies and temperature against time, written atomically. */
final class MdPlots {
    /** More points than this are thinned by a fixed stride (a plot cannot show them anyway). */
    static final int MAX_POINTS = 4000;

    private MdPlots() {
    }

    /**
     * Potential, kinetic and total energy, each minus its value at t = 0: absolute potential
     * energies (−97000 kcal/mol for ethanol) would flatten the few kcal/mol that matter, and the
     * total's curve then shows the drift directly.
     */
    static void energies(MdSeries s, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Energy changes since t = 0")
                .xAxisTitle("time (fs)").yAxisTitle("E(t) - E(0) (kcal/mol)").build();
        double[] t = thin(s.time());
        line(chart, "potential", t, relative(thin(s.potential())));
        line(chart, "kinetic", t, relative(thin(s.kinetic())));
        line(chart, "total", t, relative(thin(s.total())));
        save(chart, file);
    }

    static void temperature(MdSeries s, Ensemble ensemble, double target, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Temperature")
                .xAxisTitle("time (fs)").yAxisTitle("temperature (K)").build();
        double[] t = thin(s.time());
        line(chart, "instantaneous", t, thin(s.temperature()));
        if (ensemble == Ensemble.NVT && t.length > 0)
            line(chart, "target", new double[]{t[0], t[t.length - 1]}, new double[]{target, target});
        save(chart, file);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        if (x.length == 0) return;
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    static double[] thin(double[] v) {
        int stride = Math.max(1, (v.length + MAX_POINTS - 1) / MAX_POINTS);
        double[] out = new double[(v.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) out[i] = v[i * stride];
        return out;
    }

    private static double[] relative(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] - v[0];
        return out;
    }
}
