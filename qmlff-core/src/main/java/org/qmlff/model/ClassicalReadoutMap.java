package org.qmlff.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classical stand-in for a rich circuit's readout (docs/HYBRID.md §Ablations, {@code circuit=classical}):
 * a smooth rotation-invariant map from the same circuit inputs z to one number per readout observable,
 * so that the head, the readout weights and every parameter tensor are exactly those of the quantum model
 * (matched parameter count) and only the circuit is replaced.
 *
 * <p>For a qubit pair π = (p, q), with a_{l,q} = (z[3(l·nq+q)], z[3(l·nq+q)+1], z[3(l·nq+q)+2]) the Enc
 * vector of layer l = 0..D on qubit q and E_π the Ex gates acting on (p, q):
 * <pre>
 *   s_π = Σ_l a_{l,p}·a_{l,q} + Σ_{g ∈ E_π} z[in(g)] + Σ_{h ∈ T_π} Σ_l a_{l,p}ᵀ T_h a_{l,q},     x_π = tanh(s_π),
 * </pre>
 * where T_π are the tensor gates on (p, q) (tensor=on) and T_h = Σ_k z[in(h)+k] B_k the symmetric traceless
 * matrix of gate h (docs/RICH.md §Tensor gate, basis B_0..B_4); a_pᵀ T a_q is invariant because T turns as
 * R T Rᵀ when the a turn as R a, and even under inversion.
 * the observable σ_p·σ_q maps to x_π and the double pair (σ_p·σ_q)(σ_r·σ_s) to x_π·x_ρ. The dot products
 * are rotation-invariant (all a_{l,q} turn together) and even under inversion; tanh keeps each feature
 * bounded as an expectation value is. Triple products (readout=chiral) have no counterpart here.
 *
 * <p>Derivatives are exact: with x' = 1 − x², x'' = −2x·x', ∇x_π = x'∇s_π and
 * ∇²x_π·u = x'·∇²s_π·u + x''·(∇s_π·u)·∇s_π; products by the product rule. Immutable; the per-call
 * buffers live in a {@link Work}, one per thread.
 */
final class ClassicalReadoutMap {
    private final int nq;
    private final int encLayers;
    /** Pair π: its qubits and the circuit inputs of its Ex gates. */
    private final int[] pairP, pairQ;
    private final int[][] couplingInputs;
    /** Pair π: the first circuit inputs of its tensor gates (five each). */
    private final int[][] tensorInputs;
    /** Observable o: its first pair factor and its second (−1 for a single pair). */
    private final int[] first, second;

    /**
     * @param readout   the readout whose observables are mapped (no triple products)
     * @param nq        qubits per circuit
     * @param encLayers Enc layers D + 1
     * @param exA       first qubit of each Ex gate
     * @param exB       second qubit of each Ex gate
     * @param exInput   circuit input index of each Ex gate
     */
    ClassicalReadoutMap(RichReadout readout, int nq, int encLayers, int[] exA, int[] exB, int[] exInput) {
        this(readout, nq, encLayers, exA, exB, exInput, new int[0], new int[0], new int[0]);
    }

    /**
     * @param tensorA     first qubit of each tensor gate
     * @param tensorB     second qubit of each tensor gate
     * @param tensorInput first of the five circuit inputs of each tensor gate
     */
    ClassicalReadoutMap(RichReadout readout, int nq, int encLayers, int[] exA, int[] exB, int[] exInput,
                        int[] tensorA, int[] tensorB, int[] tensorInput) {
        this.nq = nq;
        this.encLayers = encLayers;
        int n = readout.size();
        first = new int[n];
        second = new int[n];
        List<int[]> pairs = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            int[] qs = readout.pairQubits(o);
            if (qs == null)
                throw new IllegalArgumentException("the classical readout map has no counterpart of triple products");
            first[o] = pairIndex(pairs, qs[0], qs[1]);
            second[o] = qs.length == 4 ? pairIndex(pairs, qs[2], qs[3]) : -1;
        }
        int np = pairs.size();
        pairP = new int[np];
        pairQ = new int[np];
        couplingInputs = new int[np][];
        tensorInputs = new int[np][];
        for (int k = 0; k < np; k++) {
            int p = pairs.get(k)[0], q = pairs.get(k)[1];
            pairP[k] = p;
            pairQ[k] = q;
            int[] in = new int[exA.length];
            int m = 0;
            for (int g = 0; g < exA.length; g++)
                if (Math.min(exA[g], exB[g]) == p && Math.max(exA[g], exB[g]) == q) in[m++] = exInput[g];
            couplingInputs[k] = Arrays.copyOf(in, m);
            int[] tin = new int[tensorA.length];
            m = 0;
            for (int g = 0; g < tensorA.length; g++)
                if (Math.min(tensorA[g], tensorB[g]) == p && Math.max(tensorA[g], tensorB[g]) == q) tin[m++] = tensorInput[g];
            tensorInputs[k] = Arrays.copyOf(tin, m);
        }
    }

    private static int pairIndex(List<int[]> pairs, int p, int q) {
        for (int k = 0; k < pairs.size(); k++) if (pairs.get(k)[0] == p && pairs.get(k)[1] == q) return k;
        pairs.add(new int[]{p, q});
        return pairs.size() - 1;
    }

    /** Number of mapped observables (the readout's size). */
    int size() {
        return first.length;
    }

    /** Per-pair buffers of one evaluation. */
    final class Work {
        final double[] x = new double[pairP.length];
        final double[] dx = new double[pairP.length];
        final double[] slope = new double[pairP.length];
        final double[] curvature = new double[pairP.length];
        final double[] sDot = new double[pairP.length];
        final double[] weight = new double[pairP.length];
        final double[] tangentWeight = new double[pairP.length];
        /** T_h and T(u_h) of the tensor gate at hand, row-major 3×3. */
        final double[] tm = new double[9], tu = new double[9];
    }

    Work newWork() {
        return new Work();
    }

    private int enc(int layer, int qubit) {
        return 3 * (layer * nq + qubit);
    }

    /** x_π, x'_π, x''_π and, if u is non-null, ṡ_π = ∇s_π·u and ẋ_π. */
    private void pairs(double[] z, double[] u, Work w) {
        for (int k = 0; k < pairP.length; k++) {
            double s = 0, sd = 0;
            for (int l = 0; l < encLayers; l++) {
                int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
                s += z[a] * z[b] + z[a + 1] * z[b + 1] + z[a + 2] * z[b + 2];
                if (u != null)
                    sd += z[a] * u[b] + z[a + 1] * u[b + 1] + z[a + 2] * u[b + 2]
                            + u[a] * z[b] + u[a + 1] * z[b + 1] + u[a + 2] * z[b + 2];
            }
            for (int in : couplingInputs[k]) {
                s += z[in];
                if (u != null) sd += u[in];
            }
            for (int in : tensorInputs[k]) {
                tensorMatrix(z, in, w.tm);
                if (u != null) tensorMatrix(u, in, w.tu);
                for (int l = 0; l < encLayers; l++) {
                    int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
                    s += bilinear(z, a, w.tm, z, b);
                    if (u != null)
                        sd += bilinear(u, a, w.tm, z, b) + bilinear(z, a, w.tm, u, b) + bilinear(z, a, w.tu, z, b);
                }
            }
            double x = Math.tanh(s);
            double slope = 1 - x * x;
            w.x[k] = x;
            w.slope[k] = slope;
            w.curvature[k] = -2 * x * slope;
            w.sDot[k] = sd;
            w.dx[k] = slope * sd;
        }
    }

    /** value[o] = x_o(z) and, if u is non-null, tangent[o] = ∇x_o·u. */
    void values(double[] z, double[] u, double[] value, double[] tangent, Work w) {
        pairs(z, u, w);
        for (int o = 0; o < first.length; o++) {
            int a = first[o], b = second[o];
            value[o] = b < 0 ? w.x[a] : w.x[a] * w.x[b];
            if (u != null) tangent[o] = b < 0 ? w.dx[a] : w.dx[a] * w.x[b] + w.x[a] * w.dx[b];
        }
    }

    /**
     * Σ_o weights[o]·x_o(z); writes g = Σ_o weights[o]·∇x_o (every entry of g is set, nIn of them).
     */
    double gradient(double[] weights, double[] z, double[] g, Work w) {
        pairs(z, null, w);
        double value = pairWeights(weights, w, false);
        Arrays.fill(g, 0.0);
        for (int k = 0; k < pairP.length; k++) addGradientOfS(k, w.weight[k] * w.slope[k], z, g, w);
        return value;
    }

    /** g as {@link #gradient}; hu = Σ_o weights[o]·∇²x_o·u (every entry set). */
    void hessianVectorProduct(double[] weights, double[] z, double[] u, double[] g, double[] hu, Work w) {
        pairs(z, u, w);
        pairWeights(weights, w, true);
        Arrays.fill(g, 0.0);
        Arrays.fill(hu, 0.0);
        for (int k = 0; k < pairP.length; k++) {
            double along = w.weight[k] * w.slope[k];
            addGradientOfS(k, along, z, g, w);
            addHessianOfS(k, along, z, u, hu, w);
            addGradientOfS(k, w.weight[k] * w.curvature[k] * w.sDot[k] + w.tangentWeight[k] * w.slope[k], z, hu, w);
        }
    }

    /**
     * The weight of each ∇x_π in Σ_o weights[o]·∇x_o (single pairs: weights[o]; double pairs: weights[o] times
     * the partner's x) and, with {@code tangent}, of each ∇x_π in the product-rule part of the Hessian
     * (weights[o] times the partner's ẋ); returns Σ_o weights[o]·x_o.
     */
    private double pairWeights(double[] weights, Work w, boolean tangent) {
        Arrays.fill(w.weight, 0.0);
        Arrays.fill(w.tangentWeight, 0.0);
        double value = 0;
        for (int o = 0; o < first.length; o++) {
            int a = first[o], b = second[o];
            double c = weights[o];
            if (b < 0) {
                value += c * w.x[a];
                w.weight[a] += c;
            } else {
                value += c * w.x[a] * w.x[b];
                w.weight[a] += c * w.x[b];
                w.weight[b] += c * w.x[a];
                if (tangent) {
                    w.tangentWeight[a] += c * w.dx[b];
                    w.tangentWeight[b] += c * w.dx[a];
                }
            }
        }
        return value;
    }

    /** out += c·∇s_π (at z). */
    private void addGradientOfS(int k, double c, double[] z, double[] out, Work w) {
        for (int l = 0; l < encLayers; l++) {
            int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
            for (int t = 0; t < 3; t++) {
                out[a + t] += c * z[b + t];
                out[b + t] += c * z[a + t];
            }
        }
        for (int in : couplingInputs[k]) out[in] += c;
        for (int in : tensorInputs[k]) {
            // ∂/∂a_p = T a_q, ∂/∂a_q = T a_p (T symmetric), ∂/∂t_k = a_pᵀ B_k a_q
            tensorMatrix(z, in, w.tm);
            for (int l = 0; l < encLayers; l++) {
                int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
                addMatrixTimes(c, w.tm, z, b, out, a);
                addMatrixTimes(c, w.tm, z, a, out, b);
                addBasisForms(c, z, a, z, b, out, in);
            }
        }
    }

    /**
     * out += c·∇²s_π·u at z. The dot products are quadratic (their Hessian swaps the two qubits' Enc vectors);
     * a tensor term a_pᵀ T(t) a_q is trilinear, so each of its three factors pairs with u in the other two.
     */
    private void addHessianOfS(int k, double c, double[] z, double[] u, double[] out, Work w) {
        for (int l = 0; l < encLayers; l++) {
            int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
            for (int t = 0; t < 3; t++) {
                out[a + t] += c * u[b + t];
                out[b + t] += c * u[a + t];
            }
        }
        for (int in : tensorInputs[k]) {
            tensorMatrix(z, in, w.tm);
            tensorMatrix(u, in, w.tu);
            for (int l = 0; l < encLayers; l++) {
                int a = enc(l, pairP[k]), b = enc(l, pairQ[k]);
                addMatrixTimes(c, w.tm, u, b, out, a);
                addMatrixTimes(c, w.tu, z, b, out, a);
                addMatrixTimes(c, w.tm, u, a, out, b);
                addMatrixTimes(c, w.tu, z, a, out, b);
                addBasisForms(c, u, a, z, b, out, in);
                addBasisForms(c, z, a, u, b, out, in);
            }
        }
    }

    private static final double R2 = Math.sqrt(0.5), R6 = 1 / Math.sqrt(6);

    /** m = Σ_k t[at+k] B_k (docs/RICH.md §Tensor gate: B_0 = (xy+yx)/√2, (yz+zy)/√2, (2zz−xx−yy)/√6, (xz+zx)/√2, (xx−yy)/√2). */
    static void tensorMatrix(double[] t, int at, double[] m) {
        double t0 = t[at], t1 = t[at + 1], t2 = t[at + 2], t3 = t[at + 3], t4 = t[at + 4];
        m[0] = -R6 * t2 + R2 * t4;
        m[4] = -R6 * t2 - R2 * t4;
        m[8] = 2 * R6 * t2;
        m[1] = m[3] = R2 * t0;
        m[5] = m[7] = R2 * t1;
        m[2] = m[6] = R2 * t3;
    }

    /** xᵀ M y for the 3-vectors x at {@code a} and y at {@code b}. */
    private static double bilinear(double[] x, int a, double[] m, double[] y, int b) {
        double s = 0;
        for (int r = 0; r < 3; r++) s += x[a + r] * (m[3 * r] * y[b] + m[3 * r + 1] * y[b + 1] + m[3 * r + 2] * y[b + 2]);
        return s;
    }

    /** out[o..o+2] += c·M·y[b..b+2]. */
    private static void addMatrixTimes(double c, double[] m, double[] y, int b, double[] out, int o) {
        for (int r = 0; r < 3; r++) out[o + r] += c * (m[3 * r] * y[b] + m[3 * r + 1] * y[b + 1] + m[3 * r + 2] * y[b + 2]);
    }

    /** out[in+k] += c·xᵀ B_k y for k = 0..4 (x at a, y at b). */
    private static void addBasisForms(double c, double[] x, int a, double[] y, int b, double[] out, int in) {
        double xx = x[a] * y[b], yy = x[a + 1] * y[b + 1], zz = x[a + 2] * y[b + 2];
        out[in] += c * R2 * (x[a] * y[b + 1] + x[a + 1] * y[b]);
        out[in + 1] += c * R2 * (x[a + 1] * y[b + 2] + x[a + 2] * y[b + 1]);
        out[in + 2] += c * R6 * (2 * zz - xx - yy);
        out[in + 3] += c * R2 * (x[a] * y[b + 2] + x[a + 2] * y[b]);
        out[in + 4] += c * R2 * (xx - yy);
    }
}
