package org.qmlff.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Crc32Algebra} against {@link CRC32} computed over the bytes themselves: the checksum of a
 * concatenation from its pieces', a suffix's from the whole's and its prefix's, and the zero-byte shift.
 */
class Crc32AlgebraTest {
    private static long crc(byte[] b, int from, int to) {
        CRC32 c = new CRC32();
        c.update(b, from, to - from);
        return c.getValue();
    }

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Property(tries = 200)
    void combineIsTheChecksumOfTheConcatenation(@ForAll @IntRange(max = 3000) int length, @ForAll @IntRange(max = 3000) int cut,
                                                @ForAll long seed) {
        byte[] b = random(seed, length);
        int split = Math.min(cut, length);
        long whole = crc(b, 0, length), a = crc(b, 0, split), tail = crc(b, split, length);
        assertThat(Crc32Algebra.combine(a, tail, length - split)).isEqualTo(whole);
        assertThat(Crc32Algebra.suffix(whole, a, length - split)).isEqualTo(tail);
    }

    @Test
    void manyPiecesOfMegabytesCombineToTheWhole() {
        byte[] b = random(7, 5_000_003);
        int[] bounds = {0, 1, 1, 1_048_576, 2_500_001, 4_999_999, b.length};
        long c = crc(b, 0, 0);
        for (int i = 0; i + 1 < bounds.length; i++)
            c = Crc32Algebra.combine(c, crc(b, bounds[i], bounds[i + 1]), bounds[i + 1] - bounds[i]);
        assertThat(c).isEqualTo(crc(b, 0, b.length));
    }

    @Test
    void shiftIsAppendingZeroBytes() {
        byte[] prefix = random(3, 100);
        for (int zeros : new int[]{0, 1, 2, 3, 8, 255, 4096, 100_001}) {
            byte[] b = new byte[prefix.length + zeros];
            System.arraycopy(prefix, 0, b, 0, prefix.length);
            // crc(A‖0^n) = Z^n crc(A) ⊕ crc(0^n)
            long expected = crc(b, 0, b.length) ^ crc(new byte[zeros], 0, zeros);
            assertThat(Crc32Algebra.shift(crc(prefix, 0, prefix.length), zeros)).as("%d zero bytes", zeros).isEqualTo(expected);
        }
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertThatThrownBy(() -> Crc32Algebra.shift(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
