package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.hardware.HardwareForceField;
import org.qmlff.hardware.HardwarePredictions;
import org.qmlff.hardware.HardwarePredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code qmlff predict}: a model's energies and forces on every frame of a data file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Energies (kcal/mol) and forces (kcal/mol/Å) of a model on every frame of a data file.")
final class PredictCommand extends BackendCommand {
    PredictCommand() {
    }

    PredictCommand(Backend backend) {
        super(backend);
    }

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (model.json).")
    Path model;
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data file.")
    Path data;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;
    @Option(names = "--format", paramLabel = "extxyz|csv|json", description = "Output format (default: from the --out extension).")
    String format;
    @Mixin
    WorkerThreadFlags threads = new WorkerThreadFlags();
    @Mixin
    HardwareOptionFlags hardware = new HardwareOptionFlags();

    @Override
    public Integer call() {
        PredictionWriter.Format f = PredictionWriter.Format.of(format, out);
        int nThreads = threads.count();
        hardware.options(); // bad device options fail before any file is read
        ForceField ff = backend.read(model);
        ForceField device = hardware.wrap(ff);
        Dataset d = backend.loadGeometryFor(ff, data);
        Predictions p;
        HardwarePredictions estimates = null;
        try (WorkerPool pool = new WorkerPool(nThreads)) {
            if (device instanceof HardwareForceField h) {
                estimates = new HardwarePredictor(h, pool).predict(d);
                p = estimates.predictions();
            } else {
                p = new Predictor(ff, pool).predict(d);
            }
        }
        PredictionWriter.write(d, p, estimates, f, out, model.toString());
        PrintWriter w = spec.commandLine().getOut();
        if (estimates != null) w.println(hardware.describe());
        w.println(String.format(Locale.ROOT, "wrote %d frames (%s%s) to %s", p.frames(), f.name().toLowerCase(Locale.ROOT),
                estimates == null ? "" : f == PredictionWriter.Format.EXTXYZ
                        ? ", without standard errors: csv and json hold them" : ", with standard errors", out));
        return 0;
    }
}
