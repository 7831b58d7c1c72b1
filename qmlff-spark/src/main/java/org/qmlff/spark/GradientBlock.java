package org.qmlff.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The per-configuration gradients of one task, packed losslessly for the trip to the driver: for each
 * gradient, a bitmap of its entries that are not +0.0 (one bit per parameter, in 64-bit words), then those
 * entries' values, all little-endian. Decoding gives back every entry's exact bits (−0.0, NaN payloads and
 * subnormals included); only +0.0, which the bitmap stands for, is left out. A model's gradient often has
 * many +0.0 entries (the parameters of elements a molecule does not contain: about half of {@code revised}'s
 * for ethanol), and the driver must receive every configuration's gradient but those of the slice at
 * batch position 0 (its fixed-order sum cannot be split; only the first slice's running sum is the
 * driver's own first additions), so this is what keeps the transfer from costing more than the computation.
 *
 * <p>Write with {@link Writer} on the executor; read the gradients back in order with {@link Reader}.
 */
final class GradientBlock {
    private GradientBlock() {
    }

    private static int words(int length) {
        return (length + 63) >>> 6;
    }

    /** Packs gradients of {@code length} entries one after the other into a growing buffer. */
    static final class Writer {
        private final int length;
        private final long[] bitmap;
        private ByteBuffer buffer;

        Writer(int length, int expectedGradients) {
            this.length = length;
            this.bitmap = new long[words(length)];
            this.buffer = ByteBuffer.allocate(Math.max(64, expectedGradients * (bitmap.length * 8 + length * 4)))
                    .order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Appends {@code g} (its first {@code length} entries). */
        void add(double[] g) {
            Arrays.fill(bitmap, 0L);
            int nonZero = 0;
            for (int i = 0; i < length; i++) {
                if (Double.doubleToRawLongBits(g[i]) != 0L) {
                    bitmap[i >>> 6] |= 1L << (i & 63);
                    nonZero++;
                }
            }
            ensure(bitmap.length * 8 + nonZero * 8);
            for (long w : bitmap) buffer.putLong(w);
            for (int i = 0; i < length; i++)
                if (Double.doubleToRawLongBits(g[i]) != 0L) buffer.putDouble(g[i]);
        }

        private void ensure(int more) {
            if (buffer.remaining() >= more) return;
            int size = Math.max(buffer.capacity() * 2, Math.addExact(buffer.position(), more));
            ByteBuffer bigger = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }

        /** The packed bytes (a copy of exactly the bytes written). */
        byte[] toBytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** Reads back, in order, gradients that a {@link Writer} of the same length packed. */
    static final class Reader {
        private final int length;
        private final long[] bitmap;
        private final ByteBuffer buffer;

        Reader(byte[] packed, int length) {
            this.length = length;
            this.bitmap = new long[words(length)];
            this.buffer = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Overwrites {@code g}'s first {@code length} entries with the next gradient. */
        void next(double[] g) {
            for (int w = 0; w < bitmap.length; w++) bitmap[w] = buffer.getLong();
            for (int i = 0; i < length; i++)
                g[i] = (bitmap[i >>> 6] & (1L << (i & 63))) != 0 ? buffer.getDouble() : 0.0;
        }

        /** Whether every packed byte has been read. */
        boolean finished() {
            return !buffer.hasRemaining();
        }
    }
}
