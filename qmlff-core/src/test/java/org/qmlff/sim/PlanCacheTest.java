package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Circuit#plan} remembers a plan for everything the plan depends on, the observable and the
 * local-bit count: asking with another count must not hand back the plan made for the first.
 */
class PlanCacheTest {
    private static final int N = 20;

    @Test
    void sameObservableAndLocalBitsGivesTheRememberedPlan() {
        Circuit c = SampleCircuits.layered(N, 6);
        Observable o = Observable.heisenberg(0, 1);
        ExecutionPlan first = c.plan(o, Simulator.CHUNK_LOG);
        assertThat(c.plan(o, Simulator.CHUNK_LOG)).isSameAs(first);
    }

    @Test
    void anotherLocalBitCountGetsItsOwnPlan() {
        Circuit c = SampleCircuits.layered(N, 6);
        Observable o = Observable.heisenberg(0, 1);
        int wide = Simulator.CHUNK_LOG + 2;
        ExecutionPlan narrow = c.plan(o, Simulator.CHUNK_LOG);
        ExecutionPlan asked = c.plan(o, wide);
        assertSamePlan(asked, ExecutionPlan.of(c, o, wide));
        // and the plans differ, so that the check above could fail: the narrow plan moves bits below `wide`
        boolean narrowUsesBitsBelowWide = false;
        for (int i = 0; i < narrow.permutations(); i++) {
            for (int b : narrow.highBits(i)) {
                narrowUsesBitsBelowWide |= b < wide;
            }
        }
        assertThat(narrowUsesBitsBelowWide).as("the %d-bit plan relabels bits %d..%d", Simulator.CHUNK_LOG,
                Simulator.CHUNK_LOG, wide - 1).isTrue();
        for (int i = 0; i < asked.permutations(); i++) {
            for (int b : asked.highBits(i)) {
                assertThat(b).as("high bit of permutation %d in the %d-bit plan", i, wide).isBetween(wide, N - 1);
            }
        }
        // switching back finds the narrow plan's equal again, not the wide one
        assertSamePlan(c.plan(o, Simulator.CHUNK_LOG), narrow);
    }

    @Test
    void anotherObservableGetsItsOwnPlan() {
        Circuit c = SampleCircuits.layered(N, 6);
        Observable near = Observable.heisenberg(0, 1);
        Observable far = Observable.heisenberg(N - 2, N - 1);
        ExecutionPlan first = c.plan(near, Simulator.CHUNK_LOG);
        ExecutionPlan second = c.plan(far, Simulator.CHUNK_LOG);
        assertThat(second).isNotSameAs(first);
        assertSamePlan(second, ExecutionPlan.of(c, far, Simulator.CHUNK_LOG));
    }

    /** The same gates in the same order, the same relabellings at the same places. */
    private static void assertSamePlan(ExecutionPlan actual, ExecutionPlan expected) {
        Circuit a = actual.circuit();
        Circuit e = expected.circuit();
        assertThat(a.gateCount()).isEqualTo(e.gateCount());
        for (int k = 0; k < a.gateCount(); k++) {
            Gate ga = a.gate(k);
            Gate ge = e.gate(k);
            assertThat(new Object[] {ga.kind(), ga.p(), ga.q(), ga.input()}).as("gate %d", k)
                    .containsExactly(ge.kind(), ge.p(), ge.q(), ge.input());
        }
        assertThat(actual.permutations()).isEqualTo(expected.permutations());
        for (int i = 0; i < actual.permutations(); i++) {
            assertThat(actual.permutationGate(i)).as("permutation %d", i).isEqualTo(expected.permutationGate(i));
            assertThat(actual.highBits(i)).as("high bits of permutation %d", i).containsExactly(expected.highBits(i));
            assertThat(actual.lowBits(i)).as("low bits of permutation %d", i).containsExactly(expected.lowBits(i));
        }
    }
}
