package org.qmlff.perf;

import java.util.Objects;

/**
 * One measured benchmark: what ran and its median time per call. Quantities that do not apply to a
 * benchmark are NaN (e.g. ns per amplitude per gate of a training step).
 *
 * @param name            benchmark name ({@code gate-enc}, {@code le-d6-hvp}, {@code revised-train}, …)
 * @param qubits          qubits of the circuits simulated
 * @param threads         threads used
 * @param gates           gates of the circuit simulated; 0 for the model benchmarks (several circuits)
 * @param items           items per call (what {@code perSecond} counts: circuits, configurations,
 *                        evaluations), ≥ 1
 * @param medianMs        median time of one call, ms
 * @param nsPerAmpPerGate median time / (items × 2^qubits × gates) of a forward pass, ns; NaN if the call is
 *                        not a forward pass
 * @param perSecond       items per second at the median; NaN if the benchmark has no natural item
 * @param timing          the full timing (spread, runs, calls per run)
 */
public record BenchRecord(String name, int qubits, int threads, int gates, int items, double medianMs,
                          double nsPerAmpPerGate, double perSecond, Timing timing) {

    public BenchRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        if (qubits < 1 || threads < 1 || gates < 0 || items < 1)
            throw new IllegalArgumentException(name + ": qubits, threads, items must be >= 1 and gates >= 0");
    }

    /**
     * One circuit per call.
     *
     * @param forward whether the call is a forward pass (then ns per amplitude per gate is reported)
     */
    public static BenchRecord circuit(String name, int qubits, int threads, int gates, boolean forward, Timing t) {
        double ns = forward ? t.medianNanos() / Math.scalb((double) gates, qubits) : Double.NaN;
        return new BenchRecord(name, qubits, threads, gates, 1, t.medianMillis(), ns, Double.NaN, t);
    }

    /**
     * {@code items} items (circuits, configurations, evaluations) per call.
     *
     * @param gates   gates per circuit when every item is one circuit of that size, else 0
     * @param forward whether each item is a forward pass of a {@code gates}-gate circuit
     */
    public static BenchRecord throughput(String name, int qubits, int threads, int gates, int items, boolean forward,
                                         Timing t) {
        double ns = forward && gates > 0 ? t.medianNanos() / (items * Math.scalb((double) gates, qubits)) : Double.NaN;
        return new BenchRecord(name, qubits, threads, gates, items, t.medianMillis(), ns,
                items * 1e9 / t.medianNanos(), t);
    }
}
