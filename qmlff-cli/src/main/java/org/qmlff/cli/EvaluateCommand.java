package org.qmlff.cli;

import org.qmlff.experiment.ModelMetadata;
import org.qmlff.experiment.Molecules;
import org.qmlff.experiment.ReportTable;
import org.qmlff.data.Units;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.data.Element;
import org.qmlff.train.Metrics;
import org.qmlff.train.Predictions;
import org.qmlff.hardware.HardwarePredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code qmlff evaluate}: error metrics of a model on data files, next to the null model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Energy and force errors (MAE, RMSE; meV and kcal/mol) of a model on data files, with the "
                + "null model (mean training energy, zero force) alongside. Molecules absent from the model's "
                + "training metadata are marked zero-shot.")
final class EvaluateCommand extends ModelFileCommand {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE", description = "Data file(s).")
    List<Path> data;
    @Option(names = "--json", description = "Print the metrics as JSON instead of a table.")
    boolean json;
    @Option(names = "--plots", paramLabel = "DIR", description = "Write energy and force parity plots (PNG) here.")
    Path plots;
    @Mixin
    PredictionFlags run = new PredictionFlags();

    private static Map<String, Object> deviceMap(HardwarePredictions h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("circuits_per_frame", h.circuits());
        m.put("mean_energy_standard_error_kcal_per_mol", h.meanEnergySe());
        m.put("mean_force_standard_error_kcal_per_mol_per_A", h.meanForceSe());
        return m;
    }

    @Override
    public Integer call() throws Exception {
        run.check(); // bad thread counts and device options fail before any file is read
        PrintWriter out = spec.commandLine().getOut();
        ForceField ff = backend.read(model);
        ForceField device = run.device(ff);
        ModelMetadata meta = ModelMetadata.read(model);
        List<Dataset> sets = new ArrayList<>();
        for (Path p : data) sets.add(backend.loadFor(ff, p));
        PredictionFlags.Batch batch = run.predict(device, sets);
        List<Predictions> preds = batch.predictions(), nulls = new ArrayList<>();
        List<HardwarePredictions> estimates = batch.estimates();
        for (Dataset d : sets) nulls.add(Predictions.nullModel(d, meta.meanEnergy(Element.hillFormula(d.numbers()))));
        List<String> labels = Molecules.uniqueLabels(sets);

        List<Map<String, Object>> entries = new ArrayList<>();
        ReportTable table = new ReportTable();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            Dataset d = sets.get(i);
            String formula = Element.hillFormula(d.numbers());
            String seen = !meta.knowsFormulas() ? "unknown" : meta.trainedOn(formula) ? "trained" : "zero-shot";
            Metrics m = Metrics.of(d, preds.get(i));
            Metrics n = Metrics.of(d, nulls.get(i));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", d.name());
            e.put("file", data.get(i).toString());
            e.put("formula", formula);
            e.put("molecule", seen);
            e.put("metrics", m.toMap());
            e.put("null", n.toMap());
            if (!estimates.isEmpty()) e.put("device", deviceMap(estimates.get(i)));
            entries.add(e);
            table.add(labels.get(i), m);
            table.add("  null model", n);
            if (seen.equals("zero-shot"))
                notes.add(labels.get(i) + " (" + formula + "): zero-shot, this composition is not in the model's training data");
            if (Double.isNaN(n.energyMae()))
                notes.add(labels.get(i) + ": no mean training energy for " + formula
                        + " in the model's metadata, so the null model has no energy error");
        }
        Metrics overall = sets.size() > 1 ? Metrics.pooled(sets, preds) : null;
        if (overall != null) table.add("all", overall);

        if (plots != null) {
            for (int i = 0; i < sets.size(); i++) {
                String base = labels.get(i).replaceAll("[^A-Za-z0-9._-]", "_");
                Plots.energyParity("Energy parity: " + labels.get(i), List.of(sets.get(i)), List.of(preds.get(i)),
                        List.of(labels.get(i)), plots.resolve(base + "_energy_parity.png"));
                Plots.forceParity("Force parity: " + labels.get(i), List.of(sets.get(i)), List.of(preds.get(i)),
                        List.of(labels.get(i)), plots.resolve(base + "_force_parity.png"));
            }
        }

        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", model.toString());
            root.put("architecture", ff.architecture());
            root.put("parameters", ff.parameterCount());
            root.put("training", meta.describe());
            root.put("datasets", entries);
            if (overall != null) root.put("overall", overall.toMap());
            if (!estimates.isEmpty()) root.put("hardware", run.hardware.toMap());
            root.put("kcal_per_mol_in_meV", Units.MEV_PER_KCAL_MOL);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            out.println(String.format(Locale.ROOT, "model %s: %s, %d parameters; %s", model, ff.architecture(),
                    ff.parameterCount(), meta.describe()));
            if (!estimates.isEmpty()) out.println(run.hardware.describe());
            out.print(table.render());
            for (int i = 0; i < estimates.size(); i++) {
                HardwarePredictions h = estimates.get(i);
                out.println(String.format(Locale.ROOT, "%s: %d circuits per frame; mean standard error %s kcal/mol (energy), "
                        + "%s kcal/mol/Å (force component)", labels.get(i), h.circuits(), Fmt.fixed(h.meanEnergySe(), 4),
                        Fmt.fixed(h.meanForceSe(), 4)));
            }
            for (String n : notes) out.println(n);
        }
        out.flush();
        return 0;
    }
}
