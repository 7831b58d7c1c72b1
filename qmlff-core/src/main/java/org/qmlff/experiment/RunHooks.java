package org.qmlff.experiment;

import org.qmlff.data.Dataset;
import org.qmlff.data.Units;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Predictions;
import org.qmlff.train.TrainingListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a front end adds to a training run without changing its results: how progress is shown,
 * what happens on an interrupt, and which pictures are drawn. The experiment layer calls these and
 * knows nothing of terminals, signals or chart libraries; {@link #LOG_ONLY} writes the epoch lines
 * to the run log and draws nothing (a grid task on a cluster, a library user).
 */
public interface RunHooks {
    /** A progress listener that is closed when training ends (normally or not). */
    interface RunProgress extends TrainingListener, AutoCloseable {
        @Override
        void close();
    }

    /**
     * The listener of one run.
     *
     * @param log         the run's log; every epoch should add {@link #epochLine} to it
     * @param stepsDone   optimiser steps already done (a resumed run)
     * @param totalSteps  steps of the whole run
     * @param secondsDone training time already spent (a resumed run)
     */
    RunProgress progress(RunLog log, long stepsDone, long totalSteps, double secondsDone);

    /** Something held while a run trains and released after it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Held while the run trains; the CLI installs its interrupt notice here. The default holds nothing. */
    default Held duringTraining(Path runDir, Path checkpointFile) {
        return () -> { };
    }

    /**
     * Pictures of a finished run, written into {@code runDir}; the default draws none.
     *
     * @param curves one record per epoch
     * @param set    the set the parity data come from ({@code test} or {@code validation})
     * @param refs   reference data of that set, one per molecule
     * @param preds  the model's predictions on them
     * @param labels molecule labels, parallel to {@code refs}
     */
    default void plots(Path runDir, List<EpochRecord> curves, String set, List<Dataset> refs, List<Predictions> preds,
                       List<String> labels) {
    }

    /** Epoch lines to the run log, nothing else. */
    RunHooks LOG_ONLY = (log, stepsDone, totalSteps, secondsDone) -> new RunProgress() {
        @Override
        public void onEpoch(EpochRecord r, TrainingListener.Progress p) {
            log.add(epochLine(r, p.epochs()));
        }

        @Override
        public void close() {
        }
    };

    /** The run-log line of one epoch (MAEs in meV and meV/Å). */
    static String epochLine(EpochRecord r, int epochs) {
        return String.format(Locale.ROOT,
                "epoch %d/%d  lr %.3e  train loss %.4e  valid loss %.4e  valid E MAE %s meV  F MAE %s meV/Å  %.1f s",
                r.epoch(), epochs, r.lr(), r.trainLoss(), r.validLoss(), mev(r.validEnergyMae()),
                mev(r.validForceMae()), r.elapsedSeconds());
    }

    private static String mev(double kcal) {
        return Double.isFinite(kcal) ? String.format(Locale.ROOT, "%.2f", kcal * Units.MEV_PER_KCAL_MOL) : "-";
    }
}
