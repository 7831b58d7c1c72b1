package org.qmlff.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Extended XYZ interchange with ASE, the reference implementation of the format: files qmlff writes
 * must read identically in ASE, and files ASE writes must read identically in qmlff. Numbers are
 * compared as written: ASE assumes eV but converts nothing.
 */
class AseInteropTest {
    @TempDir
    Path dir;

    /** Reads argv[1] with ASE and writes argv[2] with ASE; prints both as ASE sees them. */
    static final String SCRIPT = String.join("\n",
            "import json, sys",
            "import numpy as np",
            "import ase.io, ase.units, ase.data",
            "from ase import Atoms",
            "from ase.calculators.singlepoint import SinglePointCalculator",
            "def dump(frames):",
            "    return [dict(numbers=a.numbers.tolist(), positions=a.positions.tolist(),",
            "                 energy=a.get_potential_energy(), forces=a.get_forces().tolist()) for a in frames]",
            "out = {'read': dump(ase.io.read(sys.argv[1], index=':'))}",
            "rng = np.random.default_rng(12345)",
            "frames = []",
            "base = np.array([[0, 0, 0], [1.5, 0, 0], [-0.5, 1.4, 0], [0.3, -0.9, 0.8], [2.0, 1.0, 0.5]])",
            "for i in range(4):",
            "    a = Atoms('CCOHH', positions=base + rng.normal(scale=0.05, size=(5, 3)))",
            "    a.set_momenta(rng.normal(size=(5, 3)))",
            "    a.info['comment'] = 'frame %d, made by ase' % i",
            "    a.calc = SinglePointCalculator(a, energy=-1000 * rng.random() - 9000, forces=rng.normal(scale=30, size=(5, 3)))",
            "    frames.append(a)",
            "ase.io.write(sys.argv[2], frames, format='extxyz')",
            "out['written'] = dump(ase.io.read(sys.argv[2], index=':'))",
            "out['kcal_mol_in_ev'] = ase.units.kcal / ase.units.mol",
            "out['symbols'] = ase.data.chemical_symbols[1:19]",
            "out['masses'] = ase.data.atomic_masses[1:19].tolist()",
            "print(json.dumps(out))");

    @Test
    void aseAndQmlffReadTheSameNumbers() throws Exception {
        PythonOracle.require("ase");
        // Five ethanol frames, positions given full 17-digit mantissas so that precision shows.
        Dataset src = Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_test_01.npz")).first(5);
        double[] x = src.positions().clone();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < x.length; i++) x[i] += rnd.nextDouble(-1e-3, 1e-3);
        Dataset ours = new Dataset("ours", src.numbers(), x, src.energies(), src.forces());
        Path a = dir.resolve("by_qmlff.xyz");
        Path b = dir.resolve("by_ase.extxyz");
        ExtXyz.write(a, ours);

        JsonNode out = new ObjectMapper().readTree(PythonOracle.run(SCRIPT, a.toString(), b.toString()));

        // qmlff -> ASE
        JsonNode read = out.get("read");
        assertThat(read.size()).isEqualTo(5);
        compare(read, ours);

        // ASE -> qmlff, numbers as written (no unit conversion)
        JsonNode written = out.get("written");
        Dataset theirs = ExtXyz.read(b, UnitSystem.KCAL_MOL_ANGSTROM);
        assertThat(theirs.frames()).isEqualTo(4);
        assertThat(theirs.formula()).isEqualTo("C2H2O");
        compare(written, theirs);

        // ... and with ASE's convention: energies in eV become kcal/mol with ASE's own factor.
        Dataset inKcal = ExtXyz.read(b, UnitSystem.EV_ANGSTROM);
        double kcalInEv = out.get("kcal_mol_in_ev").asDouble();
        for (int f = 0; f < 4; f++)
            assertThat(inKcal.energies()[f]).isCloseTo(written.get(f).get("energy").asDouble() / kcalInEv,
                    within(1e-8 * Math.abs(inKcal.energies()[f])));
        assertThat(Units.EV_PER_KCAL_MOL).isCloseTo(kcalInEv, within(1e-9));

        // The element table agrees with ASE's.
        for (int z = 1; z <= 18; z++) {
            assertThat(Element.of(z).symbol()).isEqualTo(out.get("symbols").get(z - 1).asText());
            assertThat(Element.of(z).mass()).as("mass of %s", Element.of(z)).isCloseTo(out.get("masses").get(z - 1).asDouble(), within(1e-9));
        }
    }

    private static void compare(JsonNode frames, Dataset d) {
        int na = d.atoms();
        for (int f = 0; f < frames.size(); f++) {
            JsonNode fr = frames.get(f);
            assertThat(fr.get("energy").asDouble()).as("energy of frame %d", f).isCloseTo(d.energies()[f], within(1e-10));
            for (int at = 0; at < na; at++) {
                assertThat(fr.get("numbers").get(at).asInt()).isEqualTo(d.numbers()[at]);
                for (int k = 0; k < 3; k++) {
                    int i = (f * na + at) * 3 + k;
                    assertThat(fr.get("positions").get(at).get(k).asDouble()).isCloseTo(d.positions()[i], within(1e-10));
                    assertThat(fr.get("forces").get(at).get(k).asDouble()).isCloseTo(d.forces()[i], within(1e-10));
                }
            }
            // Beyond the tolerance asked for: the values are in fact bit-identical.
            assertThat(fr.get("energy").asDouble()).isEqualTo(d.energies()[f]);
            assertThat(fr.get("positions").get(na - 1).get(2).asDouble()).isEqualTo(d.positions()[(f * na + na - 1) * 3 + 2]);
        }
    }
}
