package org.qmlff.spark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packed gradients that tasks send to the driver: every entry comes back with its exact bits
 * (−0.0, NaN payloads, subnormals, infinities), +0.0 entries cost one bit, and the reader ends where the
 * writer ended.
 */
class GradientBlockTest {
    @Test
    void everyEntryComesBackBitForBitAndZerosCostOneBit() {
        int length = 131; // not a multiple of 64: the last bitmap word is partial
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] gradients = new double[9][length];
        for (double[] g : gradients)
            for (int i = 0; i < length; i++) g[i] = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextDouble(-1, 1);
        double[] special = gradients[4];
        special[0] = -0.0;
        special[1] = Double.longBitsToDouble(0x7ff8_0000_dead_beefL); // a NaN with a payload
        special[2] = Double.MIN_VALUE;
        special[3] = Double.NEGATIVE_INFINITY;
        special[130] = -0.0;
        java.util.Arrays.fill(gradients[7], 0.0);

        GradientBlock.Writer w = new GradientBlock.Writer(length, 1); // starts too small: must grow
        long nonZero = 0;
        for (double[] g : gradients) {
            w.add(g);
            for (double v : g) if (Double.doubleToRawLongBits(v) != 0L) nonZero++;
        }
        byte[] packed = w.toBytes();
        assertThat(packed.length).isEqualTo(gradients.length * 3 * 8 + nonZero * 8);

        GradientBlock.Reader r = new GradientBlock.Reader(packed, length);
        double[] row = new double[length];
        java.util.Arrays.fill(row, 42.0); // every entry must be overwritten
        for (int k = 0; k < gradients.length; k++) {
            assertThat(r.finished()).isFalse();
            r.next(row);
            for (int i = 0; i < length; i++)
                assertThat(Double.doubleToRawLongBits(row[i])).as("gradient %d entry %d", k, i)
                        .isEqualTo(Double.doubleToRawLongBits(gradients[k][i]));
        }
        assertThat(r.finished()).isTrue();
    }
}
