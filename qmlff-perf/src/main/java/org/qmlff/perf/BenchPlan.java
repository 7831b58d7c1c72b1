package org.qmlff.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link BenchSuite} measures and how long.
 *
 * @param maxQubits     largest circuit of the simulator benchmarks, even, 8..24
 * @param threads       thread count of the multi-threaded variants (1: none are run), ≥ 1
 * @param harness       warm-up and repetitions
 * @param gateAmpGates  amplitude-gate updates per call of a gate benchmark (sets its circuit length)
 * @param revisedBatch  circuits per call of the revised-batch benchmarks, ≥ 1
 * @param trainBatch    configurations per training step, ≥ 1 (MODELS.md: 20)
 */
public record BenchPlan(int maxQubits, int threads, Harness.Settings harness, long gateAmpGates, int revisedBatch,
                        int trainBatch) {

    /** Qubit counts of the gate benchmarks, before capping at {@link #maxQubits()}. */
    private static final int[] GATE_SIZES = {8, 12, 16, 20};
    /** Smallest size of every simulator benchmark. */
    public static final int MIN_QUBITS = 8;
    /** Largest size the simulator supports. */
    public static final int MAX_QUBITS = 24;

    public BenchPlan {
        if (maxQubits < MIN_QUBITS || maxQubits > MAX_QUBITS || maxQubits % 2 != 0)
            throw new IllegalArgumentException("--max-qubits must be an even number from " + MIN_QUBITS + " to "
                    + MAX_QUBITS + ", got " + maxQubits);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (gateAmpGates < 1 || revisedBatch < 1 || trainBatch < 1)
            throw new IllegalArgumentException("benchmark sizes must be >= 1");
    }

    /** The full measurement: 11 runs of ≥ 0.2 s per benchmark, 2^26 amplitude-gates per gate-benchmark call. */
    public static BenchPlan full(int maxQubits, int threads) {
        return new BenchPlan(maxQubits, threads, Harness.Settings.full(), 1L << 26, 128, 20);
    }

    /**
     * A smoke run of a few seconds: 3 short runs, 2^16 amplitude-gates per gate-benchmark call, 8
     * circuits per revised batch, training batches of 5.
     */
    public static BenchPlan quick(int maxQubits, int threads) {
        return new BenchPlan(maxQubits, threads, Harness.Settings.quick(), 1L << 16, 8, 5);
    }

    /** 8, 12, 16, 20 up to {@link #maxQubits()}, and {@link #maxQubits()} itself. */
    public List<Integer> gateSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int n : GATE_SIZES) if (n <= maxQubits) sizes.add(n);
        if (!sizes.contains(maxQubits)) sizes.add(maxQubits);
        return sizes;
    }

    /** 8 and {@link #maxQubits()} (the 8 and 20 by default). */
    public List<Integer> layeredSizes() {
        return maxQubits == MIN_QUBITS ? List.of(MIN_QUBITS) : List.of(MIN_QUBITS, maxQubits);
    }
}
