package org.qmlff.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.NpyArray;
import org.qmlff.data.NpyDtype;
import org.qmlff.data.NpzWriter;
import org.qmlff.data.Rmd17;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * predict, md --init and serve-ipi --init need positions and species only: files without energies
 * and forces (npz without the arrays, extended XYZ without forces or energy) are accepted, and
 * predictions equal those on the labelled file.
 */
class GeometryOnlyInputTest {
    private static final Path ETHANOL = Path.of("..", "data", "rmd17", "rmd17_ethanol_test_01.npz");
    @TempDir
    static Path dir;
    static Path model;
    static Dataset labelled;
    static Path npz;
    static Path xyz;

    @BeforeAll
    static void files() throws Exception {
        labelled = DataFiles.read(ETHANOL).first(3);
        model = dir.resolve("model.json");
        Models.write(Models.create(ModelOptions.defaults("revised"), List.of(labelled), 7), Map.of(), model);
        long[] z = new long[labelled.atoms()];
        for (int a = 0; a < z.length; a++) z[a] = labelled.numbers()[a];
        npz = dir.resolve("geometry.npz");
        NpzWriter.write(npz, List.of(new NpyArray.OfLong(Rmd17.NUMBERS, NpyDtype.UINT8, new int[]{z.length}, z),
                NpyArray.OfDouble.of(Rmd17.COORDS, new int[]{3, z.length, 3}, labelled.positions())));
        StringBuilder sb = new StringBuilder();
        String[] symbols = MdSupport.symbols(labelled.numbers());
        for (int f = 0; f < 3; f++) {
            sb.append(z.length).append('\n').append(f == 1 ? "Properties=species:S:1:pos:R:3\n" : "comment without labels\n");
            for (int a = 0; a < z.length; a++) {
                int o = (f * z.length + a) * 3;
                sb.append(symbols[a]).append(' ').append(labelled.positions()[o]).append(' ')
                        .append(labelled.positions()[o + 1]).append(' ').append(labelled.positions()[o + 2]).append('\n');
            }
        }
        xyz = Files.writeString(dir.resolve("geometry.xyz"), sb.toString());
    }

    @Test
    void predictOnGeometryOnlyFilesEqualsPredictOnTheLabelledFile() throws Exception {
        Path ref = dir.resolve("labelled.npz");
        DataFiles.write(ref, labelled, org.qmlff.data.UnitSystem.KCAL_MOL_ANGSTROM);
        CliRun a = CliRun.main("predict", "--model", model.toString(), "--data", ref.toString(), "--out", dir.resolve("a.json").toString());
        assertThat(a.code()).as(a.err()).isZero();
        for (Path geometry : new Path[]{npz, xyz}) {
            Path out = dir.resolve("b-" + geometry.getFileName() + ".json");
            CliRun b = CliRun.main("predict", "--model", model.toString(), "--data", geometry.toString(), "--out", out.toString());
            assertThat(b.code()).as(b.err()).isZero();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(json.readTree(out.toFile()).get("energies")).isEqualTo(json.readTree(dir.resolve("a.json").toFile()).get("energies"));
            assertThat(json.readTree(out.toFile()).get("forces")).isEqualTo(json.readTree(dir.resolve("a.json").toFile()).get("forces"));
        }
    }

    @Test
    void mdStartsFromAGeometryOnlyFile() {
        for (Path geometry : new Path[]{npz, xyz}) {
            Path out = dir.resolve("md-" + geometry.getFileName());
            CliRun r = CliRun.main("md", "--model", model.toString(), "--init", geometry.toString(), "--frame", "1", "--ensemble", "nvt", "--temperature", "300",
                    "--steps", "5", "--dt", "0.5", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(out).isDirectory();
        }
    }

    @Test
    void trainingStillRequiresLabels() {
        CliRun r = CliRun.main("train", "--data", npz.toString(), "--epochs", "1", "--out", dir.resolve("t").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing array 'energies'");
    }
}
