package org.qmlff.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExtXyzTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void reducedHundredIsTheFirstHundredTrainingFramesReordered() throws Exception {
        Path shared = TestFiles.sharedRmd17();
        Dataset xyz = ExtXyz.read(shared.resolve("ethanol_reduced_100.xyz"));
        Dataset npz = Rmd17.read(shared.resolve("rmd17_ethanol_train_01.npz")).first(100);
        assertThat(xyz.frames()).isEqualTo(100);
        assertThat(xyz.numbers()).containsExactly(1, 1, 1, 1, 1, 1, 6, 6, 8);
        assertThat(xyz.formula()).isEqualTo(npz.formula());
        assertThat(xyz.energies()).containsExactly(npz.energies());
        int na = 9;
        for (int f = 0; f < 100; f++) {
            // Match every xyz atom to the npz atom of the same element at the same place; the match
            // must be one to one, and the forces must then agree too.
            boolean[] used = new boolean[na];
            for (int a = 0; a < na; a++) {
                int match = -1;
                for (int b = 0; b < na; b++) {
                    if (used[b] || npz.numbers()[b] != xyz.numbers()[a]) continue;
                    if (dist(xyz.positions(), (f * na + a) * 3, npz.positions(), (f * na + b) * 3) < 1e-12) {
                        match = b;
                        break;
                    }
                }
                assertThat(match).as("frame %d, xyz atom %d has a partner in the npz", f, a).isNotNegative();
                used[match] = true;
                for (int k = 0; k < 3; k++)
                    assertThat(xyz.forces()[(f * na + a) * 3 + k]).isCloseTo(npz.forces()[(f * na + match) * 3 + k], within(1e-9));
            }
        }
    }

    private static double dist(double[] x, int i, double[] y, int j) {
        return Math.abs(x[i] - y[j]) + Math.abs(x[i + 1] - y[j + 1]) + Math.abs(x[i + 2] - y[j + 2]);
    }

    @Test
    void readsTheWorkshopThousandFrameFile() throws Exception {
        Dataset d = ExtXyz.read(TestFiles.sharedRmd17().resolve("rmd17_ethanol_1000.xyz"));
        assertThat(d.frames()).isEqualTo(1000);
        assertThat(d.numbers()).containsExactly(6, 6, 8, 1, 1, 1, 1, 1, 1);
        // First lines of the file, read by eye.
        assertThat(d.energies()[0]).isEqualTo(-97078.10995362196);
        assertThat(d.positions()).startsWith(-0.02326528, -0.53193351, -0.16332991);
        assertThat(d.forces()).startsWith(58.32043527, 8.81859775, 90.62139778);
    }

    static final String WATER = "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nH 0 0.96 0 7 8 9\n";

    @Test
    void acceptsTheVariantsAseAndOthersWrite() throws Exception {
        String content = "3\n"
                + "Lattice=\"10 0 0 0 10 0 0 0 10\" Properties=pos:R:3:velocities:R:3:species:S:1:forces:R:3 "
                + "comment=\"a = b, c\" Energy=-12.5 flag pbc=\"F F F\"\n"
                + "0 0 0   0.1 0.2 0.3  O   1 2 3\n"
                + "0.96 0 0 0.1 0.2 0.3 H 4 5 6\n"
                + "0\t0.96\t0 0.1 0.2 0.3 H 7 8 9\n"
                + "3\r\n"
                + "energy=-13 Properties=Z:I:1:pos:R:3:force:R:3\r\n"
                + "8 0 0 0 1 2 3\r\n1 0.96 0 0 4 5 6\r\n1 0 0.96 0 7 8 9\r\n"
                + "\n\n";
        Dataset d = ExtXyz.read(file("variants.extxyz", content));
        assertThat(d.name()).isEqualTo("variants");
        assertThat(d.numbers()).containsExactly(8, 1, 1);
        assertThat(d.energies()).containsExactly(-12.5, -13);
        assertThat(d.positions()).containsExactly(0, 0, 0, 0.96, 0, 0, 0, 0.96, 0, 0, 0, 0, 0.96, 0, 0, 0, 0.96, 0);
        assertThat(d.forces()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void convertsUnitsOnTheWayIn() throws Exception {
        Path f = file("ev.xyz", "3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-2\n" + WATER);
        Dataset ev = ExtXyz.read(f, UnitSystem.EV_ANGSTROM);
        // 1 eV = 23.0605 kcal/mol
        assertThat(ev.energies()[0]).isCloseTo(-2 * 23.060548, within(1e-5));
        assertThat(ev.forces()[8]).isCloseTo(9 * 23.060548, within(1e-5));
        assertThat(ev.positions()[3]).isEqualTo(0.96);
        Dataset bohr = ExtXyz.read(f, new UnitSystem(EnergyUnit.HARTREE, LengthUnit.BOHR));
        assertThat(bohr.energies()[0]).isCloseTo(-2 * 627.509474, within(1e-6));
        assertThat(bohr.positions()[3]).isCloseTo(0.96 * 0.529177210903, within(1e-15));
        assertThat(bohr.forces()[8]).isCloseTo(9 * 627.509474 / 0.529177210903, within(1e-5));
    }

    // ---- errors: one line, file and line number ----

    private void assertError(String content, String message) throws IOException {
        Path f = file("bad.xyz", content);
        assertThatThrownBy(() -> ExtXyz.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": " + message);
    }

    static final String HEAD = "3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-1\n";

    @Test
    void malformedHeaders() throws Exception {
        assertError("three\nenergy=1\n", "line 1: expected the number of atoms of frame 0, found 'three'");
        assertError("3\nProperties=species:S:1:pos:R energy=1\n" + WATER,
                "line 2: malformed Properties 'species:S:1:pos:R' (expected name:type:columns triples)");
        assertError("3\nProperties=species:S:1:pos:X:3:forces:R:3 energy=1\n" + WATER,
                "line 2: malformed Properties entry 'pos:X:3' (expected name:type:columns with type S, R, I or L)");
        assertError("3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=1 comment=\"open\n" + WATER,
                "line 2: malformed comment line: unterminated quote in the value of 'comment'");
        assertError("3\nProperties=species:S:1:pos:R:2:forces:R:3 energy=1\n" + WATER,
                "line 2: property 'pos' must be pos:R:3, found pos:R:2");
        assertError("3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=1 pbc=\"T T T\"\n" + WATER,
                "line 2: periodic frame (pbc=\"T T T\"): qmlff data sets hold isolated molecules");
        assertError("3\nenergy=1 Energy=2 Properties=species:S:1:pos:R:3:forces:R:3\n" + WATER,
                "line 2: key 'Energy' appears twice in the comment line (as 'energy')");
        assertError("3\n", "line 1: the file ends after the atom count of frame 0 (no comment line)");
    }

    @Test
    void missingLabels() throws Exception {
        assertError("3\nProperties=species:S:1:pos:R:3:forces:R:3 pbc=\"F F F\"\n" + WATER,
                "line 2: no energy (expected energy=<value> in the comment line)");
        assertError("3\nProperties=species:S:1:pos:R:3 energy=1\nO 0 0 0\nH 1 0 0\nH 0 1 0\n",
                "line 2: no forces (expected forces:R:3 in Properties=species:S:1:pos:R:3)");
        assertError("3\nenergy=1\nO 0 0 0\nH 1 0 0\nH 0 1 0\n",
                "line 2: no forces (expected forces:R:3 in Properties=<missing>)");
        assertError("3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=abc\n" + WATER, "line 2: energy: 'abc' is not a number");
    }

    @Test
    void badAtomLines() throws Exception {
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\n",
                "line 1: frame 0 declares 3 atoms but the file ends after 2 atom lines (too few atom lines)");
        assertError(HEAD + WATER + HEAD + "O 0 0 0 1 2 3\n",
                "line 6: frame 1 declares 3 atoms but the file ends after 1 atom line (too few atom lines)");
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5\nH 0 0.96 0 7 8 9\n",
                "line 4: expected 7 columns (species:S:1:pos:R:3:forces:R:3), found 6");
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nH 0 0.96 0 7 x8 9\n",
                "line 5: column 6 (forces): 'x8' is not a number");
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nH 0 0x1p3 0 7 8 9\n",
                "line 5: column 3 (pos): '0x1p3' is not a number");
        assertError(HEAD + "O 0 0 0 1 2 3\nXx 0.96 0 0 4 5 6\nH 0 0.96 0 7 8 9\n",
                "line 4: unknown element symbol 'Xx' (qmlff knows H..Ar)");
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 nan 4 5 6\nH 0 0.96 0 7 8 9\n",
                "line 4: NaN coordinate (frame 0, atom 1)");
        assertError(HEAD + "O 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\nH 0.01 0.05 0 7 8 9\n",
                "line 1: atoms 0 and 2 overlap, 0.05099 Å apart (frame 0; atoms must be at least 0.1 Å apart)");
    }

    @Test
    void framesMustBeTheSameMolecule() throws Exception {
        assertError(HEAD + WATER + HEAD + "O 0 0 0 1 2 3\nO 0.96 0 0 4 5 6\nH 0 0.96 0 7 8 9\n",
                "line 9: atom 1 of frame 1 is O but atom 1 of frame 0 is H (all frames must have the same atoms in the same order)");
        assertError(HEAD + WATER + "2\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-1\nO 0 0 0 1 2 3\nH 0.96 0 0 4 5 6\n",
                "line 6: frame 1 has 2 atoms but frame 0 has 3 (all frames must be the same molecule)");
    }

    @Test
    void emptyFiles() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.xyz"));
        assertThatThrownBy(() -> ExtXyz.read(empty)).hasMessage(empty + ": empty file");
        Path blank = file("blank.xyz", "\n  \n");
        assertThatThrownBy(() -> ExtXyz.read(blank)).hasMessage(blank + ": no frames (the file holds only blank lines)");
    }

    @Test
    void writesAseStyleLines() throws Exception {
        Path f = dir.resolve("w.xyz");
        ExtXyz.write(f, TestFiles.water(2));
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("3");
        assertThat(lines.get(1)).isEqualTo("Properties=species:S:1:pos:R:3:forces:R:3 energy=-100.0 pbc=\"F F F\"");
        assertThat(lines.get(2)).isEqualTo("O 0.0 0.0 0.0 0.125 0.25 0.375");
        assertThat(lines.get(6)).isEqualTo("Properties=species:S:1:pos:R:3:forces:R:3 energy=-100.25 pbc=\"F F F\"");
        try (var s = Files.list(dir)) {
            assertThat(s.count()).as("no temporary file left behind").isEqualTo(1);
        }
    }

    @Test
    void writerRefusesWhatReadersWouldReject() {
        Dataset w = TestFiles.water(1);
        double[] e = {Double.NaN};
        Dataset bad = new Dataset("bad", w.numbers(), w.positions(), e, w.forces());
        assertThatThrownBy(() -> ExtXyz.write(dir.resolve("bad.xyz"), bad)).hasMessage("bad: energies[0]: NaN energy (frame 0)");
        assertThat(dir.resolve("bad.xyz")).doesNotExist();
    }

    @Test
    void formatIsShortestWhereJavaAllowsAndAlwaysExact() {
        assertThat(ExtXyz.format(0.1)).isEqualTo("0.1");
        assertThat(ExtXyz.format(-97079.92222178938)).isEqualTo("-97079.92222178938");
        for (double v : new double[]{Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e23, 2e-323, 5e-324, 1.0E-5, 4.35e-15})
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(ExtXyz.format(v)))).isEqualTo(Double.doubleToRawLongBits(v));
    }

    // ---- round trip ----

    @Provide
    Arbitrary<Dataset> datasets() {
        Arbitrary<Integer> frames = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> atoms = Arbitraries.integers().between(1, 6);
        return Combinators.combine(frames, atoms).flatAs((nf, na) -> {
            Arbitrary<int[]> z = Arbitraries.integers().between(1, 18).array(int[].class).ofSize(na);
            // Atoms sit on a line 1.5 Å apart plus an offset in [-0.5, 0.5) with a full 53-bit
            // mantissa, so they never overlap; energies and forces are any finite bit pattern
            // (subnormals and -0.0 included), since jqwik's plain doubles have only 2 decimals.
            Arbitrary<Double> offset = Arbitraries.longs().between(0, (1L << 53) - 1).map(m -> m * 0x1p-53 - 0.5);
            Arbitrary<Double> anyFinite = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
            Arbitrary<double[]> offsets = offset.list().ofSize(nf * na * 3).map(ExtXyzTest::toArray);
            Arbitrary<double[]> energies = anyFinite.list().ofSize(nf).map(ExtXyzTest::toArray);
            Arbitrary<double[]> forces = anyFinite.list().ofSize(nf * na * 3).map(ExtXyzTest::toArray);
            return Combinators.combine(z, offsets, energies, forces).as((zz, off, e, f) -> {
                double[] x = off.clone();
                for (int i = 0; i < x.length; i += 3) x[i] += 1.5 * ((i / 3) % na);
                return new Dataset("roundtrip", zz, x, e, f);
            });
        });
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    @Property(tries = 60)
    void writeThenReadIsBitExact(@ForAll("datasets") Dataset d) throws IOException {
        Path f = Files.createTempFile("qmlff-roundtrip", ".xyz");
        try {
            ExtXyz.write(f, d);
            Dataset back = ExtXyz.read(f).withName("roundtrip");
            assertThat(back).isEqualTo(d);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void writeThenReadInEvIsExactToRounding() throws IOException {
        Dataset d = Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_test_01.npz")).first(20);
        Path f = dir.resolve("ev.xyz");
        ExtXyz.write(f, d, UnitSystem.EV_ANGSTROM);
        List<String> lines = Files.readAllLines(f);
        double eEv = Double.parseDouble(lines.get(1).replaceAll(".*energy=(\\S+).*", "$1"));
        assertThat(eEv).isCloseTo(d.energies()[0] * 0.0433641042418, within(1e-6));
        Dataset back = ExtXyz.read(f, UnitSystem.EV_ANGSTROM);
        assertThat(back.positions()).containsExactly(d.positions());
        for (int i = 0; i < d.frames(); i++)
            assertThat(back.energies()[i]).isCloseTo(d.energies()[i], within(Math.ulp(d.energies()[i]) * 2));
        for (int i = 0; i < d.forces().length; i++)
            assertThat(back.forces()[i]).isCloseTo(d.forces()[i], within(Math.ulp(d.forces()[i]) * 2));
    }
}
