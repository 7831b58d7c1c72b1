/**
 * Analysis of finished training runs: learning curves (errors against training-set size, aggregated
 * over seeds), power-law fits MAE ∝ N^(−β) with Student-t confidence intervals, a simple
 * under-/over-fitting diagnosis, and the published rMD17 results of other models to compare with
 * (BASELINES.md).
 *
 * <p>Units: energy errors in meV (whole molecule), force errors in meV/Å (per component), the units
 * of the published tables; times in seconds. Everything here is pure computation on values read
 * elsewhere (the CLI reads run directories), deterministic and free of I/O except the bundled
 * published-results resource.
 */
package org.qmlff.analysis;
