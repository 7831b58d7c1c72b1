package org.qmlff.data;

/**
 * CRC-32 (the zip checksum of {@link java.util.zip.CRC32}: reflected polynomial 0xEDB88320, register
 * and output both inverted) of a concatenation from the checksums of its pieces, without their bytes.
 *
 * <p>Why it works: processing n zero bytes maps the (inverted) register through a linear operator Z^n
 * over GF(2), and since the initial value and the final inversion are the same constant,
 * crc(A‖B) = Z^|B|(crc(A)) ⊕ crc(B). {@link #shift} applies Z^n by squaring the one-byte operator
 * (O(log n) products of 32 × 32 bit matrices), so merging the checksums of many large files costs
 * microseconds. Lengths are in bytes and must be non-negative; checksums are the unsigned 32-bit values
 * in a {@code long}, as {@link java.util.zip.CRC32#getValue()} returns them.
 */
final class Crc32Algebra {
    private static final int POLY = 0xEDB88320;

    private Crc32Algebra() {
    }

    /** crc(A‖B) from crc(A), crc(B) and |B|. */
    static long combine(long crcA, long crcB, long lengthB) {
        return (shift(crcA, lengthB) ^ crcB) & 0xFFFFFFFFL;
    }

    /**
     * crc(B) from crc(A‖B), crc(A) and |B|: the checksum of an entry's bytes after a known prefix
     * (an npy header) from the checksum of the whole entry.
     */
    static long suffix(long crcAB, long crcA, long lengthB) {
        return (crcAB ^ shift(crcA, lengthB)) & 0xFFFFFFFFL;
    }

    /** Z^lengthB applied to {@code crc}: the register after {@code lengthB} zero bytes, in checksum form. */
    static long shift(long crc, long lengthB) {
        if (lengthB < 0) throw new IllegalArgumentException("length must be non-negative, got " + lengthB);
        int c = (int) crc;
        if (lengthB == 0 || c == 0) return crc & 0xFFFFFFFFL;
        // op[i] is the image of bit i under the operator; start with one zero bit, square three times: one byte
        int[] op = new int[32];
        op[0] = POLY;
        for (int i = 1; i < 32; i++) op[i] = 1 << (i - 1);
        int[] sq = new int[32];
        for (int k = 0; k < 3; k++) {
            square(sq, op);
            int[] t = op;
            op = sq;
            sq = t;
        }
        long n = lengthB;
        // op = Z^(2^j bytes) at step j; apply it where bit j of n is set
        while (true) {
            if ((n & 1) != 0) c = times(op, c);
            n >>>= 1;
            if (n == 0) break;
            square(sq, op);
            int[] t = op;
            op = sq;
            sq = t;
        }
        return c & 0xFFFFFFFFL;
    }

    private static int times(int[] m, int v) {
        int r = 0;
        for (int i = 0; v != 0; i++, v >>>= 1)
            if ((v & 1) != 0) r ^= m[i];
        return r;
    }

    /** out = m·m (columns: out[i] = m applied to m[i]). */
    private static void square(int[] out, int[] m) {
        for (int i = 0; i < 32; i++) out[i] = times(m, m[i]);
    }
}
