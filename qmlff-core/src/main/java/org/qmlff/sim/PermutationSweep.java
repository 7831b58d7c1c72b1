package org.qmlff.sim;

/**
 * One relabelling of an {@link ExecutionPlan} applied to the state vectors a sweep carries, chunk by
 * chunk: exchanges bit high[k] with bit low[k] of the basis index for every k. It is an involution, so
 * the reverse sweeps undo it by applying it again. Reused for every dispatch: set by the owner thread,
 * read by the workers.
 */
final class PermutationSweep implements WorkerPool.Task {
    private final SweepBuffers buf;
    private int n;
    private int chunkLog;
    private int[] high;
    private int[] low;
    private SweepMode mode;

    PermutationSweep(SweepBuffers buf) {
        this.buf = buf;
    }

    /**
     * Sets up permutation {@code i} of the plan for an n-qubit state in chunks of 2^chunkLog amplitudes,
     * moving ψ and, as the sweep {@code mode} carries them, ψ̇, λ and λ̇.
     */
    void set(int n, int chunkLog, ExecutionPlan plan, int i, SweepMode mode) {
        this.n = n;
        this.chunkLog = chunkLog;
        this.high = plan.highBits(i);
        this.low = plan.lowBits(i);
        this.mode = mode;
    }

    @Override
    public void run(int chunk, int worker) {
        int per = (1 << n) / ChunkDispatcher.chunks(n, chunkLog);
        int from = chunk * per;
        SweepBuffers b = buf;
        exchangeBits(b.psiRe, b.psiIm, high, low, from, from + per);
        if (mode.tangent) {
            exchangeBits(b.dpsiRe, b.dpsiIm, high, low, from, from + per);
        }
        if (mode.reverse) {
            exchangeBits(b.lamRe, b.lamIm, high, low, from, from + per);
            if (mode.tangent) {
                exchangeBits(b.dlamRe, b.dlamIm, high, low, from, from + per);
            }
        }
    }

    /**
     * x[b] ↔ x[σ(b)] for the index map σ that exchanges bit high[k] with bit low[k] for every k (an
     * involution), for the b in [from, to) with σ(b) > b, so that calls on disjoint ranges never touch the
     * same pair. Every low bit is below every high bit, so the indices move in blocks of 2^{min low} (or
     * of the whole range, if shorter, which is then aligned to its length) that stay whole.
     */
    static void exchangeBits(double[] re, double[] im, int[] high, int[] low, int from, int to) {
        int minLow = Integer.MAX_VALUE;
        for (int b : low) {
            minLow = Math.min(minLow, b);
        }
        // a range shorter than 2^{min low} (small chunks) is itself a block that σ moves whole
        int block = Math.min(1 << minLow, to - from);
        for (int b = from; b < to; b += block) {
            int t = b;
            for (int k = 0; k < high.length; k++) {
                if ((((b >>> high[k]) ^ (b >>> low[k])) & 1) != 0) {
                    t ^= (1 << high[k]) | (1 << low[k]);
                }
            }
            if (t > b) {
                for (int a = 0; a < block; a++) {
                    double r = re[b + a];
                    re[b + a] = re[t + a];
                    re[t + a] = r;
                    double i = im[b + a];
                    im[b + a] = im[t + a];
                    im[t + a] = i;
                }
            }
        }
    }
}
