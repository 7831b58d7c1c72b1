package org.qmlff.model;

import org.qmlff.sim.Observable;
import org.qmlff.sim.PauliMasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The rotation-invariant readout observables O_o of the rich model (docs/RICH.md §Readout) on nq
 * qubits, each a real-weighted sum of Pauli strings, in this order:
 * <ol>
 *   <li>pair terms σ_p·σ_q = XX + YY + ZZ, pairs p &lt; q in lexicographic order ({@code pair01}: only (0, 1));</li>
 *   <li>({@code full}, {@code chiral}) double pairs (σ_p·σ_q)(σ_r·σ_s) of disjoint pairs, p &lt; q, r &lt; s,
 *       p &lt; r, lexicographic in (p, q, r, s);</li>
 *   <li>({@code chiral}) triple products σ_p·(σ_q×σ_r) = Σ ε_abc σ_p^a σ_q^b σ_r^c, p &lt; q &lt; r lexicographic
 *       (parity-odd: pseudo-scalars).</li>
 * </ol>
 * Immutable. Expectations are evaluated here from a state vector (basis index b = Σ_q bit_q 2^(n−1−q))
 * for the readout weights' gradients; {@link #summed} gives the weighted sum as a simulator observable
 * for the adjoint passes.
 */
final class RichReadout {
    /** One Pauli string: c · P with P|b⟩ = i^y (−1)^{|b ∧ z|} |b ⊕ x⟩ (as {@link Observable#pauli}). */
    private record Term(double coefficient, int xMask, int zMask, int yCount, String text) {
    }

    private final int nq;
    /** Terms of observable o: {@code terms[first[o]] .. terms[first[o + 1] − 1]}. */
    private final Term[] terms;
    private final int[] first;
    /** Qubits of observable o's pair factors: {p, q} (pair), {p, q, r, s} (double pair), null (triple product). */
    private final int[][] pairQubits;

    RichReadout(String kind, int nq) {
        this.nq = nq;
        List<List<Term>> obs = new ArrayList<>();
        List<int[]> qubits = new ArrayList<>();
        if (kind.equals("pair01")) {
            obs.add(pair(0, 1));
            qubits.add(new int[]{0, 1});
        } else {
            for (int p = 0; p < nq; p++) for (int q = p + 1; q < nq; q++) {
                obs.add(pair(p, q));
                qubits.add(new int[]{p, q});
            }
            if (!kind.equals("pairs")) {
                for (int p = 0; p < nq; p++) for (int q = p + 1; q < nq; q++)
                    for (int r = p + 1; r < nq; r++) for (int s = r + 1; s < nq; s++) {
                        if (r == q || s == q) continue;
                        obs.add(product(pair(p, q), pair(r, s)));
                        qubits.add(new int[]{p, q, r, s});
                    }
            }
            if (kind.equals("chiral")) {
                for (int p = 0; p < nq; p++) for (int q = p + 1; q < nq; q++)
                    for (int r = q + 1; r < nq; r++) {
                        obs.add(triple(p, q, r));
                        qubits.add(null);
                    }
            }
        }
        pairQubits = qubits.toArray(new int[0][]);
        first = new int[obs.size() + 1];
        List<Term> all = new ArrayList<>();
        for (int o = 0; o < obs.size(); o++) {
            first[o] = all.size();
            all.addAll(obs.get(o));
        }
        first[obs.size()] = all.size();
        terms = all.toArray(new Term[0]);
    }

    /**
     * The qubits of observable o's pair factors: {p, q} for σ_p·σ_q, {p, q, r, s} for the double pair
     * (σ_p·σ_q)(σ_r·σ_s), null for a triple product (a copy).
     */
    int[] pairQubits(int o) {
        return pairQubits[o] == null ? null : pairQubits[o].clone();
    }

    /** Number of readout observables. */
    int size() {
        return first.length - 1;
    }

    private static Term term(double c, char[] text) {
        String t = new String(text);
        PauliMasks m = PauliMasks.of(t);
        return new Term(c, m.xMask(), m.zMask(), m.yCount(), t);
    }

    private char[] identity() {
        char[] t = new char[nq];
        java.util.Arrays.fill(t, 'I');
        return t;
    }

    private static final char[] XYZ = {'X', 'Y', 'Z'};

    private List<Term> pair(int p, int q) {
        List<Term> out = new ArrayList<>();
        for (char a : XYZ) {
            char[] t = identity();
            t[p] = a;
            t[q] = a;
            out.add(term(1, t));
        }
        return out;
    }

    private List<Term> product(List<Term> a, List<Term> b) {
        List<Term> out = new ArrayList<>();
        for (Term s : a) for (Term t : b) {
            char[] c = s.text().toCharArray();
            for (int q = 0; q < nq; q++) if (t.text().charAt(q) != 'I') c[q] = t.text().charAt(q);
            out.add(term(s.coefficient() * t.coefficient(), c));
        }
        return out;
    }

    private List<Term> triple(int p, int q, int r) {
        List<Term> out = new ArrayList<>();
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 3; c++) {
            int eps = levi(a, b, c);
            if (eps == 0) continue;
            char[] t = identity();
            t[p] = XYZ[a];
            t[q] = XYZ[b];
            t[r] = XYZ[c];
            out.add(term(eps, t));
        }
        return out;
    }

    private static int levi(int a, int b, int c) {
        if (a == b || b == c || a == c) return 0;
        return ((a + 1) % 3 == b) ? 1 : -1;
    }

    /**
     * Σ_o weights[wOff + o·stride] · O_o as a simulator observable. Built as a balanced tree of sums so
     * that a long readout costs n log n, not n², to assemble.
     */
    Observable summed(double[] weights, int wOff, int stride) {
        Observable[] parts = new Observable[terms.length];
        for (int o = 0; o < size(); o++) {
            double w = weights[wOff + o * stride];
            for (int t = first[o]; t < first[o + 1]; t++)
                parts[t] = Observable.pauli(w * terms[t].coefficient(), terms[t].text());
        }
        for (int width = 1; width < parts.length; width *= 2)
            for (int i = 0; i + width < parts.length; i += 2 * width) parts[i] = parts[i].plus(parts[i + width]);
        return parts[0];
    }

    /**
     * For every observable o: value[o] = ⟨ψ|O_o|ψ⟩ and, if tangent is non-null, tangent[o] =
     * 2 Re⟨ψ|O_o|ψ̇⟩ (the derivative of the expectation along the state's tangent ψ̇).
     */
    void expectations(double[] re, double[] im, double[] dre, double[] dim, double[] value, double[] tangent) {
        int size = 1 << nq;
        for (int o = 0; o < size(); o++) {
            double v = 0, d = 0;
            for (int t = first[o]; t < first[o + 1]; t++) {
                Term term = terms[t];
                v += term.coefficient() * braket(term, re, im, re, im, size);
                if (tangent != null) d += 2 * term.coefficient() * braket(term, re, im, dre, dim, size);
            }
            value[o] = v;
            if (tangent != null) tangent[o] = d;
        }
    }

    /** Re⟨a|P|b⟩ for the Pauli string P of a term (coefficient not applied). */
    private static double braket(Term t, double[] ar, double[] ai, double[] br, double[] bi, int size) {
        int x = t.xMask(), z = t.zMask();
        double sr = 0, si = 0;
        for (int a = 0; a < size; a++) {
            int src = a ^ x;
            double sign = 1 - 2 * (Integer.bitCount(src & z) & 1);
            double pr = sign * br[src], pi = sign * bi[src];
            // conj(a_a) · (P b)_a without the i^y factor
            sr += ar[a] * pr + ai[a] * pi;
            si += ar[a] * pi - ai[a] * pr;
        }
        return switch (t.yCount() & 3) {
            case 0 -> sr;
            case 1 -> -si;
            case 2 -> -sr;
            default -> si;
        };
    }
}
