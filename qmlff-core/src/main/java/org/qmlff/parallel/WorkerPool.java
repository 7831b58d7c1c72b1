package org.qmlff.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's one pool of worker threads for independent work items: training and evaluation over
 * frames, the runs of an MD benchmark, the runs of a learning-curve grid. (The simulator's
 * allocation-free spin pool, which splits one state vector into chunks gate after gate, is the
 * engine's own; the two never nest: parallelism is at one level, chosen by the caller.)
 *
 * <p>A fixed number of worker threads that process the items 0..n−1 of a task. Each item is handled by
 * exactly one worker; which worker gets which item varies from run to run, so tasks must write each
 * item's result to that item's own buffer and use the worker index only to pick per-worker working
 * memory (a {@code ForceField.Scratch}). Then results do not depend on the thread count.
 *
 * <p>With one thread the items run on the calling thread, in order, without a pool.
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

    private final int threads;
    private final ExecutorService executor;

    /** A pool of {@code threads} ≥ 1 workers. */
    public WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        if (threads == 1) {
            executor = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "qmlff-worker-" + count.getAndIncrement());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Number of workers. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} on items 0..n−1 and waits for all of them. If items fail, the remaining ones
     * are skipped and the exception of the failing worker with the lowest index is rethrown as is
     * (so one-line user errors keep their type and message).
     */
    public void forEach(int n, Task task) {
        if (n <= 0) return;
        if (executor == null) {
            for (int i = 0; i < n; i++) task.run(i, 0);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.min(threads, n);
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(executor.submit(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n && !failed.get(); i = next.getAndIncrement())
                        task.run(i, worker);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        Throwable first = null;
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: workers write into buffers the caller owns, so it must not return early
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error err) throw err;
        if (first != null) throw new IllegalStateException(first);
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

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
