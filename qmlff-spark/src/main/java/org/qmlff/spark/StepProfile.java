package org.qmlff.spark;

import java.util.Locale;

/**
 * Where the time of data-parallel training steps went: the Spark jobs as the driver waited for them,
 * the configurations' computation inside the tasks (summed over tasks), and the driver's fixed-order
 * summation. The difference between a job and its tasks' computation is Spark's scheduling and the
 * transfer of the gradients; what the trainer does between steps (optimiser, validation, checkpoints)
 * is in none of these. Filled by one thread, the driver's, while it trains.
 */
final class StepProfile {
    private long steps;
    private long configurations;
    private long jobNanos;
    private long computeNanos;
    private long sumNanos;

    void add(int batch, long job, long compute, long sum) {
        steps++;
        configurations += batch;
        jobNanos += job;
        computeNanos += compute;
        sumNanos += sum;
    }

    long steps() {
        return steps;
    }

    double jobSeconds() {
        return jobNanos * 1e-9;
    }

    double computeSeconds() {
        return computeNanos * 1e-9;
    }

    double sumSeconds() {
        return sumNanos * 1e-9;
    }

    /** One line for the console. */
    String summary() {
        return String.format(Locale.ROOT, "%d steps (%d configurations): %.2f s in Spark jobs (%.1f ms a step), "
                        + "tasks computing %.2f s in all, driver summing %.2f s", steps, configurations, jobSeconds(),
                steps == 0 ? 0.0 : jobSeconds() * 1e3 / steps, computeSeconds(), sumSeconds());
    }
}
