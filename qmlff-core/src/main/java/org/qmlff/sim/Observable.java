package org.qmlff.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Hermitian observable as a real-weighted sum of Pauli terms, applied to a state in place of
 * building its matrix. Immutable.
 *
 * <p>Internally: a multiple of the identity, exchange terms w·SWAP_pq (each σ_p·σ_q contributes
 * 2·SWAP − I, which costs one pass over the state instead of three) and Pauli strings.
 */
public final class Observable {

    /** w · SWAP on qubits p, q. */
    private record Swap(double weight, int p, int q) {
    }

    /**
     * c · P for a Pauli string P on exactly {@code qubits} qubits, as P|b⟩ = i^{yCount} (−1)^{|b ∧ zMask|}
     * |b ⊕ xMask⟩ (Y = iXZ, so a Y sets both masks).
     */
    private record PauliString(double coefficient, int qubits, int xMask, int zMask, int yCount, String text) {
    }

    private final double identity;
    private final Swap[] swaps;
    private final PauliString[] strings;
    /** The exact qubit count Pauli strings require, or 0 if there are none. */
    private final int exactQubits;
    /** 1 + the largest qubit a swap term touches (0 if none). */
    private final int minQubits;
    /** The qubits some term acts on non-trivially (bit q = qubit q). */
    private final long support;

    private Observable(double identity, Swap[] swaps, PauliString[] strings) {
        this.identity = identity;
        this.swaps = swaps;
        this.strings = strings;
        int exact = 0;
        for (PauliString s : strings) {
            if (exact != 0 && s.qubits() != exact) {
                throw new IllegalArgumentException("observable: Pauli strings of lengths " + exact + " and "
                        + s.qubits() + " cannot be combined");
            }
            exact = s.qubits();
        }
        int min = 0;
        long on = 0;
        for (Swap s : swaps) {
            min = Math.max(min, Math.max(s.p(), s.q()) + 1);
            on |= (1L << s.p()) | (1L << s.q());
        }
        for (PauliString s : strings) {
            for (int q = 0; q < s.qubits(); q++) {
                if (s.text().charAt(q) != 'I') {
                    on |= 1L << q;
                }
            }
        }
        this.support = on;
        if (exact != 0 && min > exact) {
            throw new IllegalArgumentException("observable: a σ·σ term on qubit " + (min - 1)
                    + " does not fit Pauli strings on " + exact + " qubits");
        }
        this.exactQubits = exact;
        this.minQubits = min;
    }

    /** σ_p·σ_q = XX + YY + ZZ on qubits p, q (= 2·SWAP − I; eigenvalues −3 and 1). */
    public static Observable heisenberg(int p, int q) {
        return heisenbergMean(new int[][] {{p, q}});
    }

    /** The mean of σ_p·σ_q over the given pairs ({@code pairs[k] = {p, q}}). */
    public static Observable heisenbergMean(int[][] pairs) {
        if (pairs == null || pairs.length == 0) {
            throw new IllegalArgumentException("observable: heisenbergMean needs at least one pair");
        }
        Swap[] swaps = new Swap[pairs.length];
        double weight = 1.0 / pairs.length;
        for (int k = 0; k < pairs.length; k++) {
            int[] pair = pairs[k];
            if (pair == null || pair.length != 2) {
                throw new IllegalArgumentException("observable: pair " + k + " must have two qubits");
            }
            if (pair[0] < 0 || pair[1] < 0 || pair[0] >= Circuit.MAX_QUBITS || pair[1] >= Circuit.MAX_QUBITS) {
                throw new IllegalArgumentException("observable: pair " + k + " has a qubit outside 0.."
                        + (Circuit.MAX_QUBITS - 1));
            }
            if (pair[0] == pair[1]) {
                throw new IllegalArgumentException("observable: pair " + k + " has the same qubit twice ("
                        + pair[0] + ")");
            }
            swaps[k] = new Swap(2 * weight, pair[0], pair[1]);
        }
        // Each pair contributes weight · (2·SWAP − I); the identity parts add to −1 exactly.
        return new Observable(-1.0, swaps, new PauliString[0]);
    }

    /**
     * A Pauli string with a real coefficient; {@code paulis.charAt(q)} ∈ {I, X, Y, Z} for qubit q
     * (length n).
     */
    public static Observable pauli(double coefficient, String paulis) {
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("observable: coefficient " + coefficient + " is not finite");
        }
        int n = paulis == null ? 0 : paulis.length();
        if (n < 1 || n > Circuit.MAX_QUBITS) {
            throw new IllegalArgumentException("observable: Pauli string length must be 1.." + Circuit.MAX_QUBITS);
        }
        PauliMasks m = PauliMasks.of(paulis);
        PauliString string = new PauliString(coefficient, n, m.xMask(), m.zMask(), m.yCount(), paulis);
        return new Observable(0, new Swap[0], new PauliString[] {string});
    }

    /**
     * The same observable on relabelled qubits: what acted on qubit q acts on {@code newIndex[q]} (a
     * permutation of 0..n−1 for a circuit of n qubits, covering every qubit this observable touches).
     */
    Observable relabelled(int[] newIndex) {
        Swap[] s = new Swap[swaps.length];
        for (int k = 0; k < swaps.length; k++) {
            s[k] = new Swap(swaps[k].weight(), newIndex[swaps[k].p()], newIndex[swaps[k].q()]);
        }
        PauliString[] p = new PauliString[strings.length];
        for (int k = 0; k < strings.length; k++) {
            String text = strings[k].text();
            char[] moved = new char[text.length()];
            for (int q = 0; q < text.length(); q++) {
                moved[newIndex[q]] = text.charAt(q);
            }
            p[k] = pauli(strings[k].coefficient(), new String(moved)).strings[0];
        }
        return new Observable(identity, s, p);
    }

    /**
     * The pairs {p, q} of an observable made by {@link #heisenberg} or {@link #heisenbergMean} (the mean
     * of σ_p·σ_q over them), in the order given; throws {@link IllegalArgumentException} for any other
     * observable. Tools that estimate it from measurements (one Bell-basis setting per pair) need them.
     */
    public int[][] heisenbergPairs() {
        boolean mean = strings.length == 0 && swaps.length > 0 && identity == -1.0;
        for (Swap s : swaps) mean &= s.weight() == swaps[0].weight();
        if (!mean || Math.abs(swaps[0].weight() * swaps.length - 2.0) > 1e-12) {
            throw new IllegalArgumentException("observable " + this + " is not a mean of σ·σ pairs");
        }
        int[][] out = new int[swaps.length][];
        for (int k = 0; k < swaps.length; k++) out[k] = new int[] {swaps[k].p(), swaps[k].q()};
        return out;
    }

    /** The sum of this observable and {@code other}. */
    public Observable plus(Observable other) {
        Swap[] s = Arrays.copyOf(swaps, swaps.length + other.swaps.length);
        System.arraycopy(other.swaps, 0, s, swaps.length, other.swaps.length);
        PauliString[] p = Arrays.copyOf(strings, strings.length + other.strings.length);
        System.arraycopy(other.strings, 0, p, strings.length, other.strings.length);
        return new Observable(identity + other.identity, s, p);
    }

    /**
     * The qubits this observable acts on, as a mask with bit q set for qubit q (0 for a multiple of the
     * identity): σ_p·σ_q terms act on p and q, a Pauli string on the positions that are not I.
     */
    long support() {
        return support;
    }

    /** Throws {@link IllegalArgumentException} unless this observable acts on n qubits. */
    void checkQubits(int n) {
        if (exactQubits != 0 && exactQubits != n) {
            throw new IllegalArgumentException("observable: Pauli strings on " + exactQubits
                    + " qubits do not fit a circuit of " + n + " qubits");
        }
        if (minQubits > n) {
            throw new IllegalArgumentException("observable: qubit " + (minQubits - 1)
                    + " does not exist in a circuit of " + n + " qubits");
        }
    }

    /**
     * out[a] = (O ψ)[a] for basis indices a in [from, to) of an n-qubit state. Reads ψ anywhere,
     * writes only that range of out, so disjoint ranges may run concurrently.
     */
    void apply(int n, double[] re, double[] im, double[] outRe, double[] outIm, int from, int to) {
        for (int a = from; a < to; a++) {
            outRe[a] = identity * re[a];
            outIm[a] = identity * im[a];
        }
        for (Swap s : swaps) {
            int mp = 1 << (n - 1 - s.p());
            int mq = 1 << (n - 1 - s.q());
            int both = mp | mq;
            double w = s.weight();
            for (int a = from; a < to; a++) {
                // SWAP exchanges the two bits; it fixes indices where they agree.
                int bits = a & both;
                int src = (bits == 0 || bits == both) ? a : a ^ both;
                outRe[a] += w * re[src];
                outIm[a] += w * im[src];
            }
        }
        for (PauliString s : strings) {
            // c · i^y as a complex number; one of its parts is zero.
            double cr;
            double ci;
            switch (s.yCount() & 3) {
                case 0 -> { cr = s.coefficient(); ci = 0; }
                case 1 -> { cr = 0; ci = s.coefficient(); }
                case 2 -> { cr = -s.coefficient(); ci = 0; }
                default -> { cr = 0; ci = -s.coefficient(); }
            }
            int x = s.xMask();
            int z = s.zMask();
            for (int a = from; a < to; a++) {
                int src = a ^ x;
                // ±1 without a branch: the sign follows the parity of the index bits, which a branch
                // predictor cannot guess
                double sign = 1 - 2 * (Integer.bitCount(src & z) & 1);
                double sr = sign * re[src];
                double si = sign * im[src];
                outRe[a] += cr * sr - ci * si;
                outIm[a] += cr * si + ci * sr;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%.6g·I", identity));
        for (Swap s : swaps) {
            b.append(String.format(Locale.ROOT, " + %.6g·SWAP(%d,%d)", s.weight(), s.p(), s.q()));
        }
        for (PauliString s : strings) {
            b.append(String.format(Locale.ROOT, " + %.6g·%s", s.coefficient(), s.text()));
        }
        return b.toString();
    }
}
