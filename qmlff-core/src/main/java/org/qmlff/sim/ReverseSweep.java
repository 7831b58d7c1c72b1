package org.qmlff.sim;

/**
 * Gates [first, last) of a circuit walked back on one chunk at a time ({@link SweepMode#REVERSE}: ψ ← G†ψ,
 * λ ← G†λ; {@link SweepMode#REVERSE_HVP}: also ψ̇ and λ̇), each parametric gate leaving its reductions in
 * the chunk's result blocks, gate by gate from the last one (see {@link ReversePass} for what they
 * are).
 */
final class ReverseSweep extends GateRunSweep {
    ReverseSweep(SweepBuffers buf, PlanRouting routing) {
        super(buf, routing);
    }

    @Override
    public void run(int chunk, int worker) {
        int sc = chunk * buf.stride;
        int results = sc + buf.resultBase;
        int j = 0;
        for (int k = last - 1; k >= first; k--) {
            j = gate(k, chunk, sc, results, j);
        }
    }

    /** Reverse step of gate k on one chunk; returns the next result block index. */
    private int gate(int k, int chunk, int sc, int results, int j) {
        Gate g = circuit.gate(k);
        int per = itemsPerChunk(g.kind().qubits);
        int from = chunk * per;
        int to = from + per;
        SweepBuffers b = buf;
        double[] slots = b.slots;
        double[] partials = b.partials;
        GateRoute route = routing.route(k);
        if (route == GateRoute.FIXED) {
            double[] adjoint = g.adjoint();
            GateLayout.applyFixed(kern, n, g, adjoint, b.psiRe, b.psiIm, from, to);
            GateLayout.applyFixed(kern, n, g, adjoint, b.lamRe, b.lamIm, from, to);
            if (tangent) {
                GateLayout.applyFixed(kern, n, g, adjoint, b.dpsiRe, b.dpsiIm, from, to);
                GateLayout.applyFixed(kern, n, g, adjoint, b.dlamRe, b.dlamIm, from, to);
            }
            return j;
        }
        int lo = GateLayout.lo(g, n);
        int hi = GateLayout.hi(g, n);
        if (route == GateRoute.EX_STRUCTURED) {
            int e = k * GateMatrices.SLOT + GateMatrices.EX_COEFFICIENTS;
            int r = results + j * SweepBuffers.RESULT;
            if (!tangent) {
                // 2 Im⟨λ|P_a ψ⟩, ψ ← G†ψ, λ ← G†λ
                kern.reverseEx(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, hi, slots, e + GateMatrices.EX_G_ADJ,
                        partials, r, sc, from, to);
            } else {
                // 2 Im⟨λ|P_a ψ⟩ and its tangent at the states after gate k, then the updates as below.
                kern.reduceEx2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi,
                        partials, r, sc, from, to);
                kern.applyTangentEx(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, lo, hi, slots,
                        e + GateMatrices.EX_G_ADJ, e + GateMatrices.EX_X, from, to);
                kern.applyTangentEx(b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi, slots,
                        e + GateMatrices.EX_G_ADJ, e + GateMatrices.EX_G_DOT_ADJ, from, to);
            }
            return j + 1;
        }
        if (route == GateRoute.TENSOR) {
            int p = k * GateMatrices.SLOT;
            int r = results + j * SweepBuffers.RESULT;
            if (!tangent) {
                // ψ ← G†ψ, N(λ, ψ), λ ← G†λ
                kern.reverseTriplet(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, hi, slots, p + TensorFormulas.K_ADJ,
                        partials, r, sc, from, to);
            } else {
                // as the matrix route below: ψ̇ ← G†ψ̇ + Xψ, ψ ← G†ψ; the reductions; λ̇ ← G†λ̇ + Ġ†λ, λ ← G†λ
                kern.applyTangentTriplet(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, lo, hi, slots,
                        p + TensorFormulas.K_ADJ, p + TensorFormulas.X, from, to);
                kern.reduceTriplet2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi,
                        partials, r, sc, from, to);
                kern.applyTangentTriplet(b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi, slots,
                        p + TensorFormulas.K_ADJ, p + TensorFormulas.K_DOT_ADJ, from, to);
            }
            return j + route.parts;
        }
        if (route == GateRoute.PAULI) {
            int p = k * GateMatrices.SLOT;
            int r = results + j * SweepBuffers.RESULT;
            if (!tangent) {
                // ψ ← G†ψ, λ ← G†λ, then Im⟨λ|σ_b ψ⟩ of the new states
                kern.reverseSu2(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, slots, p + GateMatrices.G_ADJ, partials, r,
                        sc, from, to);
            } else {
                int o0 = GateLayout.o0(g, n, 0);
                int o1 = GateLayout.o1(g, n, 0);
                // ψ̇ ← G†ψ̇ + Xψ, ψ ← G†ψ; λ̇ ← G†λ̇ + Ġ†λ, λ ← G†λ; then the reductions of the new states
                kern.applyTangent(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, lo, hi, o0, o1, slots,
                        p + GateMatrices.G_ADJ, p + GateMatrices.X, from, to);
                kern.applyTangent(b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi, o0, o1, slots,
                        p + GateMatrices.G_ADJ, p + GateMatrices.G_DOT_ADJ, from, to);
                kern.reducePauli2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo,
                        partials, r, sc, from, to);
            }
            return j + 1;
        }
        for (int part = 0; part < route.parts; part++, j++) {
            int p = k * GateMatrices.SLOT + part * GateMatrices.PART;
            int o0 = GateLayout.o0(g, n, part);
            int o1 = GateLayout.o1(g, n, part);
            int r = results + j * SweepBuffers.RESULT;
            if (!tangent) {
                // ψ ← G†ψ, M = M(λ, ψ), λ ← G†λ
                kern.reverse(b.psiRe, b.psiIm, b.lamRe, b.lamIm, lo, hi, o0, o1, slots, p + GateMatrices.G_ADJ,
                        partials, r, sc, from, to);
            } else {
                // ψ̇ ← G†ψ̇ + Xψ (X = −G†ĠG†), ψ ← G†ψ
                kern.applyTangent(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, lo, hi, o0, o1, slots,
                        p + GateMatrices.G_ADJ, p + GateMatrices.X, from, to);
                // M1 = M(λ, ψ), M2 = M(λ̇, ψ) + M(λ, ψ̇): uncomputed ψ, ψ̇ with the not yet updated λ, λ̇
                kern.reduce2(b.psiRe, b.psiIm, b.dpsiRe, b.dpsiIm, b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi, o0,
                        o1, partials, r, sc, from, to);
                // λ̇ ← G†λ̇ + Ġ†λ, λ ← G†λ
                kern.applyTangent(b.lamRe, b.lamIm, b.dlamRe, b.dlamIm, lo, hi, o0, o1, slots,
                        p + GateMatrices.G_ADJ, p + GateMatrices.G_DOT_ADJ, from, to);
            }
        }
        return j;
    }
}
