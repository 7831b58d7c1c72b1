package org.qmlff.sim;

/**
 * The simulator's view of the library's one thread pool ({@link org.qmlff.parallel.WorkerPool}): runs the
 * chunks 0..chunks−1 of one task at a time, thread w of T taking the contiguous block of chunks
 * [r·chunks/T, (r+1)·chunks/T) of one block r (usually r = w; the caller is w = 0). Which thread runs a
 * chunk never changes what the chunk computes, so results do not depend on T. Dispatch allocates
 * nothing; idle workers spin briefly, then park (the pool's own policy). Used by one owner thread at a
 * time.
 */
final class WorkerPool implements AutoCloseable {

    /** A unit of parallel work; must tolerate concurrent calls for different chunks. */
    interface Task {
        void run(int chunk, int worker);
    }

    private final int size;
    private final org.qmlff.parallel.WorkerPool pool;
    /** The dispatch in flight: written by the owner before it, read by the workers (published by the pool). */
    private Task task;
    private int chunks;
    private final org.qmlff.parallel.WorkerPool.Task blocks = this::runBlock;

    /** A pool of {@code threads} threads, the calling one included ({@code threads − 1} are started). */
    WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.size = threads;
        this.pool = new org.qmlff.parallel.WorkerPool(threads, name);
    }

    int size() {
        return size;
    }

    /** Runs chunks 0..chunks−1 of the task over all threads and returns when all are done. */
    void execute(Task t, int chunkCount) {
        task = t;
        chunks = chunkCount;
        try {
            pool.forEach(size, blocks);
        } finally {
            task = null;
        }
    }

    private void runBlock(int block, int worker) {
        int from = (int) ((long) chunks * block / size);
        int to = (int) ((long) chunks * (block + 1) / size);
        Task t = task;
        for (int c = from; c < to; c++) {
            t.run(c, worker);
        }
    }

    /** Stops the helper threads; idempotent. */
    @Override
    public void close() {
        pool.close();
    }
}
