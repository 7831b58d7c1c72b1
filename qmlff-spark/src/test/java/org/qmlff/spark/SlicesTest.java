package org.qmlff.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slices of a batch or a trajectory: contiguous, non-empty, covering every item once, balanced by cost. */
class SlicesTest {
    private static void assertCover(int[] bounds, int n, int slices) {
        assertThat(bounds).hasSize(slices + 1);
        assertThat(bounds[0]).isZero();
        assertThat(bounds[slices]).isEqualTo(n);
        for (int s = 0; s < slices; s++) assertThat(bounds[s + 1]).as("slice %d is not empty", s).isGreaterThan(bounds[s]);
    }

    @ParameterizedTest(name = "{0} items in {1} parts")
    @CsvSource({"1,1", "5,2", "7,3", "13,3", "950,2", "950,64", "1000,7", "3,8"})
    void equalCostsGiveSizesThatDifferByAtMostOne(int n, int parts) {
        int[] b = Slices.even(n, parts);
        int slices = Math.min(n, parts);
        assertCover(b, n, slices);
        int[] sizes = new int[slices];
        for (int s = 0; s < slices; s++) sizes[s] = b[s + 1] - b[s];
        assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void unequalCostsAreBalancedByCostNotByCount() {
        // six cheap configurations (one unit) then two that cost eight units each: 22 units in all
        double[] costs = {1, 1, 1, 1, 1, 1, 8, 8};
        int[] b = Slices.balanced(costs, 2);
        assertCover(b, 8, 2);
        assertThat(b[1]).as("14 | 8 units is nearer to 11 | 11 than 6 | 16 (by count it would be 4 | 4)").isEqualTo(7);
        int[] three = Slices.balanced(costs, 3);
        assertCover(three, 8, 3);
        assertThat(three).containsExactly(0, 6, 7, 8);
    }

    @Test
    void aSliceIsNeverEmptyEvenWhenOneItemHoldsAllTheCost() {
        double[] costs = {100, 0, 0, 0};
        int[] b = Slices.balanced(costs, 4);
        assertThat(b).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> Slices.balanced(new double[0], 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slices.balanced(new double[]{1}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Slices.balanced(new double[]{1, Double.NaN}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 1");
        assertThatThrownBy(() -> Slices.balanced(new double[]{-1, 1}, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
