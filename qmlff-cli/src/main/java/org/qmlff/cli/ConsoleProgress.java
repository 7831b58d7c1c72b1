package org.qmlff.cli;

import org.qmlff.data.Units;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Metrics;
import org.qmlff.experiment.RunHooks;
import org.qmlff.experiment.RunLog;

import java.time.Duration;
import java.util.Locale;

/**
 * Shows training progress: on a terminal a progress bar (epoch, loss, validation MAEs, ETA) on
 * stderr; otherwise nothing per step. Every epoch adds a line to the run log, which echoes it to
 * stdout when not on a terminal.
 */
final class ConsoleProgress implements RunHooks.RunProgress {
    private final RunLog log;
    private final ProgressBar bar;

    /**
     * @param log         the run log
     * @param terminal    whether to draw a progress bar
     * @param stepsDone   steps already done (resumed run)
     * @param totalSteps  steps of the run
     * @param secondsDone training time already spent (resumed run)
     */
    ConsoleProgress(RunLog log, boolean terminal, long stepsDone, long totalSteps, double secondsDone) {
        this.log = log;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .startsFrom(stepsDone, Duration.ofMillis((long) (secondsDone * 1000)))
                .build() : null;
    }

    @Override
    public void onStep(Progress p) {
        if (bar == null) return;
        bar.stepTo(p.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d loss %.3g | valid E %s meV F %s meV/Å",
                p.epoch(), p.epochs(), p.loss(), mev(p.validEnergyMae()), mev(p.validForceMae())));
    }

    @Override
    public void onEpoch(EpochRecord r, Progress p) {
        log.add(RunHooks.epochLine(r, p.epochs()));
    }

    private static String mev(double kcal) {
        return Double.isFinite(kcal) ? String.format(Locale.ROOT, "%.2f", kcal * Units.MEV_PER_KCAL_MOL) : "-";
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
