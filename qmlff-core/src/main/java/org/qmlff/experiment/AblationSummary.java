package org.qmlff.experiment;

import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;
import org.qmlff.analysis.RunResult;
import org.qmlff.data.Units;
import org.qmlff.model.Ablation;
import org.qmlff.model.ForceField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an ablation study: per variant, the test errors over its finished seeds (mean and sample
 * standard deviation, meV and meV/Å, all frames of the test file), its parameter counts and training time;
 * and how much of the full model's gain over the classical part alone each removed ingredient accounts for.
 *
 * <p>Definitions (docs/HYBRID.md §Ablations), on force MAEs F and likewise energies: the circuit's gain is
 * {@code 1 − F_full / F_reference} (the criterion asks ≥ 25 %); a variant's share lost is
 * {@code (F_variant − F_full) / (F_reference − F_full)}: 0 when removing its ingredient costs nothing, 1 when
 * it costs the whole gain. A difference counts as measured when it exceeds twice its standard error over
 * seeds; with one seed no spread is known and nothing is called measured or not.
 *
 * @param molecule  the molecule's label
 * @param nTrain    training configurations of each run
 * @param testFrames frames of the test file
 * @param rows      one per variant, in study order (variants with no finished run included, with count 0)
 * @param nullModel the null model's test errors (mean training energy, zero forces), meV and meV/Å
 */
public record AblationSummary(String molecule, int nTrain, int testFrames, List<Row> rows, ErrorPair nullModel) {
    /** The {@code format} field of ablation.json. */
    public static final String FORMAT = "qmlff-ablation";

    /**
     * One variant.
     *
     * @param ablation         the variant
     * @param runs             names of its finished runs
     * @param energy           test energy MAE over seeds, meV
     * @param force            test force MAE over seeds, meV/Å
     * @param parameters       parameters of its model (−1 when no run finished)
     * @param trained          of them trained (the others keep their initial values)
     * @param circuits         circuits per energy evaluation of the test molecule (−1 when unknown)
     * @param trainingSeconds  mean training wall time, s
     */
    public record Row(Ablation ablation, List<String> runs, MeanStd energy, MeanStd force, int parameters, int trained,
                      long circuits, double trainingSeconds) {
        public int count() {
            return runs.size();
        }
    }

    /**
     * Reads the finished runs of {@code plan} (unfinished ones are left out of the statistics), loading each
     * model through {@code backend} for its parameter counts.
     */
    public static AblationSummary of(AblationPlan plan, Backend backend) {
        List<Row> rows = new ArrayList<>();
        String molecule = null;
        int nTrain = 0, testFrames = plan.testSet().frames();
        ErrorPair nullModel = null;
        for (Ablation a : plan.ablations()) {
            List<String> names = new ArrayList<>();
            List<Double> e = new ArrayList<>(), f = new ArrayList<>();
            double seconds = 0;
            int parameters = -1, trained = -1;
            long circuits = -1;
            for (SingleMoleculePlan.Run<Ablation> r : plan.runs()) {
                if (r.variant() != a || !RunDirectory.isFinished(r.run().dir())) continue;
                RunDirectory dir = RunDirectory.read(r.run().dir());
                RunResult res = dir.toRunResult();
                names.add(r.run().name());
                e.add(res.test().energy());
                f.add(res.test().force());
                seconds += res.trainingSeconds();
                molecule = res.molecule();
                nTrain = res.nTrain();
                if (nullModel == null) nullModel = res.nullModel();
                if (parameters < 0) {
                    ForceField model = backend.read(r.run().dir().resolve("model.json"));
                    parameters = model.parameterCount();
                    trained = 0;
                    for (int i = 0; i < parameters; i++) if (model.trains(i)) trained++;
                    ForceField.CircuitCost cost = model.circuitCost(plan.testSet().numbers());
                    circuits = cost == null ? -1 : cost.circuits();
                }
            }
            int n = names.size();
            rows.add(new Row(a, List.copyOf(names), n == 0 ? null : MeanStd.of(toArray(e)), n == 0 ? null : MeanStd.of(toArray(f)),
                    parameters, trained, circuits, n == 0 ? Double.NaN : seconds / n));
        }
        return new AblationSummary(molecule, nTrain, testFrames, List.copyOf(rows),
                nullModel == null ? new ErrorPair(Double.NaN, Double.NaN) : nullModel);
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The full model's row. */
    public Row full() {
        return rows.stream().filter(r -> r.ablation().full()).findFirst().orElseThrow();
    }

    /** The classical part alone. */
    public Row reference() {
        return rows.stream().filter(r -> r.ablation().reference()).findFirst().orElseThrow();
    }

    /** Whether both the full model and the reference have finished runs. */
    public boolean comparable() {
        return full().count() > 0 && reference().count() > 0;
    }

    /** 1 − X_full / X_reference for forces ({@code force}) or energies; NaN when not comparable. */
    public double gainOverReference(boolean force) {
        if (!comparable()) return Double.NaN;
        return 1 - of(full(), force).mean() / of(reference(), force).mean();
    }

    /** (X_row − X_full) / (X_reference − X_full); NaN when not comparable or the full model gains nothing. */
    public double shareLost(Row row, boolean force) {
        if (!comparable() || row.count() == 0) return Double.NaN;
        double full = of(full(), force).mean(), ref = of(reference(), force).mean();
        if (!(ref > full)) return Double.NaN;
        return (of(row, force).mean() - full) / (ref - full);
    }

    private static MeanStd of(Row r, boolean force) {
        return force ? r.force() : r.energy();
    }

    /**
     * Whether row a's error differs from row b's by more than twice its standard error over seeds:
     * {@code 1} (a larger), {@code −1} (a smaller), {@code 0} (within), null when a spread is unknown.
     */
    public static Integer compare(Row a, Row b, boolean force) {
        if (a.count() < 2 || b.count() < 2) return null;
        MeanStd x = of(a, force), y = of(b, force);
        double se = Math.sqrt(x.std() * x.std() / x.count() + y.std() * y.std() / y.count());
        double d = x.mean() - y.mean();
        if (Math.abs(d) <= 2 * se) return 0;
        return d > 0 ? 1 : -1;
    }

    /** The plain-words verdicts of the study: the 25 % criterion and what each ablation shows. */
    public List<String> verdicts() {
        List<String> out = new ArrayList<>();
        Row full = full(), ref = reference();
        if (!comparable()) {
            out.add("The full model or the classical part alone has no finished run yet: no verdict.");
            return out;
        }
        double gain = gainOverReference(true);
        double energyGain = gainOverReference(false);
        out.add(String.format(Locale.ROOT, "Force MAE of the full model is %s its classical part alone "
                        + "(%.2f vs %.2f meV/Å; criterion >= 25 %% below: %s); energy MAE %s (%.2f vs %.2f meV).",
                relative(gain), full.force().mean(), ref.force().mean(), gain >= 0.25 ? "met" : "NOT met",
                relative(energyGain), full.energy().mean(), ref.energy().mean()));
        Integer gainMeasured = compare(ref, full, true);
        boolean noGain = gainMeasured != null && gainMeasured <= 0;
        if (noGain)
            out.add("The full model's force MAE is not measurably below its classical part's (within twice the standard "
                    + "error over seeds): the circuit contributes nothing measurable here, and the shares below are noise.");
        else if (gainMeasured == null)
            out.add("One seed per variant: no spread is known, so no difference below is called measurable.");
        for (Row r : rows) {
            if (r.ablation().full() || r.ablation().reference()) continue;
            if (r.count() == 0) {
                out.add(r.ablation().label() + ": no finished run.");
                continue;
            }
            double share = shareLost(r, true);
            Integer cmp = compare(r, full, true);
            String measured = cmp == null ? "spread unknown"
                    : cmp == 0 ? "the difference is within twice its standard error: not measurable"
                    : cmp > 0 ? "the loss is measurable (beyond twice its standard error)"
                    : "the ablated model is measurably BETTER than the full one";
            String lost = Double.isFinite(share) && !noGain
                    ? String.format(Locale.ROOT, "%.0f %% of the gain over the classical part lost", 100 * share)
                    : "no share of a gain (the full model has none measurable over the classical part)";
            out.add(String.format(Locale.ROOT, "%s %s: force MAE %.2f meV/Å vs %.2f for the full model, %s; %s.",
                    r.ablation().label(), "(" + r.ablation().description().replaceFirst("^\\([ivx]+\\) ", "") + ")",
                    r.force().mean(), full.force().mean(), lost, measured));
        }
        // The question a referee asks first: does a variant that simulates no circuit at all do as well?
        for (Row r : rows) {
            if (r.ablation().full() || r.ablation().reference() || r.count() == 0 || r.circuits() != 0) continue;
            Integer cmp = compare(r, full, true);
            boolean asGood = cmp != null ? cmp <= 0 : r.force().mean() <= full.force().mean();
            if (asGood)
                out.add(String.format(Locale.ROOT, "Without any circuit, %s reaches a force MAE of %.2f meV/Å against %.2f "
                                + "for the full model%s: the circuit itself contributes nothing measurable here%s.",
                        r.ablation().label(), r.force().mean(), full.force().mean(),
                        cmp == null ? " (one seed)" : cmp < 0 ? " (measurably better)" : " (within twice the standard error)",
                        noGain ? "" : "; the gain over the classical part comes from the learned features and the head, "
                                + "not from the quantum circuit"));
            else
                out.add(String.format(Locale.ROOT, "Without any circuit, %s reaches a force MAE of %.2f meV/Å against %.2f "
                                + "for the full model%s: the circuit does better than classical features of the same size.",
                        r.ablation().label(), r.force().mean(), full.force().mean(),
                        cmp == null ? " (one seed, spread unknown)" : " (beyond twice the standard error)"));
        }
        return out;
    }

    /** "12.3 % below" for a positive relative gain, "0.5 % above" for a negative one. */
    private static String relative(double gain) {
        return gain >= 0 ? String.format(Locale.ROOT, "%.1f %% below", 100 * gain)
                : String.format(Locale.ROOT, "%.1f %% above", -100 * gain);
    }

    /** Writes the summary as JSON (atomically): every row's statistics in meV and kcal/mol, the derived shares and verdicts. */
    public void writeJson(Path file, String command) {
        Map<String, Object> root = SummaryJson.header(FORMAT, command, molecule, nTrain, testFrames, nullModel);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.ablation().label());
            m.put("description", r.ablation().description());
            m.put("options", r.ablation().options());
            m.put("runs", r.runs());
            if (r.count() > 0) {
                m.put("energy_mae_meV", SummaryJson.stat(r.energy(), 1));
                m.put("force_mae_meV_per_A", SummaryJson.stat(r.force(), 1));
                m.put("energy_mae_kcal_mol", SummaryJson.stat(r.energy(), Units.KCAL_MOL_PER_MEV));
                m.put("force_mae_kcal_mol_per_A", SummaryJson.stat(r.force(), Units.KCAL_MOL_PER_MEV));
                m.put("parameters", r.parameters());
                m.put("trained_parameters", r.trained());
                m.put("circuits_per_energy", r.circuits());
                m.put("training_time_s", r.trainingSeconds());
                m.put("force_share_lost", SummaryJson.finite(shareLost(r, true)));
                m.put("energy_share_lost", SummaryJson.finite(shareLost(r, false)));
            }
            list.add(m);
        }
        root.put("variants", list);
        root.put("force_gain_over_reference", SummaryJson.finite(gainOverReference(true)));
        root.put("energy_gain_over_reference", SummaryJson.finite(gainOverReference(false)));
        root.put("verdicts", verdicts());
        SummaryJson.write(file, root);
    }
}
