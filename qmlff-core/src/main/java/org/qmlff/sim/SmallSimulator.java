package org.qmlff.sim;

import java.util.Arrays;

/**
 * Exact simulation of circuits of at most {@value #MAX_QUBITS} qubits with the value, gradient and
 * Hessian-vector product of ⟨O⟩(z), the same results as {@link Simulator}'s offset methods (to
 * rounding) at a fraction of the cost: the per-atom circuits of the revised model have 16 amplitudes,
 * where the general machinery (2×2 matrix slots per gate, chunked sweeps, generic kernels) is mostly
 * overhead. Arguments are not validated here (the caller, {@link Simulator}, does that).
 *
 * <p>Method: as {@link Simulator} (forward; adjoint reverse sweep that uncomputes ψ; forward-over-reverse
 * for the Hessian-vector product with four state vectors), in the <em>same-point</em> form. With
 * ψ_{k−1} = G_k†ψ_k and λ_{k−1} = G_k†λ_k (both after the reverse step of gate k) and the generator
 * T_a = G_k†∂_aG_k (anti-Hermitian), ∂_a⟨O⟩ = 2 Re⟨λ_{k−1}|T_a ψ_{k−1}⟩. Every parametric gate has a
 * generator that is a small real combination of Pauli operators, so the reduction is one to three real
 * sums over the state instead of a full 2×2 complex matrix:
 * <ul>
 *   <li>Enc(v) = C I − i S (v·σ) (C, S functions of t = |v|², see {@link EncFunctions}): T_a =
 *       −(i/2) Σ_b c_ab σ_b with c_ab = 2CS δ_ab + (4CS' + S²) v_a v_b − 2S² ε_abc v_c, so
 *       ∂_a⟨O⟩ = Σ_b c_ab R_b, R_b = Im⟨λ|σ_b ψ⟩. (In θ = |v|: 2CS = sin θ/θ, 4CS' + S² =
 *       (1 − sin θ/θ)/θ², 2S² = (1 − cos θ)/θ²; written through C, S, S', S'' all coefficients and
 *       their t-derivatives are entire in t, hence smooth at v = 0.)</li>
 *   <li>Ex(J) = exp(−iJH), H = XX+YY+ZZ = I − 4P_a (P_a the projector on the antisymmetric state
 *       (|01⟩ − |10⟩)/√2): T = −iH, ∂_J⟨O⟩ = 2 Im⟨λ|Hψ⟩ = −8 Im⟨λ|P_aψ⟩ (see {@link #exReverse}).</li>
 *   <li>RZ(φ) = exp(−iφZ/2): T = −(i/2)Z, ∂_φ⟨O⟩ = Im⟨λ|Zψ⟩.</li>
 * </ul>
 * The tensor gate is the exception: its generators are not a few Pauli terms, so it runs the chunked
 * engine's triplet kernels and matrix form ({@link TensorFormulas}) over the whole state, in the order
 * of that engine's reverse sweep (ψ̇ ← G†ψ̇ + Xψ, reductions, λ̇ ← G†λ̇ + Ġ†λ).
 * Hessian-vector product along u: with W_k = Σ_a u_a T_a (the gate's tangent generator, Ġ = GW) the
 * forward pass carries ψ̇_k = G_k(ψ̇_{k−1} + W_kψ_{k−1}); λ̇_K = Oψ̇_K; the reverse step, after ψ ← G†ψ
 * and λ ← G†λ, takes ψ̇ ← G†ψ̇ − Wψ and λ̇ ← G†λ̇ − Wλ (W anti-Hermitian, so Ġ† = −WG†), and
 * (Hu)_a += Σ_b c_ab S_b + Σ_b ċ_ab R_b with S_b = Im(⟨λ̇|σ_bψ⟩ + ⟨λ|σ_bψ̇⟩) and ċ = (d/du) c (zero for
 * Ex and RZ, whose generators are constant).
 *
 * <p>States are split real/imaginary arrays of 2^{@value #MAX_QUBITS}; basis index b = Σ_q bit_q 2^{n−1−q}.
 * Not thread-safe (use one per thread); allocates nothing after construction except the per-gate data,
 * which grows when a circuit with more gates than any before arrives. Deterministic.
 */
final class SmallSimulator {
    /** Largest number of qubits. */
    static final int MAX_QUBITS = 6;

    static final int VALUE = 0;
    static final int GRADIENT = 1;
    static final int HVP = 2;

    // Per-gate data, STRIDE doubles per gate in `data`. Enc: G = a I − i b·σ at E_G (a, bx, by, bz);
    // c (row-major 3×3, row a = input a) at E_C; −W = 0·I − i h·σ with h = −w/2 at E_H (w_b = Σ_a u_a c_ab);
    // ċ at E_CDOT.
    static final int E_G = 0;
    static final int E_C = 4;
    static final int E_H = 13;
    static final int E_CDOT = 16;
    // Ex: α = e^{−iJ} (re, im), β = e^{3iJ} (re, im), u_J. RZ: e = e^{−iφ/2} (re, im), u_φ.
    static final int X_ALPHA = 0;
    static final int X_BETA = 2;
    static final int X_U = 4;
    static final int Z_E = 0;
    static final int Z_U = 2;
    /** Doubles per gate (LaneSimulator keeps the same layout, each field LANES wide). */
    static final int STRIDE = 25;

    private final double[] psiRe = new double[1 << MAX_QUBITS];
    private final double[] psiIm = new double[1 << MAX_QUBITS];
    private final double[] lamRe = new double[1 << MAX_QUBITS];
    private final double[] lamIm = new double[1 << MAX_QUBITS];
    private final double[] dpsiRe = new double[1 << MAX_QUBITS];
    private final double[] dpsiIm = new double[1 << MAX_QUBITS];
    private final double[] dlamRe = new double[1 << MAX_QUBITS];
    private final double[] dlamIm = new double[1 << MAX_QUBITS];
    /**
     * The state after the leading fixed gates of {@link #prefixOf} (the singlets of the model circuits):
     * it depends on the circuit alone, and circuits are immutable, so it is computed once per circuit.
     */
    private final double[] prefixRe = new double[1 << MAX_QUBITS];
    private final double[] prefixIm = new double[1 << MAX_QUBITS];
    private Circuit prefixOf;
    /** C, S, S', S'' of an Enc gate ({@link GateFormulas#enc}). */
    private final double[] fn = new double[GateFormulas.ENC_FUNCTIONS];
    /** The reductions of one gate in the reverse sweep: R_b at 0..3, S_b at 3..6. */
    private final double[] red = new double[6];
    private double[] data = new double[0];
    /**
     * The blocks of the tensor gates ({@link TensorFormulas}), {@link TensorFormulas#BLOCK} doubles per gate
     * index, allocated only for circuits that have tensor gates (the others keep their small per-gate data).
     */
    private double[] tensor = new double[0];
    private final double[] tensorWork = new double[TensorFormulas.WORK];
    /** A tensor gate's reductions N(λ, ψ) and its tangent (the kernels need no scratch: scalar ones). */
    private final double[] tensorRed = new double[TensorFormulas.REDUCTIONS + KernelPolicy.SMALL_PATH_KERNELS.scratch()];

    /** A simulator with its state vectors for up to {@value #MAX_QUBITS} qubits. */
    SmallSimulator() {
    }

    /** ⟨O⟩ at inputs z[zOff ..]. */
    double expectation(Circuit c, Observable o, double[] z, int zOff) {
        checkSize(c);
        prepare(c, z, zOff, null, 0, VALUE);
        forward(c, false);
        return observe(c.qubits(), o, psiRe, psiIm, lamRe, lamIm);
    }

    /** ⟨O⟩ at z, and ∂⟨O⟩/∂z written to grad[gOff .. gOff + c.inputs()). */
    double gradient(Circuit c, Observable o, double[] z, int zOff, double[] grad, int gOff) {
        checkSize(c);
        prepare(c, z, zOff, null, 0, GRADIENT);
        forward(c, false);
        double value = observe(c.qubits(), o, psiRe, psiIm, lamRe, lamIm);
        Arrays.fill(grad, gOff, gOff + c.inputs(), 0.0);
        reverse(c, false, grad, gOff, null, 0);
        return value;
    }

    /** ⟨O⟩ at z; the gradient to grad[gOff ..] and H·u (H the Hessian in z) to hvp[hOff ..]. */
    double hessianVectorProduct(Circuit c, Observable o, double[] z, int zOff, double[] u, int uOff,
                                double[] grad, int gOff, double[] hvp, int hOff) {
        checkSize(c);
        int n = c.qubits();
        prepare(c, z, zOff, u, uOff, HVP);
        forward(c, true);
        double value = observe(n, o, psiRe, psiIm, lamRe, lamIm);
        observe(n, o, dpsiRe, dpsiIm, dlamRe, dlamIm);
        Arrays.fill(grad, gOff, gOff + c.inputs(), 0.0);
        Arrays.fill(hvp, hOff, hOff + c.inputs(), 0.0);
        reverse(c, true, grad, gOff, hvp, hOff);
        return value;
    }

    private static void checkSize(Circuit c) {
        if (c.qubits() > MAX_QUBITS) {
            throw new IllegalArgumentException("small simulator: the circuit has " + c.qubits()
                    + " qubits, more than " + MAX_QUBITS);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Per-gate data

    /** Fills the data of every parametric gate that the call at this level needs. */
    private void prepare(Circuit c, double[] z, int zOff, double[] u, int uOff, int level) {
        int need = c.gateCount() * STRIDE;
        if (data.length < need) {
            data = new double[need];
        }
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            int i = g.input();
            int d = k * STRIDE;
            switch (g.kind()) {
                case ENC -> prepareEnc(z[zOff + i], z[zOff + i + 1], z[zOff + i + 2],
                        level == HVP ? u[uOff + i] : 0, level == HVP ? u[uOff + i + 1] : 0,
                        level == HVP ? u[uOff + i + 2] : 0, level, d);
                case EX -> {
                    GateFormulas.exPhases(z[zOff + i], data, d + X_ALPHA);
                    data[d + X_U] = level == HVP ? u[uOff + i] : 0;
                }
                case RZ -> {
                    GateFormulas.rzPhase(z[zOff + i], data, d + Z_E);
                    data[d + Z_U] = level == HVP ? u[uOff + i] : 0;
                }
                case TENSOR -> {
                    int needTensor = c.gateCount() * TensorFormulas.BLOCK;
                    if (tensor.length < needTensor) {
                        tensor = new double[needTensor];
                    }
                    TensorFormulas.prepare(z, zOff + i, u, uOff + i, level, tensor, k * TensorFormulas.BLOCK,
                            tensorWork);
                }
                default -> { }
            }
        }
    }

    private void prepareEnc(double vx, double vy, double vz, double ux, double uy, double uz, int level, int d) {
        double[] e = data;
        GateFormulas.enc(vx, vy, vz, fn, e, d + E_G);
        if (level == VALUE) {
            return;
        }
        GateFormulas.encGenerator(fn, vx, vy, vz, e, d + E_C);
        if (level != HVP) {
            return;
        }
        // h = −w/2, w_b = Σ_a u_a c_ab (−W = −Σ_a u_a T_a = −i h·σ)
        for (int b = 0; b < 3; b++) {
            e[d + E_H + b] = -0.5 * (ux * e[d + E_C + b] + uy * e[d + E_C + 3 + b] + uz * e[d + E_C + 6 + b]);
        }
        GateFormulas.encGeneratorTangent(fn, vx, vy, vz, ux, uy, uz, e, d + E_CDOT);
    }

    // ---------------------------------------------------------------------------------------------
    // Sweeps

    /** ψ ← U|0…0⟩, and with {@code tangent} ψ̇ ← (d/du) U|0…0⟩. */
    private void forward(Circuit c, boolean tangent) {
        int n = c.qubits();
        int size = 1 << n;
        int first = c.firstParametric();
        if (prefixOf != c) {
            Arrays.fill(prefixRe, 0, size, 0.0);
            Arrays.fill(prefixIm, 0, size, 0.0);
            prefixRe[0] = 1.0;
            for (int k = 0; k < first; k++) {
                Gate g = c.gate(k);
                applyFixed(n, g, g.matrix(), prefixRe, prefixIm);
            }
            prefixOf = c;
        }
        System.arraycopy(prefixRe, 0, psiRe, 0, size);
        System.arraycopy(prefixIm, 0, psiIm, 0, size);
        if (tangent) {
            // ψ̇ = 0 before the first parametric gate.
            Arrays.fill(dpsiRe, 0, size, 0.0);
            Arrays.fill(dpsiIm, 0, size, 0.0);
        }
        for (int k = first; k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            int d = k * STRIDE;
            switch (g.kind()) {
                case ENC -> {
                    int m = mask(n, g.p());
                    if (tangent) {
                        encForwardTangent(size, m, d);
                    } else {
                        su2(psiRe, psiIm, size, m, data[d + E_G], data[d + E_G + 1], data[d + E_G + 2],
                                data[d + E_G + 3]);
                    }
                }
                case EX -> exForward(size, mask(n, g.p()), mask(n, g.q()), d, tangent);
                case RZ -> rzForward(size, mask(n, g.p()), d, tangent);
                case TENSOR -> tensorForward(n, g, k * TensorFormulas.BLOCK, tangent);
                default -> {
                    applyFixed(n, g, g.matrix(), psiRe, psiIm);
                    if (tangent) {
                        applyFixed(n, g, g.matrix(), dpsiRe, dpsiIm);
                    }
                }
            }
        }
    }

    /**
     * The reverse sweep from the last gate down to the first parametric one: uncomputes ψ (and ψ̇),
     * carries λ (and λ̇), and adds each gate's derivatives into grad (and hvp).
     */
    private void reverse(Circuit c, boolean hvpToo, double[] grad, int gOff, double[] hvp, int hOff) {
        int n = c.qubits();
        int size = 1 << n;
        for (int k = c.gateCount() - 1; k >= c.firstParametric(); k--) {
            Gate g = c.gate(k);
            int d = k * STRIDE;
            int in = g.input();
            switch (g.kind()) {
                case ENC -> {
                    encReverse(size, mask(n, g.p()), d, hvpToo);
                    for (int a = 0; a < 3; a++) {
                        int row = d + E_C + 3 * a;
                        grad[gOff + in + a] += dot3(data, row, red, 0);
                        if (hvpToo) {
                            hvp[hOff + in + a] += dot3(data, row, red, 3) + dot3(data, d + E_CDOT + 3 * a, red, 0);
                        }
                    }
                }
                case EX -> {
                    exReverse(size, mask(n, g.p()), mask(n, g.q()), d, hvpToo);
                    grad[gOff + in] += red[0];
                    if (hvpToo) {
                        hvp[hOff + in] += red[3];
                    }
                }
                case RZ -> {
                    rzReverse(size, mask(n, g.p()), d, hvpToo);
                    grad[gOff + in] += red[0];
                    if (hvpToo) {
                        hvp[hOff + in] += red[3];
                    }
                }
                case TENSOR -> {
                    int t = k * TensorFormulas.BLOCK;
                    tensorReverse(n, g, t, hvpToo);
                    TensorFormulas.contract(tensor, t, tensorRed, 0, hvpToo, grad, gOff + in, hvp, hOff + in);
                }
                default -> {
                    applyFixed(n, g, g.adjoint(), psiRe, psiIm);
                    applyFixed(n, g, g.adjoint(), lamRe, lamIm);
                    if (hvpToo) {
                        applyFixed(n, g, g.adjoint(), dpsiRe, dpsiIm);
                        applyFixed(n, g, g.adjoint(), dlamRe, dlamIm);
                    }
                }
            }
        }
    }

    /** out ← O x over the n-qubit state; returns ⟨x|O|x⟩ (real: O is Hermitian). */
    private static double observe(int n, Observable o, double[] xr, double[] xi, double[] outRe, double[] outIm) {
        int size = 1 << n;
        o.apply(n, xr, xi, outRe, outIm, 0, size);
        double s = 0;
        for (int a = 0; a < size; a++) {
            s += xr[a] * outRe[a] + xi[a] * outIm[a];
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------
    // Enc: one qubit, the pairs (i0, i1 = i0 + m) of amplitudes differing in its bit m.
    // A matrix a I − i b·σ maps (x0, x1) to ((a − i bz) x0 − (by + i bx) x1, (by − i bx) x0 + (a + i bz) x1).

    /** x ← (a I − i b·σ) x on every pair of bit m. */
    private static void su2(double[] re, double[] im, int size, int m, double a, double bx, double by, double bz) {
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            double x0r = re[i0];
            double x0i = im[i0];
            double x1r = re[i1];
            double x1i = im[i1];
            re[i0] = a * x0r + bz * x0i - by * x1r + bx * x1i;
            im[i0] = a * x0i - bz * x0r - by * x1i - bx * x1r;
            re[i1] = by * x0r + bx * x0i + a * x1r - bz * x1i;
            im[i1] = by * x0i - bx * x0r + a * x1i + bz * x1r;
        }
    }

    /**
     * ψ̇ ← G(ψ̇ + Wψ), ψ ← Gψ. (The same as Gψ̇ + Ġψ, but W = −i(−h)·σ has no identity part, so this
     * takes 12 fewer products per pair.)
     */
    private void encForwardTangent(int size, int m, int d) {
        double a = data[d + E_G];
        double bx = data[d + E_G + 1];
        double by = data[d + E_G + 2];
        double bz = data[d + E_G + 3];
        // W = 0·I − i (−h)·σ
        double hx = -data[d + E_H];
        double hy = -data[d + E_H + 1];
        double hz = -data[d + E_H + 2];
        double[] xr = psiRe;
        double[] xi = psiIm;
        double[] yr = dpsiRe;
        double[] yi = dpsiIm;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            double x0r = xr[i0];
            double x0i = xi[i0];
            double x1r = xr[i1];
            double x1i = xi[i1];
            double y0r = yr[i0] + (hz * x0i - hy * x1r + hx * x1i);
            double y0i = yi[i0] + (-hz * x0r - hy * x1i - hx * x1r);
            double y1r = yr[i1] + (hy * x0r + hx * x0i - hz * x1i);
            double y1i = yi[i1] + (hy * x0i - hx * x0r + hz * x1r);
            yr[i0] = a * y0r + bz * y0i - by * y1r + bx * y1i;
            yi[i0] = a * y0i - bz * y0r - by * y1i - bx * y1r;
            yr[i1] = by * y0r + bx * y0i + a * y1r - bz * y1i;
            yi[i1] = by * y0i - bx * y0r + a * y1i + bz * y1r;
            xr[i0] = a * x0r + bz * x0i - by * x1r + bx * x1i;
            xi[i0] = a * x0i - bz * x0r - by * x1i - bx * x1r;
            xr[i1] = by * x0r + bx * x0i + a * x1r - bz * x1i;
            xi[i1] = by * x0i - bx * x0r + a * x1i + bz * x1r;
        }
    }

    /**
     * Reverse step of an Enc gate: ψ ← G†ψ, λ ← G†λ and R_b = Im⟨λ|σ_bψ⟩ into red[0..3); with
     * {@code hvpToo} also ψ̇ ← G†ψ̇ − Wψ, λ̇ ← G†λ̇ − Wλ (new ψ, λ) and S_b = Im(⟨λ̇|σ_bψ⟩ + ⟨λ|σ_bψ̇⟩)
     * into red[3..6), all of the updated vectors. G† = a I + i b·σ; −W = −i h·σ. One pass for ψ and λ,
     * then one per tangent, rather than a single loop, which has more live values than there are registers.
     */
    private void encReverse(int size, int m, int d, boolean hvpToo) {
        double a = data[d + E_G];
        double bx = -data[d + E_G + 1];
        double by = -data[d + E_G + 2];
        double bz = -data[d + E_G + 3];
        double rx = 0;
        double ry = 0;
        double rz = 0;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            // ψ ← G†ψ
            double x0r = psiRe[i0];
            double x0i = psiIm[i0];
            double x1r = psiRe[i1];
            double x1i = psiIm[i1];
            double p0r = a * x0r + bz * x0i - by * x1r + bx * x1i;
            double p0i = a * x0i - bz * x0r - by * x1i - bx * x1r;
            double p1r = by * x0r + bx * x0i + a * x1r - bz * x1i;
            double p1i = by * x0i - bx * x0r + a * x1i + bz * x1r;
            psiRe[i0] = p0r;
            psiIm[i0] = p0i;
            psiRe[i1] = p1r;
            psiIm[i1] = p1i;
            // λ ← G†λ
            x0r = lamRe[i0];
            x0i = lamIm[i0];
            x1r = lamRe[i1];
            x1i = lamIm[i1];
            double l0r = a * x0r + bz * x0i - by * x1r + bx * x1i;
            double l0i = a * x0i - bz * x0r - by * x1i - bx * x1r;
            double l1r = by * x0r + bx * x0i + a * x1r - bz * x1i;
            double l1i = by * x0i - bx * x0r + a * x1i + bz * x1r;
            lamRe[i0] = l0r;
            lamIm[i0] = l0i;
            lamRe[i1] = l1r;
            lamIm[i1] = l1i;
            rx += pauliX(l0r, l0i, l1r, l1i, p0r, p0i, p1r, p1i);
            ry += pauliY(l0r, l0i, l1r, l1i, p0r, p0i, p1r, p1i);
            rz += pauliZ(l0r, l0i, l1r, l1i, p0r, p0i, p1r, p1i);
        }
        red[0] = rx;
        red[1] = ry;
        red[2] = rz;
        if (hvpToo) {
            encReverseTangents(size, m, d);
        }
    }

    /**
     * The tangent half of {@link #encReverse}, after ψ and λ have been updated: ψ̇ ← G†ψ̇ − Wψ, λ̇ ← G†λ̇ − Wλ,
     * S_b = Im(⟨λ|σ_bψ̇⟩ + ⟨λ̇|σ_bψ⟩).
     */
    private void encReverseTangents(int size, int m, int d) {
        // S from ⟨λ|σψ̇⟩, then from ⟨λ̇|σψ⟩ (the roles of the two states swap: Im⟨x|σy⟩ = −Im⟨y|σx⟩).
        encTangentPass(dpsiRe, dpsiIm, psiRe, psiIm, lamRe, lamIm, size, m, d, 3);
        double sx = red[3];
        double sy = red[4];
        double sz = red[5];
        encTangentPass(dlamRe, dlamIm, lamRe, lamIm, psiRe, psiIm, size, m, d, 3);
        red[3] = sx - red[3];
        red[4] = sy - red[4];
        red[5] = sz - red[5];
    }

    /**
     * y ← G†y − Wx on every pair of bit m, and red[o + b] = Im⟨w|σ_b y⟩ of the updated y (G† = a I + i b·σ,
     * −W = −i h·σ).
     */
    private void encTangentPass(double[] yr, double[] yi, double[] xr, double[] xi, double[] wr, double[] wi,
                                int size, int m, int d, int o) {
        double a = data[d + E_G];
        double bx = -data[d + E_G + 1];
        double by = -data[d + E_G + 2];
        double bz = -data[d + E_G + 3];
        double hx = data[d + E_H];
        double hy = data[d + E_H + 1];
        double hz = data[d + E_H + 2];
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            double p0r = xr[i0];
            double p0i = xi[i0];
            double p1r = xr[i1];
            double p1i = xi[i1];
            double x0r = yr[i0];
            double x0i = yi[i0];
            double x1r = yr[i1];
            double x1i = yi[i1];
            double q0r = a * x0r + bz * x0i - by * x1r + bx * x1i + (hz * p0i - hy * p1r + hx * p1i);
            double q0i = a * x0i - bz * x0r - by * x1i - bx * x1r + (-hz * p0r - hy * p1i - hx * p1r);
            double q1r = by * x0r + bx * x0i + a * x1r - bz * x1i + (hy * p0r + hx * p0i - hz * p1i);
            double q1i = by * x0i - bx * x0r + a * x1i + bz * x1r + (hy * p0i - hx * p0r + hz * p1r);
            yr[i0] = q0r;
            yi[i0] = q0i;
            yr[i1] = q1r;
            yi[i1] = q1i;
            double w0r = wr[i0];
            double w0i = wi[i0];
            double w1r = wr[i1];
            double w1i = wi[i1];
            sx += pauliX(w0r, w0i, w1r, w1i, q0r, q0i, q1r, q1i);
            sy += pauliY(w0r, w0i, w1r, w1i, q0r, q0i, q1r, q1i);
            sz += pauliZ(w0r, w0i, w1r, w1i, q0r, q0i, q1r, q1i);
        }
        red[o] = sx;
        red[o + 1] = sy;
        red[o + 2] = sz;
    }

    /** Im of the pair's share of ⟨l|X x⟩: Im(l̄0 x1 + l̄1 x0). */
    private static double pauliX(double l0r, double l0i, double l1r, double l1i,
                                 double x0r, double x0i, double x1r, double x1i) {
        return l0r * x1i - l0i * x1r + l1r * x0i - l1i * x0r;
    }

    /** Im of the pair's share of ⟨l|Y x⟩: Im(−i l̄0 x1 + i l̄1 x0) = Re(l̄1 x0) − Re(l̄0 x1). */
    private static double pauliY(double l0r, double l0i, double l1r, double l1i,
                                 double x0r, double x0i, double x1r, double x1i) {
        return l1r * x0r + l1i * x0i - l0r * x1r - l0i * x1i;
    }

    /** Im of the pair's share of ⟨l|Z x⟩: Im(l̄0 x0 − l̄1 x1). */
    private static double pauliZ(double l0r, double l0i, double l1r, double l1i,
                                 double x0r, double x0i, double x1r, double x1i) {
        return l0r * x0i - l0i * x0r - l1r * x1i + l1i * x1r;
    }

    private static double dot3(double[] x, int xo, double[] y, int yo) {
        return x[xo] * y[yo] + x[xo + 1] * y[yo + 1] + x[xo + 2] * y[yo + 2];
    }

    // ---------------------------------------------------------------------------------------------
    // Ex on bits mp, mq. In the eigenbasis of H = XX+YY+ZZ it is diagonal: α = e^{−iJ} on |00⟩, |11⟩ and
    // on s = x01 + x10 (symmetric, H = 1), β = e^{3iJ} on d = x01 − x10 (antisymmetric, H = −3); the
    // pair is rebuilt as x01 = (s + d)/2, x10 = (s − d)/2. W = −i u H is diagonal there too.

    /** ψ ← Gψ; with {@code tangent} first ψ̇ ← G(ψ̇ + Wψ), W = −iuH. */
    private void exForward(int size, int mp, int mq, int d, boolean tangent) {
        double ar = data[d + X_ALPHA];
        double ai = data[d + X_ALPHA + 1];
        double br = data[d + X_BETA];
        double bi = data[d + X_BETA + 1];
        double u = data[d + X_U];
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        for (int j = 0; j < size / 4; j++) {
            int i00 = pair(pair(j, lo), hi);
            int i01 = i00 + mq;
            int i10 = i00 + mp;
            int i11 = i00 + mp + mq;
            mul(psiRe, psiIm, i00, ar, ai);
            mul(psiRe, psiIm, i11, ar, ai);
            exMiddle(psiRe, psiIm, i01, i10, ar, ai, br, bi);
            if (tangent) {
                // ψ̇ ← G(ψ̇ + Wψ) = Gψ̇ + W(Gψ) (G and W commute), with the updated ψ: −iu on |00⟩, |11⟩ and
                // s, +3iu on d
                exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i00, ar, ai, -u);
                exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i11, ar, ai, -u);
                exMiddleTangent(dpsiRe, dpsiIm, psiRe, psiIm, i01, i10, ar, ai, br, bi, -u);
            }
        }
    }

    /**
     * Reverse step of an Ex gate: ψ ← G†ψ, λ ← G†λ, red[0] = ∂_J⟨O⟩; with {@code hvpToo} also
     * ψ̇ ← G†ψ̇ − Wψ, λ̇ ← G†λ̇ − Wλ (−W = iuH, with the new ψ, λ) and red[3] = its derivative along u.
     *
     * <p>∂_J⟨O⟩ = 2 Im⟨λ|Hψ⟩ with H = I − 4P_a. The identity part 2 Im⟨λ|ψ⟩ is exactly zero: at every
     * step ⟨λ_k|ψ_k⟩ = ⟨Oψ_K|V V†ψ_K⟩ = ⟨O⟩ (V = G_K…G_{k+1} unitary) is real; so it is dropped
     * (in floating point it is rounding noise of order ε‖O‖, below the accuracy of the rest), leaving
     * −8 Im⟨λ|P_aψ⟩ = −4 Σ Im(d̄_λ d_ψ) over the antisymmetric differences d = x01 − x10: half the
     * amplitudes. Likewise its derivative along u, Im(⟨λ̇|ψ⟩ + ⟨λ|ψ̇⟩) = (d/du) Im⟨λ|ψ⟩ = 0.
     */
    private void exReverse(int size, int mp, int mq, int d, boolean hvpToo) {
        double ar = data[d + X_ALPHA];
        double ai = -data[d + X_ALPHA + 1];
        double br = data[d + X_BETA];
        double bi = -data[d + X_BETA + 1];
        double u = data[d + X_U];
        int lo = Math.min(mp, mq);
        int hi = Math.max(mp, mq);
        double r = 0;
        double s = 0;
        for (int j = 0; j < size / 4; j++) {
            int i00 = pair(pair(j, lo), hi);
            int i01 = i00 + mq;
            int i10 = i00 + mp;
            int i11 = i00 + mp + mq;
            // ψ, λ ← ᾱ on |00⟩, |11⟩, s; β̄ on d
            mul(psiRe, psiIm, i00, ar, ai);
            mul(psiRe, psiIm, i11, ar, ai);
            mul(lamRe, lamIm, i00, ar, ai);
            mul(lamRe, lamIm, i11, ar, ai);
            exMiddle(psiRe, psiIm, i01, i10, ar, ai, br, bi);
            exMiddle(lamRe, lamIm, i01, i10, ar, ai, br, bi);
            // Im(d̄_λ d_ψ)
            r += imConjDifference(lamRe, lamIm, psiRe, psiIm, i01, i10);
            if (!hvpToo) {
                continue;
            }
            // ψ̇ ← ᾱψ̇ + iuψ on |00⟩, |11⟩, s; β̄ψ̇ − 3iuψ on d (ψ already updated); λ̇ likewise
            exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i00, ar, ai, u);
            exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i11, ar, ai, u);
            exDiagTangent(dlamRe, dlamIm, lamRe, lamIm, i00, ar, ai, u);
            exDiagTangent(dlamRe, dlamIm, lamRe, lamIm, i11, ar, ai, u);
            exMiddleTangent(dpsiRe, dpsiIm, psiRe, psiIm, i01, i10, ar, ai, br, bi, u);
            exMiddleTangent(dlamRe, dlamIm, lamRe, lamIm, i01, i10, ar, ai, br, bi, u);
            // Im(d̄_λ̇ d_ψ + d̄_λ d_ψ̇)
            s += imConjDifference(dlamRe, dlamIm, psiRe, psiIm, i01, i10)
                    + imConjDifference(lamRe, lamIm, dpsiRe, dpsiIm, i01, i10);
        }
        red[0] = -4 * r;
        red[3] = -4 * s;
    }

    /** On (x01, x10) in the basis s = x01 + x10, d = x01 − x10: s ← a s, d ← b d. */
    private static void exMiddle(double[] re, double[] im, int i01, int i10, double ar, double ai, double br,
                                 double bi) {
        double sr = re[i01] + re[i10];
        double si = im[i01] + im[i10];
        double dr = re[i01] - re[i10];
        double di = im[i01] - im[i10];
        exRebuild(re, im, i01, i10, ar * sr - ai * si, ar * si + ai * sr, br * dr - bi * di, br * di + bi * dr);
    }

    /**
     * The tangent y of {@link #exMiddle} on (y01, y10), x the already updated state: s_y ← a s_y + iu s_x,
     * d_y ← b d_y − 3iu d_x.
     */
    private static void exMiddleTangent(double[] yr, double[] yi, double[] xr, double[] xi, int i01, int i10,
                                        double ar, double ai, double br, double bi, double u) {
        double qsr = yr[i01] + yr[i10];
        double qsi = yi[i01] + yi[i10];
        double qdr = yr[i01] - yr[i10];
        double qdi = yi[i01] - yi[i10];
        double sxr = xr[i01] + xr[i10];
        double sxi = xi[i01] + xi[i10];
        double dxr = xr[i01] - xr[i10];
        double dxi = xi[i01] - xi[i10];
        exRebuild(yr, yi, i01, i10, ar * qsr - ai * qsi - u * sxi, ar * qsi + ai * qsr + u * sxr,
                br * qdr - bi * qdi + 3 * u * dxi, br * qdi + bi * qdr - 3 * u * dxr);
    }

    /** Im(conj(l01 − l10)(x01 − x10)). */
    private static double imConjDifference(double[] lr, double[] li, double[] xr, double[] xi, int i01, int i10) {
        double dlr = lr[i01] - lr[i10];
        double dli = li[i01] - li[i10];
        return dlr * (xi[i01] - xi[i10]) - dli * (xr[i01] - xr[i10]);
    }

    /** x01 = (s + d)/2, x10 = (s − d)/2. */
    private static void exRebuild(double[] re, double[] im, int i01, int i10, double sr, double si,
                                  double dr, double di) {
        re[i01] = 0.5 * (sr + dr);
        im[i01] = 0.5 * (si + di);
        re[i10] = 0.5 * (sr - dr);
        im[i10] = 0.5 * (si - di);
    }

    /** x[i] ← (ar + i ai) x[i]. */
    private static void mul(double[] re, double[] im, int i, double ar, double ai) {
        double xr = re[i];
        double xi = im[i];
        re[i] = ar * xr - ai * xi;
        im[i] = ar * xi + ai * xr;
    }

    /**
     * y[i] ← e·y[i] + i w x[i]: the tangent update on an amplitude where both G and W are diagonal, with x
     * the state after its own update (forward: G(y + Wx_old) = e·y + (W-eigenvalue)·x_new as G and W commute).
     */
    private static void exDiagTangent(double[] yr, double[] yi, double[] xr, double[] xi, int i,
                                      double er, double ei, double w) {
        double r = yr[i];
        double m = yi[i];
        yr[i] = er * r - ei * m - w * xi[i];
        yi[i] = er * m + ei * r + w * xr[i];
    }

    // ---------------------------------------------------------------------------------------------
    // RZ on bit m: diag(e, ē) with e = e^{−iφ/2}; W = −(iu/2) Z.

    /** ψ ← Gψ; with {@code tangent} first ψ̇ ← G(ψ̇ + Wψ). */
    private void rzForward(int size, int m, int d, boolean tangent) {
        double er = data[d + Z_E];
        double ei = data[d + Z_E + 1];
        double hu = 0.5 * data[d + Z_U];
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            if (tangent) {
                // G(ψ̇ + Wψ): bit 0: e(ψ̇ − i(u/2)ψ), bit 1: ē(ψ̇ + i(u/2)ψ)
                double y0r = dpsiRe[i0] + hu * psiIm[i0];
                double y0i = dpsiIm[i0] - hu * psiRe[i0];
                double y1r = dpsiRe[i1] - hu * psiIm[i1];
                double y1i = dpsiIm[i1] + hu * psiRe[i1];
                dpsiRe[i0] = er * y0r - ei * y0i;
                dpsiIm[i0] = er * y0i + ei * y0r;
                dpsiRe[i1] = er * y1r + ei * y1i;
                dpsiIm[i1] = er * y1i - ei * y1r;
            }
            mul(psiRe, psiIm, i0, er, ei);
            mul(psiRe, psiIm, i1, er, -ei);
        }
    }

    /**
     * Reverse step of an RZ gate: ψ ← G†ψ, λ ← G†λ, red[0] = Im⟨λ|Zψ⟩; with {@code hvpToo} ψ̇ ← G†ψ̇ − Wψ,
     * λ̇ ← G†λ̇ − Wλ (−W = (iu/2)Z) and red[3] = Im(⟨λ̇|Zψ⟩ + ⟨λ|Zψ̇⟩).
     */
    private void rzReverse(int size, int m, int d, boolean hvpToo) {
        double er = data[d + Z_E];
        double ei = -data[d + Z_E + 1];
        double hu = 0.5 * data[d + Z_U];
        double r = 0;
        double s = 0;
        for (int j = 0; j < size / 2; j++) {
            int i0 = pair(j, m);
            int i1 = i0 + m;
            mul(psiRe, psiIm, i0, er, ei);
            mul(psiRe, psiIm, i1, er, -ei);
            mul(lamRe, lamIm, i0, er, ei);
            mul(lamRe, lamIm, i1, er, -ei);
            r += imConjMul(lamRe, lamIm, psiRe, psiIm, i0) - imConjMul(lamRe, lamIm, psiRe, psiIm, i1);
            if (!hvpToo) {
                continue;
            }
            // ψ̇ ← ēψ̇ + i(u/2)ψ on bit 0, eψ̇ − i(u/2)ψ on bit 1 (G† = diag(ē, e))
            exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i0, er, ei, hu);
            exDiagTangent(dpsiRe, dpsiIm, psiRe, psiIm, i1, er, -ei, -hu);
            exDiagTangent(dlamRe, dlamIm, lamRe, lamIm, i0, er, ei, hu);
            exDiagTangent(dlamRe, dlamIm, lamRe, lamIm, i1, er, -ei, -hu);
            s += imConjMul(dlamRe, dlamIm, psiRe, psiIm, i0) + imConjMul(lamRe, lamIm, dpsiRe, dpsiIm, i0)
                    - imConjMul(dlamRe, dlamIm, psiRe, psiIm, i1) - imConjMul(lamRe, lamIm, dpsiRe, dpsiIm, i1);
        }
        red[0] = r;
        red[3] = s;
    }

    /** Im(l̄[i] x[i]). */
    private static double imConjMul(double[] lr, double[] li, double[] xr, double[] xi, int i) {
        return lr[i] * xi[i] - li[i] * xr[i];
    }

    // ---------------------------------------------------------------------------------------------
    // Tensor: the chunked engine's triplet kernels over the whole state (its matrix form; no same-point
    // generator shortcut here, as its generators G†∂G are not few Pauli terms), with the block at tensor[t ..].

    /** ψ ← Gψ; with {@code tangent} first ψ̇ ← Gψ̇ + Ġψ. */
    private void tensorForward(int n, Gate g, int t, boolean tangent) {
        int lo = GateLayout.lo(g, n);
        int hi = GateLayout.hi(g, n);
        int items = 1 << (n - 2);
        if (tangent) {
            KernelPolicy.SMALL_PATH_KERNELS.applyTangentTriplet(psiRe, psiIm, dpsiRe, dpsiIm, lo, hi, tensor,
                    t + TensorFormulas.K, t + TensorFormulas.K_DOT, 0, items);
        } else {
            KernelPolicy.SMALL_PATH_KERNELS.applyTriplet(psiRe, psiIm, lo, hi, tensor, t + TensorFormulas.K, 0, items);
        }
    }

    /**
     * Reverse step of a tensor gate: ψ ← G†ψ, λ ← G†λ and the reduction N(λ after, ψ before) into tensorRed; with
     * {@code hvpToo} ψ̇ ← G†ψ̇ + Xψ, λ̇ ← G†λ̇ + Ġ†λ and the tangent reduction (the chunked engine's order).
     */
    private void tensorReverse(int n, Gate g, int t, boolean hvpToo) {
        int lo = GateLayout.lo(g, n);
        int hi = GateLayout.hi(g, n);
        int items = 1 << (n - 2);
        int sc = TensorFormulas.REDUCTIONS;
        if (!hvpToo) {
            KernelPolicy.SMALL_PATH_KERNELS.reverseTriplet(psiRe, psiIm, lamRe, lamIm, lo, hi, tensor,
                    t + TensorFormulas.K_ADJ, tensorRed, 0, sc, 0, items);
            return;
        }
        KernelPolicy.SMALL_PATH_KERNELS.applyTangentTriplet(psiRe, psiIm, dpsiRe, dpsiIm, lo, hi, tensor,
                t + TensorFormulas.K_ADJ, t + TensorFormulas.X, 0, items);
        KernelPolicy.SMALL_PATH_KERNELS.reduceTriplet2(psiRe, psiIm, dpsiRe, dpsiIm, lamRe, lamIm, dlamRe, dlamIm,
                lo, hi, tensorRed, 0, sc, 0, items);
        KernelPolicy.SMALL_PATH_KERNELS.applyTangentTriplet(lamRe, lamIm, dlamRe, dlamIm, lo, hi, tensor,
                t + TensorFormulas.K_ADJ, t + TensorFormulas.K_DOT_ADJ, 0, items);
    }

    // ---------------------------------------------------------------------------------------------
    // Fixed dense gates: the scalar reference kernels over the whole state (the policy's choice for this path)

    private static void applyFixed(int n, Gate g, double[] mat, double[] re, double[] im) {
        GateLayout.applyFixed(KernelPolicy.SMALL_PATH_KERNELS, n, g, mat, re, im, 0, 1 << (n - g.kind().qubits));
    }

    /**
     * The j-th index whose bit m is zero (j with a zero bit inserted at m): the low part of j stays, the
     * rest moves up one place. Flat loops over j beat nested ones here: the state has 2^n ≤ 64
     * amplitudes, so inner loops of a nested walk would run 1 to 32 times, each entry paying the JIT's
     * loop set-up.
     */
    private static int pair(int j, int m) {
        return j + (j & -m);
    }

    /** The index bit of qubit q (qubit 0 is the most significant). */
    private static int mask(int n, int q) {
        return 1 << Simulator.bitOf(n, q);
    }
}
