/**
 * Threads: {@link org.qmlff.parallel.WorkerPool}, the library's one pool, for training and evaluation over
 * frames, the runs of an MD benchmark and of a learning-curve grid, and (through a thin adapter inside
 * {@code org.qmlff.sim}) the chunks of one state vector gate after gate.
 *
 * <p>Results never depend on the thread count: each item writes only its own result, and a worker index
 * only picks per-worker scratch memory. The simulator never splits a state over several threads inside this
 * pool's items: parallelism is at one level, chosen by the caller.
 */
package org.qmlff.parallel;
