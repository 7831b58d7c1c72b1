/**
 * The report's data model, independent of any front end: what a {@code qmlff report} says, before it
 * is rendered as Markdown, HTML, CSV or plots (rendering stays in the CLI module).
 *
 * <ul>
 *   <li>{@link org.qmlff.report.ReportSource}: a directory to report on, classified and read (a run, a
 *       learning curve, an md-benchmark, an ablation or a sweep output directory);</li>
 *   <li>{@link org.qmlff.report.LearningCurveAnalysis}: a learning curve's finished runs analysed — per-size
 *       mean ± std over seeds, power-law fits with confidence intervals, diagnoses, zero-shot tests;</li>
 *   <li>{@link org.qmlff.report.Report}: everything a report holds — the comparison rows per molecule
 *       against the null model and published models, representative runs, the fields no run recorded.</li>
 * </ul>
 *
 * Units: energy MAE per molecule in meV, force MAE per component in meV/Å, times in seconds. Every
 * number comes from the directories' files ({@code metrics.json}, {@code config.yaml}, {@code model.json})
 * or from {@link org.qmlff.analysis.PublishedResults}. A directory that is none of the known kinds, or a
 * summary file that is not valid JSON, is an {@link org.qmlff.error.InputException}.
 */
package org.qmlff.report;
