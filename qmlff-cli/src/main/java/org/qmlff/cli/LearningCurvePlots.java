package org.qmlff.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qmlff.analysis.CurveFit;
import org.qmlff.analysis.PowerLawFit;
import org.qmlff.analysis.PublishedResult;
import org.qmlff.analysis.Quantity;
import org.qmlff.analysis.SizeSummary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Log-log learning-curve plots of one molecule and quantity: per architecture the mean test MAE over
 * seeds with ± 1 std error bars, the mean training MAE (dashed) and the fitted power law (dotted);
 * the null model; and the published results of other models at their training-set sizes.
 */
final class LearningCurvePlots {
    /** Published models drawn (where BASELINES.md has them). */
    static final List<String> PUBLISHED_MODELS = List.of("MACE", "NequIP", "ACE", "GAP");
    private static final Color[] ARCH_COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Marker[] PUBLISHED_MARKERS = {SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};
    private static final Color PUBLISHED_COLOR = new Color(0x555555);
    /** Fits: thin, sparsely dotted, distinct from the dashed training curves. */
    private static final BasicStroke FIT_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[]{1f, 5f}, 0f);

    private LearningCurvePlots() {
    }

    /** The plot file name of a molecule and quantity. */
    static String fileName(String molecule, Quantity q) {
        return "learning_curve_" + molecule.replaceAll("[^A-Za-z0-9._-]", "_") + "_" + q.label() + ".png";
    }

    /**
     * Writes one plot.
     *
     * @param molecule  molecule label
     * @param q         energy or force
     * @param curves    per architecture its summaries, ascending N
     * @param fits      fitted power laws of these curves (on the means); those of q are drawn
     * @param published published results for the molecule (all sizes); those of {@link #PUBLISHED_MODELS} are drawn
     * @param file      the PNG to write (atomically)
     */
    static void write(String molecule, Quantity q, Map<String, List<SizeSummary>> curves, List<CurveFit> fits,
                      List<PublishedResult> published, Path file) {
        XYChart chart = new XYChartBuilder().width(1000).height(620)
                .title(molecule + ": test " + q.label() + " MAE against training-set size")
                .xAxisTitle("training configurations N").yAxisTitle(q.label() + " MAE (" + q.unit() + ")").build();
        var st = chart.getStyler();
        // log axes labelled at whole decades only: intermediate labels overlap
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setMarkerSize(7);

        int a = 0;
        // the null model: the same frames for every architecture, so average whatever sizes exist
        TreeMap<Integer, double[]> nul = new TreeMap<>();
        for (Map.Entry<String, List<SizeSummary>> e : curves.entrySet()) {
            addArchitecture(chart, e.getKey(), ARCH_COLORS[a++ % ARCH_COLORS.length], e.getValue(), fits, q);
            for (SizeSummary s : e.getValue()) {
                double nm = s.nullModel().get(q).mean();
                if (nm > 0 && Double.isFinite(nm)) {
                    double[] acc = nul.computeIfAbsent(s.nTrain(), k -> new double[2]);
                    acc[0] += nm;
                    acc[1] += 1;
                }
            }
        }
        addNullModel(chart, nul);
        addPublished(chart, published, q);
        Plots.save(chart, file);
    }

    /** One architecture: test mean with ± 1 std bars, train mean (dashed), fit on the means (dotted). */
    private static void addArchitecture(XYChart chart, String arch, Color color, List<SizeSummary> curve,
                                        List<CurveFit> fits, Quantity q) {
        List<double[]> test = new ArrayList<>(), train = new ArrayList<>();
        for (SizeSummary s : curve) {
            double t = s.test().get(q).mean(), sd = s.test().get(q).std();
            if (t > 0 && Double.isFinite(t)) {
                test.add(new double[]{s.nTrain(), t});
                if (sd > 0) {
                    // on a log axis a bar reaching zero is clipped at a hundredth of the mean
                    XYSeries bar = chart.addSeries(arch + " N=" + s.nTrain() + " ± std",
                            new double[]{s.nTrain(), s.nTrain()}, new double[]{Math.max(t - sd, t / 100), t + sd});
                    bar.setShowInLegend(false);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(color);
                    bar.setLineStyle(SeriesLines.SOLID);
                }
            }
            double tr = s.train().get(q).mean();
            if (tr > 0 && Double.isFinite(tr)) train.add(new double[]{s.nTrain(), tr});
        }
        if (!test.isEmpty())
            draw(chart.addSeries(arch + " test (mean ± std)", col(test, 0), col(test, 1)), color, SeriesMarkers.CIRCLE,
                    SeriesLines.SOLID);
        if (!train.isEmpty())
            draw(chart.addSeries(arch + " train", col(train, 0), col(train, 1)), color, SeriesMarkers.OVAL,
                    SeriesLines.DASH_DASH);
        for (CurveFit f : fits) {
            if (!f.arch().equals(arch) || f.quantity() != q || f.points() != CurveFit.FitPoints.MEANS) continue;
            double lo = curve.get(0).nTrain(), hi = curve.get(curve.size() - 1).nTrain();
            XYSeries fs = chart.addSeries(fitLabel(arch, f.fit()),
                    new double[]{lo, hi}, new double[]{f.fit().at(lo), f.fit().at(hi)});
            fs.setLineColor(color);
            fs.setMarker(SeriesMarkers.NONE);
            fs.setLineStyle(FIT_STROKE);
        }
    }

    /**
     * The legend of a power-law fit: β with three decimals and its confidence interval, as in the tables,
     * so that a legend never rounds a β of 0.495 up to "0.50".
     */
    static String fitLabel(String arch, PowerLawFit fit) {
        return fit.hasInterval()
                ? String.format(Locale.ROOT, "%s fit β = %.3f [%.3f, %.3f]", arch, fit.beta(), fit.betaLow(), fit.betaHigh())
                : String.format(Locale.ROOT, "%s fit β = %.3f", arch, fit.beta());
    }

    /** Line and markers of {@code series} in one colour. */
    private static void draw(XYSeries series, Color color, Marker marker, BasicStroke line) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(marker);
        series.setLineStyle(line);
    }

    /** The null model's MAE per size (sums and counts by N), as a dash-dot line. */
    private static void addNullModel(XYChart chart, TreeMap<Integer, double[]> nul) {
        if (nul.isEmpty()) return;
        double[] x = new double[nul.size()], y = new double[nul.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : nul.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue()[0] / e.getValue()[1];
        }
        if (x.length == 1) {
            // a single size: draw the level across the point
            x = new double[]{x[0] / 1.5, x[0] * 1.5};
            y = new double[]{y[0], y[0]};
        }
        XYSeries ns = chart.addSeries("null model (mean E, zero F)", x, y);
        ns.setLineColor(Color.BLACK);
        ns.setMarker(SeriesMarkers.NONE);
        ns.setLineStyle(SeriesLines.DASH_DOT);
    }

    /** Published results of {@link #PUBLISHED_MODELS}, grey markers at their training-set sizes. */
    private static void addPublished(XYChart chart, List<PublishedResult> published, Quantity q) {
        int m = 0;
        for (String model : PUBLISHED_MODELS) {
            List<double[]> pts = new ArrayList<>();
            for (PublishedResult p : published) {
                double v = p.errors().get(q);
                if (p.model().equals(model) && v > 0 && Double.isFinite(v)) pts.add(new double[]{p.nTrain(), v});
            }
            Marker marker = PUBLISHED_MARKERS[m++ % PUBLISHED_MARKERS.length];
            if (pts.isEmpty()) continue;
            XYSeries ps = chart.addSeries(model + " (published)", col(pts, 0), col(pts, 1));
            ps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ps.setMarker(marker);
            ps.setMarkerColor(PUBLISHED_COLOR);
        }
    }

    private static double[] col(List<double[]> pts, int c) {
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) out[i] = pts.get(i)[c];
        return out;
    }
}
