package org.qmlff.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Aggregation and power-law fits of learning curves: runs grouped by (architecture, molecule, N),
 * mean ± std over seeds, and test MAE ∝ N^(−β) per architecture, molecule and quantity.
 *
 * <p>Order: everything is sorted by architecture, molecule (both alphabetically) and N (ascending), so
 * outputs do not depend on the order in which runs finished.
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /** A curve: one architecture on one molecule. */
    public record CurveKey(String arch, String molecule) implements Comparable<CurveKey> {
        private static final Comparator<CurveKey> ORDER =
                Comparator.comparing(CurveKey::arch).thenComparing(CurveKey::molecule);

        @Override
        public int compareTo(CurveKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** Mean ± std over seeds per (architecture, molecule, N). */
    public static List<SizeSummary> aggregate(List<RunResult> runs) {
        Map<CurveKey, Map<Integer, List<RunResult>>> groups = new TreeMap<>();
        for (RunResult r : runs)
            groups.computeIfAbsent(new CurveKey(r.arch(), r.molecule()), k -> new TreeMap<>())
                    .computeIfAbsent(r.nTrain(), k -> new ArrayList<>()).add(r);
        List<SizeSummary> out = new ArrayList<>();
        groups.forEach((key, bySize) -> bySize.forEach((n, rs) -> {
            // within a group, a fixed order (by seed) so sums are bit-identical however runs arrived
            rs.sort(Comparator.comparingLong(RunResult::seed));
            out.add(new SizeSummary(key.arch(), key.molecule(), n, rs.size(),
                    stats(rs, RunResult::train), stats(rs, RunResult::test), stats(rs, RunResult::nullModel),
                    MeanStd.of(rs.stream().mapToDouble(RunResult::trainingSeconds).toArray())));
        }));
        return out;
    }

    private static ErrorStats stats(List<RunResult> rs, Function<RunResult, ErrorPair> which) {
        return new ErrorStats(MeanStd.of(rs.stream().mapToDouble(r -> which.apply(r).energy()).toArray()),
                MeanStd.of(rs.stream().mapToDouble(r -> which.apply(r).force()).toArray()));
    }

    /** The summaries grouped into curves, each sorted by N. */
    public static Map<CurveKey, List<SizeSummary>> curves(List<SizeSummary> summaries) {
        Map<CurveKey, List<SizeSummary>> out = new TreeMap<>();
        for (SizeSummary s : summaries) out.computeIfAbsent(new CurveKey(s.arch(), s.molecule()), k -> new ArrayList<>()).add(s);
        out.values().forEach(l -> l.sort(Comparator.comparingInt(SizeSummary::nTrain)));
        return out;
    }

    /**
     * Power laws fitted to the per-size mean test MAEs, per curve and quantity. A curve gets a fit for
     * a quantity only when at least two distinct sizes have a positive, finite mean.
     */
    public static List<CurveFit> fitMeans(List<SizeSummary> summaries, double confidence) {
        List<CurveFit> out = new ArrayList<>();
        curves(summaries).forEach((key, curve) -> {
            for (Quantity q : Quantity.values()) {
                List<double[]> pts = new ArrayList<>();
                for (SizeSummary s : curve) pts.add(new double[]{s.nTrain(), s.test().get(q).mean()});
                fitPoints(pts, confidence).ifPresent(f ->
                        out.add(new CurveFit(key.arch(), key.molecule(), q, CurveFit.FitPoints.MEANS, f)));
            }
        });
        return out;
    }

    /** Power laws fitted to every run's test MAE (one point per run), per curve and quantity. */
    public static List<CurveFit> fitRuns(List<RunResult> runs, double confidence) {
        Map<CurveKey, List<RunResult>> byCurve = new TreeMap<>();
        for (RunResult r : runs) byCurve.computeIfAbsent(new CurveKey(r.arch(), r.molecule()), k -> new ArrayList<>()).add(r);
        List<CurveFit> out = new ArrayList<>();
        byCurve.forEach((key, rs) -> {
            rs.sort(Comparator.comparingInt(RunResult::nTrain).thenComparingLong(RunResult::seed));
            for (Quantity q : Quantity.values()) {
                List<double[]> pts = new ArrayList<>();
                for (RunResult r : rs) pts.add(new double[]{r.nTrain(), r.test().get(q)});
                fitPoints(pts, confidence).ifPresent(f ->
                        out.add(new CurveFit(key.arch(), key.molecule(), q, CurveFit.FitPoints.RUNS, f)));
            }
        });
        return out;
    }

    private static Optional<PowerLawFit> fitPoints(List<double[]> pts, double confidence) {
        List<double[]> ok = pts.stream().filter(p -> p[1] > 0 && Double.isFinite(p[1])).toList();
        if (ok.stream().mapToDouble(p -> p[0]).distinct().count() < 2) return Optional.empty();
        double[] n = ok.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = ok.stream().mapToDouble(p -> p[1]).toArray();
        return Optional.of(PowerLawFit.fit(n, y, confidence));
    }
}
