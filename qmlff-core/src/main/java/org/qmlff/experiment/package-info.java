/**
 * The experiment layer: what a training run and a grid of runs are, independent of any front end.
 *
 * <ul>
 *   <li>{@link org.qmlff.experiment.TrainConfig}: the resolved settings of one run (defaults &lt; YAML &lt;
 *       flags), written to and read from {@code config.yaml};</li>
 *   <li>{@link org.qmlff.experiment.BenchmarkProtocol}: the one implementation of the benchmark split;</li>
 *   <li>{@link org.qmlff.experiment.TrainingPipeline}: split, train with checkpoints, evaluate, write the
 *       run directory ({@code config.yaml, train.log, checkpoint.json, model.json, metrics.json, curves.csv});
 *       {@link org.qmlff.experiment.RunHooks} is what a front end adds (progress bar, interrupt notice, plots);</li>
 *   <li>{@link org.qmlff.experiment.RunDirectory}: a finished run read back;</li>
 *   <li>{@link org.qmlff.experiment.LearningCurvePlan}: a learning-curve grid as independent
 *       {@link org.qmlff.experiment.PlannedRun}s, and its shards; {@link org.qmlff.experiment.LearningCurveRunner}
 *       skips finished runs, resumes interrupted ones and hands the rest to a
 *       {@link org.qmlff.experiment.GridExecutor} (the local pool here, Spark in {@code qmlff-spark});</li>
 *   <li>{@link org.qmlff.experiment.SingleMoleculePlan}: the studies of one configuration on one molecule, as
 *       independent runs run the same way — {@link org.qmlff.experiment.AblationPlan} (what each part of a model
 *       contributes) and {@link org.qmlff.experiment.SweepPlan} (one setting swept, e.g. the force weight) —
 *       and their summaries {@link org.qmlff.experiment.AblationSummary}, {@link org.qmlff.experiment.SweepSummary}
 *       ({@code ablation.json}, {@code sweep.json}).</li>
 * </ul>
 *
 * Mistakes in settings or files are {@link org.qmlff.error.InputException}s with one line saying what and where.
 */
package org.qmlff.experiment;
