package org.qmlff.perf;

/**
 * One timed call of a benchmark. It returns a value that depends on the work done (an expectation,
 * a loss, an energy); the harness folds it into a checksum, so the JIT compiler cannot drop the
 * work as dead code, and a non-finite value shows a broken workload.
 */
@FunctionalInterface
public interface Workload {
    double call();
}
