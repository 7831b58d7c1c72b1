package org.qmlff.sim;

import java.util.List;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.complex.FieldComplex;

/**
 * An independent exact reference: the whole state as {@code FieldComplex<DerivativeStructure>} with
 * every input a free parameter (order 2), each gate built from its definition in MODELS.md — Enc as
 * the matrix exponential exp(−i v·σ/2) by scaling-and-squaring of its Taylor series (not the closed
 * form the simulator uses), Ex from e^{iJ}[cos 2J·I − i sin 2J·SWAP], RZ from exp(∓iφ/2), the tensor gate
 * as the 4×4 matrix exponential of −i Σ T_ab σ_a⊗σ_b by scaling and squaring (not the triplet
 * eigen-decomposition the simulator uses) — and the
 * observable applied one Pauli matrix per qubit. The value of ⟨O⟩ and all its first and second
 * partial derivatives follow by automatic differentiation.
 */
final class FieldOracle {
    private final DSFactory factory;
    private final DerivativeStructure zero;

    private FieldOracle(int parameters) {
        this.factory = new DSFactory(parameters, 2);
        this.zero = factory.constant(0);
    }

    /** A typed array of the given entries (all FieldComplex&lt;DerivativeStructure&gt;). */
    @SuppressWarnings("unchecked")
    private static FieldComplex<DerivativeStructure>[] arr(Object... entries) {
        FieldComplex<DerivativeStructure>[] a = newArray(entries.length);
        for (int i = 0; i < entries.length; i++) {
            a[i] = (FieldComplex<DerivativeStructure>) entries[i];
        }
        return a;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FieldComplex<DerivativeStructure>[] newArray(int length) {
        return new FieldComplex[length];
    }

    /** ⟨O⟩ as a DerivativeStructure in the inputs z (one free parameter per input). */
    static DerivativeStructure expectation(CircuitSpec spec, ObservableSpec obs, double[] z) {
        FieldOracle o = new FieldOracle(Math.max(1, spec.inputs()));
        return o.run(spec, obs, z);
    }

    /** Gradient from the structure. */
    static double[] gradient(DerivativeStructure f, int m) {
        double[] g = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = f.getPartialDerivative(orders(f.getFreeParameters(), i, -1));
        }
        return g;
    }

    /** H·u from the structure. */
    static double[] hessianTimes(DerivativeStructure f, double[] u, int m) {
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += f.getPartialDerivative(orders(f.getFreeParameters(), i, j)) * u[j];
            }
            h[i] = s;
        }
        return h;
    }

    private static int[] orders(int p, int i, int j) {
        int[] o = new int[p];
        o[i]++;
        if (j >= 0) {
            o[j]++;
        }
        return o;
    }

    private FieldComplex<DerivativeStructure> c(double re, double im) {
        return new FieldComplex<>(factory.constant(re), factory.constant(im));
    }

    private FieldComplex<DerivativeStructure> c(DerivativeStructure re, DerivativeStructure im) {
        return new FieldComplex<>(re, im);
    }

    private DerivativeStructure run(CircuitSpec spec, ObservableSpec obs, double[] z) {
        int n = spec.qubits();
        int size = 1 << n;
        DerivativeStructure[] v = new DerivativeStructure[Math.max(1, spec.inputs())];
        for (int i = 0; i < v.length; i++) {
            v[i] = factory.variable(i, i < z.length ? z[i] : 0);
        }
        FieldComplex<DerivativeStructure>[] psi = newArray(size);
        for (int a = 0; a < size; a++) {
            psi[a] = c(a == 0 ? 1 : 0, 0);
        }
        for (CircuitSpec.GateSpec g : spec.gates()) {
            switch (g.kind()) {
                case SINGLET -> {
                    double h = Math.sqrt(0.5);
                    double[] re = {0, h, h, 0, h, 0, 0, h, -h, 0, 0, h, 0, h, -h, 0};
                    psi = apply2(psi, n, g.p(), g.q(), constantMatrix(re, new double[16]));
                }
                case GATE1 -> psi = apply1(psi, n, g.p(), constantMatrix(g.re(), g.im()));
                case GATE2 -> psi = apply2(psi, n, g.p(), g.q(), constantMatrix(g.re(), g.im()));
                case ENC -> psi = apply1(psi, n, g.p(), encByExponential(v[g.input()], v[g.input() + 1], v[g.input() + 2]));
                case RZ -> {
                    DerivativeStructure half = v[g.input()].multiply(0.5);
                    FieldComplex<DerivativeStructure>[] m = arr(
                        c(half.cos(), half.sin().negate()), c(0, 0), c(0, 0), c(half.cos(), half.sin()));
                    psi = apply1(psi, n, g.p(), m);
                }
                case TENSOR -> psi = apply2(psi, n, g.p(), g.q(), tensorByExponential(v, g.input()));
                case EX -> {
                    DerivativeStructure j = v[g.input()];
                    FieldComplex<DerivativeStructure> phase = c(j.cos(), j.sin());
                    FieldComplex<DerivativeStructure> diag = phase.multiply(c(j.multiply(2).cos(), zero));
                    FieldComplex<DerivativeStructure> off = phase.multiply(c(zero, j.multiply(2).sin().negate()));
                    FieldComplex<DerivativeStructure> zc = c(0, 0);
                    // e^{iJ}[cos 2J · I − i sin 2J · SWAP] in the basis |00⟩, |01⟩, |10⟩, |11⟩
                    FieldComplex<DerivativeStructure>[] m = arr(
                        diag.add(off), zc, zc, zc,
                        zc, diag, off, zc,
                        zc, off, diag, zc,
                        zc, zc, zc, diag.add(off));
                    psi = apply2(psi, n, g.p(), g.q(), m);
                }
            }
        }
        DerivativeStructure total = zero;
        for (ObservableSpec.Term t : obs.terms()) {
            FieldComplex<DerivativeStructure>[] phi = psi.clone();
            for (int q = 0; q < n; q++) {
                char p = t.paulis().charAt(q);
                if (p != 'I') {
                    phi = apply1(phi, n, q, pauli(p));
                }
            }
            DerivativeStructure s = zero;
            for (int a = 0; a < size; a++) {
                s = s.add(psi[a].conjugate().multiply(phi[a]).getRealPart());
            }
            total = total.add(s.multiply(t.coefficient()));
        }
        return total;
    }

    private FieldComplex<DerivativeStructure>[] pauli(char p) {
        return switch (p) {
            case 'X' -> arr(c(0, 0), c(1, 0), c(1, 0), c(0, 0));
            case 'Y' -> arr(c(0, 0), c(0, -1), c(0, 1), c(0, 0));
            case 'Z' -> arr(c(1, 0), c(0, 0), c(0, 0), c(-1, 0));
            default -> throw new IllegalArgumentException("Pauli " + p);
        };
    }

    private FieldComplex<DerivativeStructure>[] constantMatrix(double[] re, double[] im) {
        FieldComplex<DerivativeStructure>[] m = newArray(re.length);
        for (int k = 0; k < re.length; k++) {
            m[k] = c(re[k], im[k]);
        }
        return m;
    }

    /** exp(A) with A = −i(v·σ)/2: A/2^S by a Taylor series of TERMS terms, then squared S times. */
    FieldComplex<DerivativeStructure>[] encByExponential(DerivativeStructure vx, DerivativeStructure vy,
                                                         DerivativeStructure vz) {
        final int squarings = 10;
        final int terms = 12;
        double scale = -0.5 / (1 << squarings);
        // −i (v·σ)/2 / 2^S with v·σ = [[vz, vx − i vy], [vx + i vy, −vz]]:
        // [[−i vz, −vy − i vx], [vy − i vx, i vz]] / 2^(S+1); scale is −1/2^(S+1)
        FieldComplex<DerivativeStructure>[] a = arr(
            c(zero, vz.multiply(scale)), c(vy.multiply(scale), vx.multiply(scale)),
            c(vy.multiply(-scale), vx.multiply(scale)), c(zero, vz.multiply(-scale)));
        return exponential(a, 2, terms, squarings);
    }

    /**
     * exp(−iH), H = Σ_ab T_ab σ_a⊗σ_b on |pq⟩, T = Σ_k t_k B_k from t = v[i .. i+5) in the documented basis, order
     * xy, yz, 3z²−r², xz, x²−y² ({@link DenseReference#tensorMatrix}, written out again here): −iH/2^S by
     * a Taylor series, then squared S times.
     */
    FieldComplex<DerivativeStructure>[] tensorByExponential(DerivativeStructure[] v, int i) {
        final int squarings = 10;
        final int terms = 14;
        double r2 = Math.sqrt(0.5);
        double r6 = 1 / Math.sqrt(6);
        DerivativeStructure[] t = new DerivativeStructure[9];
        t[1] = v[i].multiply(r2);
        t[3] = t[1];
        t[5] = v[i + 1].multiply(r2);
        t[7] = t[5];
        t[2] = v[i + 3].multiply(r2);
        t[6] = t[2];
        t[0] = v[i + 2].multiply(-r6).add(v[i + 4].multiply(r2));
        t[4] = v[i + 2].multiply(-r6).subtract(v[i + 4].multiply(r2));
        t[8] = v[i + 2].multiply(2 * r6);
        List<FieldComplex<DerivativeStructure>[]> sigma = List.of(pauli('X'), pauli('Y'), pauli('Z'));
        FieldComplex<DerivativeStructure>[] a = newArray(16);
        for (int e = 0; e < 16; e++) {
            a[e] = c(0, 0);
        }
        double scale = 1.0 / (1 << squarings);
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 3; y++) {
                // (σ_x ⊗ σ_y)_{(r1 r2),(c1 c2)} = σ_x[r1][c1] σ_y[r2][c2], times −i T_xy / 2^S
                FieldComplex<DerivativeStructure> w = c(zero, t[3 * x + y].multiply(-scale));
                for (int row = 0; row < 4; row++) {
                    for (int col = 0; col < 4; col++) {
                        FieldComplex<DerivativeStructure> s = sigma.get(x)[2 * (row >> 1) + (col >> 1)]
                                .multiply(sigma.get(y)[2 * (row & 1) + (col & 1)]);
                        a[4 * row + col] = a[4 * row + col].add(w.multiply(s));
                    }
                }
            }
        }
        return exponential(a, 4, terms, squarings);
    }

    /**
     * exp(A · 2^squarings) for the dim × dim matrix A (row-major, already scaled down by 2^squarings): the
     * Taylor series of A to the given number of terms, then squared squarings times.
     */
    private FieldComplex<DerivativeStructure>[] exponential(FieldComplex<DerivativeStructure>[] a, int dim, int terms,
                                                            int squarings) {
        FieldComplex<DerivativeStructure>[] sum = newArray(dim * dim);
        for (int e = 0; e < dim * dim; e++) {
            sum[e] = c(e % (dim + 1) == 0 ? 1 : 0, 0);
        }
        FieldComplex<DerivativeStructure>[] term = sum.clone();
        for (int k = 1; k <= terms; k++) {
            term = mul(term, a, dim);
            for (int e = 0; e < dim * dim; e++) {
                term[e] = term[e].divide(k);
                sum[e] = sum[e].add(term[e]);
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = mul(sum, sum, dim);
        }
        return sum;
    }

    /** The product of two dim × dim matrices, row-major. */
    private static FieldComplex<DerivativeStructure>[] mul(FieldComplex<DerivativeStructure>[] x,
                                                           FieldComplex<DerivativeStructure>[] y, int dim) {
        FieldComplex<DerivativeStructure>[] r = newArray(dim * dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                FieldComplex<DerivativeStructure> s = x[dim * i].multiply(y[j]);
                for (int k = 1; k < dim; k++) {
                    s = s.add(x[dim * i + k].multiply(y[dim * k + j]));
                }
                r[dim * i + j] = s;
            }
        }
        return r;
    }

    private static FieldComplex<DerivativeStructure>[] apply1(FieldComplex<DerivativeStructure>[] psi, int n, int q,
                                                              FieldComplex<DerivativeStructure>[] m) {
        FieldComplex<DerivativeStructure>[] out = newArray(psi.length);
        int mask = 1 << (n - 1 - q);
        for (int a = 0; a < psi.length; a++) {
            int row = (a & mask) != 0 ? 1 : 0;
            int a0 = a & ~mask;
            int a1 = a | mask;
            out[a] = m[2 * row].multiply(psi[a0]).add(m[2 * row + 1].multiply(psi[a1]));
        }
        return out;
    }

    private static FieldComplex<DerivativeStructure>[] apply2(FieldComplex<DerivativeStructure>[] psi, int n, int p,
                                                              int q, FieldComplex<DerivativeStructure>[] m) {
        FieldComplex<DerivativeStructure>[] out = newArray(psi.length);
        int mp = 1 << (n - 1 - p);
        int mq = 1 << (n - 1 - q);
        for (int a = 0; a < psi.length; a++) {
            int row = ((a & mp) != 0 ? 2 : 0) + ((a & mq) != 0 ? 1 : 0);
            int base = a & ~mp & ~mq;
            FieldComplex<DerivativeStructure> s = null;
            for (int col = 0; col < 4; col++) {
                int b = base | ((col & 2) != 0 ? mp : 0) | ((col & 1) != 0 ? mq : 0);
                FieldComplex<DerivativeStructure> t = m[4 * row + col].multiply(psi[b]);
                s = s == null ? t : s.add(t);
            }
            out[a] = s;
        }
        return out;
    }
}
