package org.qmlff.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An observable as a list of weighted Pauli strings (for the oracle) plus the same built through the API. */
record ObservableSpec(List<Term> terms, Observable observable) {

    record Term(double coefficient, String paulis) {
    }

    static ObservableSpec heisenberg(int n, int p, int q) {
        return new ObservableSpec(heisenbergTerms(n, p, q, 1.0), Observable.heisenberg(p, q));
    }

    static ObservableSpec heisenbergMean(int n, int[][] pairs) {
        List<Term> terms = new ArrayList<>();
        for (int[] pair : pairs) {
            terms.addAll(heisenbergTerms(n, pair[0], pair[1], 1.0 / pairs.length));
        }
        return new ObservableSpec(terms, Observable.heisenbergMean(pairs));
    }

    private static List<Term> heisenbergTerms(int n, int p, int q, double w) {
        List<Term> terms = new ArrayList<>();
        for (char c : new char[] {'X', 'Y', 'Z'}) {
            char[] s = "I".repeat(n).toCharArray();
            s[p] = c;
            s[q] = c;
            terms.add(new Term(w, new String(s)));
        }
        return terms;
    }

    /** A random sum: maybe a σ·σ pair, then one to three random Pauli strings. */
    static ObservableSpec random(SplittableRandom rng, int n) {
        List<Term> terms = new ArrayList<>();
        Observable o = null;
        if (n >= 2 && rng.nextBoolean()) {
            int p = rng.nextInt(n);
            int q = (p + 1 + rng.nextInt(n - 1)) % n;
            ObservableSpec h = heisenberg(n, p, q);
            terms.addAll(h.terms());
            o = h.observable();
        }
        int strings = 1 + rng.nextInt(3);
        for (int k = 0; k < strings; k++) {
            StringBuilder b = new StringBuilder();
            for (int q = 0; q < n; q++) {
                b.append("IXYZ".charAt(rng.nextInt(4)));
            }
            double c = 2 * rng.nextDouble() - 1;
            terms.add(new Term(c, b.toString()));
            Observable t = Observable.pauli(c, b.toString());
            o = o == null ? t : o.plus(t);
        }
        return new ObservableSpec(terms, o);
    }
}
