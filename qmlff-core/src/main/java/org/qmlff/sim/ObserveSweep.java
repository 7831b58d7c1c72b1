package org.qmlff.sim;

/**
 * out ← O x chunk by chunk, each chunk leaving Re⟨x|O x⟩ restricted to its amplitudes in its first
 * result slot; {@link #value} adds them in chunk order. Chunks of 2^{@value Simulator#CHUNK_LOG}
 * amplitudes whatever the thread count, so the value does not depend on it. Reused for every dispatch:
 * set by the owner thread, read by the workers.
 */
final class ObserveSweep implements WorkerPool.Task {
    private final SweepBuffers buf;
    private final ChunkDispatcher dispatcher;
    private int n;
    private Observable observable;
    private double[] xr;
    private double[] xi;
    private double[] outRe;
    private double[] outIm;

    ObserveSweep(SweepBuffers buf, ChunkDispatcher dispatcher) {
        this.buf = buf;
        this.dispatcher = dispatcher;
    }

    /** out ← O x over n qubits; returns Re⟨x|O x⟩. */
    double value(int n, Observable o, double[] xr, double[] xi, double[] outRe, double[] outIm) {
        this.n = n;
        this.observable = o;
        this.xr = xr;
        this.xi = xi;
        this.outRe = outRe;
        this.outIm = outIm;
        dispatcher.run(this, n, Simulator.CHUNK_LOG);
        double s = 0;
        for (int chunk = 0; chunk < ChunkDispatcher.chunks(n, Simulator.CHUNK_LOG); chunk++) {
            s += buf.partials[chunk * buf.stride + buf.resultBase];
        }
        return s;
    }

    @Override
    public void run(int chunk, int worker) {
        int size = 1 << n;
        int per = size / ChunkDispatcher.chunks(n, Simulator.CHUNK_LOG);
        int from = chunk * per;
        int to = from + per;
        observable.apply(n, xr, xi, outRe, outIm, from, to);
        double s = 0;
        for (int a = from; a < to; a++) {
            s += xr[a] * outRe[a] + xi[a] * outIm[a];
        }
        buf.partials[chunk * buf.stride + buf.resultBase] = s;
    }
}
