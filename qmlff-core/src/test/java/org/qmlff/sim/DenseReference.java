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
                case TENSOR -> {
                    double[][] e = tensorByExponential(tensorMatrix(z, g.input()));
                    apply2(re, im, n, g.p(), g.q(), e[0], e[1]);
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
        return exponential(ar, ai, 2, 14, squarings);
    }

    /**
     * T = Σ_k t_k B_k, row-major, from t = z[i .. i+5), in the documented basis (docs/RICH.md §Tensor gate):
     * (xy + yx)/√2, (yz + zy)/√2, (2zz − xx − yy)/√6, (xz + zx)/√2, (xx − yy)/√2.
     */
    static double[] tensorMatrix(double[] z, int i) {
        double r2 = Math.sqrt(0.5);
        double r6 = 1 / Math.sqrt(6);
        double xy = z[i] * r2;
        double yz = z[i + 1] * r2;
        double xz = z[i + 3] * r2;
        return new double[] {
            -r6 * z[i + 2] + r2 * z[i + 4], xy, xz,
            xy, -r6 * z[i + 2] - r2 * z[i + 4], yz,
            xz, yz, 2 * r6 * z[i + 2]};
    }

    /** exp(−i Σ_ab T_ab σ_a⊗σ_b) on |pq⟩ by scaling and squaring of its Taylor series; {re, im} row-major 4×4. */
    static double[][] tensorByExponential(double[] t) {
        final int squarings = 12;
        double[][] sr = {{0, 1, 1, 0}, {0, 0, 0, 0}, {1, 0, 0, -1}};
        double[][] si = {{0, 0, 0, 0}, {0, -1, 1, 0}, {0, 0, 0, 0}};
        double k = 1.0 / (1 << squarings);
        double[] ar = new double[16];
        double[] ai = new double[16];
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 3; y++) {
                for (int row = 0; row < 4; row++) {
                    for (int col = 0; col < 4; col++) {
                        int e1 = 2 * (row >> 1) + (col >> 1);
                        int e2 = 2 * (row & 1) + (col & 1);
                        double pr = sr[x][e1] * sr[y][e2] - si[x][e1] * si[y][e2];
                        double pi = sr[x][e1] * si[y][e2] + si[x][e1] * sr[y][e2];
                        // −i T_xy k (pr + i pi)
                        ar[4 * row + col] += t[3 * x + y] * k * pi;
                        ai[4 * row + col] -= t[3 * x + y] * k * pr;
                    }
                }
            }
        }
        return exponential(ar, ai, 4, 16, squarings);
    }

    /**
     * exp(A · 2^squarings) for the dim × dim matrix A = {ar, ai} (row-major, already scaled down by
     * 2^squarings): the Taylor series of A to the given number of terms, then squared squarings times.
     */
    private static double[][] exponential(double[] ar, double[] ai, int dim, int terms, int squarings) {
        double[] sr = new double[dim * dim];
        double[] si = new double[dim * dim];
        for (int e = 0; e < dim * dim; e += dim + 1) {
            sr[e] = 1;
        }
        double[] tr = sr.clone();
        double[] ti = si.clone();
        for (int term = 1; term <= terms; term++) {
            double[][] p = mul(tr, ti, ar, ai, dim);
            for (int e = 0; e < dim * dim; e++) {
                tr[e] = p[0][e] / term;
                ti[e] = p[1][e] / term;
                sr[e] += tr[e];
                si[e] += ti[e];
            }
        }
        for (int s = 0; s < squarings; s++) {
            double[][] p = mul(sr, si, sr, si, dim);
            sr = p[0];
            si = p[1];
        }
        return new double[][] {sr, si};
    }

    /** The product of two complex 4×4 matrices {xr, xi}·{yr, yi}, row-major. */
    static double[][] mul4(double[] xr, double[] xi, double[] yr, double[] yi) {
        return mul(xr, xi, yr, yi, 4);
    }

    /** The product of two complex dim × dim matrices {xr, xi}·{yr, yi}, row-major. */
    private static double[][] mul(double[] xr, double[] xi, double[] yr, double[] yi, int dim) {
        double[] r = new double[dim * dim];
        double[] i = new double[dim * dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                for (int c = 0; c < dim; c++) {
                    r[dim * a + b] += xr[dim * a + c] * yr[dim * c + b] - xi[dim * a + c] * yi[dim * c + b];
                    i[dim * a + b] += xr[dim * a + c] * yi[dim * c + b] + xi[dim * a + c] * yr[dim * c + b];
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
