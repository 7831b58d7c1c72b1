package org.qmlff.experiment;

import org.qmlff.data.Dataset;

import java.util.List;

/**
 * A study of one training configuration on one molecule, planned as independent runs, each belonging to one
 * variant of the study (an {@link AblationPlan}'s ablations, a {@link SweepPlan}'s values). Any
 * {@link GridExecutor} runs them; finished runs are skipped and interrupted ones resume, as in a learning curve.
 *
 * @param <V> what tells the variants apart
 */
public abstract class SingleMoleculePlan<V> {
    /** One planned run with the variant it belongs to. */
    public record Run<V>(V variant, PlannedRun run) {
    }

    private final SingleMoleculeStudy study;
    private final List<Run<V>> runs;

    SingleMoleculePlan(SingleMoleculeStudy study, List<Run<V>> runs) {
        this.study = study;
        this.runs = List.copyOf(runs);
    }

    /** The test data, loaded. */
    public Dataset testSet() {
        return study.testSet();
    }

    /** Every run, variant by variant, seeds in order. */
    public List<Run<V>> runs() {
        return runs;
    }

    /** The planned runs alone, in the same order. */
    public List<PlannedRun> plannedRuns() {
        return runs.stream().map(Run::run).toList();
    }

    /** A backend that serves the two data files already loaded, so that parallel runs do not re-read them. */
    public Backend preloaded(Backend backend) {
        return study.preloaded(backend, plannedRuns());
    }
}
