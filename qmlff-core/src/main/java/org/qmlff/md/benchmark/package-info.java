/**
 * The MD benchmark of a force field (after Fu et al., "Forces are not Enough: Benchmark and Critical
 * Evaluation for Machine Learning Force Fields with Molecular Simulations", TMLR 2023): stability
 * time of NVT runs ({@link org.qmlff.md.benchmark.BondTopology}, {@link org.qmlff.md.benchmark.Survival}),
 * the distribution of interatomic distances h(r) against reference data
 * ({@link org.qmlff.md.benchmark.DistanceHistogram}), NVE energy drift, and speed, run in parallel and
 * resumable ({@link org.qmlff.md.benchmark.MdBenchmark}). Built on {@code org.qmlff.md}'s integrators
 * and checks; knows nothing of the command line.
 */
package org.qmlff.md.benchmark;
