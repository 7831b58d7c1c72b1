package org.qmlff.report;

import org.qmlff.analysis.CurveFit;
import org.qmlff.analysis.Diagnosis;
import org.qmlff.analysis.LearningCurves;
import org.qmlff.analysis.PowerLawFit;
import org.qmlff.analysis.Quantity;
import org.qmlff.analysis.RunResult;
import org.qmlff.analysis.SizeSummary;
import org.qmlff.error.InputException;
import org.qmlff.experiment.RunDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis of a learning curve's finished runs, computed only from their run directories
 * ({@code metrics.json}, {@code config.yaml}): one {@link RunResult} per run, mean ± std over seeds
 * per (architecture, molecule, N), power-law fits of the test MAE with 95 % confidence intervals (on
 * the per-size means, then on all runs), a diagnosis per curve and quantity, and the zero-shot tests.
 *
 * @param runs      the finished runs, in grid order (never empty)
 * @param results   {@code results.get(i)} is {@code runs.get(i)} as a learning-curve point
 * @param summaries per-size summaries, sorted by architecture, molecule and N
 * @param fits      fits on the per-size means, then fits on all runs
 * @param diagnoses per curve, energy then force
 * @param zeroShot  zero-shot test errors (molecule {@code trained→tested}) per size; often empty
 */
public record LearningCurveAnalysis(List<RunDirectory> runs, List<RunResult> results, List<SizeSummary> summaries,
                                    List<CurveFit> fits, List<Diagnosis> diagnoses, List<SizeSummary> zeroShot) {
    public LearningCurveAnalysis {
        runs = List.copyOf(runs);
        results = List.copyOf(results);
        summaries = List.copyOf(summaries);
        fits = List.copyOf(fits);
        diagnoses = List.copyOf(diagnoses);
        zeroShot = List.copyOf(zeroShot);
        if (runs.size() != results.size())
            throw new IllegalArgumentException("learning-curve analysis: " + runs.size() + " runs but " + results.size()
                    + " results");
    }

    /** Analyses these finished runs; none is a one-line input error. */
    public static LearningCurveAnalysis of(List<RunDirectory> runs) {
        if (runs.isEmpty()) throw new InputException("no finished runs to analyse");
        List<RunResult> results = new ArrayList<>();
        for (RunDirectory r : runs) results.add(r.toRunResult());
        List<SizeSummary> summaries = LearningCurves.aggregate(results);
        List<CurveFit> fits = new ArrayList<>(LearningCurves.fitMeans(summaries, PowerLawFit.DEFAULT_CONFIDENCE));
        fits.addAll(LearningCurves.fitRuns(results, PowerLawFit.DEFAULT_CONFIDENCE));
        List<Diagnosis> diagnoses = new ArrayList<>();
        LearningCurves.curves(summaries).forEach((k, curve) -> {
            for (Quantity q : Quantity.values()) diagnoses.add(Diagnosis.of(curve, q));
        });
        List<RunResult> zero = new ArrayList<>();
        for (RunDirectory r : runs) zero.addAll(r.zeroShotResults());
        return new LearningCurveAnalysis(runs, results, summaries, fits, diagnoses, LearningCurves.aggregate(zero));
    }

    /** The molecules trained on, sorted. */
    public List<String> molecules() {
        return summaries.stream().map(SizeSummary::molecule).distinct().sorted().toList();
    }

    /** The total training time of all runs, in seconds. */
    public double totalTrainingSeconds() {
        double total = 0;
        for (RunResult r : results) total += r.trainingSeconds();
        return total;
    }

    /**
     * One run per (architecture, molecule): the largest N, then the lowest seed; sorted by run name.
     * Model sizes do not depend on N or the seed, so this run stands for its curve in size tables and
     * parity plots.
     */
    public List<RunDirectory> representatives() {
        Map<String, Integer> best = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = results.get(i);
            String k = r.arch() + "/" + r.molecule();
            Integer cur = best.get(k);
            if (cur == null) {
                best.put(k, i);
                continue;
            }
            RunResult c = results.get(cur);
            if (r.nTrain() > c.nTrain() || (r.nTrain() == c.nTrain() && r.seed() < c.seed())) best.put(k, i);
        }
        List<RunDirectory> out = new ArrayList<>();
        for (int i : best.values()) out.add(runs.get(i));
        out.sort(Comparator.comparing(RunDirectory::name));
        return out;
    }

    /**
     * One line per (architecture, molecule): the diagnosis of energy and of force, each followed by
     * the trend of its power-law fit on the per-size means.
     */
    public List<String> diagnosisLines() {
        List<String> out = new ArrayList<>();
        LearningCurves.curves(summaries).forEach((k, curve) -> {
            List<String> parts = new ArrayList<>();
            for (Diagnosis d : diagnoses) {
                if (!d.arch().equals(k.arch()) || !d.molecule().equals(k.molecule())) continue;
                String p = d.explain();
                for (CurveFit f : fits)
                    if (f.arch().equals(k.arch()) && f.molecule().equals(k.molecule()) && f.quantity() == d.quantity()
                            && f.points() == CurveFit.FitPoints.MEANS)
                        p += "; " + trend(f.fit());
                parts.add(p);
            }
            out.add(k.arch() + " on " + k.molecule() + ": " + String.join(" — ", parts));
        });
        return out;
    }

    /** Whether the test error falls, rises or does not change significantly with N, in words. */
    static String trend(PowerLawFit f) {
        if (!f.hasInterval())
            return String.format(Locale.ROOT, "β = %.3f from 2 sizes (no interval)", f.beta());
        String verdict = f.betaLow() > 0 ? "test error decreases significantly with N"
                : f.betaHigh() < 0 ? "test error increases significantly with N"
                : "no significant change of the test error with N";
        return String.format(Locale.ROOT, "β = %.3f, 95%% CI [%.3f, %.3f]: %s", f.beta(), f.betaLow(), f.betaHigh(),
                verdict);
    }
}
