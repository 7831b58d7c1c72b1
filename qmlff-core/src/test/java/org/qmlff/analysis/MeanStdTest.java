package org.qmlff.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeanStdTest {
    @Test
    void sampleStandardDeviation() {
        MeanStd m = MeanStd.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(m.count()).isEqualTo(8);
        assertThat(m.mean()).isEqualTo(5.0);
        // Σ(x − 5)² = 32, divisor n − 1 = 7
        assertThat(m.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
        assertThat(MeanStd.of(3, 3, 3).std()).isZero();
    }

    @Test
    void singleValueHasNoSpread() {
        MeanStd m = MeanStd.of(1.5);
        assertThat(m.mean()).isEqualTo(1.5);
        assertThat(m.std()).isNaN();
        assertThatThrownBy(MeanStd::of).isInstanceOf(IllegalArgumentException.class);
    }
}
