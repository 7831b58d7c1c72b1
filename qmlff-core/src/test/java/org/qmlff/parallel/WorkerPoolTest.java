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
}
