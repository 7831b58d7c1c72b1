package org.qmlff.sim;

/**
 * The adjoint reverse pass after a {@link ForwardPass} and λ = Oψ: walks the plan back from its last gate,
 * uncomputing ψ with the inverse gates while it carries λ, and contracts each parametric gate's
 * reductions with its derivative matrices into the gradient; in {@link SweepMode#REVERSE_HVP} also
 * uncomputes ψ̇, carries λ̇ and contracts the Hessian-vector product (see {@link Simulator} for the
 * method). The closing block ({@link ClosingBlock}) is not walked through: its derivatives come from the
 * states after it.
 *
 * <p>Runs of local gates are walked together, chunk by chunk, up to {@value SweepBuffers#MAX_PARTS}
 * gate parts with reductions at a time; the reductions are summed over chunks in chunk order before
 * they are contracted, so that results do not depend on the thread count.
 */
final class ReversePass {
    private final PassContext context;
    private final SweepBuffers buf;
    private final ReverseSweep sweep;
    private final ClosingBlockSweep closing;

    ReversePass(PassContext context) {
        this.context = context;
        this.buf = context.buf();
        this.sweep = new ReverseSweep(buf, context.routing());
        this.closing = new ClosingBlockSweep(buf, context.routing());
    }

    /**
     * The reverse sweep from the last gate down to the closing block [firstParametric, tail), then the
     * block's reductions, adding derivatives into grad (and, for {@link SweepMode#REVERSE_HVP}, hvp),
     * which the caller has zeroed.
     */
    void run(ExecutionPlan plan, SweepMode mode, int tail, double[] grad, int gOff, double[] hvp, int hOff) {
        PlanRouting routing = context.routing();
        ChunkDispatcher dispatcher = context.dispatcher();
        routing.route(plan);
        Circuit c = plan.circuit();
        int n = c.qubits();
        int log = mode.chunkLog(n, dispatcher.pooled());
        int chunkCount = ChunkDispatcher.chunks(n, log);
        boolean hvpToo = mode.tangent;
        double[] sums = buf.sums;
        int k = c.gateCount();
        int next = plan.permutations() - 1;
        // a relabelling right before a non-empty block is undone too: the block's reductions need the labels it has
        while (k > tail || (k > c.firstParametric() && next >= 0 && plan.permutationGate(next) == k)) {
            if (next >= 0 && plan.permutationGate(next) == k) {
                // the forward sweep relabelled the qubits before gate k: undo it before walking on
                context.permute(n, log, plan, next, mode);
                next--;
                continue;
            }
            int floor = Math.max(tail, next >= 0 ? plan.permutationGate(next) : 0);
            // Gates [first, k), walked backwards: a run of local gates with at most MAX_PARTS parts, or one gate.
            int first = k - 1;
            int parts = routing.parts(first);
            if (GateLayout.local(n, c.gate(first), log)) {
                while (first > floor && GateLayout.local(n, c.gate(first - 1), log)
                        && parts + routing.parts(first - 1) <= SweepBuffers.MAX_PARTS) {
                    first--;
                    parts += routing.parts(first);
                }
            }
            sweep.set(mode, log, c, first, k);
            dispatcher.run(sweep, n, log);
            buf.sumPartials(chunkCount, parts);
            int j = 0;
            for (int g = k - 1; g >= first; g--) {
                Gate gate = c.gate(g);
                GateRoute route = routing.route(g);
                if (route == GateRoute.FIXED) {
                    continue;
                }
                if (route == GateRoute.EX_STRUCTURED) {
                    // ∂_J⟨O⟩ = 2 Im⟨λ|Hψ⟩ with H = XX+YY+ZZ = I − 4 P_a, and Im⟨λ_k|ψ_k⟩ = Im⟨O⟩ = 0 at every k
                    // (and so is its derivative along u), which leaves −8 Im⟨λ|P_a ψ⟩ (the kernels' sums are
                    // 2 Im⟨λ|P_a ψ⟩) and its tangent.
                    int i = gate.input();
                    int r = j * SweepBuffers.RESULT;
                    grad[gOff + i] -= 4 * sums[r];
                    if (hvpToo) {
                        hvp[hOff + i] -= 4 * sums[r + 1];
                    }
                    j++;
                    continue;
                }
                if (route == GateRoute.TENSOR) {
                    TensorFormulas.contract(buf.slots, g * GateMatrices.SLOT, sums, j * SweepBuffers.RESULT, hvpToo,
                            grad, gOff + gate.input(), hvp, hOff + gate.input());
                    j += route.parts;
                    continue;
                }
                if (route == GateRoute.PAULI) {
                    addPauli(gate, g * GateMatrices.SLOT + GateMatrices.PAULI, j * SweepBuffers.RESULT, hvpToo, grad,
                            gOff, hvp, hOff);
                    j++;
                    continue;
                }
                double[] slots = buf.slots;
                for (int part = 0; part < route.parts; part++, j++) {
                    int p = g * GateMatrices.SLOT + part * GateMatrices.PART;
                    int r = j * SweepBuffers.RESULT;
                    // ∂_a⟨O⟩ = 2 Re Σ ∂_aG·M1;  (H u)_a = 2 Re Σ (∂_aG·M2 + ∂_aĠ·M1)
                    for (int a = 0; a < gate.kind().inputs; a++) {
                        int i = gate.input() + a;
                        grad[gOff + i] += 2 * reDot(slots, p + GateMatrices.DG + 8 * a, sums, r);
                        if (hvpToo) {
                            hvp[hOff + i] += 2 * (reDot(slots, p + GateMatrices.DG + 8 * a, sums, r + 8)
                                    + reDot(slots, p + GateMatrices.DG_DOT + 8 * a, sums, r));
                        }
                    }
                }
            }
            k = first;
        }
        // the closing block: every gate's reductions at the states after the block, read-only
        for (int first = c.firstParametric(); first < tail; first += SweepBuffers.MAX_PARTS) {
            int last = Math.min(tail, first + SweepBuffers.MAX_PARTS);
            closing.set(mode, log, c, first, last);
            dispatcher.run(closing, n, log);
            buf.sumPartials(chunkCount, last - first);
            int j = 0;
            for (int g = last - 1; g >= first; g--, j++) {
                addPauli(c.gate(g), g * GateMatrices.SLOT + GateMatrices.PAULI_AFTER, j * SweepBuffers.RESULT, hvpToo,
                        grad, gOff, hvp, hOff);
            }
        }
    }

    /**
     * Adds a one-qubit gate's derivatives from its Pauli reductions at sums[r ..]: ∂_a⟨O⟩ = Σ_b c_ab R_b with
     * R_b = Im⟨λ|σ_b ψ⟩; along u, (Hu)_a = Σ_b (c_ab S_b + ċ_ab R_b) with S_b = Im(⟨λ̇|σ_b ψ⟩ + ⟨λ|σ_b ψ̇⟩);
     * c at slots[pc ..], ċ 9 doubles on (see {@link GateMatrices#PAULI}, {@link GateMatrices#PAULI_AFTER}).
     */
    private void addPauli(Gate gate, int pc, int r, boolean hvpToo, double[] grad, int gOff, double[] hvp, int hOff) {
        double[] slots = buf.slots;
        double[] sums = buf.sums;
        int pd = pc + 9;
        for (int a = 0; a < gate.kind().inputs; a++) {
            grad[gOff + gate.input() + a] += slots[pc + 3 * a] * sums[r]
                    + slots[pc + 3 * a + 1] * sums[r + 1] + slots[pc + 3 * a + 2] * sums[r + 2];
            if (hvpToo) {
                hvp[hOff + gate.input() + a] += slots[pc + 3 * a] * sums[r + 3]
                        + slots[pc + 3 * a + 1] * sums[r + 4] + slots[pc + 3 * a + 2] * sums[r + 5]
                        + (slots[pd + 3 * a] * sums[r] + slots[pd + 3 * a + 1] * sums[r + 1]
                        + slots[pd + 3 * a + 2] * sums[r + 2]);
            }
        }
    }

    /** Re Σ_e a_e b_e over the four complex entries of two 2×2 matrices. */
    private static double reDot(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int e = 0; e < 4; e++) {
            s += a[ao + 2 * e] * b[bo + 2 * e] - a[ao + 2 * e + 1] * b[bo + 2 * e + 1];
        }
        return s;
    }
}
