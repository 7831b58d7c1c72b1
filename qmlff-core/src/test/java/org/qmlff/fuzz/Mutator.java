package org.qmlff.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic byte-level mutations of a valid input, the way a fuzzer corrupts files: flipped
 * bits, random bytes, deleted, duplicated and inserted runs, truncation. One seed, one mutant.
 */
public final class Mutator {
    private Mutator() {
    }

    /** 1 to 8 mutations of {@code valid}, chosen by {@code seed}. */
    public static byte[] mutate(byte[] valid, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = valid.clone();
        int count = 1 + rng.nextInt(8);
        for (int m = 0; m < count && b.length > 0; m++) {
            int at = rng.nextInt(b.length);
            switch (rng.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
                case 1 -> b[at] = (byte) rng.nextInt(256);
                case 2 -> b[at] = INTERESTING[rng.nextInt(INTERESTING.length)];
                case 3 -> { // delete a run
                    int len = Math.min(b.length - at, 1 + rng.nextInt(16));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 4 -> { // insert random bytes
                    int len = 1 + rng.nextInt(16);
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at);
                    for (int i = 0; i < len; i++) c[at + i] = (byte) rng.nextInt(256);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                case 5 -> { // duplicate a run
                    int len = Math.min(b.length - at, 1 + rng.nextInt(32));
                    byte[] c = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> b = Arrays.copyOf(b, at); // truncate
            }
        }
        return b;
    }

    /** Bytes that break parsers more often than random ones: digits, signs, separators, quotes. */
    private static final byte[] INTERESTING = "0123456789-+.eE:,;\"'{}[]() \n\t\0\u007f=<>|".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
}
