package org.qmlff.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run the chunks 0..chunks−1 of one task at a time: thread w (the
 * caller is w = 0) takes the contiguous block [w·chunks/T, (w+1)·chunks/T). Which thread runs a
 * chunk never changes what the chunk computes, so results do not depend on T. Dispatch allocates
 * nothing; idle workers spin briefly, then park. Used by one owner thread at a time.
 */
final class WorkerPool implements AutoCloseable {

    /** A unit of parallel work; must tolerate concurrent calls for different chunks. */
    interface Task {
        void run(int chunk, int worker);
    }

    /** Busy-wait iterations before parking: dispatches come in quick succession during a sweep. */
    private static final int SPINS = 1 << 12;

    private final int size;
    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int chunks;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread owner;
    private volatile Throwable failure;

    /** A pool of {@code threads} threads, the calling one included ({@code threads − 1} are started). */
    WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.size = threads;
        this.helpers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            final int index = w;
            Thread t = new Thread(() -> workLoop(index), name + "-" + w);
            t.setDaemon(true);
            helpers[w - 1] = t;
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    int size() {
        return size;
    }

    /** Runs chunks 0..chunks−1 of the task over all threads and returns when all are done. */
    void execute(Task t, int chunkCount) {
        if (closed) {
            throw new IllegalStateException("the simulator's worker threads have been closed");
        }
        owner = Thread.currentThread();
        failure = null;
        task = t;
        chunks = chunkCount;
        pending.set(helpers.length);
        generation = generation + 1; // volatile write: publishes the fields above to the helpers
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        Throwable own = null;
        try {
            runShare(t, chunkCount, 0);
        } catch (Throwable e) {
            own = e;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void runShare(Task t, int chunkCount, int worker) {
        int from = (int) ((long) chunkCount * worker / size);
        int to = (int) ((long) chunkCount * (worker + 1) / size);
        for (int c = from; c < to; c++) {
            t.run(c, worker);
        }
    }

    private void workLoop(int index) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runShare(task, chunks, index);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(owner);
            }
        }
    }

    /** Stops the helper threads; idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
