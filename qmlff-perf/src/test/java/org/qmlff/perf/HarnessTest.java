package org.qmlff.perf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's protocol (how often it calls the workload, what it reports); never its timings. */
class HarnessTest {

    @Test
    void warmsUpForTheGivenCallsThenRunsTheTimedRepeats() {
        int[] calls = {0};
        // no minimum times and no waiting for a steady time: rounds of one call (none is shorter than
        // a 0 ns run, so they do not double) until 5 warm-up calls, then 3 runs of a single call
        Timing t = new Harness(new Harness.Settings(0, 0, 5, 3, 0)).measure(() -> ++calls[0]);
        assertThat(calls[0]).isEqualTo(5 + 3);
        assertThat(t.repeats()).isEqualTo(3);
        assertThat(t.callsPerRepeat()).isEqualTo(1);
        assertThat(t.minNanos()).isLessThanOrEqualTo(t.medianNanos());
        assertThat(t.medianNanos()).isLessThanOrEqualTo(t.maxNanos());
        assertThat(t.medianMillis()).isEqualTo(t.medianNanos() * 1e-6);
    }

    @Test
    void warmUpRoundsDoubleWhileShorterThanARun() {
        int[] calls = {0};
        // every round is shorter than the 1 s run time, so rounds double: 1 + 2 + 4 + 8 = 15 calls
        // reach the 10 warm-up calls (this test's calls take nanoseconds, far below 1 s per round)
        Timing t = new Harness(new Harness.Settings(0, 0, 10, 1, 1_000_000_000L)).measure(() -> {
            calls[0]++;
            return 0;
        });
        assertThat(calls[0] - t.callsPerRepeat()).isEqualTo(1 + 2 + 4 + 8);
    }

    @Test
    void aNonFiniteResultIsABrokenWorkload() {
        assertThatThrownBy(() -> new Harness(Harness.Settings.quick()).measure(() -> Double.NaN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("non-finite");
    }

    @Test
    void settingsAndTimingsRejectNonsense() {
        assertThatThrownBy(() -> new Harness.Settings(0, 0, 0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Harness.Settings(0, 0, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Harness.Settings(-1, 0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timing(2, 3, 4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timedRunsCountTheBytesTheWorkloadAllocatesPerCall() {
        Object[] keep = new Object[1];
        Timing t = new Harness(new Harness.Settings(0, 0, 2, 3, 0)).measure(() -> {
            byte[] b = new byte[1 << 20];
            keep[0] = b;
            return b.length;
        });
        // where HotSpot counts allocated bytes per thread: at least the 1 MiB array of every call
        if (!Double.isNaN(t.allocatedBytesPerCall()))
            assertThat(t.allocatedBytesPerCall()).isGreaterThanOrEqualTo(1 << 20).isLessThan(2 << 20);
        assertThat(new Timing(1, 1, 1, 1, 1).allocatedBytesPerCall()).isNaN();
    }

    @Test
    void warmUpWaitsWhileTheWorkloadStillAllocatesLikeUncompiledVectorCode() {
        // the first 40 calls allocate 1 MiB each (as C1's boxed vectors do), later ones nothing: the per-call
        // time is steady from the second round on, so only the allocation test keeps the warm-up going
        int[] calls = {0};
        Object[] keep = new Object[1];
        Timing t = new Harness(new Harness.Settings(0, 20_000_000_000L, 1, 3, 0)).measure(() -> {
            if (calls[0]++ < 40) keep[0] = new byte[1 << 20];
            return 1;
        });
        if (Double.isNaN(t.allocatedBytesPerCall())) return; // this JVM cannot count allocations
        assertThat(calls[0]).as("warm-up calls + 3 timed runs").isGreaterThan(40);
        assertThat(t.allocatedBytesPerCall()).isLessThan(Harness.WARM_ALLOCATION_BYTES);
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(Harness.median(new double[]{3, 1, 2})).isEqualTo(2);
        assertThat(Harness.median(new double[]{4, 1, 3, 2})).isEqualTo(2.5);
        assertThatThrownBy(() -> Harness.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
