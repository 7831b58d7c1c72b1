package org.qmlff.sim;

/**
 * Runs a sweep over the chunks of a state: on the calling thread, or spread over a fixed pool for
 * states of at least 2^{@value #PARALLEL_MIN_LOG} amplitudes. The one place that decides whether work
 * goes to threads; results never depend on it (every chunk writes its own partial results).
 */
final class ChunkDispatcher implements AutoCloseable {
    /** log2 of the smallest state split over threads. */
    static final int PARALLEL_MIN_LOG = 14;

    /** The pool, or null where every sweep runs on the calling thread. */
    private final WorkerPool pool;

    /** A dispatcher with {@code threads} threads for states of up to 2^{@code maxQubits} amplitudes. */
    ChunkDispatcher(int maxQubits, int threads) {
        this.pool = threads > 1 && maxQubits >= PARALLEL_MIN_LOG ? new WorkerPool(threads, "qmlff-sim") : null;
    }

    /** Whether some sweeps run on a pool (they may then take smaller chunks, see {@link SweepMode#chunkLog}). */
    boolean pooled() {
        return pool != null;
    }

    /** Number of chunks of 2^log amplitudes in an n-qubit state (one where the state is smaller). */
    static int chunks(int n, int log) {
        return n > log ? 1 << (n - log) : 1;
    }

    /** Runs {@code task} for every chunk of 2^{@code chunkLog} amplitudes of an n-qubit state. */
    void run(WorkerPool.Task task, int n, int chunkLog) {
        int chunkCount = chunks(n, chunkLog);
        if (pool != null && n >= PARALLEL_MIN_LOG) {
            pool.execute(task, chunkCount);
        } else {
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                task.run(chunk, 0);
            }
        }
    }

    /** Releases the worker threads, if any. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
