package org.qmlff.experiment;

import org.qmlff.error.InputException;
import org.qmlff.data.Units;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.data.Dataset;
import org.qmlff.data.TrainValidSplit;
import org.qmlff.model.ForceField;
import org.qmlff.train.Adam;
import org.qmlff.data.AtomicFiles;
import org.qmlff.train.Checkpoint;
import org.qmlff.data.Element;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Metrics;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;
import org.qmlff.train.Trainer;
import org.qmlff.train.TrainingResult;
import org.qmlff.parallel.WorkerPool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code qmlff train} does once its settings are resolved: split the data (MODELS.md §Benchmark
 * protocol: the first n-train frames of each file, the last n-valid of them validate, the first n-fit
 * of the others train), train with
 * checkpoints, then write the run directory: {@code config.yaml}, {@code train.log},
 * {@code checkpoint.json}, {@code model.json} (best parameters), {@code metrics.json},
 * {@code curves.csv} and PNG plots, and print a summary table.
 */
public final class TrainingPipeline {
    private final Backend backend;
    private final RunHooks hooks;
    private final PrintWriter out;
    private final boolean echoLog;

    /**
     * @param backend data and model access
     * @param hooks   progress display, interrupt handling and plots of the front end
     * @param out     where the summary table (and, with {@code echoLog}, the run-log lines) go
     * @param echoLog copy every run-log line to {@code out}
     */
    public TrainingPipeline(Backend backend, RunHooks hooks, PrintWriter out, boolean echoLog) {
        this.backend = backend;
        this.hooks = hooks;
        this.out = out;
        this.echoLog = echoLog;
    }

    /** The data of a run: per data file, its training and validation frames; and the test sets. */
    public record Split(List<Path> files, List<Dataset> train, List<Dataset> valid, List<Path> testFiles, List<Dataset> test) {
    }

    /** Reads and splits the data of {@code cfg}. */
    public Split load(TrainConfig cfg) {
        List<Dataset> train = new ArrayList<>(), valid = new ArrayList<>(), test = new ArrayList<>();
        for (Path p : cfg.data()) {
            Dataset d = backend.load(p);
            if (d.frames() < cfg.nTrain())
                throw new InputException(p + ": has " + d.frames() + " frames, fewer than n-train = " + cfg.nTrain());
            TrainValidSplit tv = BenchmarkProtocol.split(d, cfg.nTrain(), cfg.nValid(), cfg.nFit());
            train.add(tv.train());
            valid.add(tv.valid());
        }
        for (Path p : cfg.test()) test.add(backend.load(p));
        return new Split(cfg.data(), train, valid, cfg.test(), test);
    }

    /** Trains (or resumes) the run of {@code cfg} and writes its outputs. */
    public void run(TrainConfig cfg, boolean resumeAsked) {
        Path dir = cfg.out();
        Path checkpointFile = dir.resolve("checkpoint.json");
        if (!resumeAsked && Files.exists(checkpointFile))
            throw new InputException(dir + " already holds a training run (checkpoint.json); continue it with --resume "
                    + dir + " or choose another --out");
        // A run killed before its first checkpoint has only its config.yaml: --resume starts it again
        // from there, which is what an uninterrupted run would have done.
        boolean resume = resumeAsked && Files.exists(checkpointFile);
        // A kill during a checkpoint write leaves its temporary file; it holds nothing worth keeping.
        AtomicFiles.removeStaleTemporaries(checkpointFile);
        Checkpoint checkpoint = resume ? Checkpoint.read(checkpointFile) : null;

        Split split = load(cfg);
        ForceField model = backend.create(cfg.model(), split.train(), cfg.training().seed());
        // refuse before training, not after, a test molecule the model cannot describe
        for (int j = 0; j < split.test().size(); j++) {
            try {
                model.checkCompatible(split.test().get(j).numbers());
            } catch (IllegalArgumentException e) {
                throw new InputException(split.testFiles().get(j) + ": " + e.getMessage());
            }
        }
        Trainer trainer = new Trainer(model, split.train(), split.valid(), cfg.training(), cfg.threads());

        if (!resumeAsked) AtomicFiles.writeString(dir.resolve("config.yaml"), cfg.toYaml());
        RunLog log = new RunLog(dir.resolve("train.log"), resume, echoLog ? out : null);
        long totalSteps = (long) trainer.batchesPerEpoch() * cfg.training().epochs();
        if (resumeAsked && !resume) log.add("no checkpoint yet: starting the run again from its config.yaml");
        if (resume) {
            log.add("resumed after epoch " + checkpoint.epochsDone() + " of " + cfg.training().epochs()
                    + " (threads " + cfg.threads() + ")");
        } else {
            int nt = 0, nv = 0;
            for (Dataset d : split.train()) nt += d.frames();
            for (Dataset d : split.valid()) nv += d.frames();
            log.add(String.format(Locale.ROOT, "qmlff train: %s, %d parameters; %d training and %d validation frames "
                            + "from %d file(s); %d epochs x %d steps; sigma_E %.6g kcal/mol, sigma_F %.6g kcal/mol/A; "
                            + "threads %d", cfg.model(), model.parameterCount(), nt, nv, split.files().size(),
                    cfg.training().epochs(), trainer.batchesPerEpoch(), trainer.objective().sigmaEnergy(),
                    trainer.objective().sigmaForce(), cfg.threads()));
        }

        TrainingResult result;
        long stepsDone = resume ? (long) checkpoint.epochsDone() * trainer.batchesPerEpoch() : 0;
        try (RunHooks.RunProgress progress = hooks.progress(log, stepsDone, totalSteps,
                resume ? checkpoint.elapsedSeconds() : 0);
             RunHooks.Held notice = hooks.duringTraining(dir, checkpointFile)) {
            result = resume ? trainer.resume(checkpoint, checkpointFile, progress)
                    : trainer.train(checkpointFile, progress);
        }
        // the model now holds the best parameters
        backend.write(model, trainingMetadata(cfg, split, result), dir.resolve("model.json"));
        Evaluation ev = evaluate(model, split, cfg.threads());
        writeMetrics(dir.resolve("metrics.json"), cfg, model, split, ev, result);
        writeCurves(dir.resolve("curves.csv"), result.curves());
        boolean onTest = !split.test().isEmpty();
        hooks.plots(dir, result.curves(), onTest ? "test" : "validation", onTest ? split.test() : split.valid(),
                onTest ? ev.test : ev.valid, onTest ? ev.testLabels : ev.labels);

        String summary = summary(split, ev, result, cfg);
        out.print(summary);
        out.flush();
        log.add(String.format(Locale.ROOT, "done: best epoch %d (validation loss %.6g), %.1f s; wrote %s",
                result.bestEpoch(), result.bestValidLoss(), result.elapsedSeconds(), dir.resolve("model.json")));
    }

    /** Predictions of the trained model on every set, and the test-to-training matching. */
    public static final class Evaluation {
        List<String> labels;
        List<Predictions> train = new ArrayList<>();
        List<Predictions> valid = new ArrayList<>();
        List<Predictions> test = new ArrayList<>();
        int[] testMatch;
        List<String> testLabels = new ArrayList<>();
        List<Predictions> nullTest = new ArrayList<>();
        List<Predictions> nullValid = new ArrayList<>();
    }

    private static Evaluation evaluate(ForceField model, Split split, int threads) {
        Evaluation ev = new Evaluation();
        ev.labels = Molecules.uniqueLabels(split.train());
        ev.testMatch = Molecules.match(split.train(), split.test());
        try (WorkerPool pool = new WorkerPool(threads)) {
            Predictor p = new Predictor(model, pool);
            for (Dataset d : split.train()) ev.train.add(p.predict(d));
            for (int i = 0; i < split.valid().size(); i++) {
                Dataset d = split.valid().get(i);
                ev.valid.add(p.predict(d));
                ev.nullValid.add(Predictions.nullModel(d, Predictions.meanEnergy(split.train().get(i))));
            }
            for (int j = 0; j < split.test().size(); j++) {
                Dataset d = split.test().get(j);
                int m = ev.testMatch[j];
                ev.test.add(p.predict(d));
                // the null model of a molecule never trained on has no energy to predict
                ev.nullTest.add(Predictions.nullModel(d, m >= 0 ? Predictions.meanEnergy(split.train().get(m)) : Double.NaN));
                ev.testLabels.add(m >= 0 ? ev.labels.get(m) : Molecules.label(d.name()) + " (zero-shot)");
            }
        }
        return ev;
    }

    /**
     * The start of a data set's entry in the model file's training metadata: its name and Hill formula.
     * Insertion-ordered: Map.of iterates in an order that changes from one JVM to the next, and the model
     * file must be byte-identical for the same inputs.
     */
    private static Map<String, Object> datasetEntry(Dataset d) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", d.name());
        e.put("formula", Element.hillFormula(d.numbers()));
        return e;
    }

    private static Map<String, Object> trainingMetadata(TrainConfig cfg, Split split, TrainingResult r) {
        Map<String, Object> t = new LinkedHashMap<>();
        List<Map<String, Object>> ds = new ArrayList<>();
        for (int i = 0; i < split.train().size(); i++) {
            Dataset d = split.train().get(i);
            Map<String, Object> e = datasetEntry(d);
            e.put("numbers", d.numbers());
            e.put("file", split.files().get(i).toAbsolutePath().normalize().toString());
            e.put("n_train", d.frames());
            e.put("n_valid", split.valid().get(i).frames());
            e.put("mean_energy_kcal_per_mol", Predictions.meanEnergy(d));
            ds.add(e);
        }
        t.put("datasets", ds);
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int j = 0; j < split.test().size(); j++) {
            Dataset d = split.test().get(j);
            Map<String, Object> test = datasetEntry(d);
            test.put("file", split.testFiles().get(j).toAbsolutePath().normalize().toString());
            tests.add(test);
        }
        t.put("test", tests);
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("w_energy", cfg.training().wEnergy());
        objective.put("w_force", cfg.training().wForce());
        objective.put("sigma_energy_kcal_per_mol", r.objective().sigmaEnergy());
        objective.put("sigma_force_kcal_per_mol_per_A", r.objective().sigmaForce());
        t.put("objective", objective);
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("name", "adam");
        opt.put("lr", cfg.training().lr());
        opt.put("beta1", Adam.BETA1);
        opt.put("beta2", Adam.BETA2);
        opt.put("eps", Adam.EPSILON);
        opt.put("schedule", "cosine");
        opt.put("epochs", cfg.training().epochs());
        opt.put("batch", cfg.training().batchSize());
        opt.put("seed", cfg.training().seed());
        if (!cfg.training().recipe().equals(org.qmlff.train.Recipe.NONE)) opt.put("recipe", cfg.training().recipe().toMap());
        t.put("optimizer", opt);
        t.put("best_epoch", r.bestEpoch());
        t.put("best_valid_loss", r.bestValidLoss());
        t.put("training_time_s", r.elapsedSeconds());
        return t;
    }

    private static void writeMetrics(Path file, TrainConfig cfg, ForceField model, Split split, Evaluation ev,
                                     TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", cfg.arch());
        m.put("parameters", model.parameterCount());
        ForceField.CircuitCost cost = model.circuitCost(split.train().get(0).numbers());
        if (cost != null) {
            m.put("qubits", cost.qubits());
            m.put("circuits_per_energy", cost.circuits());
            m.put("gates_per_energy", cost.gates());
            m.put("cost_molecule", Element.hillFormula(split.train().get(0).numbers()));
        }
        m.put("train", Metrics.pooled(split.train(), ev.train).toMap());
        m.put("valid", Metrics.pooled(split.valid(), ev.valid).toMap());
        boolean onTest = !split.test().isEmpty();
        if (onTest) m.put("test", Metrics.pooled(split.test(), ev.test).toMap());
        m.put("null", onTest ? Metrics.pooled(split.test(), ev.nullTest).toMap()
                : Metrics.pooled(split.valid(), ev.nullValid).toMap());
        m.put("null_set", onTest ? "test" : "valid");
        Map<String, Object> per = new LinkedHashMap<>();
        for (int i = 0; i < split.train().size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", split.train().get(i).name());
            e.put("formula", Element.hillFormula(split.train().get(i).numbers()));
            e.put("train", Metrics.of(split.train().get(i), ev.train.get(i)).toMap());
            e.put("valid", Metrics.of(split.valid().get(i), ev.valid.get(i)).toMap());
            per.put(ev.labels.get(i), e);
        }
        for (int j = 0; j < split.test().size(); j++) {
            Dataset d = split.test().get(j);
            int i = ev.testMatch[j];
            @SuppressWarnings("unchecked")
            Map<String, Object> e = i >= 0 ? (Map<String, Object>) per.get(ev.labels.get(i)) : new LinkedHashMap<>();
            if (i < 0) {
                e.put("name", d.name());
                e.put("formula", Element.hillFormula(d.numbers()));
                e.put("zero_shot", true);
                per.put(ev.testLabels.get(j), e);
            }
            e.put(e.containsKey("test") ? "test_" + j : "test", Metrics.of(d, ev.test.get(j)).toMap());
            e.put(e.containsKey("null") ? "null_" + j : "null", Metrics.of(d, ev.nullTest.get(j)).toMap());
        }
        m.put("per_dataset", per);
        m.put("best_epoch", r.bestEpoch());
        m.put("best_valid_loss", r.bestValidLoss());
        m.put("epochs", cfg.training().epochs());
        m.put("training_time_s", r.elapsedSeconds());
        m.put("kcal_per_mol_in_meV", Units.MEV_PER_KCAL_MOL);
        AtomicFiles.write(file, os -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, m));
    }

    /** {@code curves.csv}: one row per epoch; MAEs in meV and meV/Å. */
    public static void writeCurves(Path file, List<EpochRecord> curves) {
        StringBuilder sb = new StringBuilder(
                "epoch,lr,train_loss,valid_loss,valid_energy_mae_meV,valid_force_mae_meV_per_A,elapsed_s\n");
        for (EpochRecord r : curves)
            sb.append(r.epoch()).append(',').append(r.lr()).append(',').append(r.trainLoss()).append(',')
                    .append(r.validLoss()).append(',').append(r.validEnergyMae() * Units.MEV_PER_KCAL_MOL)
                    .append(',').append(r.validForceMae() * Units.MEV_PER_KCAL_MOL).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.elapsedSeconds())).append('\n');
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String summary(Split split, Evaluation ev, TrainingResult r, TrainConfig cfg) {
        ReportTable t = new ReportTable();
        boolean onTest = !split.test().isEmpty();
        boolean several = split.train().size() > 1 || split.test().size() > 1;
        if (onTest) {
            for (int j = 0; j < split.test().size() && several; j++) {
                t.add("test " + ev.testLabels.get(j), Metrics.of(split.test().get(j), ev.test.get(j)));
                t.add("null " + ev.testLabels.get(j), Metrics.of(split.test().get(j), ev.nullTest.get(j)));
            }
            t.add(several ? "test (all)" : "test " + ev.testLabels.get(0), Metrics.pooled(split.test(), ev.test));
            t.add(several ? "null model (all)" : "null model", Metrics.pooled(split.test(), ev.nullTest));
        } else {
            t.add("validation", Metrics.pooled(split.valid(), ev.valid));
            t.add("null model (validation)", Metrics.pooled(split.valid(), ev.nullValid));
        }
        return t.render() + String.format(Locale.ROOT,
                "training: %d epochs in %.1f s, best epoch %d (validation loss %.4g); run directory %s%n",
                cfg.training().epochs(), r.elapsedSeconds(), r.bestEpoch(), r.bestValidLoss(), cfg.out())
                + (onTest ? "" : "no --test files given: the table shows the validation set" + System.lineSeparator());
    }
}
