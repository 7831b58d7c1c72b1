package org.qmlff.sim.kernel;

import java.util.SplittableRandom;

/**
 * The kernel contract, checked operation by operation: a candidate kernel set against the scalar
 * reference on every layout of an {@value #N}-qubit state (one-qubit layouts on every bit, both Ex pair
 * families, the structured Ex kernels and the tensor gate's triplet kernels on every pair of bits, fixed
 * two-qubit gates on every ordered pair), over the whole range and split into four chunks, comparing every vector and every summed
 * reduction. Also a {@code main} so that a test can run it in a JVM with another vector width.
 */
final class KernelContract {
    static final int N = 8;
    private static final int SIZE = 1 << N;
    private static final double TOL = 1e-14;
    /** Where the per-chunk results go in the out array, {@value #BLOCK} doubles per chunk; scratch after. */
    private static final int BLOCK = 36;
    private static final int SCRATCH = 4 * BLOCK;

    private final Kernels reference = new ScalarKernels();
    private final Kernels candidate;
    private final SplittableRandom rng = new SplittableRandom(11);
    private int checked;

    KernelContract(Kernels candidate) {
        this.candidate = candidate;
    }

    /** Number of (operation, layout) cases {@link #checkAll} compares: fixed by N, so a test can assert it. */
    static int expectedCases() {
        int oneQubit = N * (4 + 3);                // apply, applyTangent, reverse, reduce2; reverseSu2, reducePauli(2)
        int exParts = N * (N - 1) / 2 * 2 * 4;     // both pair families of every bit pair, the four pair kernels
        int structured = N * (N - 1) / 2 * 4;      // applyEx, applyTangentEx, reverseEx, reduceEx2
        int triplet = N * (N - 1) / 2 * 4;         // applyTriplet, applyTangentTriplet, reverseTriplet, reduceTriplet2
        int fixed = N * (N - 1) + N;               // apply2 on every ordered pair, applyDiag on every bit
        return oneQubit + exParts + structured + triplet + fixed;
    }

    /** Compares every operation on every layout; returns the number of cases compared. */
    int checkAll() {
        for (int lo = 0; lo < N; lo++) {
            pairKernels(lo, Kernels.NO_BIT, 0, 1 << lo, SIZE / 2);
            int bit = lo;
            double[] g = uniform(8, 1.0);
            compare("reverseSu2 lo=" + lo, (k, v, f, t, oo) -> k.reverseSu2(v[0], v[1], v[2], v[3], bit, g, 0, v[8], oo,
                    SCRATCH, f, t), SIZE / 2, 3);
            compare("reducePauli lo=" + lo, (k, v, f, t, oo) -> k.reducePauli(v[0], v[1], v[4], v[5], bit, v[8], oo,
                    SCRATCH, f, t), SIZE / 2, 3);
            compare("reducePauli2 lo=" + lo, (k, v, f, t, oo) -> k.reducePauli2(v[0], v[1], v[2], v[3], v[4], v[5],
                    v[6], v[7], bit, v[8], oo, SCRATCH, f, t), SIZE / 2, 6);
            double[] m = uniform(8, 1.0);
            compare("applyDiag " + lo, (k, v, f, t, oo) -> k.applyDiag(v[0], v[1], bit, m, 0, f, t), SIZE / 2, 0);
            for (int hi = lo + 1; hi < N; hi++) {
                pairKernels(lo, hi, 0, (1 << lo) + (1 << hi), SIZE / 4);
                pairKernels(lo, hi, 1 << lo, 1 << hi, SIZE / 4);
                exKernels(lo, hi);
                tripletKernels(lo, hi);
            }
        }
        double[] u = uniform(32, 0.5);
        for (int p = 0; p < N; p++) {
            for (int q = 0; q < N; q++) {
                if (p != q) {
                    int bp = p;
                    int bq = q;
                    compare("apply2 " + p + "," + q, (k, v, f, t, oo) -> k.apply2(v[0], v[1], bp, bq, u, 0, f, t),
                            SIZE / 4, 0);
                }
            }
        }
        return checked;
    }

    private void pairKernels(int lo, int hi, int o0, int o1, int items) {
        double[] m = uniform(24, 1.0);
        String where = " lo=" + lo + " hi=" + hi + " o0=" + o0 + " o1=" + o1;
        compare("apply" + where, (k, v, f, t, oo) -> k.apply(v[0], v[1], lo, hi, o0, o1, m, 0, f, t), items, 0);
        compare("applyTangent" + where, (k, v, f, t, oo) -> k.applyTangent(v[0], v[1], v[2], v[3], lo, hi, o0, o1,
                m, 0, 8, f, t), items, 0);
        compare("reverse" + where, (k, v, f, t, oo) -> k.reverse(v[0], v[1], v[2], v[3], lo, hi, o0, o1, m, 0, v[8],
                oo, SCRATCH, f, t), items, 8);
        compare("reduce2" + where, (k, v, f, t, oo) -> k.reduce2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], lo,
                hi, o0, o1, v[8], oo, SCRATCH, f, t), items, 16);
    }

    private void exKernels(int lo, int hi) {
        double[] c = uniform(20, 1.0);
        String where = " " + lo + "," + hi;
        compare("applyEx" + where, (k, v, f, t, oo) -> k.applyEx(v[0], v[1], lo, hi, c, 0, f, t), SIZE / 4, 0);
        compare("applyTangentEx" + where, (k, v, f, t, oo) -> k.applyTangentEx(v[0], v[1], v[2], v[3], lo, hi, c, 0,
                4, f, t), SIZE / 4, 0);
        compare("reverseEx" + where, (k, v, f, t, oo) -> k.reverseEx(v[0], v[1], v[2], v[3], lo, hi, c, 8, v[8], oo,
                SCRATCH, f, t), SIZE / 4, 1);
        compare("reduceEx2" + where, (k, v, f, t, oo) -> k.reduceEx2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                lo, hi, v[8], oo, SCRATCH, f, t), SIZE / 4, 2);
    }

    private void tripletKernels(int lo, int hi) {
        double[] m = uniform(36, 1.0);
        String where = " " + lo + "," + hi;
        compare("applyTriplet" + where, (k, v, f, t, oo) -> k.applyTriplet(v[0], v[1], lo, hi, m, 0, f, t), SIZE / 4, 0);
        compare("applyTangentTriplet" + where, (k, v, f, t, oo) -> k.applyTangentTriplet(v[0], v[1], v[2], v[3], lo,
                hi, m, 0, 18, f, t), SIZE / 4, 0);
        compare("reverseTriplet" + where, (k, v, f, t, oo) -> k.reverseTriplet(v[0], v[1], v[2], v[3], lo, hi, m, 18,
                v[8], oo, SCRATCH, f, t), SIZE / 4, 18);
        compare("reduceTriplet2" + where, (k, v, f, t, oo) -> k.reduceTriplet2(v[0], v[1], v[2], v[3], v[4], v[5],
                v[6], v[7], lo, hi, v[8], oo, SCRATCH, f, t), SIZE / 4, 36);
    }

    private interface Call {
        void run(Kernels k, double[][] v, int from, int to, int resultOffset);
    }

    /**
     * Runs the call with both sets on the same random vectors (v[0..8)) and result array (v[8]), over the
     * whole range and over four chunks; throws AssertionError at the first difference beyond TOL.
     */
    private void compare(String what, Call call, int items, int width) {
        double[][] base = new double[9][];
        for (int i = 0; i < 8; i++) {
            base[i] = uniform(SIZE, 1.0 / Math.sqrt(SIZE));
        }
        base[8] = new double[SCRATCH + reference.scratch() + candidate.scratch()];
        for (int chunks : new int[] {1, 4}) {
            double[][] r = copy(base);
            double[][] c = copy(base);
            int per = items / chunks;
            double[] sumR = new double[BLOCK];
            double[] sumC = new double[BLOCK];
            for (int chunk = 0; chunk < chunks; chunk++) {
                call.run(reference, r, chunk * per, (chunk + 1) * per, BLOCK * chunk);
                call.run(candidate, c, chunk * per, (chunk + 1) * per, BLOCK * chunk);
                for (int j = 0; j < width; j++) {
                    sumR[j] += r[8][BLOCK * chunk + j];
                    sumC[j] += c[8][BLOCK * chunk + j];
                }
            }
            for (int i = 0; i < 8; i++) {
                for (int a = 0; a < SIZE; a++) {
                    if (!(Math.abs(c[i][a] - r[i][a]) <= TOL)) {
                        throw new AssertionError(candidate.name() + " vs scalar, " + what + ", " + chunks
                                + " chunks: vector " + i + " [" + a + "] " + c[i][a] + " != " + r[i][a]);
                    }
                }
            }
            for (int j = 0; j < width; j++) {
                if (!(Math.abs(sumC[j] - sumR[j]) <= TOL)) {
                    throw new AssertionError(candidate.name() + " vs scalar, " + what + ", " + chunks
                            + " chunks: result " + j + " " + sumC[j] + " != " + sumR[j]);
                }
            }
        }
        checked++;
    }

    private double[] uniform(int length, double scale) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Checks the vector kernels at this JVM's vector width; prints {@code lanes=L cases=K}, exits 1 on a mismatch. */
    public static void main(String[] args) {
        try {
            int cases = new KernelContract(new VectorKernels()).checkAll();
            System.out.println("lanes=" + VectorKernels.lanes() + " cases=" + cases);
        } catch (AssertionError e) {
            System.out.println("FAILED lanes=" + VectorKernels.lanes() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
