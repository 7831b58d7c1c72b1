package org.qmlff.cli;

import org.qmlff.data.Units;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qmlff.data.Dataset;
import org.qmlff.data.AtomicFiles;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Predictions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** PNG plots of a run: learning curves and parity plots (written atomically). */
final class Plots {
    /** Parity plots draw at most this many force components (evenly strided) to keep files small. */
    static final int MAX_FORCE_POINTS = 100_000;

    private Plots() {
    }

    /** Training and validation loss per epoch (log scale when all are positive and span over a decade). */
    static void lossCurves(List<EpochRecord> curves, Path file) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title("Learning curves")
                .xAxisTitle("epoch").yAxisTitle("objective L").build();
        int n = curves.size();
        double[] x = new double[n], train = new double[n], valid = new double[n];
        boolean positive = true;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < n; i++) {
            EpochRecord r = curves.get(i);
            x[i] = r.epoch();
            train[i] = r.trainLoss();
            valid[i] = r.validLoss();
            positive &= train[i] > 0 && valid[i] > 0 && Double.isFinite(train[i]) && Double.isFinite(valid[i]);
            lo = Math.min(lo, Math.min(train[i], valid[i]));
            hi = Math.max(hi, Math.max(train[i], valid[i]));
        }
        // XChart labels only whole decades on a log axis: use it only when there is more than one
        chart.getStyler().setYAxisLogarithmic(positive && hi > 10 * lo);
        chart.addSeries("train (mean over batches)", x, train).setMarker(SeriesMarkers.NONE);
        chart.addSeries("validation", x, valid).setMarker(SeriesMarkers.NONE);
        save(chart, file);
    }

    /**
     * Predicted against reference energies, in meV, each molecule shifted by its mean reference
     * energy (absolute energies of different molecules are far apart).
     */
    static void energyParity(String title, List<Dataset> refs, List<Predictions> preds, List<String> labels, Path file) {
        XYChart chart = scatter(title, "reference E − mean (meV)", "predicted E − mean (meV)");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < refs.size(); s++) {
            Dataset d = refs.get(s);
            double mean = Predictions.meanEnergy(d);
            double[] x = new double[d.frames()], y = new double[d.frames()];
            for (int f = 0; f < d.frames(); f++) {
                x[f] = (d.energies()[f] - mean) * Units.MEV_PER_KCAL_MOL;
                y[f] = (preds.get(s).energies()[f] - mean) * Units.MEV_PER_KCAL_MOL;
                lo = Math.min(lo, Math.min(x[f], y[f]));
                hi = Math.max(hi, Math.max(x[f], y[f]));
            }
            chart.addSeries(labels.get(s), x, y);
        }
        diagonal(chart, lo, hi);
        save(chart, file);
    }

    /** Predicted against reference force components, meV/Å. */
    static void forceParity(String title, List<Dataset> refs, List<Predictions> preds, List<String> labels, Path file) {
        XYChart chart = scatter(title, "reference F component (meV/Å)", "predicted F component (meV/Å)");
        long total = 0;
        for (Dataset d : refs) total += d.forces().length;
        int stride = (int) Math.max(1, (total + MAX_FORCE_POINTS - 1) / MAX_FORCE_POINTS);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < refs.size(); s++) {
            double[] ref = refs.get(s).forces(), pred = preds.get(s).forces();
            int n = (ref.length + stride - 1) / stride;
            double[] x = new double[n], y = new double[n];
            for (int i = 0, k = 0; k < n; i += stride, k++) {
                x[k] = ref[i] * Units.MEV_PER_KCAL_MOL;
                y[k] = pred[i] * Units.MEV_PER_KCAL_MOL;
                lo = Math.min(lo, Math.min(x[k], y[k]));
                hi = Math.max(hi, Math.max(x[k], y[k]));
            }
            chart.addSeries(labels.get(s), x, y);
        }
        diagonal(chart, lo, hi);
        save(chart, file);
    }

    private static XYChart scatter(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(700).height(700).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        return chart;
    }

    private static void diagonal(XYChart chart, double lo, double hi) {
        if (!(lo < hi)) return;
        XYSeries d = chart.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        d.setMarker(SeriesMarkers.NONE);
    }

    /** Writes {@code chart} as a PNG, atomically. */
    static void save(Chart<?, ?> chart, Path file) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, png);
    }
}
