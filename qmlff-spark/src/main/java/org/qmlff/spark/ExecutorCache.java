package org.qmlff.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What an executor JVM keeps between the tasks of one evaluator or one prediction: workspaces (a model
 * rebuilt from its broadcast file, its scratch memory and buffers), so that a task does not rebuild the
 * model from JSON, and a training step does not rebuild anything, only replaces the parameters.
 *
 * <p>A workspace is mutable and belongs to one running task at a time: a task {@link #borrow borrows}
 * one (or builds one when none is idle) and {@link #giveBack gives it back} when it has finished, so
 * there are as many workspaces per key as tasks of that key ever ran at once on this JVM (its cores),
 * never one shared by two threads. A task that fails does not give its workspace back.
 *
 * <p>Keys are made once on the driver per broadcast model file ({@link Key#fresh}, a random UUID
 * string): Spark's own broadcast ids restart at 0 in every new context of the same JVM, a UUID does
 * not, so a workspace is never reused for another model. Only the {@value #KEYS} most recently used
 * keys keep their idle workspaces (one evaluator per training stage, one prediction at a time).
 *
 * <p>Workspaces that are {@link AutoCloseable} (those holding a worker pool) are closed when their key
 * is evicted.
 *
 * <p>This is process-wide mutable state on purpose: an executor has nothing else that outlives a task.
 * It holds no results, only reusable memory; what a task computes does not depend on whether its
 * workspace was new or reused.
 */
final class ExecutorCache {
    /** Keys whose idle workspaces are kept. */
    static final int KEYS = 4;

    private static final LinkedHashMap<Key, ArrayDeque<Object>> IDLE = new LinkedHashMap<>(8, 0.75f, true);
    private static final AtomicLong BUILDS = new AtomicLong();

    private ExecutorCache() {
    }

    /** What a workspace was built from: one broadcast model file (and the data broadcast with it). */
    record Key(String id) implements java.io.Serializable {
        static Key fresh() {
            return new Key(java.util.UUID.randomUUID().toString());
        }
    }

    /**
     * An idle workspace of {@code key} for the calling task, or a new one from {@code build} (run outside
     * the lock, so tasks build concurrently).
     */
    static <W> W borrow(Key key, Class<W> type, Supplier<W> build) {
        synchronized (IDLE) {
            ArrayDeque<Object> idle = IDLE.get(key);
            if (idle != null && !idle.isEmpty()) return type.cast(idle.pop());
        }
        W w = build.get();
        BUILDS.incrementAndGet();
        return w;
    }

    /** Returns a workspace that {@link #borrow} gave out, for the next task of {@code key}. */
    static void giveBack(Key key, Object workspace) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(workspace);
            Iterator<Map.Entry<Key, ArrayDeque<Object>>> eldest = IDLE.entrySet().iterator();
            while (IDLE.size() > KEYS) {
                // a workspace may hold threads (a task's worker pool): stop them with it
                for (Object w : eldest.next().getValue()) if (w instanceof AutoCloseable c) close(c);
                eldest.remove();
            }
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release an evicted workspace", e);
        }
    }

    /** How many workspaces this JVM has built so far (for tests and profiling). */
    static long builds() {
        return BUILDS.get();
    }

    /** Idle workspaces kept for {@code key} on this JVM (for tests). */
    static int idle(Key key) {
        synchronized (IDLE) {
            ArrayDeque<Object> idle = IDLE.get(key);
            return idle == null ? 0 : idle.size();
        }
    }
}
