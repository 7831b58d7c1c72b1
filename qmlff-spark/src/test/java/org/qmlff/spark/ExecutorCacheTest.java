package org.qmlff.spark;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor-side workspace pool: a workspace is reused by the next task of the same key, never handed
 * to two tasks at once, never to a task of another key, and old keys are forgotten.
 */
class ExecutorCacheTest {
    /** A workspace that knows which build made it. */
    record Made(int serial) {
    }

    @Test
    void aGivenBackWorkspaceIsReusedAndTwoRunningTasksNeverShareOne() {
        ExecutorCache.Key key = ExecutorCache.Key.fresh();
        AtomicInteger built = new AtomicInteger();
        Made first = ExecutorCache.borrow(key, Made.class, () -> new Made(built.incrementAndGet()));
        Made second = ExecutorCache.borrow(key, Made.class, () -> new Made(built.incrementAndGet()));
        assertThat(second).as("borrowed while the first is out: a workspace of its own").isNotSameAs(first);
        assertThat(built.get()).isEqualTo(2);
        ExecutorCache.giveBack(key, first);
        assertThat(ExecutorCache.idle(key)).isEqualTo(1);
        Made third = ExecutorCache.borrow(key, Made.class, () -> new Made(built.incrementAndGet()));
        assertThat(third).as("the next task gets the idle one").isSameAs(first);
        assertThat(built.get()).isEqualTo(2);
        assertThat(ExecutorCache.idle(key)).isZero();
    }

    @Test
    void anotherKeyNeverGetsTheWorkspaceOfTheFirst() {
        ExecutorCache.Key a = ExecutorCache.Key.fresh(), b = ExecutorCache.Key.fresh();
        assertThat(a).isNotEqualTo(b);
        Made ma = ExecutorCache.borrow(a, Made.class, () -> new Made(1));
        ExecutorCache.giveBack(a, ma);
        Made mb = ExecutorCache.borrow(b, Made.class, () -> new Made(2));
        assertThat(mb.serial()).isEqualTo(2);
        assertThat(ExecutorCache.idle(a)).isEqualTo(1);
    }

    @Test
    void onlyTheMostRecentlyUsedKeysKeepTheirWorkspaces() {
        ExecutorCache.Key oldest = ExecutorCache.Key.fresh();
        ExecutorCache.giveBack(oldest, new Made(0));
        for (int k = 0; k < ExecutorCache.KEYS; k++) ExecutorCache.giveBack(ExecutorCache.Key.fresh(), new Made(k + 1));
        assertThat(ExecutorCache.idle(oldest)).isZero();
        long before = ExecutorCache.builds();
        Made again = ExecutorCache.borrow(oldest, Made.class, () -> new Made(99));
        assertThat(again.serial()).as("a forgotten key builds anew").isEqualTo(99);
        assertThat(ExecutorCache.builds()).isEqualTo(before + 1);
    }

    /** A workspace holding something to release (as a worker pool's threads). */
    static final class Closeable implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void anEvictedWorkspaceIsClosedAndAKeptOneIsNot() {
        ExecutorCache.Key oldest = ExecutorCache.Key.fresh();
        Closeable evicted = new Closeable();
        ExecutorCache.giveBack(oldest, evicted);
        Closeable kept = new Closeable();
        ExecutorCache.giveBack(ExecutorCache.Key.fresh(), kept);
        assertThat(evicted.closed).as("not closed while its key is kept").isFalse();
        for (int k = 0; k < ExecutorCache.KEYS; k++) ExecutorCache.giveBack(ExecutorCache.Key.fresh(), new Made(k));
        assertThat(evicted.closed).as("closed when its key was forgotten").isTrue();
        assertThat(ExecutorCache.idle(oldest)).isZero();
    }
}
