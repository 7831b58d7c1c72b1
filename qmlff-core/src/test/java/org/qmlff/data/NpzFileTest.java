package org.qmlff.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpzFileTest {
    @TempDir
    Path dir;

    @Test
    void readsStoredAndDeflatedEntries() throws Exception {
        NpyArray.OfDouble a = NpyArray.OfDouble.of("a", new int[]{2, 2}, new double[]{1, 2, 3, 4});
        NpyArray.OfLong b = new NpyArray.OfLong("b", NpyDtype.INT64, new int[]{3}, new long[]{7, 8, 9});
        Path f = dir.resolve("mixed.npz");
        try (OutputStream out = Files.newOutputStream(f); NpzWriter w = new NpzWriter(out)) {
            w.add(a, false).add(b, true);
        }
        try (NpzFile z = NpzFile.open(f)) {
            assertThat(z.keys()).containsExactly("a", "b");
            assertThat(z.get("a")).isEqualTo(a);
            assertThat(z.get("b")).isEqualTo(b);
            assertThatThrownBy(() -> z.get("c")).isInstanceOf(DataFormatException.class)
                    .hasMessage(f + ": missing array 'c' (the file has: a, b)");
        }
    }

    @Test
    void atomicWriteLeavesOnlyTheTarget() throws Exception {
        Path f = dir.resolve("w.npz");
        NpzWriter.write(f, List.of(NpyArray.OfDouble.of("x", new int[]{1}, new double[]{5})));
        NpzWriter.write(f, List.of(NpyArray.OfDouble.of("x", new int[]{1}, new double[]{6})));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("w.npz");
        }
        try (NpzFile z = NpzFile.open(f)) {
            assertThat(z.get("x").toDoubles()).containsExactly(6);
        }
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix"))
            assertThat(Files.getPosixFilePermissions(f)).as("not left private like a temporary file")
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void fileLevelProblemsNameTheFile() throws Exception {
        Path missing = dir.resolve("missing.npz");
        assertThatThrownBy(() -> NpzFile.open(missing)).hasMessage(missing + ": no such file");
        Path empty = Files.createFile(dir.resolve("empty.npz"));
        assertThatThrownBy(() -> NpzFile.open(empty)).hasMessage(empty + ": empty file");
        Path text = Files.writeString(dir.resolve("text.npz"), "hello, I am not a zip\n");
        assertThatThrownBy(() -> NpzFile.open(text)).hasMessageContaining(text + ": not a zip archive");
        assertThatThrownBy(() -> NpzFile.open(dir)).hasMessageContaining("is a directory");

        Path good = TestFiles.write(dir.resolve("good.npz"), TestFiles.rmd17Arrays(TestFiles.water(4)));
        byte[] all = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> NpzFile.open(cut)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(cut + ": truncated or damaged zip archive");
    }

    /** Found by the parser fuzz test: java.util.zip threw IllegalArgumentException for a name that is not UTF-8. */
    @Test
    void entryNameThatIsNotUtf8IsADataError() throws Exception {
        NpyArray.OfDouble a = NpyArray.OfDouble.of("qq", new int[]{2}, new double[]{1, 2});
        Path f = dir.resolve("badname.npz");
        try (OutputStream out = Files.newOutputStream(f); NpzWriter w = new NpzWriter(out)) {
            w.add(a, true);
        }
        byte[] bytes = Files.readAllBytes(f);
        int replaced = 0;
        for (int i = 0; i + 1 < bytes.length; i++)
            if (bytes[i] == 'q' && bytes[i + 1] == 'q') { // the name, in the local header and the central directory
                bytes[i] = (byte) 0xC3;
                bytes[i + 1] = (byte) 0x28; // an invalid two-byte UTF-8 sequence
                replaced++;
            }
        assertThat(replaced).as("name occurrences patched").isGreaterThanOrEqualTo(2);
        Files.write(f, bytes);
        assertThatThrownBy(() -> {
            try (NpzFile z = NpzFile.open(f)) {
                z.keys();
            }
        }).isInstanceOf(DataFormatException.class).hasMessageStartingWith(f + ": ")
                // the JDK refuses such a name when it opens the archive or, for some names, only when it lists the entries
                .hasMessageContaining("damaged zip archive").hasMessageNotContaining("\n");
    }

    @Test
    void entryThatIsNotNpyIsNamed() throws Exception {
        Path f = TestFiles.writeRaw(dir.resolve("junk.npz"), Map.of("coords", "junk".getBytes()));
        try (NpzFile z = NpzFile.open(f)) {
            assertThatThrownBy(() -> z.get("coords")).hasMessage(f + ": coords: not an NPY array (magic \\x93NUMPY missing)");
        }
    }

    /** numpy refuses these files ("Bad CRC-32"); before the check qmlff read them as slightly different numbers. */
    @Test
    void flippedByteInsideAnArrayIsCaughtStoredAndDeflated() throws Exception {
        double[] values = new double[64];
        for (int i = 0; i < values.length; i++) values[i] = 1.25 + i;
        NpyArray.OfDouble a = NpyArray.OfDouble.of("coords", new int[]{64}, values);
        for (boolean deflate : new boolean[]{false, true}) {
            Path f = dir.resolve(deflate ? "deflated.npz" : "stored.npz");
            try (OutputStream out = Files.newOutputStream(f); NpzWriter w = new NpzWriter(out)) {
                w.add(a, deflate);
            }
            byte[] all = Files.readAllBytes(f);
            // The entry's data follows its local header (30 bytes, then the name and the extra field)
            // and ends where the data descriptor or the central directory starts.
            int nameLength = (all[26] & 0xff) | (all[27] & 0xff) << 8;
            int extraLength = (all[28] & 0xff) | (all[29] & 0xff) << 8;
            int start = 30 + nameLength + extraLength;
            int end = indexOfOrMinus(all, new byte[]{'P', 'K', 7, 8});
            if (end < 0) end = indexOfOrMinus(all, new byte[]{'P', 'K', 1, 2});
            int length = end - start;
            int[] offsets = {start + length / 4, start + length / 2, start + 3 * length / 4};
            for (int off : offsets) {
                byte[] bad = all.clone();
                bad[off] ^= 0x01;
                Path g = Files.write(dir.resolve("bad-" + off + "-" + f.getFileName()), bad);
                try (NpzFile z = NpzFile.open(g)) {
                    assertThatThrownBy(() -> z.get("coords")).as("byte %d of %s", off, f.getFileName())
                            .isInstanceOf(DataFormatException.class)
                            .hasMessageStartingWith(g + ": coords: ")
                            .hasMessageContaining("damaged");
                }
            }
        }
    }

    @Test
    void flippedByteInTheBundledRmd17FileIsCaught() throws Exception {
        Path src = Path.of("..", "data", "rmd17", "rmd17_ethanol_test_01.npz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(src), "bundled rMD17 file not found from " + Path.of("").toAbsolutePath());
        byte[] all = Files.readAllBytes(src);
        for (double fraction : new double[]{0.3, 0.5, 0.7}) {
            byte[] bad = all.clone();
            int off = (int) (all.length * fraction);
            bad[off] ^= 0x10;
            Path g = Files.write(dir.resolve("ethanol-" + off + ".npz"), bad);
            assertThatThrownBy(() -> {
                try (NpzFile z = NpzFile.open(g)) {
                    for (String k : z.keys()) z.get(k);
                }
            }).as("byte %d", off).isInstanceOf(DataFormatException.class).hasMessageContaining("damaged");
        }
    }

    private static int indexOfOrMinus(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
