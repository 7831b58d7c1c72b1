package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.train.Predictions;
import org.qmlff.hardware.HardwarePredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code qmlff predict}: a model's energies and forces on every frame of a data file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Energies (kcal/mol) and forces (kcal/mol/Å) of a model on every frame of a data file.")
final class PredictCommand extends ModelFileCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data file.")
    Path data;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;
    @Option(names = "--format", paramLabel = "extxyz|csv|json|npz", description = "Output format (default: from the --out extension; npz: the rMD17 arrays, binary).")
    String format;
    @Mixin
    PredictionFlags run = new PredictionFlags();

    @Override
    public Integer call() {
        PredictionWriter.Format f = PredictionWriter.Format.of(format, out);
        run.check(); // bad thread counts and device options fail before any file is read
        ForceField ff = backend.read(model);
        ForceField device = run.device(ff);
        Dataset d = backend.loadGeometryFor(ff, data);
        PredictionFlags.Batch batch = run.predict(device, List.of(d));
        Predictions p = batch.predictions().get(0);
        HardwarePredictions estimates = batch.estimates().isEmpty() ? null : batch.estimates().get(0);
        PredictionWriter.write(d, p, estimates, f, out, model.toString());
        PrintWriter w = spec.commandLine().getOut();
        if (estimates != null) w.println(run.hardware.describe());
        w.println(String.format(Locale.ROOT, "wrote %d frames (%s%s) to %s", p.frames(), f.name().toLowerCase(Locale.ROOT),
                estimates == null ? "" : f == PredictionWriter.Format.EXTXYZ
                        ? ", without standard errors: csv, json and npz hold them" : ", with standard errors", out));
        return 0;
    }
}
