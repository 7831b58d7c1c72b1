package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qmlff.sim.kernel.Kernels;
import org.qmlff.sim.kernel.ScalarKernels;
import org.qmlff.sim.kernel.VectorKernels;

/**
 * The vector kernels against the scalar reference, kernel by kernel, on every layout of an 8-qubit
 * state (one-qubit gates on every bit, both parts of Ex on every pair of bits, high and low strides),
 * over the whole range and split into chunks; then whole circuits.
 */
class KernelConsistencyTest {
    private static final int N = 8;
    private static final int SIZE = 1 << N;
    private static final double TOL = 1e-14;

    private final Kernels scalar = new ScalarKernels();
    private final Kernels vector = new VectorKernels();

    @Test
    void pairKernelsAgreeOnEveryLayout() {
        SplittableRandom rng = new SplittableRandom(5);
        int layouts = 0;
        for (int lo = 0; lo < N; lo++) {
            // one-qubit layout, then the two Ex parts with every higher bit
            checkLayout(rng, lo, Kernels.NO_BIT, 0, 1 << lo, SIZE / 2);
            final int bit = lo;
            double[] g = CircuitSpec.uniform(rng, 8, 1.0);
            compare(rng, "reverseSu2 lo=" + lo, (k, v, f, t) -> k.reverseSu2(v[0], v[1], v[2], v[3], bit, g, 0, v[8],
                    16 * (f / Math.max(1, t - f)), 200, f, t), SIZE / 2, 3);
            compare(rng, "reducePauli lo=" + lo, (k, v, f, t) -> k.reducePauli(v[0], v[1], v[4], v[5], bit, v[8],
                    16 * (f / Math.max(1, t - f)), 200, f, t), SIZE / 2, 3);
            compare(rng, "reducePauli2 lo=" + lo, (k, v, f, t) -> k.reducePauli2(v[0], v[1], v[2], v[3], v[4], v[5],
                    v[6], v[7], bit, v[8], 16 * (f / Math.max(1, t - f)), 200, f, t), SIZE / 2, 6);
            layouts++;
            for (int hi = lo + 1; hi < N; hi++) {
                checkLayout(rng, lo, hi, 0, (1 << lo) + (1 << hi), SIZE / 4);
                checkLayout(rng, lo, hi, 1 << lo, 1 << hi, SIZE / 4);
                layouts += 2;
            }
        }
        assertThat(layouts).isEqualTo(N + N * (N - 1));
    }

    @Test
    void exAndFixedKernelsAgree() {
        SplittableRandom rng = new SplittableRandom(6);
        double[] c = CircuitSpec.uniform(rng, 4, 1.0);
        double[][] u = CircuitSpec.randomUnitary(rng, 4);
        double[] m = new double[32];
        for (int e = 0; e < 16; e++) {
            m[2 * e] = u[0][e];
            m[2 * e + 1] = u[1][e];
        }
        for (int p = 0; p < N; p++) {
            for (int q = 0; q < N; q++) {
                if (p == q) {
                    continue;
                }
                final int bp = p;
                final int bq = q;
                int lo = Math.min(p, q);
                int hi = Math.max(p, q);
                compare(rng, "applyEx " + lo + "," + hi, (k, v, from, to) -> k.applyEx(v[0], v[1], lo, hi, c, 0, from, to),
                        SIZE / 4, 0);
                if (p < q) {
                    // the structured Ex kernels, on every layout: 2^lo ≥ L lane by lane; lower bits in
                    // ShuffleKernels with both bits in one vector (hi < log2 L) or in two (hi ≥ log2 L)
                    assertThat(vector.structuredEx(lo)).as("structuredEx(%d)", lo).isTrue();
                    double[] e = CircuitSpec.uniform(rng, 8, 1.0);
                    compare(rng, "applyTangentEx " + lo + "," + hi, (k, v, from, to) -> k.applyTangentEx(v[0], v[1],
                            v[2], v[3], lo, hi, e, 0, 4, from, to), SIZE / 4, 0);
                    compare(rng, "reverseEx " + lo + "," + hi, (k, v, from, to) -> k.reverseEx(v[0], v[1], v[2], v[3],
                            lo, hi, e, 0, v[8], 16 * (from / Math.max(1, to - from)), 200, from, to), SIZE / 4, 1);
                    compare(rng, "reduceEx2 " + lo + "," + hi, (k, v, from, to) -> k.reduceEx2(v[0], v[1], v[2], v[3],
                            v[4], v[5], v[6], v[7], lo, hi, v[8], 16 * (from / Math.max(1, to - from)), 200, from, to),
                            SIZE / 4, 2);
                }
                compare(rng, "apply2 " + p + "," + q, (k, v, from, to) -> k.apply2(v[0], v[1], bp, bq, m, 0, from, to),
                        SIZE / 4, 0);
            }
            final int bit = p;
            compare(rng, "applyDiag " + p, (k, v, from, to) -> k.applyDiag(v[0], v[1], bit, m, 0, from, to), SIZE / 2, 0);
        }
    }

    @Test
    void wholeCircuitsAgree() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int n : new int[] {7, 12, 15}) {
            CircuitSpec spec = CircuitSpec.random(rng, n, 30);
            Circuit c = spec.build();
            Observable o = ObservableSpec.random(rng, n).observable();
            int m = c.inputs();
            double[] z = CircuitSpec.uniform(rng, m, 2.0);
            double[] u = CircuitSpec.uniform(rng, m, 1.0);
            double[][] results = new double[2][];
            int r = 0;
            for (KernelKind kind : KernelKind.values()) {
                try (Simulator sim = new Simulator(n, 1, kind)) {
                    double[] out = new double[2 * m + 1];
                    double[] g = new double[m];
                    double[] h = new double[m];
                    out[0] = sim.hessianVectorProduct(c, o, z, u, g, h);
                    System.arraycopy(g, 0, out, 1, m);
                    System.arraycopy(h, 0, out, 1 + m, m);
                    results[r++] = out;
                }
            }
            OracleTest.assertClose(results[1], results[0], "vector vs scalar, " + n + " qubits", 1e-13);
        }
    }

    private interface Call {
        void run(Kernels k, double[][] v, int from, int to);
    }

    private void checkLayout(SplittableRandom rng, int lo, int hi, int o0, int o1, int items) {
        double[] m = CircuitSpec.uniform(rng, 24, 1.0);
        String where = " lo=" + lo + " hi=" + hi + " o0=" + o0 + " o1=" + o1;
        compare(rng, "apply" + where, (k, v, f, t) -> k.apply(v[0], v[1], lo, hi, o0, o1, m, 0, f, t), items, 0);
        compare(rng, "applyTangent" + where,
                (k, v, f, t) -> k.applyTangent(v[0], v[1], v[2], v[3], lo, hi, o0, o1, m, 0, 8, f, t), items, 0);
        compare(rng, "reverse" + where, (k, v, f, t) -> k.reverse(v[0], v[1], v[2], v[3], lo, hi, o0, o1, m, 0,
                v[8], 16 * (f / Math.max(1, t - f)), 200, f, t), items, 8);
        compare(rng, "reduce2" + where, (k, v, f, t) -> k.reduce2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                lo, hi, o0, o1, v[8], 16 * (f / Math.max(1, t - f)), 200, f, t), items, 16);
    }

    /**
     * Runs the call with both kernel sets on the same random normalised vectors, over the whole range
     * and over four chunks, and compares all vectors and the summed reduction results.
     */
    private void compare(SplittableRandom rng, String what, Call call, int items, int width) {
        double[][] base = new double[9][];
        for (int i = 0; i < 8; i++) {
            base[i] = CircuitSpec.uniform(rng, SIZE, 1.0 / Math.sqrt(SIZE));
        }
        base[8] = new double[200 + 16 * 8];
        for (int chunks : new int[] {1, 4}) {
            double[][] s = copy(base);
            double[][] v = copy(base);
            int per = items / chunks;
            double[] sumS = new double[16];
            double[] sumV = new double[16];
            for (int c = 0; c < chunks; c++) {
                call.run(scalar, s, c * per, (c + 1) * per);
                call.run(vector, v, c * per, (c + 1) * per);
                for (int j = 0; j < width; j++) {
                    sumS[j] += s[8][16 * c + j];
                    sumV[j] += v[8][16 * c + j];
                }
            }
            for (int i = 0; i < 8; i++) {
                int worst = 0;
                for (int a = 0; a < SIZE; a++) {
                    if (Math.abs(v[i][a] - s[i][a]) > Math.abs(v[i][worst] - s[i][worst])) {
                        worst = a;
                    }
                }
                assertThat(v[i][worst]).as("%s, %d chunks, vector %d [%d]", what, chunks, i, worst)
                        .isCloseTo(s[i][worst], within(TOL));
            }
            for (int j = 0; j < width; j++) {
                assertThat(sumV[j]).as("%s, %d chunks, result %d", what, chunks, j).isCloseTo(sumS[j], within(TOL));
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
