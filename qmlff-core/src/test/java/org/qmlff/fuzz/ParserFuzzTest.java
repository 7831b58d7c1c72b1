package org.qmlff.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.ExtXyz;
import org.qmlff.data.Npy;
import org.qmlff.data.NpyArray;
import org.qmlff.data.NpyDtype;
import org.qmlff.data.NpzFile;
import org.qmlff.data.NpzWriter;
import org.qmlff.data.Rmd17;
import org.qmlff.data.UnitSystem;
import org.qmlff.error.InputException;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every parser, fed 10 000 mutants of a valid input each: it either reads the input or throws the
 * input-error type ({@link InputException}, whose message is one line); no other exception, no hang.
 * (The CLI's YAML config and the i-PI messages have their own fuzz tests next to their code.)
 */
class ParserFuzzTest {
    /**
     * Fixed, so that a CI run is reproducible (the seed with which CI found the non-UTF-8 zip entry
     * name bug); change it to explore other mutants.
     */
    static final String FUZZ_SEED = "-1841773176924094012";

    private static final int TRIES = 10_000;
    private static final Duration HANG = Duration.ofSeconds(10);
    private static Path dir;
    private static byte[] npy, npzStored, npzDeflated, extxyz, modelJson;

    @BeforeContainer
    static void validInputs() throws IOException {
        dir = Files.createTempDirectory("qmlff-fuzz");
        Dataset water = water();
        npy = Npy.encode(NpyArray.OfDouble.of("coords", new int[]{2, 3, 3}, water.positions()));
        npzStored = npz(water, false);
        npzDeflated = npz(water, true);
        Path x = dir.resolve("valid.xyz");
        ExtXyz.write(x, water);
        extxyz = Files.readAllBytes(x);
        Path m = dir.resolve("valid.json");
        Models.write(Models.create(ModelOptions.defaults("revised"), List.of(water), 1), Map.of(), m);
        modelJson = Files.readAllBytes(m);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static Dataset water() {
        double[] pos = {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0, 0.01, 0, 0.02, 0.95, 0.03, 0, -0.25, 0.9, 0.01};
        double[] f = new double[18];
        for (int i = 0; i < f.length; i++) f[i] = 0.1 * (i - 9);
        return new Dataset("water", new int[]{8, 1, 1}, pos, new double[]{-47000.5, -47000.25}, f);
    }

    private static byte[] npz(Dataset d, boolean deflate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpzWriter w = new NpzWriter(out)) {
            w.add(new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{3}, new long[]{8, 1, 1}), deflate)
                    .add(NpyArray.OfDouble.of(Rmd17.COORDS, new int[]{2, 3, 3}, d.positions()), deflate)
                    .add(NpyArray.OfDouble.of(Rmd17.ENERGIES, new int[]{2}, d.energies()), deflate)
                    .add(NpyArray.OfDouble.of(Rmd17.FORCES, new int[]{2, 3, 3}, d.forces()), deflate);
        }
        return out.toByteArray();
    }

    /** Runs {@code parse}; only an {@link InputException} with a one-line message may escape. */
    private static void onlyInputErrors(byte[] input, ThrowingRunnable parse) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                parse.run();
            } catch (InputException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
        }, () -> "hung on a " + input.length + "-byte input");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface FileParser {
        void parse(Path file) throws Exception;
    }

    /**
     * Writes the mutant of {@code valid} for {@code seed} to the file {@code name} and runs {@code parse} on
     * that file; only input errors may escape (a hang is reported with the valid input's size).
     */
    private static void fuzzFile(String name, byte[] valid, long seed, FileParser parse) throws IOException {
        Path f = Files.write(dir.resolve(name), Mutator.mutate(valid, seed));
        onlyInputErrors(valid, () -> parse.parse(f));
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void npyHeaderAndArray(@ForAll long seed) {
        byte[] m = Mutator.mutate(npy, seed);
        onlyInputErrors(m, () -> Npy.decode(m, "fuzz.npy", "coords"));
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void npzStored(@ForAll long seed) throws IOException {
        fuzzFile("stored.npz", npzStored, seed, Rmd17::read);
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void npzDeflated(@ForAll long seed) throws IOException {
        fuzzFile("deflated.npz", npzDeflated, seed, f -> {
            try (NpzFile z = NpzFile.open(f)) {
                for (String k : z.keys()) z.get(k);
            }
            Rmd17.readGeometry(f);
        });
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void extendedXyz(@ForAll long seed) throws IOException {
        fuzzFile("fuzz.xyz", extxyz, seed, f -> {
            ExtXyz.read(f, UnitSystem.KCAL_MOL_ANGSTROM);
            DataFiles.readGeometry(f);
        });
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void modelFile(@ForAll long seed) throws IOException {
        fuzzFile("model.json", modelJson, seed, Models::read);
    }

    /** Valid JSON with wrong content (types, shapes, values) rather than broken syntax. */
    @Property(tries = TRIES, seed = FUZZ_SEED)
    void modelFileWithWrongValues(@ForAll long seed) throws IOException {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(modelJson);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        JsonMutations.mutate(root, rng, 1 + rng.nextInt(3));
        onlyInputErrors(modelJson, () -> Models.fromJson(root, "model.json"));
    }
}
