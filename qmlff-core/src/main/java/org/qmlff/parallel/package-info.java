/**
 * Threads for independent work items: {@link org.qmlff.parallel.WorkerPool}, the library's one pool for
 * training and evaluation over frames, the runs of an MD benchmark and of a learning-curve grid.
 *
 * <p>Results never depend on the thread count: each item writes only its own result, and a worker index
 * only picks per-worker scratch memory. The simulator's chunk pool (inside {@code org.qmlff.sim}) splits one
 * state vector gate after gate and never runs inside this pool's items with more than one thread:
 * parallelism is at one level, chosen by the caller.
 */
package org.qmlff.parallel;
