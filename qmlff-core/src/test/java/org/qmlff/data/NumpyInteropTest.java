package org.qmlff.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NPY/NPZ files written by numpy itself, read by qmlff; numpy prints what they hold. */
class NumpyInteropTest {
    @TempDir
    Path dir;

    static final String SCRIPT = String.join("\n",
            "import json, sys, os",
            "import numpy as np",
            "d = sys.argv[1]",
            "rng = np.random.default_rng(2024)",
            "arrays = {'f8': rng.normal(size=(2, 3, 4)), 'f4': rng.normal(size=(5,)).astype('<f4'),",
            "          'i8': rng.integers(-2**62, 2**62, size=(3, 2)), 'i4': rng.integers(-2**31, 2**31, size=(4,)).astype('<i4'),",
            "          'i2': np.array([-32768, 7, 32767], dtype='<i2'), 'u1': np.array([0, 6, 255], dtype=np.uint8),",
            "          'i1': np.array([-128, 1, 127], dtype=np.int8), 'scalar': np.array(3.25)}",
            "np.savez(os.path.join(d, 'stored.npz'), **arrays)",
            "np.savez_compressed(os.path.join(d, 'deflated.npz'), **arrays)",
            "with open(os.path.join(d, 'v2.npy'), 'wb') as f:",
            "    np.lib.format.write_array(f, arrays['f8'], version=(2, 0))",
            "np.save(os.path.join(d, 'fortran.npy'), np.asfortranarray(rng.normal(size=(3, 2))))",
            "np.save(os.path.join(d, 'big.npy'), np.arange(3, dtype='>f8'))",
            "np.save(os.path.join(d, 'complex.npy'), np.ones(2, dtype=np.complex128))",
            "np.save(os.path.join(d, 'object.npy'), np.array([1, 'a'], dtype=object), allow_pickle=True)",
            "print(json.dumps({k: dict(shape=list(v.shape), data=v.ravel().tolist()) for k, v in arrays.items()}))");

    @Test
    void readsWhatNumpyWrites() throws Exception {
        PythonOracle.require("numpy");
        JsonNode expect = new ObjectMapper().readTree(PythonOracle.run(SCRIPT, dir.toString()));
        for (String file : new String[]{"stored.npz", "deflated.npz"}) {
            try (NpzFile z = NpzFile.open(dir.resolve(file))) {
                assertThat(z.keys()).containsExactlyInAnyOrder("f8", "f4", "i8", "i4", "i2", "u1", "i1", "scalar");
                for (String key : z.keys()) {
                    NpyArray a = z.get(key);
                    JsonNode e = expect.get(key);
                    int[] shape = new int[e.get("shape").size()];
                    for (int i = 0; i < shape.length; i++) shape[i] = e.get("shape").get(i).asInt();
                    assertThat(a.shape()).as("%s %s shape", file, key).containsExactly(shape);
                    assertThat(a.size()).isEqualTo(e.get("data").size());
                    for (int i = 0; i < a.size(); i++) {
                        if (a instanceof NpyArray.OfLong l)
                            assertThat(l.data()[i]).as("%s %s[%d]", file, key, i).isEqualTo(e.get("data").get(i).asLong());
                        else
                            assertThat(a.toDoubles()[i]).as("%s %s[%d]", file, key, i).isEqualTo(e.get("data").get(i).asDouble());
                    }
                }
            }
        }
        NpyArray v2 = Npy.decode(Files.readAllBytes(dir.resolve("v2.npy")), "v2.npy", "v2");
        assertThat(v2.shape()).containsExactly(2, 3, 4);
        assertThat(v2.toDoubles()[23]).isEqualTo(expect.get("f8").get("data").get(23).asDouble());

        assertThatThrownBy(() -> Npy.decode(Files.readAllBytes(dir.resolve("fortran.npy")), "fortran.npy", "a"))
                .hasMessage("fortran.npy: a: Fortran-order arrays are not supported (save it in C order)");
        assertThatThrownBy(() -> Npy.decode(Files.readAllBytes(dir.resolve("big.npy")), "big.npy", "a"))
                .hasMessageStartingWith("big.npy: a: big-endian dtype '>f8' is not supported");
        assertThatThrownBy(() -> Npy.decode(Files.readAllBytes(dir.resolve("complex.npy")), "complex.npy", "a"))
                .hasMessageStartingWith("complex.npy: a: unsupported dtype '<c16'");
        assertThatThrownBy(() -> Npy.decode(Files.readAllBytes(dir.resolve("object.npy")), "object.npy", "a"))
                .hasMessage("object.npy: a: object arrays (dtype '|O') are not supported");
    }
}
