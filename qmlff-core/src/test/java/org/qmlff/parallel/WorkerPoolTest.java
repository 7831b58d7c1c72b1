package org.qmlff.parallel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerPoolTest {

    @Test
    void everyItemRunsExactlyOnceOnAValidWorker() {
        for (int threads : new int[]{1, 3}) {
            AtomicIntegerArray count = new AtomicIntegerArray(1000);
            AtomicIntegerArray badWorker = new AtomicIntegerArray(1);
            try (WorkerPool pool = new WorkerPool(threads)) {
                pool.forEach(1000, (i, w) -> {
                    count.incrementAndGet(i);
                    if (w < 0 || w >= threads) badWorker.set(0, 1);
                });
                pool.forEach(0, (i, w) -> count.incrementAndGet(0));
            }
            for (int i = 0; i < 1000; i++) assertThat(count.get(i)).isEqualTo(1);
            assertThat(badWorker.get(0)).isZero();
        }
    }

    @Test
    void userErrorsPropagateUnchanged() {
        try (WorkerPool pool = new WorkerPool(3)) {
            assertThatThrownBy(() -> pool.forEach(50, (i, w) -> {
                if (i == 17) throw new IllegalArgumentException("frame 17: atom 3 has an unknown element");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("frame 17: atom 3 has an unknown element");
            // the pool still works afterwards
            AtomicIntegerArray c = new AtomicIntegerArray(1);
            pool.forEach(5, (i, w) -> c.incrementAndGet(0));
            assertThat(c.get(0)).isEqualTo(5);
        }
    }

    @Test
    void independentItemsAllRunAndTheirFailuresAreReportedByItem() {
        for (int threads : new int[]{1, 4}) {
            AtomicIntegerArray count = new AtomicIntegerArray(40);
            try (WorkerPool pool = new WorkerPool(threads)) {
                var failures = pool.forEachIndependent(40, (i, w) -> {
                    count.incrementAndGet(i);
                    if (i % 7 == 3) throw new IllegalStateException("run " + i + " failed");
                });
                assertThat(failures.keySet()).containsExactly(3, 10, 17, 24, 31, 38);
                assertThat(failures.get(17)).hasMessage("run 17 failed");
                assertThat(pool.forEachIndependent(5, (i, w) -> { })).isEmpty();
            }
            for (int i = 0; i < 40; i++) assertThat(count.get(i)).as("item " + i).isEqualTo(1);
        }
    }

    @Test
    void theCallerIsWorkerZeroAndHelpersTakeTheRest() {
        try (WorkerPool pool = new WorkerPool(2)) {
            Thread caller = Thread.currentThread();
            AtomicIntegerArray byWorker = new AtomicIntegerArray(2);
            AtomicIntegerArray wrongThread = new AtomicIntegerArray(1);
            for (int round = 0; round < 200; round++) {
                pool.forEach(8, (i, w) -> {
                    byWorker.incrementAndGet(w);
                    if ((w == 0) != (Thread.currentThread() == caller)) wrongThread.set(0, 1);
                });
            }
            assertThat(wrongThread.get(0)).as("worker 0 is the calling thread, only it").isZero();
            assertThat(byWorker.get(0) + byWorker.get(1)).isEqualTo(1600);
        }
    }

    @Test
    void aTaskThatCallsItsOwnPoolRunsTheInnerLoopOnItsThread() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray count = new AtomicIntegerArray(6 * 5);
            AtomicIntegerArray innerWorker = new AtomicIntegerArray(1);
            pool.forEach(6, (i, w) -> pool.forEach(5, (j, w2) -> {
                count.incrementAndGet(5 * i + j);
                if (w2 != 0) innerWorker.set(0, 1);
            }));
            for (int k = 0; k < 30; k++) assertThat(count.get(k)).as("item " + k).isEqualTo(1);
            assertThat(innerWorker.get(0)).isZero();
        }
    }

    @Test
    void twoCallingThreadsShareOnePool() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray count = new AtomicIntegerArray(2 * 300);
            Thread[] callers = new Thread[2];
            for (int c = 0; c < 2; c++) {
                int base = 300 * c;
                callers[c] = new Thread(() -> {
                    for (int round = 0; round < 30; round++) {
                        int at = base + 10 * round;
                        pool.forEach(10, (i, w) -> count.incrementAndGet(at + i));
                    }
                });
                callers[c].start();
            }
            for (Thread t : callers) t.join(60_000);
            for (int k = 0; k < 600; k++) assertThat(count.get(k)).as("item " + k).isEqualTo(1);
        }
    }

    @Test
    void errorsOnHelpersReachTheCallerAndThePoolGoesOn() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.forEach(40, (i, w) -> {
                if (w == 1) throw new AssertionError("helper failed on item " + i);
                try {
                    Thread.sleep(2); // leave items for the helper
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(AssertionError.class).hasMessageStartingWith("helper failed on item");
            AtomicIntegerArray c = new AtomicIntegerArray(1);
            pool.forEach(7, (i, w) -> c.incrementAndGet(0));
            assertThat(c.get(0)).isEqualTo(7);
        }
        WorkerPool closed = new WorkerPool(2);
        closed.close();
        assertThatThrownBy(() -> closed.forEach(3, (i, w) -> { })).isInstanceOf(IllegalStateException.class);
    }
}
