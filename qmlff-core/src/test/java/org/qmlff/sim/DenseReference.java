package org.qmlff.sim;

/**
 * A plain double-precision reference simulator written independently of the one under test: gates
 * as explicit matrices applied by scanning every basis index, Enc as the Taylor-series matrix
 * exponential, the observable one Pauli matrix per qubit. Slow but simple; for n up to ~16.
 */
final class DenseReference {
    private DenseReference() {
    }

    /** The final state {re, im} of the circuit at inputs z. */
    static double[][] state(CircuitSpec spec, double[] z) {
        int n = spec.qubits();
        int size = 1 << n;
        double[] re = new double[size];
        double[] im = new double[size];
        re[0] = 1;
        for (CircuitSpec.GateSpec g : spec.gates()) {
            switch (g.kind()) {
                case SINGLET -> {
                    double h = Math.sqrt(0.5);
                    apply2(re, im, n, g.p(), g.q(), new double[] {0, h, h, 0, h, 0, 0, h, -h, 0, 0, h, 0, h, -h, 0},
                            new double[16]);
                }
                case GATE1 -> apply1(re, im, n, g.p(), g.re(), g.im());
                case GATE2 -> apply2(re, im, n, g.p(), g.q(), g.re(), g.im());
                case ENC -> {
                    double[][] e = encByExponential(z[g.input()], z[g.input() + 1], z[g.input() + 2]);
                    apply1(re, im, n, g.p(), e[0], e[1]);
                }
                case RZ -> {
                    double h = 0.5 * z[g.input()];
                    apply1(re, im, n, g.p(), new double[] {Math.cos(h), 0, 0, Math.cos(h)},
                            new double[] {-Math.sin(h), 0, 0, Math.sin(h)});
                }
                case EX -> {
                    double j = z[g.input()];
                    // e^{iJ}[cos 2J · I − i sin 2J · SWAP]
                    double pr = Math.cos(j);
                    double pi = Math.sin(j);
                    double c = Math.cos(2 * j);
                    double s = Math.sin(2 * j);
                    double dr = pr * c;
                    double di = pi * c;
                    double or = pi * s;
                    double oi = -pr * s;
                    double[] mr = {dr + or, 0, 0, 0, 0, dr, or, 0, 0, or, dr, 0, 0, 0, 0, dr + or};
                    double[] mi = {di + oi, 0, 0, 0, 0, di, oi, 0, 0, oi, di, 0, 0, 0, 0, di + oi};
                    apply2(re, im, n, g.p(), g.q(), mr, mi);
                }
            }
        }
        return new double[][] {re, im};
    }

    /** ⟨O⟩ of the circuit at z. */
    static double expectation(CircuitSpec spec, ObservableSpec obs, double[] z) {
        double[][] psi = state(spec, z);
        int n = spec.qubits();
        double total = 0;
        for (ObservableSpec.Term t : obs.terms()) {
            double[] re = psi[0].clone();
            double[] im = psi[1].clone();
            for (int q = 0; q < n; q++) {
                switch (t.paulis().charAt(q)) {
                    case 'X' -> apply1(re, im, n, q, new double[] {0, 1, 1, 0}, new double[4]);
                    case 'Y' -> apply1(re, im, n, q, new double[4], new double[] {0, -1, 1, 0});
                    case 'Z' -> apply1(re, im, n, q, new double[] {1, 0, 0, -1}, new double[4]);
                    default -> { }
                }
            }
            double s = 0;
            for (int a = 0; a < re.length; a++) {
                s += psi[0][a] * re[a] + psi[1][a] * im[a];
            }
            total += t.coefficient() * s;
        }
        return total;
    }

    /** exp(−i v·σ/2) by scaling and squaring of its Taylor series; {re, im} row-major. */
    static double[][] encByExponential(double vx, double vy, double vz) {
        final int squarings = 10;
        double k = 0.5 / (1 << squarings);
        // A = −i (v·σ) k = [[−i vz, −vy − i vx], [vy − i vx, i vz]] k
        double[] ar = {0, -vy * k, vy * k, 0};
        double[] ai = {-vz * k, -vx * k, -vx * k, vz * k};
        double[] sr = {1, 0, 0, 1};
        double[] si = {0, 0, 0, 0};
        double[] tr = sr.clone();
        double[] ti = si.clone();
        for (int term = 1; term <= 14; term++) {
            double[][] p = mul(tr, ti, ar, ai);
            for (int e = 0; e < 4; e++) {
                tr[e] = p[0][e] / term;
                ti[e] = p[1][e] / term;
                sr[e] += tr[e];
                si[e] += ti[e];
            }
        }
        for (int s = 0; s < squarings; s++) {
            double[][] p = mul(sr, si, sr, si);
            sr = p[0];
            si = p[1];
        }
        return new double[][] {sr, si};
    }

    private static double[][] mul(double[] xr, double[] xi, double[] yr, double[] yi) {
        double[] r = new double[4];
        double[] i = new double[4];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 2; c++) {
                    r[2 * a + b] += xr[2 * a + c] * yr[2 * c + b] - xi[2 * a + c] * yi[2 * c + b];
                    i[2 * a + b] += xr[2 * a + c] * yi[2 * c + b] + xi[2 * a + c] * yr[2 * c + b];
                }
            }
        }
        return new double[][] {r, i};
    }

    static void apply1(double[] re, double[] im, int n, int q, double[] mr, double[] mi) {
        double[] or = re.clone();
        double[] oi = im.clone();
        int mask = 1 << (n - 1 - q);
        for (int a = 0; a < re.length; a++) {
            int row = (a & mask) != 0 ? 1 : 0;
            int a0 = a & ~mask;
            int a1 = a | mask;
            re[a] = mr[2 * row] * or[a0] - mi[2 * row] * oi[a0] + mr[2 * row + 1] * or[a1] - mi[2 * row + 1] * oi[a1];
            im[a] = mr[2 * row] * oi[a0] + mi[2 * row] * or[a0] + mr[2 * row + 1] * oi[a1] + mi[2 * row + 1] * or[a1];
        }
    }

    static void apply2(double[] re, double[] im, int n, int p, int q, double[] mr, double[] mi) {
        double[] or = re.clone();
        double[] oi = im.clone();
        int mp = 1 << (n - 1 - p);
        int mq = 1 << (n - 1 - q);
        for (int a = 0; a < re.length; a++) {
            int row = ((a & mp) != 0 ? 2 : 0) + ((a & mq) != 0 ? 1 : 0);
            int base = a & ~mp & ~mq;
            double sr = 0;
            double si = 0;
            for (int col = 0; col < 4; col++) {
                int b = base | ((col & 2) != 0 ? mp : 0) | ((col & 1) != 0 ? mq : 0);
                sr += mr[4 * row + col] * or[b] - mi[4 * row + col] * oi[b];
                si += mr[4 * row + col] * oi[b] + mi[4 * row + col] * or[b];
            }
            re[a] = sr;
            im[a] = si;
        }
    }
}
