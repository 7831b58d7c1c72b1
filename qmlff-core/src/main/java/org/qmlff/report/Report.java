package org.qmlff.report;

import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.PublishedResult;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.analysis.SizeSummary;
import org.qmlff.experiment.RunDirectory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a {@code qmlff report} holds, before rendering: its sources grouped by kind, each learning
 * curve's analysis, and the tables derived from them.
 *
 * @param runs         single run directories, in the order given
 * @param curves       learning curves, in the order given, each with its analysis (null while no run has finished)
 * @param mdBenchmarks md-benchmark output directories
 * @param ablations    ablation output directories
 * @param sweeps       sweep output directories
 * @param published    the published results compared against
 */
public record Report(List<RunDirectory> runs, List<AnalysedCurve> curves, List<ReportSource.MdBenchmark> mdBenchmarks,
                     List<ReportSource.Ablation> ablations, List<ReportSource.Sweep> sweeps, PublishedResults published) {
    /** Only published results at these training-set sizes appear in the comparison (BASELINES.md's N = 50 and 1000). */
    public static final Set<Integer> PUBLISHED_SIZES = Set.of(50, 1000);

    /** Size fields the report looks for, with what each says; {@link #unrecordedFields()} lists those no run has. */
    private static final Map<String, String> SIZE_FIELD_MEANINGS = sizeFieldMeanings();

    public Report {
        runs = List.copyOf(runs);
        curves = List.copyOf(curves);
        mdBenchmarks = List.copyOf(mdBenchmarks);
        ablations = List.copyOf(ablations);
        sweeps = List.copyOf(sweeps);
    }

    /** A learning curve with its analysis ({@code null} when none of its runs has finished). */
    public record AnalysedCurve(ReportSource.Curve source, LearningCurveAnalysis analysis) {
        /** The directory's own name, as the report's source column shows it. */
        public String name() {
            return source.dir().toAbsolutePath().normalize().getFileName().toString();
        }
    }

    /** Groups the sources and analyses every learning curve with a finished run. */
    public static Report of(List<ReportSource> sources, PublishedResults published) {
        List<RunDirectory> runs = new ArrayList<>();
        List<AnalysedCurve> curves = new ArrayList<>();
        List<ReportSource.MdBenchmark> benches = new ArrayList<>();
        List<ReportSource.Ablation> ablations = new ArrayList<>();
        List<ReportSource.Sweep> sweeps = new ArrayList<>();
        for (ReportSource s : sources) {
            if (s instanceof ReportSource.Run r) runs.add(r.run());
            else if (s instanceof ReportSource.Curve c)
                curves.add(new AnalysedCurve(c, c.finished().isEmpty() ? null : LearningCurveAnalysis.of(c.finished())));
            else if (s instanceof ReportSource.MdBenchmark b) benches.add(b);
            else if (s instanceof ReportSource.Ablation a) ablations.add(a);
            else if (s instanceof ReportSource.Sweep w) sweeps.add(w);
        }
        return new Report(runs, curves, benches, ablations, sweeps, published);
    }

    /** The learning curves that have an analysis. */
    public List<AnalysedCurve> analysedCurves() {
        return curves.stream().filter(c -> c.analysis() != null).toList();
    }

    /** Molecules with test errors in some run or learning curve, sorted. */
    public SortedSet<String> testedMolecules() {
        TreeSet<String> out = new TreeSet<>();
        for (RunDirectory r : runs)
            for (RunDirectory.MoleculeMetrics m : r.molecules()) if (m.tested()) out.add(m.label());
        for (AnalysedCurve c : analysedCurves()) out.addAll(c.analysis().molecules());
        return out;
    }

    /**
     * The comparison table of one molecule: each single run's model then its null model; each learning
     * curve's per-size means, then the null model of its largest N; then the published results at
     * N = 50 and 1000.
     */
    public List<ComparisonRow> comparison(String molecule) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (RunDirectory r : runs)
            for (RunDirectory.MoleculeMetrics m : r.molecules()) {
                if (!m.label().equals(molecule) || !m.tested()) continue;
                ErrorPair t = m.errors("test"), nul = m.errors("null");
                OptionalInt n = m.trainFrames();
                String src = "run " + r.name();
                rows.add(new ComparisonRow(ComparisonRow.Kind.MODEL, r.arch(), src, n, OptionalInt.of(1),
                        ComparisonRow.single(t.energy()), ComparisonRow.single(t.force()),
                        ComparisonRow.ratio(t.energy(), nul.energy()), ComparisonRow.ratio(t.force(), nul.force())));
                rows.add(nullRow(src, n, 1, nul));
            }
        for (AnalysedCurve c : analysedCurves()) {
            String src = "learning curve " + c.name();
            SizeSummary largest = null;
            for (SizeSummary s : c.analysis().summaries()) {
                if (!s.molecule().equals(molecule)) continue;
                rows.add(new ComparisonRow(ComparisonRow.Kind.MODEL, s.arch(), src, OptionalInt.of(s.nTrain()),
                        OptionalInt.of(s.runs()), s.test().energy(), s.test().force(),
                        ComparisonRow.ratio(s.test().energy().mean(), s.nullModel().energy().mean()),
                        ComparisonRow.ratio(s.test().force().mean(), s.nullModel().force().mean())));
                if (largest == null || s.nTrain() > largest.nTrain()) largest = s;
            }
            if (largest != null)
                rows.add(nullRow(src, OptionalInt.of(largest.nTrain()), largest.runs(),
                        new ErrorPair(largest.nullModel().energy().mean(), largest.nullModel().force().mean())));
        }
        for (PublishedResult p : published.forMolecule(molecule)) {
            if (!PUBLISHED_SIZES.contains(p.nTrain())) continue;
            rows.add(new ComparisonRow(ComparisonRow.Kind.PUBLISHED,
                    p.model() + (p.note().isEmpty() ? "" : " (" + p.note() + ")"), "published",
                    OptionalInt.of(p.nTrain()), OptionalInt.empty(), ComparisonRow.single(p.errors().energy()),
                    ComparisonRow.single(p.errors().force()), Double.NaN, Double.NaN));
        }
        return rows;
    }

    private static ComparisonRow nullRow(String source, OptionalInt n, int runs, ErrorPair nul) {
        return new ComparisonRow(ComparisonRow.Kind.NULL_MODEL, "null model", source, n, OptionalInt.of(runs),
                ComparisonRow.single(nul.energy()), ComparisonRow.single(nul.force()), 1, 1);
    }

    /**
     * The runs whose sizes and parity plots the report shows: every single run, then one
     * {@linkplain LearningCurveAnalysis#representatives() representative} per curve, architecture and molecule.
     */
    public List<RunDirectory> shownRuns() {
        List<RunDirectory> out = new ArrayList<>(runs);
        for (AnalysedCurve c : analysedCurves()) out.addAll(c.analysis().representatives());
        return out;
    }

    /** Every finished run: the single runs, then each curve's finished runs. */
    public List<RunDirectory> finishedRuns() {
        List<RunDirectory> out = new ArrayList<>(runs);
        for (AnalysedCurve c : curves) out.addAll(c.source().finished());
        return out;
    }

    /** The size fields (name → what it means) that none of {@link #finishedRuns()} recorded, in a fixed order. */
    public Map<String, String> unrecordedFields() {
        Set<String> present = new HashSet<>();
        for (RunDirectory r : finishedRuns()) present.addAll(r.sizeFields().keySet());
        Map<String, String> out = new LinkedHashMap<>();
        SIZE_FIELD_MEANINGS.forEach((k, v) -> {
            if (!present.contains(k)) out.put(k, v);
        });
        return out;
    }

    private static Map<String, String> sizeFieldMeanings() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("qubits", "qubits per circuit (le: one circuit; revised: per atom)");
        why.put("gates_per_energy", "gates simulated per energy evaluation");
        why.put("circuits_per_energy",
                "circuits simulated per energy evaluation (revised: one per atom; doubled by parity=sym)");
        return Collections.unmodifiableMap(why);
    }
}
