package org.qmlff.cli;

import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.RunDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.analysis.PublishedResult;
import org.qmlff.analysis.PublishedResults;
import org.qmlff.analysis.SizeSummary;
import org.qmlff.data.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the {@code qmlff report} document from run and learning-curve directories, copying their
 * plots into the report directory. Numbers come only from the directories (metrics.json,
 * config.yaml, model.json) and, for other models, from {@link PublishedResults}.
 */
final class ReportBuilder {
    private final Path out;
    private final PublishedResults published;
    private final Set<String> assetDirs = new HashSet<>();

    ReportBuilder(Path out, PublishedResults published) {
        this.out = out;
        this.published = published;
    }

    /** A directory to report on. */
    sealed interface Input permits SingleRun, Curve, MdBenchmarkSection.Bench, AblationSection.Study {
        /** Classifies and reads a directory: a learning curve (learning_curve.json or runs/) or a finished run. */
        static Input open(Path d) {
            if (!Files.isDirectory(d)) throw new UserError(d + ": no such directory");
            Path grid = d.resolve(LearningCurvePlan.GRID_FILE);
            if (Files.isRegularFile(grid)) return Curve.read(d, grid);
            if (MdBenchmarkSection.isBenchmark(d)) return MdBenchmarkSection.Bench.read(d);
            if (AblationSection.isStudy(d)) return AblationSection.Study.read(d);
            if (Files.isRegularFile(d.resolve("metrics.json"))) return new SingleRun(RunDirectory.read(d));
            if (Files.isDirectory(d.resolve("runs"))) return Curve.read(d, null);
            throw new UserError(d + ": neither a finished run directory (metrics.json) nor a learning-curve "
                    + "directory (" + LearningCurvePlan.GRID_FILE + ")");
        }
    }

    /** One {@code qmlff train} run directory. */
    record SingleRun(RunDirectory run) implements Input {
    }

    /**
     * A learning-curve directory.
     *
     * @param dir      the directory
     * @param command  the command recorded in learning_curve.json (null if none)
     * @param planned  its run directories (finished or not)
     * @param finished the finished ones, read
     */
    record Curve(Path dir, String command, List<Path> planned, List<RunDirectory> finished) implements Input {
        static Curve read(Path d, Path grid) {
            List<Path> planned = new ArrayList<>();
            String command = null;
            if (grid != null) {
                JsonNode g;
                try {
                    g = RunDirectory.JSON.readTree(grid.toFile());
                } catch (IOException e) {
                    throw new UserError(grid + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
                if (!LearningCurvePlan.FORMAT.equals(g.path("format").asText()))
                    throw new UserError(grid + ": not a qmlff learning-curve file (format is not "
                            + LearningCurvePlan.FORMAT + ")");
                command = g.path("command").isTextual() ? g.path("command").asText() : null;
                for (JsonNode r : g.path("runs")) planned.add(d.resolve(r.asText()));
            } else {
                try (Stream<Path> s = Files.list(d.resolve("runs"))) {
                    s.filter(Files::isDirectory).sorted().forEach(planned::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            List<RunDirectory> finished = new ArrayList<>();
            for (Path p : planned) if (RunDirectory.isFinished(p)) finished.add(RunDirectory.read(p));
            return new Curve(d, command, planned, finished);
        }
    }

    /** The whole report. */
    Doc build(List<Input> inputs) {
        List<RunDirectory> singles = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        List<MdBenchmarkSection.Bench> benches = new ArrayList<>();
        List<AblationSection.Study> studies = new ArrayList<>();
        for (Input in : inputs) {
            if (in instanceof MdBenchmarkSection.Bench b) benches.add(b);
            if (in instanceof AblationSection.Study st) studies.add(st);
            if (in instanceof SingleRun s) singles.add(s.run());
            else if (in instanceof Curve c) curves.add(c);
        }
        Map<Curve, LearningCurveReport> analyses = new LinkedHashMap<>();
        for (Curve c : curves) if (!c.finished().isEmpty()) analyses.put(c, LearningCurveReport.of(c.finished(), published));

        Doc d = new Doc().heading(1, "qmlff report");
        List<String> sources = new ArrayList<>();
        for (RunDirectory r : singles) sources.add("run " + abs(r.dir()));
        for (AblationSection.Study st : studies) sources.add("ablation study " + abs(st.dir()));
        for (Curve c : curves)
            sources.add("learning curve " + abs(c.dir()) + " (" + c.finished().size() + " of " + c.planned().size()
                    + " runs finished)");
        d.paragraph("Generated by qmlff from these directories; every number below is read from their metrics.json, "
                + "config.yaml and model.json files, except the published results of other models.");
        d.bullets(sources);
        d.paragraph("Units: energy MAE per molecule in meV, force MAE per component in meV/Å (1 kcal/mol = 43.364 meV), "
                + "on the test files of each run. N = training configurations (validation frames not counted). "
                + "The null model predicts the mean training energy and zero forces.");

        comparison(d, singles, analyses);
        sizes(d, singles, analyses);
        training(d, singles, analyses);
        parity(d, singles, analyses);
        learningCurves(d, curves, analyses);
        for (MdBenchmarkSection.Bench b : benches) {
            String sub = assetDir("md-" + b.dir().toAbsolutePath().normalize().getFileName());
            d.addAll(MdBenchmarkSection.doc(b, (src, name) -> {
                copy(src, out.resolve(sub).resolve(name));
                return sub + "/" + name;
            }));
        }
        for (AblationSection.Study st : studies) {
            String sub = assetDir("ablation-" + st.dir().toAbsolutePath().normalize().getFileName());
            d.addAll(AblationSection.doc(st, (src, name) -> {
                copy(src, out.resolve(sub).resolve(name));
                return sub + "/" + name;
            }));
        }
        reproduce(d, singles, curves);
        wanted(d, singles, curves);
        return d;
    }

    // ---- comparison ------------------------------------------------------------------------------

    private void comparison(Doc d, List<RunDirectory> singles, Map<Curve, LearningCurveReport> analyses) {
        d.heading(2, "Test errors against the null model and published models");
        TreeSet<String> molecules = new TreeSet<>();
        for (RunDirectory r : singles)
            for (RunDirectory.MoleculeMetrics m : r.molecules()) if (m.set("test").isObject()) molecules.add(m.label());
        for (LearningCurveReport a : analyses.values()) molecules.addAll(a.molecules());
        if (molecules.isEmpty()) {
            d.paragraph("No run has test errors (trained without --test).");
            return;
        }
        List<String> header = List.of("model", "source", "N", "runs", "E MAE (meV)", "F MAE (meV/Å)",
                "E MAE / null", "F MAE / null");
        for (String mol : molecules) {
            d.heading(3, mol);
            List<List<String>> rows = new ArrayList<>();
            for (RunDirectory r : singles)
                for (RunDirectory.MoleculeMetrics m : r.molecules()) {
                    if (!m.label().equals(mol) || !m.set("test").isObject()) continue;
                    String n = m.set("train").has("n_frames") ? m.set("train").path("n_frames").asText() : "0-shot";
                    JsonNode t = m.set("test"), nul = m.set("null");
                    rows.add(List.of(r.arch(), "run " + r.name(), n, "1", Fmt.mae(RunDirectory.value(t, "energy_mae_meV")),
                            Fmt.mae(RunDirectory.value(t, "force_mae_meV_per_A")),
                            ratio(RunDirectory.value(t, "energy_mae_meV"), RunDirectory.value(nul, "energy_mae_meV")),
                            ratio(RunDirectory.value(t, "force_mae_meV_per_A"), RunDirectory.value(nul, "force_mae_meV_per_A"))));
                    rows.add(List.of("null model", "run " + r.name(), n, "1",
                            Fmt.mae(RunDirectory.value(nul, "energy_mae_meV")),
                            Fmt.mae(RunDirectory.value(nul, "force_mae_meV_per_A")), "1", "1"));
                }
            analyses.forEach((c, a) -> {
                String src = "learning curve " + c.dir().toAbsolutePath().normalize().getFileName();
                SizeSummary largest = null;
                for (SizeSummary s : a.summaries) {
                    if (!s.molecule().equals(mol)) continue;
                    rows.add(List.of(s.arch(), src, Integer.toString(s.nTrain()), Integer.toString(s.runs()),
                            Fmt.meanStd(s.test().energy()), Fmt.meanStd(s.test().force()),
                            ratio(s.test().energy().mean(), s.nullModel().energy().mean()),
                            ratio(s.test().force().mean(), s.nullModel().force().mean())));
                    if (largest == null || s.nTrain() > largest.nTrain()) largest = s;
                }
                if (largest != null)
                    rows.add(List.of("null model", src, Integer.toString(largest.nTrain()),
                            Integer.toString(largest.runs()), Fmt.mae(largest.nullModel().energy().mean()),
                            Fmt.mae(largest.nullModel().force().mean()), "1", "1"));
            });
            for (PublishedResult p : published.forMolecule(mol)) {
                if (p.nTrain() != 50 && p.nTrain() != 1000) continue;
                rows.add(List.of(p.model() + (p.note().isEmpty() ? "" : " (" + p.note() + ")"), "published",
                        Integer.toString(p.nTrain()), Fmt.MISSING, Fmt.published(p.errors().energy()),
                        Fmt.published(p.errors().force()), Fmt.MISSING, Fmt.MISSING));
            }
            d.table(header, rows);
        }
        d.paragraph("Learning-curve rows: mean ± std over seeds. Published: " + published.citation());
    }

    private static String ratio(double a, double b) {
        return Double.isFinite(a) && b > 0 ? String.format(Locale.ROOT, "%.3f", a / b) : Fmt.MISSING;
    }

    // ---- model sizes and training ----------------------------------------------------------------

    /** Representative runs of a learning curve: per (arch, molecule) the largest N, lowest seed. */
    private static List<RunDirectory> representatives(LearningCurveReport a) {
        Map<String, RunDirectory> best = new LinkedHashMap<>();
        Map<String, long[]> key = new LinkedHashMap<>();
        for (int i = 0; i < a.runs.size(); i++) {
            var r = a.results.get(i);
            String k = r.arch() + "/" + r.molecule();
            long[] cur = key.get(k);
            if (cur == null || r.nTrain() > cur[0] || (r.nTrain() == cur[0] && r.seed() < cur[1])) {
                key.put(k, new long[]{r.nTrain(), r.seed()});
                best.put(k, a.runs.get(i));
            }
        }
        List<RunDirectory> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparing(RunDirectory::name));
        return out;
    }

    private void sizes(Doc d, List<RunDirectory> singles, Map<Curve, LearningCurveReport> analyses) {
        d.heading(2, "Model sizes");
        List<RunDirectory> runs = new ArrayList<>(singles);
        for (LearningCurveReport a : analyses.values()) runs.addAll(representatives(a));
        if (runs.isEmpty()) return;
        Set<String> present = new LinkedHashSet<>();
        for (RunDirectory r : runs) present.addAll(r.sizeFields().keySet());
        List<String> keys = RunDirectory.SIZE_KEYS.stream().filter(present::contains).toList();
        List<String> header = new ArrayList<>(List.of("run", "arch"));
        for (String k : keys) header.add(k.replace('_', ' '));
        header.add("hyper-parameters");
        List<List<String>> rows = new ArrayList<>();
        for (RunDirectory r : runs) {
            List<String> row = new ArrayList<>(List.of(r.name(), r.arch()));
            Map<String, Object> f = r.sizeFields();
            for (String k : keys) row.add(f.containsKey(k) ? String.valueOf(f.get(k)) : Fmt.MISSING);
            List<String> hp = new ArrayList<>();
            r.hyper().forEach((k, v) -> hp.add(k + "=" + v));
            row.add(String.join(", ", hp));
            rows.add(row);
        }
        d.table(header, rows);
        if (!analyses.isEmpty())
            d.paragraph("For learning curves, one run per architecture and molecule is listed (the largest N, lowest "
                    + "seed); sizes do not depend on N or the seed.");
    }

    private void training(Doc d, List<RunDirectory> singles, Map<Curve, LearningCurveReport> analyses) {
        d.heading(2, "Training");
        if (!singles.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (RunDirectory r : singles) {
                double t = r.number("training_time_s"), epochs = r.number("epochs");
                Object threads = r.config().get("threads");
                rows.add(List.of(r.name(), r.arch(), Integer.toString(r.trainFrames()), Fmt.fixed(epochs, 0),
                        Fmt.fixed(r.number("best_epoch"), 0), Fmt.seconds(t), Fmt.fixed(t / epochs, 2),
                        threads == null ? Fmt.MISSING : threads.toString()));
            }
            d.table(List.of("run", "arch", "N", "epochs", "best epoch", "training time (s)", "time per epoch (s)",
                    "threads"), rows);
        }
        analyses.forEach((c, a) -> {
            double total = 0;
            for (var r : a.results) total += r.trainingSeconds();
            d.paragraph(String.format(Locale.ROOT, "Learning curve %s: %d finished runs, %.1f s of training in total "
                            + "(per-size means in the learning-curve table).", c.dir().toAbsolutePath().normalize().getFileName(),
                    a.runs.size(), total));
        });
    }

    // ---- plots -----------------------------------------------------------------------------------

    /** A fresh subdirectory of the report for one source's files. */
    private String assetDir(String base) {
        String name = base.replaceAll("[^A-Za-z0-9._-]", "_");
        String n = name;
        for (int i = 2; !assetDirs.add(n); i++) n = name + "-" + i;
        return n;
    }

    private void parity(Doc d, List<RunDirectory> singles, Map<Curve, LearningCurveReport> analyses) {
        List<RunDirectory> runs = new ArrayList<>(singles);
        for (LearningCurveReport a : analyses.values()) runs.addAll(representatives(a));
        if (runs.isEmpty()) return;
        d.heading(2, "Parity plots");
        if (!analyses.isEmpty())
            d.paragraph("Learning curves: the run with the largest N and lowest seed of each architecture and molecule.");
        for (RunDirectory r : runs) {
            String sub = null;
            for (String png : List.of("energy_parity.png", "force_parity.png")) {
                Path src = r.dir().resolve(png);
                if (!Files.isRegularFile(src)) continue;
                if (sub == null) {
                    sub = assetDir("run-" + r.name());
                    d.heading(3, r.name());
                }
                copy(src, out.resolve(sub).resolve(png));
                d.image(sub + "/" + png, r.name() + ": " + png.replace(".png", "").replace('_', ' '));
            }
        }
    }

    private static void copy(Path src, Path dst) {
        try {
            AtomicFiles.write(dst, Files.readAllBytes(src));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void learningCurves(Doc d, List<Curve> curves, Map<Curve, LearningCurveReport> analyses) {
        if (curves.isEmpty()) return;
        d.heading(2, "Learning curves");
        for (Curve c : curves) {
            d.heading(3, "Learning curve " + abs(c.dir()));
            d.paragraph(c.finished().size() + " of " + c.planned().size() + " runs finished.");
            LearningCurveReport a = analyses.get(c);
            if (a == null) continue;
            String sub = assetDir("lc-" + c.dir().toAbsolutePath().normalize().getFileName());
            Map<String, List<String>> plots = a.writePlots(out.resolve(sub));
            Map<String, List<String>> rel = new LinkedHashMap<>();
            plots.forEach((m, files) -> rel.put(m, files.stream().map(f -> sub + "/" + f).toList()));
            d.addAll(a.doc(4, rel, c.dir()));
        }
    }

    // ---- reproduction ----------------------------------------------------------------------------

    private void reproduce(Doc d, List<RunDirectory> singles, List<Curve> curves) {
        d.heading(2, "Reproduce");
        d.paragraph("Each run is retrained from its config.yaml (same data, split, options and seed; results do not "
                + "depend on the thread count). Choose a new --out: the original directory already holds the run.");
        if (!singles.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (RunDirectory r : singles) sb.append(trainCommand(r)).append('\n');
            d.code(sb.toString());
        }
        for (Curve c : curves) {
            d.heading(3, "Learning curve " + abs(c.dir()));
            if (c.command() != null) {
                d.paragraph("The whole grid (run from the directory it was started in; rerunning it resumes):");
                d.code(c.command());
            }
            if (!c.finished().isEmpty()) {
                d.paragraph("Each run on its own:");
                StringBuilder sb = new StringBuilder();
                for (RunDirectory r : c.finished()) sb.append(trainCommand(r)).append('\n');
                d.code(sb.toString());
            }
        }
    }

    static String trainCommand(RunDirectory r) {
        Path dir = r.dir().toAbsolutePath().normalize();
        return "./qmlff train --config " + CommandLines.shellQuote(dir.resolve("config.yaml").toString())
                + " --out " + CommandLines.shellQuote(dir + "-rerun");
    }

    private void wanted(Doc d, List<RunDirectory> singles, List<Curve> curves) {
        List<RunDirectory> all = new ArrayList<>(singles);
        for (Curve c : curves) all.addAll(c.finished());
        Set<String> present = new HashSet<>();
        for (RunDirectory r : all) present.addAll(r.sizeFields().keySet());
        List<String> missing = new ArrayList<>();
        Map<String, String> why = new LinkedHashMap<>();
        why.put("qubits", "qubits per circuit (le: one circuit; revised: per atom)");
        why.put("gates_per_energy", "gates simulated per energy evaluation");
        why.put("circuits_per_energy", "circuits simulated per energy evaluation (revised: one per atom; doubled by parity=sym)");
        why.forEach((k, v) -> {
            if (!present.contains(k)) missing.add(k + ": " + v);
        });
        if (missing.isEmpty()) return;
        d.heading(2, "Not recorded");
        d.paragraph("These fields are not in the runs' metrics.json or model.json training metadata, so the report "
                + "leaves them out:");
        d.bullets(missing);
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
