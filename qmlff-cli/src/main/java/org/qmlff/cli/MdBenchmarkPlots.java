package org.qmlff.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qmlff.md.benchmark.DistanceGrid;
import org.qmlff.md.benchmark.MdBenchmarkResult;
import org.qmlff.md.benchmark.Survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PNG plots of the MD benchmark (written atomically): h(r) of model and reference, Kaplan–Meier survival. */
final class MdBenchmarkPlots {
    private MdBenchmarkPlots() {
    }

    /** The model's and the reference's normalised h(r), on the part of the grid where either is non-zero. */
    static void hr(MdBenchmarkResult r, Path file) {
        DistanceGrid g = r.config().grid();
        double[] m = r.modelHistogram().normalised(), ref = r.reference().normalised();
        int last = 0;
        for (int b = 0; b < m.length; b++) if (m[b] > 0 || ref[b] > 0) last = b;
        int n = Math.min(m.length, last + 2);
        double[] x = new double[n], ym = new double[n], yr = new double[n];
        for (int b = 0; b < n; b++) {
            x[b] = g.centre(b);
            ym[b] = m[b];
            yr[b] = ref[b];
        }
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(String.format(Locale.ROOT, "h(r) of %s: MAE %.4f 1/Å", r.label(), r.hrMae()))
                .xAxisTitle("r (Å)").yAxisTitle("h(r) (1/Å)").build();
        chart.addSeries("reference (" + r.referenceFrames() + " frames)", x, yr).setMarker(SeriesMarkers.NONE);
        chart.addSeries(r.label() + " MD (" + r.modelHistogram().frames() + " frames)", x, ym).setMarker(SeriesMarkers.NONE);
        Plots.save(chart, file);
    }

    /** Kaplan–Meier estimate S(t) of every model, as steps. */
    static void survival(List<MdBenchmarkResult> results, Path file) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Stability: Kaplan–Meier survival of NVT runs")
                .xAxisTitle("time (ps)").yAxisTitle("fraction of runs still stable").build();
        for (MdBenchmarkResult r : results) {
            Survival s = r.survival();
            List<Double> xs = new ArrayList<>(List.of(0.0)), ys = new ArrayList<>(List.of(1.0));
            double level = 1.0;
            for (Survival.Step st : s.curve()) {
                xs.add(st.time());
                ys.add(level);
                xs.add(st.time());
                ys.add(st.survival());
                level = st.survival();
            }
            xs.add(s.length());
            ys.add(level);
            chart.addSeries(r.label() + " (" + s.failures() + " of " + s.runs() + " failed)", xs, ys).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        Plots.save(chart, file);
    }

}
