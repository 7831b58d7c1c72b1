package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.hardware.HardwareForceField;
import org.qmlff.hardware.HardwarePredictions;
import org.qmlff.hardware.HardwarePredictor;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;

/**
 * How the commands that predict with a model on data files ({@code evaluate}, {@code predict}) run it:
 * {@code --threads} of the worker pool, then the simulated-device options; with none of those the exact model.
 */
final class PredictionFlags {
    @Mixin
    WorkerThreadFlags threads = new WorkerThreadFlags();
    @Mixin
    HardwareOptionFlags hardware = new HardwareOptionFlags();

    /** The predictions of a model on each data set, with the device's estimates (empty for the exact model). */
    record Batch(List<Predictions> predictions, List<HardwarePredictions> estimates) {
    }

    /** Checks both kinds of option, threads first, so that bad values fail before any file is read. */
    void check() {
        threads.count();
        hardware.options();
    }

    /** {@code ff} as the device the flags describe runs it, or {@code ff} itself: wrapped before any data is read. */
    ForceField device(ForceField ff) {
        return hardware.wrap(ff);
    }

    /**
     * The energies and forces of {@code device} (from {@link #device}) on each of {@code sets}, on {@code --threads}
     * workers: a simulated device's estimates, or the exact model's values.
     */
    Batch predict(ForceField device, List<Dataset> sets) {
        List<Predictions> predictions = new ArrayList<>();
        List<HardwarePredictions> estimates = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(threads.count())) {
            HardwarePredictor onDevice = device instanceof HardwareForceField h ? new HardwarePredictor(h, pool) : null;
            Predictor exact = onDevice == null ? new Predictor(device, pool) : null;
            for (Dataset d : sets) {
                if (onDevice != null) {
                    HardwarePredictions h = onDevice.predict(d);
                    estimates.add(h);
                    predictions.add(h.predictions());
                } else {
                    predictions.add(exact.predict(d));
                }
            }
        }
        return new Batch(predictions, estimates);
    }
}
