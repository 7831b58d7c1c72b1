package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.experiment.RunHooks;
import org.qmlff.experiment.RunLog;
import org.qmlff.train.EpochRecord;
import org.qmlff.train.Predictions;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line's additions to a training run: a progress bar on a terminal, the interrupt
 * notice (where the last checkpoint is and the command that resumes), and the PNG plots.
 */
final class CliRunHooks implements RunHooks {
    private final boolean terminal;
    private final boolean interruptNotice;

    /**
     * @param terminal        draw a progress bar (else epoch lines only go to the run log)
     * @param interruptNotice on SIGINT/SIGTERM, print where the checkpoint is (one run in the foreground)
     */
    CliRunHooks(boolean terminal, boolean interruptNotice) {
        this.terminal = terminal;
        this.interruptNotice = interruptNotice;
    }

    @Override
    public RunProgress progress(RunLog log, long stepsDone, long totalSteps, double secondsDone) {
        return new ConsoleProgress(log, terminal, stepsDone, totalSteps, secondsDone);
    }

    @Override
    public Held duringTraining(Path runDir, Path checkpointFile) {
        return interruptNotice ? InterruptNotice.install(runDir, checkpointFile) : RunHooks.super.duringTraining(runDir, checkpointFile);
    }

    @Override
    public void plots(Path runDir, List<EpochRecord> curves, String set, List<Dataset> refs, List<Predictions> preds,
                      List<String> labels) {
        Plots.lossCurves(curves, runDir.resolve("loss.png"));
        Plots.energyParity("Energy parity (" + set + ")", refs, preds, labels, runDir.resolve("energy_parity.png"));
        Plots.forceParity("Force parity (" + set + ")", refs, preds, labels, runDir.resolve("force_parity.png"));
    }
}
