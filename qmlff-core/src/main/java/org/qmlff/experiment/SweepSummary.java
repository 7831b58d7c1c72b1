package org.qmlff.experiment;

import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;
import org.qmlff.analysis.RunResult;
import org.qmlff.data.Units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome of a one-setting sweep ({@link SweepPlan}): per value, the errors over its finished seeds (mean and
 * sample standard deviation; meV and meV/Å) on the validation frames, the training frames and all frames of the
 * test file; which values are on the energy–force trade-off front; and the values a user would pick.
 *
 * <p>Definitions. A value is on the <em>front</em> when no other value has a lower or equal mean test energy MAE
 * and a lower or equal mean test force MAE with at least one of them strictly lower. The value <em>chosen on
 * validation</em> for forces (energies) is the one with the lowest mean validation force (energy) MAE; it is the
 * honest pick, as the test split plays no part in it. Values with no finished run are kept with count 0 and take
 * part in nothing.
 *
 * @param key        the swept key
 * @param molecule   the molecule's label (null while no run has finished)
 * @param nTrain     training configurations of each run
 * @param testFrames frames of the test file
 * @param rows       one per value, in sweep order
 * @param nullModel  the null model's test errors (mean training energy, zero forces), meV and meV/Å
 */
public record SweepSummary(String key, String molecule, int nTrain, int testFrames, List<Row> rows, ErrorPair nullModel) {
    /** The {@code format} field of sweep.json. */
    public static final String FORMAT = "qmlff-sweep";

    public SweepSummary {
        rows = List.copyOf(rows);
    }

    /**
     * One value.
     *
     * @param value           the value, as given
     * @param runs            names of its finished runs
     * @param train           errors on the training frames over seeds (energy meV, force meV/Å); null when count is 0
     * @param valid           the same on the validation frames
     * @param test            the same on the test file
     * @param trainingSeconds mean training wall time, s (NaN when count is 0)
     */
    public record Row(String value, List<String> runs, Stats train, Stats valid, Stats test, double trainingSeconds) {
        public Row {
            runs = List.copyOf(runs);
        }

        public int count() {
            return runs.size();
        }
    }

    /** Energy (meV) and force (meV/Å) MAE over seeds. */
    public record Stats(MeanStd energy, MeanStd force) {
        static Stats of(List<ErrorPair> xs) {
            return new Stats(MeanStd.of(xs.stream().mapToDouble(ErrorPair::energy).toArray()),
                    MeanStd.of(xs.stream().mapToDouble(ErrorPair::force).toArray()));
        }

        /** The mean of the energy ({@code force} false) or force error. */
        public double mean(boolean force) {
            return (force ? this.force : energy).mean();
        }
    }

    /** Reads the finished runs of {@code plan}; unfinished ones are left out of the statistics. */
    public static SweepSummary of(SweepPlan plan) {
        List<Row> rows = new ArrayList<>();
        String molecule = null;
        int nTrain = 0;
        ErrorPair nullModel = null;
        for (String v : plan.spec().values()) {
            List<String> names = new ArrayList<>();
            List<ErrorPair> train = new ArrayList<>(), valid = new ArrayList<>(), test = new ArrayList<>();
            double seconds = 0;
            for (SingleMoleculePlan.Run<String> r : plan.runs()) {
                if (!r.variant().equals(v) || !RunDirectory.isFinished(r.run().dir())) continue;
                RunDirectory dir = RunDirectory.read(r.run().dir());
                RunResult res = dir.toRunResult();
                RunDirectory.MoleculeMetrics m = dir.molecules().stream().filter(x -> !x.zeroShot()).findFirst().orElseThrow();
                names.add(r.run().name());
                train.add(res.train());
                valid.add(RunDirectory.errors(m.set("valid")));
                test.add(res.test());
                seconds += res.trainingSeconds();
                molecule = res.molecule();
                nTrain = res.nTrain();
                if (nullModel == null) nullModel = res.nullModel();
            }
            int n = names.size();
            rows.add(new Row(v, names, n == 0 ? null : Stats.of(train), n == 0 ? null : Stats.of(valid),
                    n == 0 ? null : Stats.of(test), n == 0 ? Double.NaN : seconds / n));
        }
        return new SweepSummary(plan.spec().key(), molecule, nTrain, plan.testSet().frames(), rows,
                nullModel == null ? new ErrorPair(Double.NaN, Double.NaN) : nullModel);
    }

    /** The rows with at least one finished run. */
    public List<Row> finished() {
        return rows.stream().filter(r -> r.count() > 0).toList();
    }

    /** Whether {@code row} is on the trade-off front of the test errors (see the class comment); false without runs. */
    public boolean onFront(Row row) {
        if (row.count() == 0) return false;
        double e = row.test().mean(false), f = row.test().mean(true);
        for (Row o : finished()) {
            if (o == row) continue;
            double oe = o.test().mean(false), of = o.test().mean(true);
            if (oe <= e && of <= f && (oe < e || of < f)) return false;
        }
        return true;
    }

    /** The finished row whose {@code stats} has the lowest mean energy ({@code force} false) or force error; null if none. */
    public Row lowest(Function<Row, Stats> stats, boolean force) {
        Row best = null;
        for (Row r : finished())
            if (best == null || stats.apply(r).mean(force) < stats.apply(best).mean(force)) best = r;
        return best;
    }

    /** The plain-words findings: the value chosen on validation for each quantity, the test optimum and the front. */
    public List<String> verdicts() {
        List<String> out = new ArrayList<>();
        if (finished().isEmpty()) {
            out.add("No run has finished yet: no verdict.");
            return out;
        }
        for (boolean force : new boolean[]{true, false}) {
            String q = force ? "force" : "energy", qs = force ? "forces" : "energies", unit = force ? "meV/Å" : "meV";
            Row chosen = lowest(Row::valid, force), onTest = lowest(Row::test, force);
            out.add(String.format(Locale.ROOT, "Chosen on validation for %s: %s = %s (validation %s MAE %.2f %s), test %s MAE "
                            + "%.2f %s and %s MAE %.2f %s.", qs, key, chosen.value(), q, chosen.valid().mean(force), unit,
                    q, chosen.test().mean(force), unit, force ? "energy" : "force", chosen.test().mean(!force),
                    force ? "meV" : "meV/Å"));
            if (onTest != chosen)
                out.add(String.format(Locale.ROOT, "The lowest test %s MAE is at %s = %s (%.2f %s): the validation frames "
                        + "pick another value.", q, key, onTest.value(), onTest.test().mean(force), unit));
        }
        List<String> front = finished().stream().filter(this::onFront).map(Row::value).toList();
        out.add(front.size() == 1
                ? "Trade-off front (test errors): only " + key + " = " + front.get(0) + ", which is best in both energy and force."
                : "Trade-off front (test errors; no other value is better in both energy and force): " + key + " = "
                  + String.join(", ", front) + ".");
        return out;
    }

    /** Writes the summary as JSON (atomically): every row's statistics in meV and kcal/mol, the front and the verdicts. */
    public void writeJson(Path file, String command) {
        Map<String, Object> root = SummaryJson.header(FORMAT, command, molecule, nTrain, testFrames, nullModel);
        root.put("key", key);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", r.value());
            m.put("runs", r.runs());
            if (r.count() > 0) {
                m.put("test", stats(r.test()));
                m.put("valid", stats(r.valid()));
                m.put("train", stats(r.train()));
                m.put("training_time_s", r.trainingSeconds());
                m.put("on_front", onFront(r));
            }
            list.add(m);
        }
        root.put("values", list);
        root.put("verdicts", verdicts());
        SummaryJson.write(file, root);
    }

    private static Map<String, Object> stats(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_mae_meV", SummaryJson.stat(s.energy(), 1));
        m.put("force_mae_meV_per_A", SummaryJson.stat(s.force(), 1));
        m.put("energy_mae_kcal_mol", SummaryJson.stat(s.energy(), Units.KCAL_MOL_PER_MEV));
        m.put("force_mae_kcal_mol_per_A", SummaryJson.stat(s.force(), Units.KCAL_MOL_PER_MEV));
        return m;
    }
}
