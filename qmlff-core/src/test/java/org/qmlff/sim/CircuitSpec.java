package org.qmlff.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A circuit as plain data, so that a test can build the simulator's {@link Circuit} and an independent
 * oracle from the same description, and random circuits of every gate kind for the tests.
 */
record CircuitSpec(int qubits, List<GateSpec> gates) {

    enum Kind { SINGLET, ENC, EX, RZ, GATE1, GATE2, TENSOR }

    /** The kinds {@link #random} draws from (without TENSOR, so that the older tests' circuits stay what they were). */
    private static final Kind[] CLASSIC = {Kind.SINGLET, Kind.ENC, Kind.EX, Kind.RZ, Kind.GATE1, Kind.GATE2};

    /** One gate; {@code re}, {@code im} are the row-major matrix of GATE1/GATE2. */
    record GateSpec(Kind kind, int p, int q, int input, double[] re, double[] im) {
    }

    int inputs() {
        int max = -1;
        for (GateSpec g : gates) {
            switch (g.kind()) {
                case ENC -> max = Math.max(max, g.input() + 2);
                case TENSOR -> max = Math.max(max, g.input() + 4);
                case EX, RZ -> max = Math.max(max, g.input());
                default -> { }
            }
        }
        return max + 1;
    }

    Circuit build() {
        Circuit.Builder b = Circuit.builder(qubits);
        for (GateSpec g : gates) {
            switch (g.kind()) {
                case SINGLET -> b.singlet(g.p(), g.q());
                case ENC -> b.enc(g.p(), g.input());
                case EX -> b.ex(g.p(), g.q(), g.input());
                case RZ -> b.rz(g.p(), g.input());
                case GATE1 -> b.gate1(g.p(), g.re(), g.im());
                case GATE2 -> b.gate2(g.p(), g.q(), g.re(), g.im());
                case TENSOR -> b.tensor(g.p(), g.q(), g.input());
            }
        }
        return b.build();
    }

    /**
     * A random circuit of {@code gateCount} gates of all kinds on n qubits; about one parametric gate
     * in five reuses inputs of an earlier one (so shared inputs are covered).
     */
    static CircuitSpec random(SplittableRandom rng, int n, int gateCount) {
        return random(rng, n, gateCount, CLASSIC);
    }

    /** As {@link #random}, drawing tensor gates too (one gate in seven). */
    static CircuitSpec randomWithTensor(SplittableRandom rng, int n, int gateCount) {
        return random(rng, n, gateCount, Kind.values());
    }

    private static CircuitSpec random(SplittableRandom rng, int n, int gateCount, Kind[] kinds) {
        List<GateSpec> gates = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < gateCount; k++) {
            Kind kind = kinds[rng.nextInt(kinds.length)];
            boolean two = kind == Kind.SINGLET || kind == Kind.EX || kind == Kind.GATE2 || kind == Kind.TENSOR;
            if (n == 1 && two) {
                kind = Kind.ENC;
                two = false;
            }
            int p = rng.nextInt(n);
            int q = -1;
            if (two) {
                q = rng.nextInt(n - 1);
                if (q >= p) {
                    q++;
                }
            }
            int width = kind == Kind.ENC ? 3 : kind == Kind.TENSOR ? 5 : 1;
            int input = -1;
            if (kind == Kind.ENC || kind == Kind.EX || kind == Kind.RZ || kind == Kind.TENSOR) {
                if (next >= width && rng.nextInt(5) == 0) {
                    input = rng.nextInt(next - width + 1);
                } else {
                    input = next;
                    next += width;
                }
            }
            double[][] u = null;
            if (kind == Kind.GATE1) {
                u = randomUnitary(rng, 2);
            } else if (kind == Kind.GATE2) {
                u = randomUnitary(rng, 4);
            }
            gates.add(new GateSpec(kind, p, q, input, u == null ? null : u[0], u == null ? null : u[1]));
        }
        return new CircuitSpec(n, gates);
    }

    /** The layered circuit of the le model: singlets, then Enc layers and Ex on the ring pairs. */
    static CircuitSpec layered(int n, int depth) {
        List<GateSpec> gates = new ArrayList<>();
        for (int p = 0; p + 1 < n; p += 2) {
            gates.add(new GateSpec(Kind.SINGLET, p, p + 1, -1, null, null));
        }
        int[][] pairs = ringPairs(n);
        int next = 0;
        for (int q = 0; q < n; q++) {
            gates.add(new GateSpec(Kind.ENC, q, -1, next, null, null));
            next += 3;
        }
        for (int d = 0; d < depth; d++) {
            for (int[] pair : pairs) {
                gates.add(new GateSpec(Kind.EX, pair[0], pair[1], next++, null, null));
            }
            for (int q = 0; q < n; q++) {
                gates.add(new GateSpec(Kind.ENC, q, -1, next, null, null));
                next += 3;
            }
        }
        return new CircuitSpec(n, gates);
    }

    /** Ring pairs per MODELS.md: (0,1), (2,3), …, then (1,2), (3,4), …, (n−1, 0); for n = 2 only (0,1). */
    static int[][] ringPairs(int n) {
        List<int[]> pairs = new ArrayList<>();
        for (int p = 0; p + 1 < n; p += 2) {
            pairs.add(new int[] {p, p + 1});
        }
        if (n > 2) {
            for (int p = 1; p < n; p += 2) {
                pairs.add(new int[] {p, (p + 1) % n});
            }
        }
        return pairs.toArray(new int[0][]);
    }

    /** A Haar-ish random unitary: Gram–Schmidt on complex Gaussian columns; {re, im} row-major. */
    static double[][] randomUnitary(SplittableRandom rng, int dim) {
        double[][] cr = new double[dim][dim];
        double[][] ci = new double[dim][dim];
        for (int c = 0; c < dim; c++) {
            for (int r = 0; r < dim; r++) {
                cr[c][r] = gaussian(rng);
                ci[c][r] = gaussian(rng);
            }
            for (int prev = 0; prev < c; prev++) {
                double dr = 0;
                double di = 0;
                for (int r = 0; r < dim; r++) {
                    dr += cr[prev][r] * cr[c][r] + ci[prev][r] * ci[c][r];
                    di += cr[prev][r] * ci[c][r] - ci[prev][r] * cr[c][r];
                }
                for (int r = 0; r < dim; r++) {
                    cr[c][r] -= dr * cr[prev][r] - di * ci[prev][r];
                    ci[c][r] -= dr * ci[prev][r] + di * cr[prev][r];
                }
            }
            double norm = 0;
            for (int r = 0; r < dim; r++) {
                norm += cr[c][r] * cr[c][r] + ci[c][r] * ci[c][r];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < dim; r++) {
                cr[c][r] /= norm;
                ci[c][r] /= norm;
            }
        }
        double[] re = new double[dim * dim];
        double[] im = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                re[r * dim + c] = cr[c][r];
                im[r * dim + c] = ci[c][r];
            }
        }
        return new double[][] {re, im};
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static double[] uniform(SplittableRandom rng, int length, double scale) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return v;
    }
}
