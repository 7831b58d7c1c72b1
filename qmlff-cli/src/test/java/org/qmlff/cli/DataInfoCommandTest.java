package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.Npy;
import org.qmlff.data.NpyArray;
import org.qmlff.data.NpyDtype;
import org.qmlff.data.NpzWriter;
import org.qmlff.data.TestFiles;
import org.qmlff.data.UnitSystem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code qmlff data info} and {@code qmlff data convert}, run in-process through {@link Main#run}. */
class DataInfoCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run qmlff(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path bundled(String name) {
        String root = System.getProperty("qmlff.root");
        Assumptions.assumeTrue(root != null, "system property qmlff.root not set: test skipped");
        return Path.of(root, "data", "rmd17", name);
    }

    @Test
    void summarisesTheBundledTrainingFile() {
        Path f = bundled("rmd17_ethanol_train_01.npz");
        Run r = qmlff("data", "info", f.toString());
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        // Reference statistics from numpy: mean, std, min, max of energies; std of all force components.
        assertThat(r.out).contains(f.toString(), "C2H6O, 9 atoms (C C O H H H H H H)", "frames     1000",
                "-97076.26335677", "4.11053432", "-97085.86325424", "-97061.69942775", "27.56653482",
                "kcal/mol", "meV", "kcal/mol/Å", "meV/Å");
        // 4.11053432 kcal/mol in meV
        assertThat(r.out).contains(String.format(java.util.Locale.ROOT, "%.6f", 4.11053431987643 * 43.364104241800934));
    }

    @Test
    void jsonListsEveryFile() throws Exception {
        Path train = bundled("rmd17_ethanol_train_01.npz");
        Path xyz = dir.resolve("water.xyz");
        DataFiles.write(xyz, water(4), UnitSystem.EV_ANGSTROM);
        Run r = qmlff("data", "info", "--json", "--xyz-energy-unit", "eV", train.toString(), xyz.toString());
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out);
        assertThat(list.size()).isEqualTo(2);
        JsonNode e = list.get(0);
        assertThat(e.get("file").asText()).isEqualTo(train.toString());
        assertThat(e.get("formula").asText()).isEqualTo("C2H6O");
        assertThat(e.get("frames").asInt()).isEqualTo(1000);
        assertThat(e.get("atoms").asInt()).isEqualTo(9);
        assertThat(e.get("energy_kcal_mol").get("mean").asDouble()).isCloseTo(-97076.26335677099, within(1e-8));
        assertThat(e.get("energy_kcal_mol").get("std").asDouble()).isCloseTo(4.11053431987643, within(1e-9));
        assertThat(e.get("energy_meV").get("std").asDouble()).isCloseTo(4.11053431987643 * 43.3641042418, within(1e-6));
        assertThat(e.get("force_component_std_kcal_mol_A").asDouble()).isCloseTo(27.56653481888788, within(1e-9));
        assertThat(e.get("force_component_std_meV_A").asDouble()).isCloseTo(27.56653481888788 * 43.3641042418, within(1e-6));
        assertThat(e.get("units").get("energy").asText()).isEqualTo("kcal/mol");
        JsonNode w = list.get(1);
        assertThat(w.get("formula").asText()).isEqualTo("H2O");
        assertThat(w.get("format").asText()).isEqualTo("extxyz");
        assertThat(w.get("units").get("file_energy").asText()).isEqualTo("eV");
        // water(4) energies -100, -100.25, -100.5, -100.75 kcal/mol survive the trip through eV.
        assertThat(w.get("energy_kcal_mol").get("mean").asDouble()).isCloseTo(-100.375, within(1e-10));
        assertThat(w.get("energy_kcal_mol").get("min").asDouble()).isCloseTo(-100.75, within(1e-10));
    }

    @Test
    void convertsBetweenFormats() throws Exception {
        Path train = bundled("rmd17_ethanol_train_01.npz");
        Path xyz = dir.resolve("first20.xyz");
        Run r = qmlff("data", "convert", "--first", "20", train.toString(), xyz.toString());
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("C2H6O, 20 frames x 9 atoms");
        Path npz = dir.resolve("back.npz");
        assertThat(qmlff("data", "convert", xyz.toString(), npz.toString()).exit).isZero();
        Dataset original = DataFiles.read(train).first(20);
        assertThat(DataFiles.read(npz)).isEqualTo(original.withName("back"));
        Run again = qmlff("data", "convert", xyz.toString(), npz.toString());
        assertThat(again.exit).isEqualTo(2);
        assertThat(again.err).isEqualTo("qmlff: error: " + npz + " exists (use --force to overwrite)" + System.lineSeparator());
        assertThat(qmlff("data", "convert", "--force", xyz.toString(), npz.toString()).exit).isZero();
    }

    // ---- bad input: one line naming the file and the problem, exit code 2, no stack trace ----

    /** Makes a bad file in a folder and returns its path. */
    interface Maker {
        Path make(Path dir) throws IOException;
    }

    record Case(String label, Maker maker, String expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Dataset water(int frames) {
        return TestFiles.water(frames, (fr, x, f, o) -> {
            x[o + 3] = 0.96;
            x[o + 7] = 0.96 + fr / 100.0;
            for (int i = 0; i < 9; i++) f[o + i] = i - 4;
        });
    }

    static Map<String, byte[]> waterEntries() {
        Dataset w = water(3);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("nuclear_charges", Npy.encode(new NpyArray.OfLong("nuclear_charges", NpyDtype.UINT8, new int[]{3}, new long[]{8, 1, 1})));
        m.put("coords", Npy.encode(NpyArray.OfDouble.of("coords", new int[]{3, 3, 3}, w.positions())));
        m.put("energies", Npy.encode(NpyArray.OfDouble.of("energies", new int[]{3}, w.energies())));
        m.put("forces", Npy.encode(NpyArray.OfDouble.of("forces", new int[]{3, 3, 3}, w.forces())));
        return m;
    }

    static Path npz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); NpzWriter w = new NpzWriter(out)) {
            for (var e : entries.entrySet()) w.addRaw(e.getKey() + ".npy", e.getValue(), false);
        }
        return file;
    }

    static Maker waterWith(String name, String key, byte[] replacement) {
        return d -> {
            Map<String, byte[]> m = waterEntries();
            if (replacement == null) m.remove(key);
            else m.put(key, replacement);
            return npz(d.resolve(name), m);
        };
    }

    static byte[] raw(String descr, boolean fortran, int[] shape, int dataBytes) {
        byte[] h = Npy.header(descr, fortran, shape, 1);
        return Arrays.copyOf(h, h.length + dataBytes);
    }

    static double[] waterCoordsWith(int index, double value) {
        double[] x = water(3).positions().clone();
        x[index] = value;
        return x;
    }

    static Maker text(String name, String content) {
        return d -> Files.writeString(d.resolve(name), content);
    }

    static final String XYZ_HEAD = "3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-1 pbc=\"F F F\"\n";
    static final String XYZ_ATOMS = "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nH 0 0.96 0 7 8 9\n";

    static Stream<Case> badInputs() {
        byte[] lyingHeader = Npy.encode(NpyArray.OfDouble.of("energies", new int[]{3}, new double[]{1, 2, 3}));
        lyingHeader[8] = (byte) 0xf0; // header length beyond the entry
        return Stream.of(
                new Case("missing file", d -> d.resolve("absent.npz"), "absent.npz: no such file"),
                new Case("not a zip", text("text.npz", "this is not a zip archive\n"), "text.npz: not a zip archive"),
                new Case("truncated npz", d -> {
                    Path good = npz(d.resolve("tmp.npz"), waterEntries());
                    byte[] b = Files.readAllBytes(good);
                    return Files.write(d.resolve("cut.npz"), Arrays.copyOf(b, b.length * 2 / 3));
                }, "cut.npz: truncated or damaged zip archive"),
                new Case("missing key", waterWith("noforces.npz", "forces", null),
                        "noforces.npz: missing array 'forces' (the file has: nuclear_charges, coords, energies)"),
                new Case("complex dtype", waterWith("c16.npz", "energies", raw("<c16", false, new int[]{3}, 48)),
                        "c16.npz: energies: unsupported dtype '<c16'"),
                new Case("big-endian", waterWith("be.npz", "coords", raw(">f8", false, new int[]{3, 3, 3}, 216)),
                        "be.npz: coords: big-endian dtype '>f8' is not supported"),
                new Case("Fortran order", waterWith("fo.npz", "coords", raw("<f8", true, new int[]{3, 3, 3}, 216)),
                        "fo.npz: coords: Fortran-order arrays are not supported"),
                new Case("object array", waterWith("obj.npz", "energies", raw("|O", false, new int[]{3}, 24)),
                        "obj.npz: energies: object arrays (dtype '|O') are not supported"),
                new Case("truncated array data", waterWith("short.npz", "forces", raw("<f8", false, new int[]{3, 3, 3}, 100)),
                        "short.npz: forces: truncated: shape (3, 3, 3) of <f8 needs 216 bytes of data, found 100"),
                new Case("header lies about its size", waterWith("lie.npz", "energies", lyingHeader),
                        "lie.npz: energies: NPY header claims"),
                new Case("shape mismatch", waterWith("shape.npz", "energies",
                        Npy.encode(NpyArray.OfDouble.of("energies", new int[]{2}, new double[]{1, 2}))),
                        "shape.npz: energies: shape (2,) does not match coords (3, 3, 3) (expected (3,))"),
                new Case("NaN coordinate", waterWith("nan.npz", "coords",
                        Npy.encode(NpyArray.OfDouble.of("coords", new int[]{3, 3, 3}, waterCoordsWith((2 * 3 + 1) * 3 + 1, Double.NaN)))),
                        "nan.npz: coords[2][1]: NaN coordinate (frame 2, atom 1)"),
                new Case("unknown element", waterWith("z99.npz", "nuclear_charges",
                        Npy.encode(new NpyArray.OfLong("nuclear_charges", NpyDtype.UINT8, new int[]{3}, new long[]{8, 1, 99}))),
                        "z99.npz: nuclear_charges[2]: unknown element Z=99 (atom 2;"),
                new Case("overlapping atoms", waterWith("overlap.npz", "coords",
                        Npy.encode(NpyArray.OfDouble.of("coords", new int[]{3, 3, 3}, waterCoordsWith((1 * 3 + 1) * 3, 0.05)))),
                        "overlap.npz: coords[1]: atoms 0 and 1 overlap, 0.05000 Å apart (frame 1;"),
                new Case("empty npz", text("empty.npz", ""), "empty.npz: empty file"),
                new Case("empty xyz", text("empty.xyz", ""), "empty.xyz: empty file"),
                new Case("unknown extension", text("data.h5", "x"), "data.h5: unknown data file type (extension '.h5'"),
                new Case("malformed extxyz header", text("header.xyz", "3\nProperties=species:S:1:pos:R:3:forces:R energy=1\n" + XYZ_ATOMS),
                        "header.xyz: line 2: malformed Properties 'species:S:1:pos:R:3:forces:R'"),
                new Case("extxyz count line", text("count.xyz", "three atoms\n" + XYZ_ATOMS),
                        "count.xyz: line 1: expected the number of atoms of frame 0, found 'three atoms'"),
                new Case("extxyz too few atom lines", text("few.xyz", XYZ_HEAD + XYZ_ATOMS + XYZ_HEAD + "O 0 0 0 1 2 3\n"),
                        "few.xyz: line 6: frame 1 declares 3 atoms but the file ends after 1 atom line (too few atom lines)"),
                new Case("extxyz wrong column count", text("cols.xyz", XYZ_HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6 7\nH 0 0.96 0 7 8 9\n"),
                        "cols.xyz: line 4: expected 7 columns (species:S:1:pos:R:3:forces:R:3), found 8"),
                new Case("extxyz non-numeric", text("nonnum.xyz", XYZ_HEAD + "O 0 0 0 1 2 3\nH 0.96 zero 0 4 5 6\nH 0 0.96 0 7 8 9\n"),
                        "nonnum.xyz: line 4: column 3 (pos): 'zero' is not a number"),
                new Case("extxyz missing energy", text("noenergy.xyz", "3\nProperties=species:S:1:pos:R:3:forces:R:3\n" + XYZ_ATOMS),
                        "noenergy.xyz: line 2: no energy"),
                new Case("extxyz missing forces", text("noforces.xyz", "3\nProperties=species:S:1:pos:R:3 energy=-1\nO 0 0 0\nH 0.96 0 0\nH 0 0.96 0\n"),
                        "noforces.xyz: line 2: no forces"),
                new Case("extxyz different molecules", text("mixed.xyz", XYZ_HEAD + XYZ_ATOMS + XYZ_HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nC 0 0.96 0 7 8 9\n"),
                        "mixed.xyz: line 10: atom 2 of frame 1 is C but atom 2 of frame 0 is H"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineWithExitCode2(Case c) throws Exception {
        Path f = c.maker.make(dir);
        Run r = qmlff("data", "info", f.toString());
        assertThat(r.exit).as("exit code, stderr: %s", r.err).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err).doesNotContain("at org.").doesNotContain("Exception");
        List<String> lines = r.err.lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("qmlff: error: ");
        assertThat(lines.get(0)).contains(f.toString());
        assertThat(lines.get(0)).contains(c.expected);
    }

    @Test
    void badUnitOptionIsAUserError() {
        Run r = qmlff("data", "info", "--xyz-energy-unit", "kJ", "whatever.xyz");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("qmlff: error: unknown energy unit 'kJ' (expected kcal/mol, eV, meV or Ha)");
    }
}
