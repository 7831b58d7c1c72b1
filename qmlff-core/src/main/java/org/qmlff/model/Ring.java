package org.qmlff.model;

/** The qubit pairings and observables of MODELS.md shared by both architectures. */
final class Ring {
    private Ring() {
    }

    /**
     * Ring pairs of n qubits in MODELS.md order: even pairs (0,1), (2,3), …, then odd pairs (1,2),
     * (3,4), …, (n−1, 0). For n = 2 only (0,1).
     */
    static int[][] pairs(int n) {
        if (n == 2) return new int[][]{{0, 1}};
        int[][] out = new int[n][];
        int k = 0;
        for (int p = 0; p + 1 < n; p += 2) out[k++] = new int[]{p, p + 1};
        for (int p = 1; p < n; p += 2) out[k++] = new int[]{p, (p + 1) % n};
        return out;
    }
}
