package org.qmlff.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link DataFiles#concatenate}: the npz files of consecutive frame ranges, merged, are byte for byte the
 * file {@link DataFiles#write} writes for all the frames (so numpy and every reader see the same arrays);
 * parts of different molecules or of inconsistent shapes are refused by name and leave nothing behind.
 */
class DataFilesConcatenateTest {
    @TempDir
    Path dir;

    private Dataset ethanol() throws Exception {
        return Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_train_01.npz")).range(0, 37);
    }

    private List<Path> writeParts(Dataset d, int... bounds) throws Exception {
        List<Path> parts = new ArrayList<>();
        for (int b = 0; b + 1 < bounds.length; b++) {
            Path p = dir.resolve("part-" + b + ".npz");
            DataFiles.write(p, d.range(bounds[b], bounds[b + 1]), UnitSystem.KCAL_MOL_ANGSTROM);
            parts.add(p);
        }
        return parts;
    }

    /**
     * Merging {@code parts} into {@code merged.npz} fails with a {@link DataFormatException}, and neither the
     * merged file nor a temporary one is left in the directory; returns the exception for its message checks.
     */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefusedLeavingNothing(List<Path> parts) throws Exception {
        Throwable thrown = catchThrowable(() -> DataFiles.concatenate(parts, dir.resolve("merged.npz")));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("merged") || n.contains(".tmp"));
        }
        return assertThat(thrown).isInstanceOf(DataFormatException.class);
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {1, 2, 3, 5})
    void mergedPartsAreByteForByteTheFileOfAllFrames(int count) throws Exception {
        Dataset all = ethanol();
        int[] bounds = new int[count + 1];
        for (int b = 0; b <= count; b++) bounds[b] = (int) ((long) all.frames() * b * b / ((long) count * count)); // uneven ranges
        bounds[count] = all.frames();
        List<Path> parts = writeParts(all, bounds);
        Path merged = dir.resolve("merged.npz"), whole = dir.resolve("whole.npz");
        DataFiles.concatenate(parts, merged);
        DataFiles.write(whole, all, UnitSystem.KCAL_MOL_ANGSTROM);

        assertThat(Files.readAllBytes(merged)).isEqualTo(Files.readAllBytes(whole));
        Dataset back = Rmd17.read(merged);
        assertThat(back.numbers()).isEqualTo(all.numbers());
        assertThat(back.positions()).isEqualTo(all.positions());
        assertThat(back.energies()).isEqualTo(all.energies());
        assertThat(back.forces()).isEqualTo(all.forces());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void numpyReadsTheMergedFile() throws Exception {
        PythonOracle.require("numpy");
        Dataset all = ethanol();
        Path merged = dir.resolve("merged.npz");
        DataFiles.concatenate(writeParts(all, 0, 11, 29, all.frames()), merged);
        String script = String.join("\n",
                "import json, sys",
                "import numpy as np",
                "z = np.load(sys.argv[1])",
                "print(json.dumps({k: dict(dtype=z[k].dtype.str, shape=list(z[k].shape), data=z[k].ravel().tolist()) for k in z.files}))");
        JsonNode j = new ObjectMapper().readTree(PythonOracle.run(script, merged.toString()));
        assertThat(j.get("nuclear_charges").get("dtype").asText()).isEqualTo("|u1");
        assertThat(j.get("coords").get("shape").toString()).isEqualTo("[37,9,3]");
        assertThat(j.get("forces").get("dtype").asText()).isEqualTo("<f8");
        for (int i = 0; i < all.frames(); i++)
            assertThat(j.get("energies").get("data").get(i).asDouble()).as("energy %d", i).isEqualTo(all.energies()[i]);
        for (int i = 0; i < all.forces().length; i++)
            assertThat(j.get("forces").get("data").get(i).asDouble()).as("force %d", i).isEqualTo(all.forces()[i]);
        for (int a = 0; a < all.atoms(); a++)
            assertThat(j.get("nuclear_charges").get("data").get(a).asInt()).isEqualTo(all.numbers()[a]);
    }

    @Test
    void partsOfAnotherMoleculeAreRefusedByNameAndNothingIsWritten() throws Exception {
        Dataset all = ethanol();
        List<Path> parts = writeParts(all, 0, 10, 20);
        Path water = dir.resolve("water.npz");
        DataFiles.write(water, TestFiles.water(3), UnitSystem.KCAL_MOL_ANGSTROM);
        parts.add(1, water);
        assertRefusedLeavingNothing(parts)
                .hasMessageContaining("water.npz")
                .hasMessageContaining("atoms differ");
    }

    /** A part whose coordinates hold fewer frames than its energies: named, nothing written, no temporary file left. */
    @Test
    void aPartWithInconsistentShapesIsRefusedByName() throws Exception {
        Dataset all = ethanol();
        List<Path> parts = writeParts(all, 0, 10);
        Map<String, NpyArray> bad = new LinkedHashMap<>(TestFiles.rmd17Arrays(all.range(10, 15)));
        bad.put("coords", NpyArray.OfDouble.of("coords", new int[]{4, 9, 3}, all.range(10, 14).positions()));
        Path broken = TestFiles.write(dir.resolve("broken.npz"), bad);
        parts.add(broken);
        assertRefusedLeavingNothing(parts)
                .hasMessageContaining("broken.npz")
                .hasMessageContaining("coords")
                .hasMessageContaining("(5, 9, 3)");
    }

    /**
     * Parts in other encodings than {@link DataFiles#write}'s (deflated, as numpy.savez_compressed writes;
     * a version-2 npy header) go through the decoding path: the merged file is still the whole file's bytes.
     */
    @Test
    void partsInOtherEncodingsMergeToTheSameBytes() throws Exception {
        Dataset all = ethanol();
        List<Path> parts = writeParts(all, 0, 12, 25);
        Path deflated = dir.resolve("deflated.npz");
        try (var out = Files.newOutputStream(deflated); NpzWriter w = new NpzWriter(out)) {
            for (NpyArray a : TestFiles.rmd17Arrays(all.range(12, 20)).values()) w.add(a, true);
        }
        Dataset last = all.range(20, 25);
        Map<String, byte[]> v2 = new LinkedHashMap<>();
        TestFiles.rmd17Arrays(last).forEach((k, a) -> v2.put(k, Npy.encode(a)));
        for (String k : List.of("coords", "forces", "energies")) {
            double[] values = ((NpyArray.OfDouble) TestFiles.rmd17Arrays(last).get(k)).data();
            int[] shape = k.equals("energies") ? new int[]{5} : new int[]{5, 9, 3};
            byte[] header = Npy.header("<f8", false, shape, 2);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(header.length + 8 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put(header);
            for (double x : values) b.putDouble(x);
            v2.put(k, b.array());
        }
        Path version2 = TestFiles.writeRaw(dir.resolve("v2.npz"), v2);
        List<Path> mixed = List.of(parts.get(0), deflated, version2);
        Path merged = dir.resolve("merged.npz"), whole = dir.resolve("whole.npz");
        DataFiles.concatenate(mixed, merged);
        DataFiles.write(whole, all.range(0, 25), UnitSystem.KCAL_MOL_ANGSTROM);
        assertThat(Files.readAllBytes(merged)).isEqualTo(Files.readAllBytes(whole));
    }

    /** A byte flipped inside a stored part's forces: the part is named as corrupt and no merged file is left. */
    @Test
    void aCorruptPartIsRefusedByNameAndNothingIsWritten() throws Exception {
        Dataset all = ethanol();
        List<Path> parts = writeParts(all, 0, 10, 20, 30);
        Path victim = parts.get(1);
        byte[] bytes = Files.readAllBytes(victim);
        byte[] header = Npy.header("<f8", false, new int[]{10, 9, 3}, 1);
        int at = -1;
        for (int i = bytes.length - header.length; i >= 0 && at < 0; i--) // the last such header: forces
            if (java.util.Arrays.equals(bytes, i, i + header.length, header, 0, header.length)) at = i;
        assertThat(at).isPositive();
        bytes[at + header.length + 100] ^= 0x10;
        Files.write(victim, bytes);
        assertRefusedLeavingNothing(parts)
                .hasMessageContaining(victim.getFileName().toString())
                .hasMessageContaining("forces")
                .hasMessageContaining("corrupt");
    }

    @Test
    void noPartsIsAnError() {
        assertThatThrownBy(() -> DataFiles.concatenate(List.of(), dir.resolve("merged.npz")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
