package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * A run of gates [first, last) of the routed plan's circuit, dispatched chunk by chunk: what the
 * forward, reverse and closing-block sweeps share. Each instance is reused for every dispatch so that
 * nothing is allocated: the owner thread sets it before {@link ChunkDispatcher#run} (whose pool publishes
 * the fields), the workers only read it.
 */
abstract class GateRunSweep implements WorkerPool.Task {
    final SweepBuffers buf;
    final PlanRouting routing;
    Circuit circuit;
    int first;
    int last;
    int n;
    /** log2 of the amplitudes per chunk. */
    int chunkLog;
    /** Whether the sweep carries the tangents (ψ̇, and in reverse λ̇). */
    boolean tangent;
    /** The kernels of the routed plan's state size. */
    Kernels kern;

    GateRunSweep(SweepBuffers buf, PlanRouting routing) {
        this.buf = buf;
        this.routing = routing;
    }

    /** Sets up gates [first, last) of {@code c} (the routed plan's circuit) in chunks of 2^chunkLog amplitudes. */
    final void set(SweepMode mode, int chunkLog, Circuit c, int first, int last) {
        this.tangent = mode.tangent;
        this.chunkLog = chunkLog;
        this.circuit = c;
        this.first = first;
        this.last = last;
        this.n = c.qubits();
        this.kern = routing.kernels();
    }

    /** Work items per chunk for a gate on {@code qubits} qubits (chunk c covers [c·per, (c+1)·per)). */
    final int itemsPerChunk(int qubits) {
        return (1 << (n - qubits)) / ChunkDispatcher.chunks(n, chunkLog);
    }
}
