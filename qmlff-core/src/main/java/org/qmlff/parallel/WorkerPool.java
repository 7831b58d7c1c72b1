package org.qmlff.parallel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The library's one pool of worker threads for independent work items: training and evaluation over
 * frames, the runs of an MD benchmark, the runs of a learning-curve grid, and (through the simulator's
 * adapter, which hands each worker a block of chunks) the chunks of one state vector gate after gate.
 * Parallelism is at one level, chosen by the caller: a model trained over two threads simulates each
 * circuit on one.
 *
 * <p>{@code threads} workers process the items 0..n−1 of a task: the calling thread is worker 0 and
 * {@code threads − 1} helper threads are the others; each takes the next unclaimed item until none is
 * left. Each item is handled by exactly one worker; which worker gets which item varies from run to
 * run, so tasks must write each item's result to that item's own buffer and use the worker index only
 * to pick per-worker working memory (a {@code ForceField.Scratch}). Then results do not depend on the
 * thread count.
 *
 * <p>Why not an {@code ExecutorService}: a training step dispatches two tasks of well under a
 * millisecond each, and waking parked pool threads and the waiting caller through a queue and futures
 * cost a measurable share of such a step on a virtual machine (about a tenth of the two-thread step of
 * the revised model on ethanol, measured before the model's own contractions got faster). Here idle helpers spin for a few tens of microseconds before they park, the
 * caller works instead of waiting, and a dispatch allocates nothing but the task's lambda.
 *
 * <p>With one thread the items run on the calling thread, in order, without helpers. A task that calls
 * {@link #forEach} of its own pool (from a worker) runs that inner loop serially on its thread; calls from
 * two unrelated threads run one after the other.
 */
public final class WorkerPool implements AutoCloseable {

    /** The work on one item. */
    @FunctionalInterface
    public interface Task {
        /**
         * @param item   the item, 0..n−1
         * @param worker the worker running it, 0..threads−1 (selects per-worker working memory)
         */
        void run(int item, int worker);
    }

    /**
     * Busy-wait iterations before parking (about 0.1 ms): the dispatches of a training step, and the
     * simulator's gate after gate, come in quick succession.
     */
    private static final int SPINS = 1 << 12;

    private final int threads;
    private final Thread[] helpers;
    private final ReentrantLock dispatch = new ReentrantLock();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    /** Per worker: the first exception its items threw in the current dispatch, or null. */
    private final Throwable[] failures;
    private volatile Task task;
    private volatile int items;
    private volatile boolean failed;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread owner;

    /** A pool of {@code threads} ≥ 1 workers, the calling thread included. */
    public WorkerPool(int threads) {
        this(threads, "qmlff-worker");
    }

    /** A pool of {@code threads} ≥ 1 workers, the calling thread included; helper threads are named name-1, name-2, …. */
    public WorkerPool(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.failures = new Throwable[threads];
        this.helpers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int index = w;
            Thread t = new Thread(() -> helperLoop(index), name + "-" + w);
            t.setDaemon(true);
            helpers[w - 1] = t;
        }
        for (Thread t : helpers) t.start();
    }

    /** Number of workers. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} on items 0..n−1 and waits for all of them. If items fail, the remaining ones
     * are skipped and the exception of the failing worker with the lowest index is rethrown as is
     * (so one-line user errors keep their type and message).
     *
     * @throws IllegalStateException if the pool has been closed
     */
    public void forEach(int n, Task task) {
        if (n <= 0) return;
        if (closed) throw new IllegalStateException("the worker pool has been closed");
        if (helpers.length == 0 || n == 1 || calledFromWorker()) {
            for (int i = 0; i < n; i++) task.run(i, 0);
            return;
        }
        dispatch.lock();
        try {
            dispatch(n, task);
        } finally {
            dispatch.unlock();
        }
    }

    private boolean calledFromWorker() {
        Thread me = Thread.currentThread();
        if (me == owner) return true;
        for (Thread h : helpers) if (h == me) return true;
        return false;
    }

    private void dispatch(int n, Task t) {
        owner = Thread.currentThread();
        java.util.Arrays.fill(failures, null);
        failed = false;
        task = t;
        items = n;
        next.set(0);
        pending.set(helpers.length);
        generation = generation + 1; // volatile write: publishes the fields above to the helpers
        for (Thread h : helpers) LockSupport.unpark(h);
        work(0);
        boolean interrupted = false;
        int spins = 0;
        // keep waiting even when interrupted: helpers write into buffers the caller owns
        while (pending.get() != 0) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                if (Thread.interrupted()) interrupted = true;
            }
        }
        task = null;
        owner = null;
        if (interrupted) Thread.currentThread().interrupt();
        for (Throwable f : failures) {
            if (f == null) continue;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error err) throw err;
            throw new IllegalStateException(f);
        }
    }

    /** Worker {@code w}'s part of the current dispatch: items until none is left or one has failed. */
    private void work(int w) {
        Task t = task;
        int n = items;
        try {
            for (int i = next.getAndIncrement(); i < n && !failed; i = next.getAndIncrement()) t.run(i, w);
        } catch (Throwable e) { // Errors too: a helper must always count itself off below
            failures[w] = e;
            failed = true;
        }
    }

    private void helperLoop(int w) {
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
            if (closed) return;
            seen = generation;
            work(w);
            Thread waiting = owner;
            if (pending.decrementAndGet() == 0) LockSupport.unpark(waiting);
        }
    }

    /**
     * Runs {@code task} on every item 0..n−1, whether or not others fail, and waits for all of them;
     * returns the failures by item (empty when all succeeded). For independent jobs such as the runs
     * of a grid, where one failed run must not stop the others. Errors ({@link Error}) still stop the
     * pool's callers: they are rethrown after every item has ended.
     */
    public Map<Integer, Throwable> forEachIndependent(int n, Task task) {
        Map<Integer, Throwable> failures = new TreeMap<>();
        Throwable[] byItem = new Throwable[Math.max(n, 0)];
        forEach(n, (i, w) -> {
            try {
                task.run(i, w);
            } catch (RuntimeException e) {
                byItem[i] = e;
            }
        });
        for (int i = 0; i < byItem.length; i++) if (byItem[i] != null) failures.put(i, byItem[i]);
        return failures;
    }

    /** Stops the helper threads; idempotent. Call it when no {@link #forEach} is running. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
    }
}
