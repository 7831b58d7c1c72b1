package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * Where a gate of an n-qubit circuit acts in the basis index, in the terms of {@link Kernels}: its low
 * and high bit and the pair offsets of its parts; and the fixed-gate kernels that use them. Qubit q is
 * bit n−1−q ({@link Simulator#bitOf}).
 */
final class GateLayout {
    private GateLayout() {
    }

    /** The lower bit of the gate (its only one for one-qubit gates). */
    static int lo(Gate g, int n) {
        int bp = Simulator.bitOf(n, g.p());
        return g.q() < 0 ? bp : Math.min(bp, Simulator.bitOf(n, g.q()));
    }

    /** The higher bit of a two-qubit gate, {@link Kernels#NO_BIT} for a one-qubit gate. */
    static int hi(Gate g, int n) {
        return g.q() < 0 ? Kernels.NO_BIT : Math.max(Simulator.bitOf(n, g.p()), Simulator.bitOf(n, g.q()));
    }

    /** First pair offset of a gate part: 0, or for Ex's (|01⟩, |10⟩) part 2^lo. */
    static int o0(Gate g, int n, int part) {
        return g.q() < 0 || part == 0 ? 0 : 1 << lo(g, n);
    }

    /** Second pair offset of a gate part: 2^lo for a one-qubit gate, 2^lo + 2^hi or 2^hi for Ex's parts. */
    static int o1(Gate g, int n, int part) {
        if (g.q() < 0) {
            return 1 << lo(g, n);
        }
        return part == 0 ? (1 << lo(g, n)) + (1 << hi(g, n)) : 1 << hi(g, n);
    }

    /** Whether all of the gate's bits lie inside one chunk of 2^log amplitudes. */
    static boolean local(int n, Gate g, int log) {
        return Simulator.bitOf(n, g.p()) < log && (g.q() < 0 || Simulator.bitOf(n, g.q()) < log);
    }

    /** x ← M x on work items [from, to) for a fixed gate and its matrix (or adjoint) M. */
    static void applyFixed(Kernels kern, int n, Gate g, double[] matrix, double[] re, double[] im, int from, int to) {
        if (g.kind() == GateKind.DENSE1) {
            int lo = Simulator.bitOf(n, g.p());
            kern.apply(re, im, lo, Kernels.NO_BIT, 0, 1 << lo, matrix, 0, from, to);
        } else {
            kern.apply2(re, im, Simulator.bitOf(n, g.p()), Simulator.bitOf(n, g.q()), matrix, 0, from, to);
        }
    }
}
