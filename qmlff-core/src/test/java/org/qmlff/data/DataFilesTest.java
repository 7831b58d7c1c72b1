package org.qmlff.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void dispatchesOnExtension() throws Exception {
        Dataset w = TestFiles.water(3);
        Path npz = dir.resolve("w.npz");
        Path xyz = dir.resolve("w.xyz");
        Path ext = dir.resolve("w.EXTXYZ");
        DataFiles.write(npz, w, UnitSystem.KCAL_MOL_ANGSTROM);
        DataFiles.write(xyz, w, UnitSystem.KCAL_MOL_ANGSTROM);
        DataFiles.write(ext, w, UnitSystem.EV_ANGSTROM);
        assertThat(DataFiles.read(npz)).isEqualTo(w.withName("w"));
        assertThat(DataFiles.read(xyz)).isEqualTo(w.withName("w"));
        assertThat(Files.readString(ext)).startsWith("3\nProperties=species:S:1:pos:R:3:forces:R:3 energy=-4.33641");
        assertThat(DataFiles.read(ext, UnitSystem.EV_ANGSTROM).energies()[2]).isCloseTo(-100.5, org.assertj.core.api.Assertions.within(1e-12));
        // The npz has the rMD17 layout: another reader (here: ours at the array level) sees the keys.
        try (NpzFile z = NpzFile.open(npz)) {
            assertThat(z.keys()).containsExactly("nuclear_charges", "coords", "energies", "forces");
            assertThat(z.get("nuclear_charges").dtype()).isEqualTo(NpyDtype.UINT8);
        }
    }

    @Test
    void clearErrors() throws Exception {
        Path missing = dir.resolve("nope.xyz");
        assertThatThrownBy(() -> DataFiles.read(missing)).isInstanceOf(DataFormatException.class).hasMessage(missing + ": no such file");
        Path unknown = Files.writeString(dir.resolve("data.csv"), "1,2,3\n");
        assertThatThrownBy(() -> DataFiles.read(unknown))
                .hasMessage(unknown + ": unknown data file type (extension '.csv'; expected .npz, .xyz or .extxyz)");
        Path noExt = Files.writeString(dir.resolve("README"), "x");
        assertThatThrownBy(() -> DataFiles.read(noExt)).hasMessageContaining("(no extension; expected");
        Path empty = Files.createFile(dir.resolve("e.npz"));
        assertThatThrownBy(() -> DataFiles.read(empty)).hasMessage(empty + ": empty file");
        Path notZip = Files.writeString(dir.resolve("n.npz"), "3\nenergy=1\n");
        assertThatThrownBy(() -> DataFiles.read(notZip)).hasMessage(notZip + ": not a zip archive (an .npz file is a zip of .npy arrays)");
        Path folder = Files.createDirectory(dir.resolve("folder.xyz"));
        assertThatThrownBy(() -> DataFiles.read(folder)).hasMessage(folder + ": is a directory, not a data file");
    }
}
