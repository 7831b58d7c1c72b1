package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.DataFormatException;
import org.qmlff.data.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Initialisation, model files, compatibility checks and symmetry of both architectures. */
class ModelPropertiesTest {

    @Test
    void revisedDefaultParameterCountMatchesModelsMd() {
        ForceField m = Models.create(ModelOptions.defaults("revised"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        assertThat(m.parameterCount()).isEqualTo(2048 + 1536 + 48 + 4 + 4);
    }

    @Test
    void leInitialisationFollowsModelsMd() {
        Dataset d = ModelTestSupport.syntheticEthanol(40, 3);
        LeModel m = (LeModel) Models.create(ModelOptions.defaults("le"), List.of(d), 7);
        assertThat(m.qubits()).isEqualTo(8);
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        ParameterSet ps = m.parameterSet();
        ParameterSet.Tensor alpha = ps.tensor("alpha");
        for (int i = 0; i < alpha.size(); i++) assertThat(p[alpha.offset() + i]).isEqualTo(1.0);
        double mean = 0;
        for (double e : d.energies()) mean += e;
        mean /= d.frames();
        double var = 0;
        for (double e : d.energies()) var += (e - mean) * (e - mean);
        assertThat(p[ps.offset("shift")]).isCloseTo(mean, within(1e-12));
        assertThat(p[ps.offset("scale")]).isCloseTo(Math.sqrt(var / d.frames()), within(1e-12));
        ParameterSet.Tensor j = ps.tensor("J");
        double ss = 0;
        for (int i = 0; i < j.size(); i++) ss += p[j.offset() + i] * p[j.offset() + i];
        assertThat(Math.sqrt(ss / j.size())).isBetween(0.05, 0.15);
    }

    @Test
    void singleMoleculeE0IsMeanEnergyPerAtom() {
        Dataset d = ModelTestSupport.syntheticEthanol(30, 4);
        ForceField m = Models.create(ModelOptions.defaults("revised"), List.of(d), 1);
        RevisedModel r = (RevisedModel) m;
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        double mean = 0;
        for (double e : d.energies()) mean += e;
        mean /= d.frames();
        int o = r.parameterSet().offset("e0");
        for (int s = 0; s < 4; s++) assertThat(p[o + s]).isCloseTo(mean / 9, within(1e-9));
    }

    @Test
    void multiMoleculeE0FitsElementCountsExactlyWhenPossible() {
        // Energies built from known per-element energies must be recovered (two molecules, three species used).
        double eH = -300, eC = -23000, eO = -47000;
        Dataset a = withEnergies(ModelTestSupport.syntheticEthanol(5, 1), 6 * eH + 2 * eC + eO);
        int[] water = {8, 1, 1};
        Dataset b = new Dataset("water", water, new double[]{0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0},
                new double[]{2 * eH + eO}, new double[9]);
        int[] methane = {6, 1, 1, 1, 1};
        Dataset c = new Dataset("methane", methane, new double[15], new double[]{eC + 4 * eH}, new double[15]);
        double[] e0 = org.qmlff.data.CompositionBaseline.fit(new int[]{1, 6, 7, 8}, List.of(a, b, c));
        assertThat(e0[0]).isCloseTo(eH, within(1e-6));
        assertThat(e0[1]).isCloseTo(eC, within(1e-6));
        assertThat(e0[3]).isCloseTo(eO, within(1e-6));
    }

    private static Dataset withEnergies(Dataset d, double e) {
        double[] en = new double[d.frames()];
        java.util.Arrays.fill(en, e);
        return new Dataset(d.name(), d.numbers(), d.positions(), en, d.forces());
    }

    @Test
    void modelFileRoundTripIsExact(@TempDir Path dir) {
        for (String arch : List.of("le", "revised")) {
            ForceField m = Models.create(ModelOptions.defaults(arch).with("D", "2"), List.of(ModelTestSupport.syntheticEthanol(5, 2)), 5);
            ModelTestSupport.randomise(m, new Random(3), 0.3);
            Path f = dir.resolve(arch + ".json");
            Models.write(m, java.util.Map.of("note", "test"), f);
            ForceField back = Models.read(f);
            assertThat(back.options()).isEqualTo(m.options());
            double[] p1 = new double[m.parameterCount()], p2 = new double[back.parameterCount()];
            m.getParameters(p1);
            back.getParameters(p2);
            assertThat(p2).containsExactly(p1);
            double[] pos = ModelTestSupport.ethanolLike(new Random(1));
            double[] f1 = new double[27], f2 = new double[27];
            assertThat(back.energyAndForces(ModelTestSupport.ETHANOL, pos, f2, back.newScratch()))
                    .isEqualTo(m.energyAndForces(ModelTestSupport.ETHANOL, pos, f1, m.newScratch()));
            assertThat(f2).containsExactly(f1);
        }
    }

    @Test
    void malformedModelFilesAreClearErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": \"qmlff-model\", \"version\": 1, \"architecture\": \"le\", \"numbers\": [1, 1], \"params\": {}}");
        assertThatThrownBy(() -> Models.read(f)).isInstanceOf(DataFormatException.class).hasMessageContaining("'alpha' is missing");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> Models.read(f)).isInstanceOf(DataFormatException.class).hasMessageContaining("not a valid JSON");
        Files.writeString(f, "{\"format\": \"other\"}");
        assertThatThrownBy(() -> Models.read(f)).isInstanceOf(DataFormatException.class).hasMessageContaining("qmlff-model");
        assertThatThrownBy(() -> Models.read(dir.resolve("missing.json"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no such model file");
    }

    @Test
    void leRefusesOtherMolecules() {
        ForceField m = Models.create(ModelOptions.defaults("le").with("D", "1"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        assertThatThrownBy(() -> m.checkCompatible(new int[]{8, 1, 1})).hasMessageContaining("9 atoms");
        assertThatThrownBy(() -> m.checkCompatible(new int[]{6, 8, 6, 1, 1, 1, 1, 1, 1})).hasMessageContaining("atom order");
    }

    @Test
    void revisedRefusesUnknownElements() {
        ForceField m = Models.create(ModelOptions.defaults("revised").with("D", "1"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        assertThatThrownBy(() -> m.checkCompatible(new int[]{6, 17})).hasMessageContaining("atom 1 has atomic number 17");
    }

    @Test
    void energiesAreInvariantUnderRotationAndTranslationAndRevisedUnderPermutation() {
        Random rng = new Random(42);
        for (String arch : List.of("le", "revised")) {
            ForceField m = Models.create(ModelOptions.defaults(arch), List.of(ModelTestSupport.syntheticEthanol(5, 2)), 5);
            ModelTestSupport.randomise(m, new Random(4), 0.3);
            ForceField.Scratch s = m.newScratch();
            double[] pos = ModelTestSupport.ethanolLike(rng);
            double[] f = new double[27], f2 = new double[27];
            double e = m.energyAndForces(ModelTestSupport.ETHANOL, pos, f, s);
            double[][] rot = SymmetryCheck.randomRotation(new java.util.SplittableRandom(rng.nextLong()));
            double[] moved = new double[27];
            double[] shift = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            for (int a = 0; a < 9; a++)
                for (int i = 0; i < 3; i++) {
                    double v = shift[i];
                    for (int k = 0; k < 3; k++) v += rot[i][k] * pos[3 * a + k];
                    moved[3 * a + i] = v;
                }
            double e2 = m.energyAndForces(ModelTestSupport.ETHANOL, moved, f2, s);
            assertThat(e2).as(arch + " rotated energy").isCloseTo(e, within(1e-9));
            for (int a = 0; a < 9; a++)
                for (int i = 0; i < 3; i++) {
                    double v = 0;
                    for (int k = 0; k < 3; k++) v += rot[i][k] * f[3 * a + k];
                    assertThat(f2[3 * a + i]).as(arch + " rotated force").isCloseTo(v, within(1e-9));
                }
        }
        // Swap two hydrogens (atoms 3 and 4): revised is permutation invariant.
        ForceField r = Models.create(ModelOptions.defaults("revised"), List.of(ModelTestSupport.syntheticEthanol(5, 2)), 5);
        double[] pos = ModelTestSupport.ethanolLike(rng);
        double[] swapped = pos.clone();
        for (int k = 0; k < 3; k++) {
            swapped[9 + k] = pos[12 + k];
            swapped[12 + k] = pos[9 + k];
        }
        double[] f = new double[27];
        assertThat(r.energyAndForces(ModelTestSupport.ETHANOL, swapped, f, r.newScratch()))
                .isCloseTo(r.energyAndForces(ModelTestSupport.ETHANOL, pos, f, r.newScratch()), within(1e-9));
    }

    @Test
    void paritySymIsInversionInvariant() {
        Random rng = new Random(8);
        for (String arch : List.of("le", "revised")) {
            ForceField sym = Models.create(ModelOptions.defaults(arch).with("parity", "sym").with("D", "2"),
                    List.of(ModelTestSupport.syntheticEthanol(5, 2)), 5);
            ModelTestSupport.randomise(sym, new Random(4), 0.3);
            double[] pos = ModelTestSupport.ethanolLike(rng);
            double[] inv = new double[27];
            for (int i = 0; i < 27; i++) inv[i] = -pos[i];
            double[] f = new double[27], fi = new double[27];
            double e = sym.energyAndForces(ModelTestSupport.ETHANOL, pos, f, sym.newScratch());
            double ei = sym.energyAndForces(ModelTestSupport.ETHANOL, inv, fi, sym.newScratch());
            assertThat(ei).isCloseTo(e, within(1e-10));
            for (int i = 0; i < 27; i++) assertThat(fi[i]).isCloseTo(-f[i], within(1e-10));
        }
    }

}
