package org.qmlff.sim;

/**
 * Gates [first, last) of a circuit applied forward to one chunk at a time ({@link SweepMode#FORWARD}: ψ ← Gψ;
 * {@link SweepMode#FORWARD_TANGENT}: also ψ̇ ← Gψ̇ + Ġψ), the kernels and routes those of the current
 * {@link PlanRouting}.
 */
final class ForwardSweep extends GateRunSweep {
    ForwardSweep(SweepBuffers buf, PlanRouting routing) {
        super(buf, routing);
    }

    @Override
    public void run(int chunk, int worker) {
        for (int k = first; k < last; k++) {
            gate(k, chunk);
        }
    }

    private void gate(int k, int chunk) {
        Gate g = circuit.gate(k);
        int per = itemsPerChunk(g.kind().qubits);
        int from = chunk * per;
        int to = from + per;
        int slot = k * GateMatrices.SLOT;
        double[] slots = buf.slots;
        GateRoute route = routing.route(k);
        if (route == GateRoute.FIXED) {
            GateLayout.applyFixed(kern, n, g, g.matrix(), buf.psiRe, buf.psiIm, from, to);
            // ψ̇ is zero, and stays so under fixed gates, until the first parametric gate.
            if (tangent && k > circuit.firstParametric()) {
                GateLayout.applyFixed(kern, n, g, g.matrix(), buf.dpsiRe, buf.dpsiIm, from, to);
            }
            return;
        }
        int lo = GateLayout.lo(g, n);
        int hi = GateLayout.hi(g, n);
        if (route == GateRoute.TENSOR) {
            if (tangent) {
                kern.applyTangentTriplet(buf.psiRe, buf.psiIm, buf.dpsiRe, buf.dpsiIm, lo, hi, slots,
                        slot + TensorFormulas.K, slot + TensorFormulas.K_DOT, from, to);
            } else {
                kern.applyTriplet(buf.psiRe, buf.psiIm, lo, hi, slots, slot + TensorFormulas.K, from, to);
            }
            return;
        }
        if (tangent) {
            // ψ̇ ← Gψ̇ + Ġψ, ψ ← Gψ
            if (route == GateRoute.EX_STRUCTURED) {
                int e = slot + GateMatrices.EX_COEFFICIENTS;
                kern.applyTangentEx(buf.psiRe, buf.psiIm, buf.dpsiRe, buf.dpsiIm, lo, hi, slots, e + GateMatrices.EX_G,
                        e + GateMatrices.EX_G_DOT, from, to);
                return;
            }
            for (int part = 0; part < route.parts; part++) {
                int p = slot + part * GateMatrices.PART;
                kern.applyTangent(buf.psiRe, buf.psiIm, buf.dpsiRe, buf.dpsiIm, lo, hi, GateLayout.o0(g, n, part),
                        GateLayout.o1(g, n, part), slots, p + GateMatrices.G, p + GateMatrices.G_DOT, from, to);
            }
            return;
        }
        switch (g.kind()) {
            case ENC -> kern.apply(buf.psiRe, buf.psiIm, lo, hi, GateLayout.o0(g, n, 0), GateLayout.o1(g, n, 0), slots,
                    slot + GateMatrices.G, from, to);
            case RZ -> kern.applyDiag(buf.psiRe, buf.psiIm, lo, slots, slot + GateMatrices.G, from, to);
            default -> kern.applyEx(buf.psiRe, buf.psiIm, lo, hi, slots, slot + GateMatrices.EX_COEFFICIENTS, from, to);
        }
    }
}
