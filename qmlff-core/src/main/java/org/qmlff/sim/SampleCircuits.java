package org.qmlff.sim;

import java.util.Random;

/**
 * Sample circuits for benchmarks and tests (the circuits {@code qmlff bench} and the JMH benchmarks time, and the
 * shapes the simulator tests use), and random inputs for them. Every circuit gives each
 * parametrised gate its own inputs (3 per {@code Enc}, 1 per {@code Ex}), so no two gates are the
 * same and the simulator cannot share work between them.
 */
public final class SampleCircuits {

    /** The parametrised gate whose cost a gate benchmark isolates. */
    public enum GateType {
        /** The dense 1-qubit encoding gate Enc(v). */
        ENC,
        /** The 2-qubit exchange gate Ex(J). */
        EX
    }

    private SampleCircuits() {
    }

    /**
     * The number of gates that makes a gate benchmark's circuit on {@code qubits} qubits do about
     * {@code ampGates} amplitude-gate updates (2^qubits × gates), and at least {@code qubits} gates,
     * so that every qubit is touched. Keeping the work per call roughly constant across sizes keeps
     * the per-call overhead (initial state, observable) equally small at 8 and at 20 qubits.
     */
    public static int gatesFor(int qubits, long ampGates) {
        return (int) Math.max(qubits, ampGates >> qubits);
    }

    /**
     * {@code gates} gates of one type on |0…0⟩, round-robin over the qubits: gate k acts on qubit
     * p = k mod n (Ex: on p and p + 1 + ⌊k/n⌋ mod (n−1), mod n, so the pair distance changes every
     * round), so gates on low and high bits of the basis index, and near and distant pairs, all
     * count.
     */
    public static Circuit gateCircuit(GateType type, int qubits, int gates) {
        if (qubits < 2) throw new IllegalArgumentException("a gate benchmark needs at least 2 qubits, got " + qubits);
        if (gates < 1) throw new IllegalArgumentException("a gate benchmark needs at least 1 gate, got " + gates);
        Circuit.Builder b = Circuit.builder(qubits);
        int input = 0;
        for (int k = 0; k < gates; k++) {
            int p = k % qubits;
            if (type == GateType.ENC) {
                b.enc(p, input);
                input += 3;
            } else {
                int q = (p + 1 + (k / qubits) % (qubits - 1)) % qubits;
                b.ex(p, q, input);
                input += 1;
            }
        }
        return b.build();
    }

    /**
     * The layered exchange circuit of MODELS.md shared by {@code le} and {@code revised}: singlets on
     * (0,1), (2,3), …; an encoding layer (Enc on every qubit); then {@code depth} times Ex on every
     * ring pair (in {@link #ringPairs} order) followed by an encoding layer. With 20 qubits and
     * depth 6 it is the baseline benchmark circuit; with 4 qubits and depth 3 the revised model's
     * atomic circuit.
     *
     * @param qubits an even number ≥ 2
     */
    public static Circuit layered(int qubits, int depth) {
        if (qubits < 2 || qubits % 2 != 0)
            throw new IllegalArgumentException("the layered circuit needs an even number >= 2 of qubits, got " + qubits);
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        Circuit.Builder b = Circuit.builder(qubits);
        for (int q = 0; q < qubits; q += 2) b.singlet(q, q + 1);
        int input = encodingLayer(b, qubits, 0);
        int[][] pairs = ringPairs(qubits);
        for (int d = 0; d < depth; d++) {
            for (int[] pair : pairs) b.ex(pair[0], pair[1], input++);
            input = encodingLayer(b, qubits, input);
        }
        return b.build();
    }

    private static int encodingLayer(Circuit.Builder b, int qubits, int input) {
        for (int q = 0; q < qubits; q++) {
            b.enc(q, input);
            input += 3;
        }
        return input;
    }

    /**
     * Ring pairs of MODELS.md: even pairs (0,1), (2,3), …, then odd pairs (1,2), …, (n−1, 0); for
     * n = 2 only (0,1).
     */
    public static int[][] ringPairs(int qubits) {
        if (qubits == 2) return new int[][]{{0, 1}};
        int[][] pairs = new int[qubits][];
        int k = 0;
        for (int q = 0; q < qubits; q += 2) pairs[k++] = new int[]{q, q + 1};
        for (int q = 1; q < qubits; q += 2) pairs[k++] = new int[]{q, (q + 1) % qubits};
        return pairs;
    }

    /**
     * Z ⊗ Z ⊗ … ⊗ Z on all {@code qubits} qubits: an observable whose light cone is the whole circuit, for
     * benchmarks that must time every gate (one pass over the state to evaluate).
     */
    public static Observable allQubitsZ(int qubits) {
        return Observable.pauli(1.0, "Z".repeat(qubits));
    }

    /** The {@code pair01} observable σ₀·σ₁. */
    public static Observable pair01() {
        return Observable.heisenberg(0, 1);
    }

    /** {@code count} inputs drawn uniformly from [−1, 1) (angles of order one radian). */
    public static double[] randomInputs(int count, long seed) {
        Random rng = new Random(seed);
        double[] z = new double[count];
        for (int i = 0; i < count; i++) z[i] = 2 * rng.nextDouble() - 1;
        return z;
    }
}
