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

    @Test
    void entryThatIsNotNpyIsNamed() throws Exception {
        Path f = TestFiles.writeRaw(dir.resolve("junk.npz"), Map.of("coords", "junk".getBytes()));
        try (NpzFile z = NpzFile.open(f)) {
            assertThatThrownBy(() -> z.get("coords")).hasMessage(f + ": coords: not an NPY array (magic \\x93NUMPY missing)");
        }
    }
}
