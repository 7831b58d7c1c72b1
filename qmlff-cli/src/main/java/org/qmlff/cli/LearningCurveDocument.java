package org.qmlff.cli;

import org.qmlff.analysis.CurveFit;
import org.qmlff.analysis.Diagnosis;
import org.qmlff.analysis.LearningCurves;
import org.qmlff.analysis.PowerLawFit;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.analysis.Quantity;
import org.qmlff.analysis.RunResult;
import org.qmlff.analysis.SizeSummary;
import org.qmlff.data.AtomicFiles;
import org.qmlff.report.LearningCurveAnalysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link LearningCurveAnalysis} (the data model, in core): its CSV files, plots and the
 * Markdown section of {@code learning_curve.md} and of {@code qmlff report}.
 */
final class LearningCurveDocument {
    private final LearningCurveAnalysis analysis;
    private final PublishedResults published;

    /** @param published the published results drawn into the plots beside the curves */
    LearningCurveDocument(LearningCurveAnalysis analysis, PublishedResults published) {
        this.analysis = analysis;
        this.published = published;
    }

    /** The molecules, sorted. */
    List<String> molecules() {
        return analysis.molecules();
    }

    // ---- CSV -------------------------------------------------------------------------------------

    /** One row per run; MAEs in meV and meV/Å at full precision; run directories relative to {@code base}. */
    String runsCsv(Path base) {
        StringBuilder sb = new StringBuilder("arch,molecule,n_train,seed,train_energy_mae_meV,train_force_mae_meV_per_A,"
                + "test_energy_mae_meV,test_force_mae_meV_per_A,null_energy_mae_meV,null_force_mae_meV_per_A,"
                + "training_time_s,run_dir\n");
        for (int i = 0; i < analysis.runs().size(); i++) {
            RunResult r = analysis.results().get(i);
            sb.append(String.join(",", r.arch(), r.molecule(), Integer.toString(r.nTrain()), Long.toString(r.seed()),
                    Fmt.csv(r.train().energy()), Fmt.csv(r.train().force()), Fmt.csv(r.test().energy()),
                    Fmt.csv(r.test().force()), Fmt.csv(r.nullModel().energy()), Fmt.csv(r.nullModel().force()),
                    Fmt.csv(r.trainingSeconds()), relative(base, analysis.runs().get(i).dir()))).append('\n');
        }
        return sb.toString();
    }

    /** One row per (arch, molecule, N): mean and sample std over seeds. */
    String summaryCsv() {
        StringBuilder sb = new StringBuilder("arch,molecule,n_train,runs");
        for (String set : List.of("test", "train", "null"))
            for (Quantity q : Quantity.values()) {
                String col = set + "_" + q.label() + "_mae_" + (q == Quantity.ENERGY ? "meV" : "meV_per_A");
                sb.append(',').append(col).append("_mean,").append(col).append("_std");
            }
        sb.append(",training_time_s_mean\n");
        for (SizeSummary s : analysis.summaries()) {
            sb.append(s.arch()).append(',').append(s.molecule()).append(',').append(s.nTrain()).append(',').append(s.runs());
            for (var stats : List.of(s.test(), s.train(), s.nullModel()))
                for (Quantity q : Quantity.values())
                    sb.append(',').append(Fmt.csv(stats.get(q).mean())).append(',').append(Fmt.csv(stats.get(q).std()));
            sb.append(',').append(Fmt.csv(s.trainingSeconds().mean())).append('\n');
        }
        return sb.toString();
    }

    /** One row per fit. */
    String fitsCsv() {
        StringBuilder sb = new StringBuilder("arch,molecule,quantity,points,n_points,beta,beta_std_error,dof,confidence,"
                + "t_critical,beta_low,beta_high,prefactor,r_squared\n");
        for (CurveFit c : analysis.fits()) {
            PowerLawFit f = c.fit();
            sb.append(String.join(",", c.arch(), c.molecule(), c.quantity().label(),
                    c.points().name().toLowerCase(Locale.ROOT), Integer.toString(f.points()), Fmt.csv(f.beta()),
                    Fmt.csv(f.betaStdError()), Integer.toString(f.dof()), Fmt.csv(f.confidence()),
                    Fmt.csv(f.tCritical()), Fmt.csv(f.betaLow()), Fmt.csv(f.betaHigh()), Fmt.csv(f.prefactor()),
                    Fmt.csv(f.rSquared()))).append('\n');
        }
        return sb.toString();
    }

    // ---- plots -----------------------------------------------------------------------------------

    /** Writes the plots into {@code dir}; returns their file names by molecule, energy then force. */
    Map<String, List<String>> writePlots(Path dir) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<LearningCurves.CurveKey, List<SizeSummary>> curves = LearningCurves.curves(analysis.summaries());
        for (String mol : molecules()) {
            Map<String, List<SizeSummary>> byArch = new TreeMap<>();
            curves.forEach((k, c) -> {
                if (k.molecule().equals(mol)) byArch.put(k.arch(), c);
            });
            List<CurveFit> molFits = analysis.fits().stream().filter(f -> f.molecule().equals(mol)).toList();
            List<String> files = new ArrayList<>();
            for (Quantity q : Quantity.values()) {
                String name = LearningCurvePlots.fileName(mol, q);
                LearningCurvePlots.write(mol, q, byArch, molFits, published.forMolecule(mol), dir.resolve(name));
                files.add(name);
            }
            out.put(mol, files);
        }
        return out;
    }

    // ---- documents -------------------------------------------------------------------------------

    /** The per-size table: mean ± std over seeds of test and train MAEs, the null model, and time. */
    Doc summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        for (SizeSummary s : analysis.summaries())
            rows.add(List.of(s.arch(), s.molecule(), Integer.toString(s.nTrain()), Integer.toString(s.runs()),
                    Fmt.meanStd(s.test().energy()), Fmt.meanStd(s.train().energy()), Fmt.mae(s.nullModel().energy().mean()),
                    Fmt.meanStd(s.test().force()), Fmt.meanStd(s.train().force()), Fmt.mae(s.nullModel().force().mean()),
                    Fmt.seconds(s.trainingSeconds().mean())));
        return new Doc().table(List.of("arch", "molecule", "N", "seeds", "test E MAE (meV)", "train E MAE (meV)",
                "null E MAE (meV)", "test F MAE (meV/Å)", "train F MAE (meV/Å)", "null F MAE (meV/Å)",
                "time (s)"), rows);
    }

    /** The fits table. */
    Doc fitsTable() {
        if (analysis.fits().isEmpty())
            return new Doc().paragraph("No power law fitted: a fit needs at least two training-set sizes per molecule.");
        List<List<String>> rows = new ArrayList<>();
        for (CurveFit c : analysis.fits()) {
            PowerLawFit f = c.fit();
            rows.add(List.of(c.arch(), c.molecule(), c.quantity().label(),
                    c.points() == CurveFit.FitPoints.MEANS ? "per-size means" : "all runs", Integer.toString(f.points()),
                    Fmt.fixed(f.beta(), 3), f.hasInterval() ? "[" + Fmt.fixed(f.betaLow(), 3) + ", "
                            + Fmt.fixed(f.betaHigh(), 3) + "]" : Fmt.MISSING,
                    Fmt.fixed(f.betaStdError(), 3), Integer.toString(f.dof()), Fmt.fixed(f.tCritical(), 3),
                    Fmt.fixed(f.rSquared(), 3)));
        }
        return new Doc().table(List.of("arch", "molecule", "quantity", "fitted points", "points", "β",
                "95% CI of β", "SE(β)", "dof", "t(0.975, dof)", "R²"), rows);
    }

    /** One line per (architecture, molecule): the diagnosis of energy and force, with β of the force fit. */
    List<String> diagnosisLines() {
        return analysis.diagnosisLines();
    }

    /** The zero-shot table (test molecules no run trained on), or an empty document when there are none. */
    Doc zeroShotTable() {
        if (analysis.zeroShot().isEmpty()) return new Doc();
        List<List<String>> rows = new ArrayList<>();
        for (SizeSummary s : analysis.zeroShot())
            rows.add(List.of(s.arch(), s.molecule(), Integer.toString(s.nTrain()), Integer.toString(s.runs()),
                    Fmt.meanStd(s.test().energy()), Fmt.meanStd(s.test().force()), Fmt.mae(s.nullModel().force().mean())));
        return new Doc().table(List.of("arch", "trained→tested", "N", "seeds", "zero-shot E MAE (meV)",
                "zero-shot F MAE (meV/Å)", "null F MAE (meV/Å)"), rows);
    }

    /** The per-run table. */
    Doc runsTable(Path base) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < analysis.runs().size(); i++) {
            RunResult r = analysis.results().get(i);
            rows.add(List.of(r.arch(), r.molecule(), Integer.toString(r.nTrain()), Long.toString(r.seed()),
                    Fmt.mae(r.train().energy()), Fmt.mae(r.test().energy()), Fmt.mae(r.train().force()),
                    Fmt.mae(r.test().force()), Fmt.seconds(r.trainingSeconds()), relative(base, analysis.runs().get(i).dir())));
        }
        return new Doc().table(List.of("arch", "molecule", "N", "seed", "train E MAE (meV)", "test E MAE (meV)",
                "train F MAE (meV/Å)", "test F MAE (meV/Å)", "time (s)", "run directory"), rows);
    }

    /**
     * The learning-curve section of a document.
     *
     * @param level  heading level of its subsections
     * @param plots  plot files by molecule (relative to the document)
     * @param base   run directories are shown relative to this
     */
    Doc doc(int level, Map<String, List<String>> plots, Path base) {
        Doc d = new Doc();
        d.heading(level, "Mean ± std over seeds");
        d.paragraph("N is the number of training configurations; validation uses the same held-out frames for every N. "
                + "Errors are MAEs on the whole test set: energy per molecule (meV), force per component (meV/Å). "
                + "The null model predicts the mean training energy and zero forces.");
        d.addAll(summaryTable());
        d.heading(level, "Power-law fits: test MAE ∝ N^(−β)");
        d.paragraph("Least squares on ln MAE against ln N; 95% confidence interval β ± t(0.975, dof)·SE(β), "
                + "dof = points − 2 (no interval from 2 points). Fitted on the per-size means over seeds and, "
                + "separately, on every run.");
        d.addAll(fitsTable());
        d.heading(level, "Diagnosis");
        d.paragraph(String.format(Locale.ROOT, "Rule, at the largest N, per quantity: train MAE ≥ %.2f × null-model MAE "
                        + "→ under-fitting (train error stays high); else test MAE ≥ %.2f × train MAE → over-fitting "
                        + "(train low, test high); else the model fits. Numbers are means over seeds.",
                Diagnosis.UNDERFIT_TRAIN_OVER_NULL, Diagnosis.OVERFIT_TEST_OVER_TRAIN));
        d.bullets(diagnosisLines());
        d.heading(level, "Plots");
        d.paragraph("Log-log; per architecture the test MAE (mean ± 1 std over seeds; bars reaching zero are clipped), "
                + "the train MAE (dashed), the power-law fit on the means (dotted), the null model (dash-dot) and "
                + "published results of other models (grey markers; N = 1000 means 950 train + 50 validation). "
                + "Published numbers: " + published.citation());
        plots.forEach((mol, files) -> {
            for (int i = 0; i < files.size(); i++)
                d.image(files.get(i), mol + ": test " + Quantity.values()[i].label() + " MAE against N");
        });
        if (!analysis.zeroShot().isEmpty()) {
            d.heading(level, "Zero-shot tests");
            d.paragraph("Test files of molecules no --data file holds, predicted by each model trained on another "
                    + "molecule. Not part of the fits. The null model has no energy for an unseen molecule.");
            d.addAll(zeroShotTable());
        }
        d.heading(level, "Runs");
        d.addAll(runsTable(base));
        return d;
    }

    /** Writes learning_curve.csv, learning_curve_summary.csv, learning_curve_fits.csv, the plots and learning_curve.md. */
    void writeFiles(Path dir, String command) {
        AtomicFiles.writeString(dir.resolve("learning_curve.csv"), runsCsv(dir));
        AtomicFiles.writeString(dir.resolve("learning_curve_summary.csv"), summaryCsv());
        AtomicFiles.writeString(dir.resolve("learning_curve_fits.csv"), fitsCsv());
        Map<String, List<String>> plots = writePlots(dir);
        Doc md = new Doc().heading(1, "Learning curve");
        if (command != null) {
            md.paragraph("Command (rerun it to resume; finished runs are skipped):");
            md.code(command);
        }
        md.addAll(doc(2, plots, dir));
        AtomicFiles.writeString(dir.resolve("learning_curve.md"), md.markdown());
    }

    static String relative(Path base, Path p) {
        Path a = base.toAbsolutePath().normalize(), b = p.toAbsolutePath().normalize();
        try {
            return a.relativize(b).toString();
        } catch (IllegalArgumentException e) {
            return b.toString();
        }
    }
}
