package org.qmlff.model;

import org.qmlff.data.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Small synthetic molecules and models for derivative tests. */
final class ModelTestSupport {
    private ModelTestSupport() {
    }

    /** A C2H6O-like molecule with atoms at least ~0.9 Å apart, randomly perturbed. */
    static double[] ethanolLike(Random rng) {
        double[] base = {
                0.0, 0.0, 0.0,   // C
                1.5, 0.1, 0.0,   // C
                2.1, 1.3, 0.2,   // O
                -0.4, 1.0, 0.1,  // H
                -0.3, -0.5, 0.9, // H
                -0.4, -0.6, -0.8,// H
                1.8, -0.5, 0.9,  // H
                1.9, -0.4, -0.9, // H
                3.0, 1.2, 0.5};  // H
        double[] p = base.clone();
        for (int i = 0; i < p.length; i++) p[i] += 0.1 * rng.nextGaussian();
        return p;
    }

    static final int[] ETHANOL = {6, 6, 8, 1, 1, 1, 1, 1, 1};

    /** A dataset of {@code n} perturbed frames with made-up labels (only shapes and statistics matter). */
    static Dataset syntheticEthanol(int n, long seed) {
        Random rng = new Random(seed);
        double[] pos = new double[n * 27];
        double[] e = new double[n];
        double[] f = new double[n * 27];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ethanolLike(rng), 0, pos, i * 27, 27);
            e[i] = 3 * rng.nextGaussian(); // small, so that finite differences of E keep their digits
            for (int k = 0; k < 27; k++) f[i * 27 + k] = 20 * rng.nextGaussian();
        }
        return new Dataset("synthetic_ethanol", ETHANOL, pos, e, f);
    }

    /** A model initialised on synthetic ethanol from {@code seed}, then randomised (σ = 0.2) away from its initialisation. */
    static ForceField randomModel(ModelOptions o, long seed) {
        ForceField m = Models.create(o, java.util.List.of(syntheticEthanol(5, seed)), seed);
        randomise(m, new Random(seed + 1), 0.2);
        return m;
    }

    /** Randomises every parameter of a model (so that derivative tests do not sit at a special point). */
    static void randomise(ForceField m, Random rng, double sigma) {
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        for (int i = 0; i < p.length; i++) p[i] += sigma * rng.nextGaussian();
        m.setParameters(p);
    }

    /** Rotation / translation / permutation (and with parity=sym inversion) invariance of m to 1e-9 on synthetic ethanol. */
    static void assertSymmetries(ForceField m, ModelOptions o, String label) {
        Dataset d = syntheticEthanol(3, 77);
        for (SymmetryCheck.Result r : SymmetryCheck.run(m, d, 3, 5)) {
            if (r.transformation().equals("inversion") && o.parity() != Parity.SYM) continue;
            assertThat(r.passes(1e-9)).as("%s: %s", label, r).isTrue();
        }
    }

    /**
     * Writes m (options o), reads it back and checks options, parameters, the bytes of a second write and
     * energies and forces bit for bit; returns the file's text.
     */
    static String assertFileRoundTrip(ForceField m, ModelOptions o, Path dir) throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        Models.write(m, Map.of("note", "x"), a);
        ForceField back = Models.read(a);
        assertThat(back.options()).isEqualTo(o);
        double[] p = new double[m.parameterCount()], q = new double[back.parameterCount()];
        m.getParameters(p);
        back.getParameters(q);
        assertThat(q).isEqualTo(p);
        Models.write(back, Map.of("note", "x"), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        double[] pos = ethanolLike(new Random(3));
        double[] f1 = new double[27], f2 = new double[27];
        assertThat(back.energyAndForces(ETHANOL, pos, f2, back.newScratch()))
                .isEqualTo(m.energyAndForces(ETHANOL, pos, f1, m.newScratch()));
        assertThat(f2).isEqualTo(f1);
        return Files.readString(a);
    }
}
