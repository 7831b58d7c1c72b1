package org.qmlff.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Rmd17Test {
    @TempDir
    Path dir;

    /** Atom counts and Hill formulas of the rMD17 molecules (from their chemistry, not from the files). */
    static final Map<String, Object[]> MOLECULES = Map.of(
            "ethanol", new Object[]{9, "C2H6O"},
            "malonaldehyde", new Object[]{9, "C3H4O2"},
            "benzene", new Object[]{12, "C6H6"},
            "uracil", new Object[]{12, "C4H4N2O2"},
            "toluene", new Object[]{15, "C7H8"},
            "salicylic", new Object[]{16, "C7H6O3"},
            "naphthalene", new Object[]{18, "C10H8"},
            "aspirin", new Object[]{21, "C9H8O4"},
            "azobenzene", new Object[]{24, "C12H10N2"});

    @Test
    void readsEverySharedFile() throws Exception {
        Path shared = TestFiles.sharedRmd17();
        List<Path> files;
        try (Stream<Path> s = Files.list(shared)) {
            files = s.filter(p -> p.toString().endsWith(".npz")).sorted().toList();
        }
        // 5 splits x 2 for five molecules, split 01 for four more (the shared SOURCES.md heading says 60, its table lists 58).
        assertThat(files).hasSizeGreaterThanOrEqualTo(58);
        for (Path f : files) {
            String mol = f.getFileName().toString().split("_")[1];
            Object[] expect = MOLECULES.get(mol);
            assertThat(expect).as("molecule of %s", f).isNotNull();
            Dataset d = Rmd17.read(f);
            assertThat(d.frames()).as("%s frames", f).isEqualTo(1000);
            assertThat(d.atoms()).as("%s atoms", f).isEqualTo(expect[0]);
            assertThat(d.formula()).as("%s formula", f).isEqualTo(expect[1]);
            assertThat(d.name()).isEqualTo(f.getFileName().toString().replace(".npz", ""));
            DatasetStats st = d.stats();
            // Total DFT energies are large and negative and vary by tens of kcal/mol along MD.
            assertThat(st.energyMean()).as("%s mean energy", f).isLessThan(-90000);
            assertThat(st.energyMax() - st.energyMin()).as("%s energy range", f).isBetween(5.0, 100.0);
            assertThat(st.forceComponentStd()).as("%s force std", f).isBetween(5.0, 60.0);
        }
    }

    @Test
    void sampleValuesAgreeWithNumpy() throws Exception {
        // Reference values printed by numpy from the same files.
        Dataset train = Rmd17.read(TestFiles.sharedRmd17().resolve("rmd17_ethanol_train_01.npz"));
        assertThat(train.numbers()).containsExactly(6, 6, 8, 1, 1, 1, 1, 1, 1);
        assertThat(train.energies()[0]).isCloseTo(-97079.92222179, within(1e-8));
        assertThat(train.energies()[0]).isEqualTo(-97079.92222178938);
        assertThat(train.energies()[999]).isEqualTo(-97080.29282622099);
        assertThat(train.positions()).startsWith(-0.17406277, -0.48797864, 0.0185579);
        assertThat(train.positions()).endsWith(1.05074787, -0.43728567, 1.00523087);
        assertThat(train.forces()).startsWith(-17.64730699309182, -26.137516505005973, 40.70575377161765);

        Dataset aspirin = Rmd17.read(TestFiles.sharedRmd17().resolve("rmd17_aspirin_test_01.npz"));
        assertThat(aspirin.numbers()).containsExactly(6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 6, 6, 8, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(aspirin.energies()[0]).isEqualTo(-406278.82442492055);
        assertThat(aspirin.positions()).endsWith(-4.28391829, 0.94738871, 0.16232745);
        assertThat(aspirin.forces()).startsWith(18.52720399694697, 8.676694101336556, -11.346911704103311);

        Dataset uracil = Rmd17.read(TestFiles.sharedRmd17().resolve("rmd17_uracil_train_01.npz"));
        assertThat(uracil.energies()[999]).isEqualTo(-259811.9584823714);
    }

    @Test
    void bundledFilesAreTheOfficialOnes() throws Exception {
        Path bundled = TestFiles.root().resolve("data/rmd17");
        // sha256 prefixes as listed for the upstream files in the shared SOURCES.md.
        Map<String, String> sha = Map.of(
                "rmd17_ethanol_train_01.npz", "096946747b8d9dcf",
                "rmd17_ethanol_test_01.npz", "c3594a0f93d5992e");
        for (var e : sha.entrySet()) {
            Path f = bundled.resolve(e.getKey());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            assertThat(HexFormat.of().formatHex(digest)).as("sha256 of %s", f).startsWith(e.getValue());
            Dataset d = Rmd17.read(f);
            assertThat(d.frames()).isEqualTo(1000);
            assertThat(d.formula()).isEqualTo("C2H6O");
        }
        Dataset test = Rmd17.read(bundled.resolve("rmd17_ethanol_test_01.npz"));
        assertThat(test.energies()[0]).isEqualTo(-97082.38717602966);
        assertThat(test.energies()[999]).isEqualTo(-97073.20878392262);
        assertThat(Files.readString(bundled.resolve("SOURCES.md"))).contains("4f6bb0a186822c90d47cd98b7a27991fe0b3173b", "CC0");
    }

    @Test
    void readsTheFullArchiveLayoutThroughIndexFiles() throws Exception {
        // A stand-in for rmd17_ethanol.npz: the 1000 bundled training frames play the 100k-frame archive.
        Dataset source = Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_train_01.npz"));
        Path npzData = Files.createDirectories(dir.resolve("rmd17/npz_data"));
        Path archive = TestFiles.write(npzData.resolve("rmd17_ethanol.npz"), TestFiles.rmd17Arrays(source));
        Path splits = Files.createDirectories(dir.resolve("rmd17/splits"));
        Files.writeString(splits.resolve("index_train_01.csv"), "17\n3\n999\n0\n\n");
        Files.writeString(splits.resolve("index_test_01.csv"), "5\n6\n");

        // Published layout: splits/ beside npz_data/.
        Dataset train = Rmd17.readSplit(archive, 1, Rmd17.Part.TRAIN);
        assertThat(train.name()).isEqualTo("rmd17_ethanol_train_01");
        assertThat(train.frames()).isEqualTo(4);
        int[] rows = {17, 3, 999, 0};
        for (int i = 0; i < rows.length; i++) {
            assertThat(train.energies()[i]).isEqualTo(source.energies()[rows[i]]);
            double[] a = new double[27];
            double[] b = new double[27];
            train.copyPositions(i, a);
            source.copyPositions(rows[i], b);
            assertThat(a).containsExactly(b);
            train.copyForces(i, a);
            source.copyForces(rows[i], b);
            assertThat(a).containsExactly(b);
        }
        assertThat(Rmd17.readSplit(archive, 1, Rmd17.Part.TEST).energies())
                .containsExactly(source.energies()[5], source.energies()[6]);

        // Layout of the brief: splits/ right next to the archive takes precedence.
        Path near = Files.createDirectories(npzData.resolve("splits"));
        Files.writeString(near.resolve("index_train_01.csv"), "42\n");
        assertThat(Rmd17.readSplit(archive, 1, Rmd17.Part.TRAIN).energies()).containsExactly(source.energies()[42]);

        assertThatThrownBy(() -> Rmd17.readSplit(archive, 2, Rmd17.Part.TRAIN))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("split index file splits/index_train_02.csv not found");

        Files.writeString(near.resolve("index_train_03.csv"), "1\n1000\n");
        assertThatThrownBy(() -> Rmd17.readSplit(archive, 3, Rmd17.Part.TRAIN))
                .hasMessageContaining("index_train_03.csv: line 2: frame index 1000 is outside rmd17_ethanol.npz (frames 0..999)");
        Files.writeString(near.resolve("index_train_04.csv"), "1\n2\nthree\n");
        assertThatThrownBy(() -> Rmd17.readSplit(archive, 4, Rmd17.Part.TRAIN))
                .hasMessageContaining("index_train_04.csv: line 3: 'three' is not a frame index");
        Files.writeString(near.resolve("index_train_05.csv"), "8\n2\n8\n");
        assertThatThrownBy(() -> Rmd17.readSplit(archive, 5, Rmd17.Part.TRAIN))
                .hasMessageContaining("index_train_05.csv: line 3: frame index 8 repeats line 1");
    }

    // ---- validation: each problem named by file, array, frame and atom ----

    private Path withArray(String file, NpyArray replacement) throws Exception {
        Map<String, NpyArray> m = TestFiles.rmd17Arrays(TestFiles.water(3));
        m.put(replacement.name(), replacement);
        return TestFiles.write(dir.resolve(file), m);
    }

    @Test
    void nanCoordinateIsNamedByArrayFrameAndAtom() throws Exception {
        Dataset w = TestFiles.water(3);
        double[] x = w.positions().clone();
        x[(2 * 3 + 1) * 3 + 2] = Double.NaN;
        Path f = withArray("rmd17_water_train_01.npz", NpyArray.OfDouble.of("coords", new int[]{3, 3, 3}, x));
        assertThatThrownBy(() -> Rmd17.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": coords[2][1]: NaN coordinate (frame 2, atom 1)");
    }

    @Test
    void infiniteForceAndNanEnergy() throws Exception {
        Dataset w = TestFiles.water(3);
        double[] fo = w.forces().clone();
        fo[(1 * 3 + 2) * 3] = Double.NEGATIVE_INFINITY;
        Path f = withArray("inf.npz", NpyArray.OfDouble.of("forces", new int[]{3, 3, 3}, fo));
        assertThatThrownBy(() -> Rmd17.read(f)).hasMessage(f + ": forces[1][2]: infinite force (frame 1, atom 2)");
        Path g = withArray("nan.npz", NpyArray.OfDouble.of("energies", new int[]{3}, new double[]{1, Double.NaN, 2}));
        assertThatThrownBy(() -> Rmd17.read(g)).hasMessage(g + ": energies[1]: NaN energy (frame 1)");
    }

    @Test
    void unknownElement() throws Exception {
        Path f = withArray("z.npz", new NpyArray.OfLong("nuclear_charges", NpyDtype.UINT8, new int[]{3}, new long[]{8, 99, 1}));
        assertThatThrownBy(() -> Rmd17.read(f)).hasMessage(f + ": nuclear_charges[1]: unknown element Z=99 (atom 1; qmlff knows H..Ar, Z=1..18)");
    }

    @Test
    void overlappingAtoms() throws Exception {
        Dataset w = TestFiles.water(3);
        double[] x = w.positions().clone();
        // frame 1: put atom 2 at 0.05 Å from atom 0 (the origin)
        int o = (1 * 3 + 2) * 3;
        x[o] = 0.03;
        x[o + 1] = 0.04;
        x[o + 2] = 0;
        Path f = withArray("close.npz", NpyArray.OfDouble.of("coords", new int[]{3, 3, 3}, x));
        assertThatThrownBy(() -> Rmd17.read(f))
                .hasMessage(f + ": coords[1]: atoms 0 and 2 overlap, 0.05000 Å apart (frame 1; atoms must be at least 0.1 Å apart)");
    }

    @Test
    void shapesMustAgree() throws Exception {
        Path f = withArray("e.npz", NpyArray.OfDouble.of("energies", new int[]{2}, new double[]{1, 2}));
        assertThatThrownBy(() -> Rmd17.read(f)).hasMessage(f + ": energies: shape (2,) does not match coords (3, 3, 3) (expected (3,))");
        Path g = withArray("f.npz", NpyArray.OfDouble.of("forces", new int[]{3, 3, 2}, new double[18]));
        assertThatThrownBy(() -> Rmd17.read(g)).hasMessage(g + ": forces: shape (3, 3, 2) does not match coords (3, 3, 3)");
        Path h = withArray("z.npz", new NpyArray.OfLong("nuclear_charges", NpyDtype.UINT8, new int[]{2}, new long[]{8, 1}));
        assertThatThrownBy(() -> Rmd17.read(h)).hasMessage(h + ": nuclear_charges: shape (2,) does not match coords (3, 3, 3) (expected (3,))");
        Path c = withArray("c.npz", NpyArray.OfDouble.of("coords", new int[]{3, 9}, TestFiles.water(3).positions()));
        assertThatThrownBy(() -> Rmd17.read(c)).hasMessage(c + ": coords: shape (3, 9) is not (frames, atoms, 3)");
        Path t = withArray("t.npz", NpyArray.OfDouble.of("nuclear_charges", new int[]{3}, new double[]{8, 1, 1}));
        assertThatThrownBy(() -> Rmd17.read(t)).hasMessage(t + ": nuclear_charges: expected integer atomic numbers, found dtype '<f8'");
    }

    @Test
    void missingArrayAndOldArraysIgnored() throws Exception {
        Map<String, NpyArray> m = TestFiles.rmd17Arrays(TestFiles.water(3));
        m.remove("forces");
        m.put("old_forces", NpyArray.OfDouble.of("old_forces", new int[]{3, 3, 3}, new double[27]));
        Path f = TestFiles.write(dir.resolve("noforces.npz"), m);
        assertThatThrownBy(() -> Rmd17.read(f))
                .hasMessage(f + ": missing array 'forces' (the file has: nuclear_charges, coords, energies, old_forces)");

        Map<String, NpyArray> ok = TestFiles.rmd17Arrays(TestFiles.water(3));
        ok.put("old_energies", NpyArray.OfDouble.of("old_energies", new int[]{3}, new double[]{Double.NaN, 0, 0}));
        Dataset d = Rmd17.read(TestFiles.write(dir.resolve("old.npz"), ok));
        assertThat(d).isEqualTo(TestFiles.water(3).withName("old"));
    }

    @Test
    void float32AndEnergiesAsColumnAreAccepted() throws Exception {
        Dataset w = TestFiles.water(2);
        Map<String, NpyArray> m = TestFiles.rmd17Arrays(w);
        m.put("coords", new NpyArray.OfDouble("coords", NpyDtype.FLOAT32, new int[]{2, 3, 3}, w.positions()));
        m.put("energies", NpyArray.OfDouble.of("energies", new int[]{2, 1}, w.energies()));
        Dataset d = Rmd17.read(TestFiles.write(dir.resolve("f4.npz"), m));
        for (int i = 0; i < w.positions().length; i++)
            assertThat(d.positions()[i]).isEqualTo((double) (float) w.positions()[i]);
        assertThat(d.energies()).containsExactly(w.energies());
    }
}
