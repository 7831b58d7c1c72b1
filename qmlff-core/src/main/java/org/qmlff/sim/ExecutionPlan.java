package org.qmlff.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the chunked sweeps run a circuit for one observable: the gates of the observable's
 * {@linkplain Circuit#lightCone light cone}, reordered where they commute and relabelled, with a few
 * relabellings of the qubits on the way, so that almost every gate acts on low bits of the basis index.
 *
 * <p>Why: a gate on a high bit cannot be applied chunk by chunk with its neighbours (its amplitude pairs
 * lie in different chunks), so it costs a pass of its own over every state vector a sweep carries (two
 * or four in the reverse sweeps), while a run of gates on low bits costs one pass in all. Labels are the
 * simulator's to choose: relabelling the qubits of the state, the circuit and the observable together
 * changes neither ⟨O⟩ nor any derivative. Exchanging the labels of some high and some low qubits
 * mid-circuit is one pass over the state that moves whole blocks of amplitudes (a <em>permutation</em>).
 *
 * <p>Method (greedy, in the spirit of Belady's cache replacement): start with the least used qubits on
 * the high bits; repeatedly take, in circuit order, every remaining gate on low bits that commutes with
 * all remaining gates before it (no shared qubit), which makes one run; then let the qubits whose next
 * use is furthest away take the high bits (a permutation) and go on; but where the run that would follow
 * is short (fewer than {@link #MIN_RUN} gates), run the first blocked gate on its own instead. For the layered circuit of
 * MODELS.md on 20 qubits with σ₀·σ₁ this gives 5 runs, 3 permutations and 3 gates on high bits (11 passes),
 * where its light cone run as given takes 91 (17 runs and 74 gates on high bits, with chunks of 2^14
 * amplitudes). Permutations only exchange bits at or above {@link #MIN_SWAP_BIT}, so
 * they move blocks of at least 2^4 contiguous amplitudes.
 *
 * <p>Invariants: the gates of {@link #circuit()} are those of the light cone, each once, in an order
 * that keeps every pair of gates sharing a qubit in their original order; {@code permutation(i)} is
 * applied to the state before gate {@code permutationGate(i)}, these gate indices strictly increase and
 * are at least the circuit's product prefix; each permutation exchanges bit {@code high[k]} with bit
 * {@code low[k]} for every k, so it is its own inverse. The plan is a pure function of the circuit and
 * the observable, never of the thread count.
 */
final class ExecutionPlan {
    /** Lowest bit a permutation may move (so it moves blocks of at least 2^4 amplitudes). */
    static final int MIN_SWAP_BIT = 4;
    /**
     * Fewest gates the run after a permutation must have for the permutation to be made. A permutation
     * moves blocks to scattered addresses and costs a few gate passes (about 2 ms per state vector at 20
     * qubits against about 0.6 ms for an Ex gate on high bits); with shorter runs the gates are cheaper
     * run one by one.
     */
    static final int MIN_RUN = 16;
    /**
     * Bits that index lanes within one vector of up to 8 doubles: gates on them take the slower in-vector
     * (shuffle) kernels, so the plan keeps the busiest qubits off them.
     */
    static final int LANE_BITS = 3;

    private final Circuit circuit;
    private final Observable observable;
    private final int[] permutationGates;
    private final int[][] highBits;
    private final int[][] lowBits;

    private ExecutionPlan(Circuit circuit, Observable observable, int[] permutationGates, int[][] highBits,
                          int[][] lowBits) {
        this.circuit = circuit;
        this.observable = observable;
        this.permutationGates = permutationGates;
        this.highBits = highBits;
        this.lowBits = lowBits;
    }

    /** The gates to run, on the plan's labels. */
    Circuit circuit() {
        return circuit;
    }

    /** The observable on the labels in force after the last gate. */
    Observable observable() {
        return observable;
    }

    /** Number of permutations. */
    int permutations() {
        return permutationGates.length;
    }

    /** Index of the gate before which permutation i is applied. */
    int permutationGate(int i) {
        return permutationGates[i];
    }

    /** The high bits permutation i exchanges (with {@link #lowBits(int)}, element by element). */
    int[] highBits(int i) {
        return highBits[i];
    }

    /** The low bits permutation i exchanges. */
    int[] lowBits(int i) {
        return lowBits[i];
    }

    /** Runs {@code c} as it is, every gate on its own labels (for tests that compare with a plan). */
    static ExecutionPlan asGiven(Circuit c, Observable o) {
        return new ExecutionPlan(c, o, new int[0], new int[0][], new int[0][]);
    }

    /**
     * The plan for running {@code c} with {@code o} in chunks of 2^{@code localBits} amplitudes. Circuits
     * of at most {@code localBits} qubits are only pruned (every gate is local there).
     */
    static ExecutionPlan of(Circuit c, Observable o, int localBits) {
        Circuit cone = c.lightCone(o.support());
        int n = c.qubits();
        if (n <= localBits) {
            return new ExecutionPlan(cone, o, new int[0], new int[0][], new int[0][]);
        }
        return new Builder(cone, n, localBits).build(o);
    }

    /** The greedy scheduler; {@code slot[q]} is the label of original qubit q (label s is bit n−1−s). */
    private static final class Builder {
        private final Circuit cone;
        private final int n;
        /** Labels below this are on high bits. */
        private final int highLabels;
        private final int[] slot;
        private final List<Gate> out = new ArrayList<>();
        private final List<int[]> permutationHigh = new ArrayList<>();
        private final List<int[]> permutationLow = new ArrayList<>();
        private final List<Integer> permutationGates = new ArrayList<>();

        Builder(Circuit cone, int n, int localBits) {
            this.cone = cone;
            this.n = n;
            this.highLabels = n - localBits;
            this.slot = initialLabels(cone, n, localBits);
        }

        /**
         * The least used qubits on the high bits, the next {@link #LANE_BITS} on the lowest bits and the
         * most used just above those; ties by label.
         */
        private static int[] initialLabels(Circuit cone, int n, int localBits) {
            long[] keys = new long[n];
            for (int q = 0; q < n; q++) {
                keys[q] = q;
            }
            for (int k = 0; k < cone.gateCount(); k++) {
                Gate g = cone.gate(k);
                keys[g.p()] += 1L << 32;
                if (g.q() >= 0) {
                    keys[g.q()] += 1L << 32;
                }
            }
            // (use count, label) packed so that one sort orders by count, then label
            Arrays.sort(keys);
            int[] slot = new int[n];
            int high = n - localBits;
            int lane = Math.min(LANE_BITS, localBits);
            for (int i = 0; i < n; i++) {
                int q = (int) keys[i];
                if (i < high) {
                    slot[q] = i;
                } else if (i < high + lane) {
                    // the least used of the rest on the lowest bits (inside one vector: slower kernels)
                    slot[q] = n - 1 - (i - high);
                } else {
                    // the most used on the bits just above those
                    slot[q] = i - lane;
                }
            }
            return slot;
        }

        ExecutionPlan build(Observable o) {
            int count = cone.gateCount();
            // the leading fixed gates on distinct qubits become the product state, wherever their bits are
            int prefix = cone.productPrefix();
            for (int k = 0; k < prefix; k++) {
                emit(cone.gate(k));
            }
            int[] remaining = new int[count - prefix];
            int left = 0;
            for (int k = prefix; k < count; k++) {
                remaining[left++] = k;
            }
            while (left > 0) {
                // one run: every remaining gate on low bits that commutes with the remaining gates before it
                long blocked = 0;
                int kept = 0;
                for (int i = 0; i < left; i++) {
                    Gate g = cone.gate(remaining[i]);
                    long bits = qubits(g);
                    if ((bits & blocked) == 0 && isLow(g)) {
                        emit(g);
                    } else {
                        blocked |= bits;
                        remaining[kept++] = remaining[i];
                    }
                }
                left = kept;
                if (left == 0) {
                    break;
                }
                relabel(remaining, left);
                if (!isLow(cone.gate(remaining[0]))) {
                    // no relabelling worth its pass (see relabel): run the gate on its own
                    emit(cone.gate(remaining[0]));
                    System.arraycopy(remaining, 1, remaining, 0, --left);
                }
            }
            int[] gates = permutationGates.stream().mapToInt(Integer::intValue).toArray();
            Circuit planned = Circuit.planned(n, out.toArray(new Gate[0]), cone.inputs(),
                    gates.length > 0 ? gates[0] : Integer.MAX_VALUE);
            return new ExecutionPlan(planned, o.relabelled(slot), gates, permutationHigh.toArray(new int[0][]),
                    permutationLow.toArray(new int[0][]));
        }

        /**
         * Gives the high bits to the qubits used furthest ahead, among those already high and those on low
         * bits at or above {@link #MIN_SWAP_BIT}, and records the exchange as a permutation.
         */
        private void relabel(int[] remaining, int left) {
            int never = Integer.MAX_VALUE;
            int[] nextUse = new int[n];
            Arrays.fill(nextUse, never);
            for (int i = left - 1; i >= 0; i--) {
                Gate g = cone.gate(remaining[i]);
                nextUse[g.p()] = i;
                if (g.q() >= 0) {
                    nextUse[g.q()] = i;
                }
            }
            List<Integer> candidates = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                if (slot[q] < highLabels || n - 1 - slot[q] >= MIN_SWAP_BIT) {
                    candidates.add(q);
                }
            }
            // furthest next use first; ties by label, so the plan is deterministic
            candidates.sort((a, b) -> nextUse[a] != nextUse[b] ? Integer.compare(nextUse[b], nextUse[a])
                    : Integer.compare(slot[a], slot[b]));
            boolean[] goesHigh = new boolean[n];
            for (int i = 0; i < highLabels; i++) {
                goesHigh[candidates.get(i)] = true;
            }
            List<Integer> down = new ArrayList<>();
            List<Integer> up = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                boolean high = slot[q] < highLabels;
                if (high && !goesHigh[q]) {
                    down.add(q);
                } else if (!high && goesHigh[q]) {
                    up.add(q);
                }
            }
            down.sort((a, b) -> Integer.compare(slot[a], slot[b]));
            up.sort((a, b) -> Integer.compare(slot[a], slot[b]));
            if (down.isEmpty()) {
                return;
            }
            int[] proposed = slot.clone();
            for (int k = 0; k < down.size(); k++) {
                proposed[down.get(k)] = slot[up.get(k)];
                proposed[up.get(k)] = slot[down.get(k)];
            }
            if (runLength(remaining, left, proposed) < MIN_RUN) {
                return;
            }
            int[] high = new int[down.size()];
            int[] low = new int[down.size()];
            for (int k = 0; k < down.size(); k++) {
                int a = down.get(k);
                int b = up.get(k);
                high[k] = n - 1 - slot[a];
                low[k] = n - 1 - slot[b];
                int t = slot[a];
                slot[a] = slot[b];
                slot[b] = t;
            }
            permutationGates.add(out.size());
            permutationHigh.add(high);
            permutationLow.add(low);
        }

        private boolean isLow(Gate g) {
            return isLow(g, slot);
        }

        private boolean isLow(Gate g, int[] labels) {
            return labels[g.p()] >= highLabels && (g.q() < 0 || labels[g.q()] >= highLabels);
        }

        /** The gates the next run would take with these labels. */
        private int runLength(int[] remaining, int left, int[] labels) {
            long blocked = 0;
            int taken = 0;
            for (int i = 0; i < left; i++) {
                Gate g = cone.gate(remaining[i]);
                long bits = qubits(g);
                if ((bits & blocked) == 0 && isLow(g, labels)) {
                    taken++;
                } else {
                    blocked |= bits;
                }
            }
            return taken;
        }

        private static long qubits(Gate g) {
            return (1L << g.p()) | (g.q() >= 0 ? 1L << g.q() : 0);
        }

        private void emit(Gate g) {
            out.add(new Gate(g.kind(), slot[g.p()], g.q() < 0 ? -1 : slot[g.q()], g.input(), g.matrix(), g.adjoint()));
        }
    }
}
