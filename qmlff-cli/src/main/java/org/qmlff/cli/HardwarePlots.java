package org.qmlff.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qmlff.hardware.HardwareStudy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The plots of {@code qmlff hardware}: force errors against shots and against the depolarizing rate. */
final class HardwarePlots {
    static final String SHOTS = "force_vs_shots.png";
    static final String NOISE = "force_vs_depolarizing.png";

    private HardwarePlots() {
    }

    /**
     * Log-log: the mean |ΔF| from the exact model with its standard error as error bars, the predicted
     * σ_F·√(2/π) (what |ΔF| is for normal noise of standard error σ_F) and the force MAE against the labels.
     */
    static XYChart shotsChart(HardwareStudy.Result r) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title("Force error against shots per circuit")
                .xAxisTitle("shots per circuit").yAxisTitle("kcal/mol/Å").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        int n = r.shots().size();
        double[] x = new double[n], dev = new double[n], devSe = new double[n], predicted = new double[n], mae = new double[n];
        for (int i = 0; i < n; i++) {
            HardwareStudy.ShotPoint p = r.shots().get(i);
            x[i] = p.shots();
            dev[i] = p.errors().forceDeviation();
            devSe[i] = finiteOrZero(p.errors().forceDeviationSe());
            predicted[i] = p.errors().meanForceSe() * Math.sqrt(2 / Math.PI);
            mae[i] = p.errors().forceMae();
        }
        chart.addSeries("|ΔF| from the exact model", x, dev, devSe);
        chart.addSeries("predicted: mean σ_F·√(2/π)", x, predicted).setMarker(SeriesMarkers.NONE);
        if (allPositive(mae)) chart.addSeries("force MAE against the labels", x, mae);
        return chart;
    }

    /**
     * |ΔF| (noise bias, infinitely many shots) and the force MAE against the CNOT depolarizing rate λ; λ = 0
     * has no place on the log axis and is left out (it is the exact model up to rounding, in the table).
     */
    static XYChart noiseChart(HardwareStudy.Result r) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title("Force error against the CNOT depolarizing rate")
                .xAxisTitle("CNOT depolarizing rate λ (Enc λ/10)").yAxisTitle("kcal/mol/Å").build();
        chart.getStyler().setXAxisLogarithmic(true);
        List<HardwareStudy.NoisePoint> pts = new ArrayList<>();
        for (HardwareStudy.NoisePoint p : r.noise()) if (p.cnotDepolarizing() > 0) pts.add(p);
        int n = pts.size();
        double[] x = new double[n], dev = new double[n], devSe = new double[n], mae = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pts.get(i).cnotDepolarizing();
            dev[i] = pts.get(i).errors().forceDeviation();
            devSe[i] = finiteOrZero(pts.get(i).errors().forceDeviationSe());
            mae[i] = pts.get(i).errors().forceMae();
        }
        chart.getStyler().setYAxisLogarithmic(allPositive(dev) && allPositive(mae));
        chart.addSeries("|ΔF| from the exact model", x, dev, devSe);
        if (allPositive(mae)) chart.addSeries("force MAE against the labels", x, mae);
        return chart;
    }

    /** Writes the plots that have points: {@link #SHOTS}, and {@link #NOISE} when a rate λ > 0 was run. */
    static List<Path> write(HardwareStudy.Result r, Path dir) {
        List<Path> written = new ArrayList<>();
        Plots.save(shotsChart(r), dir.resolve(SHOTS));
        written.add(dir.resolve(SHOTS));
        if (r.noise().stream().anyMatch(p -> p.cnotDepolarizing() > 0)) {
            Plots.save(noiseChart(r), dir.resolve(NOISE));
            written.add(dir.resolve(NOISE));
        }
        return written;
    }

    private static double finiteOrZero(double x) {
        return Double.isFinite(x) ? x : 0;
    }

    private static boolean allPositive(double[] v) {
        for (double x : v) if (!(x > 0 && Double.isFinite(x))) return false;
        return v.length > 0;
    }
}
