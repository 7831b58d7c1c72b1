package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qmlff.data.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hybrid architecture (docs/HYBRID.md): symmetries to 1e-9, model-file round trips bit for bit,
 * determinism, the degenerate case (linear head, no classical parts) equal to rich, the baseline's
 * adjoint forces against its own features, the ridge fit recovering a planted linear model, and the
 * repulsion's shape. Forces and objective gradients against finite differences are in
 * {@link ForceFieldDerivativeTest}, over {@link #options()}.
 */
class HybridModelTest {

    /** Hybrid options: the QNN small (D = 2, K = 3, pairs readout, no three-body) unless set by the name/value pairs. */
    static ModelOptions hybrid(String... kv) {
        ModelOptions o = ModelOptions.defaults("hybrid").with("D", "2").with("K", "3")
                .with("readout", "pairs").with("threebody", "0").with("hidden", "5,4").with("baseline", "none")
                .with("baseK", "2").with("ridge", "0.01");
        for (int i = 0; i < kv.length; i += 2) o = o.with(kv[i], kv[i + 1]);
        return o;
    }

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("mlp head", hybrid()),
                Arguments.of("mlp head 1 layer, threebody, 2 channels, full", hybrid("hidden", "6", "threebody", "2",
                        "channels", "2", "readout", "full")),
                Arguments.of("ridge baseline, linear head", hybrid("head", "linear", "baseline", "ridge")),
                Arguments.of("baseline lmax 1 + mlp + repulsion", hybrid("baseline", "ridge", "baseLmax", "1",
                        "repulsion", "r12", "repR0", "0.8", "repRc", "1.6")),
                Arguments.of("everything, parity sym", hybrid("baseline", "ridge", "repulsion", "r12", "repR0", "0.8",
                        "repRc", "1.6", "threebody", "1", "parity", "sym")),
                // The ablations of docs/HYBRID.md §Ablations.
                Arguments.of("ablation no-exchange, threebody, full", hybrid("circuit", "no-exchange", "threebody", "2",
                        "readout", "full")),
                Arguments.of("ablation frozen, mlp", hybrid("circuit", "frozen", "threebody", "1")),
                Arguments.of("ablation frozen, linear head", hybrid("circuit", "frozen", "head", "linear")),
                Arguments.of("ablation classical, mlp, full, 2 channels, threebody", hybrid("circuit", "classical",
                        "readout", "full", "channels", "2", "threebody", "1")),
                Arguments.of("ablation classical, linear head, all pairs, tied", hybrid("circuit", "classical", "head",
                        "linear", "graph", "all", "coupling", "tied", "baseline", "ridge")),
                Arguments.of("ablation classical, pair01, parity sym", hybrid("circuit", "classical", "readout", "pair01",
                        "parity", "sym")),
                Arguments.of("ablation none, ridge baseline, repulsion", hybrid("circuit", "none", "baseline", "ridge",
                        "repulsion", "r12", "repR0", "0.8", "repRc", "1.6")),
                // ... and with tensor gates, whose inputs each ablation removes, freezes or maps as well
                Arguments.of("ablation no-exchange, tensor", hybrid("circuit", "no-exchange", "tensor", "on", "threebody", "1")),
                Arguments.of("ablation frozen, tensor", hybrid("circuit", "frozen", "tensor", "on")),
                Arguments.of("ablation classical, tensor, full, 2 channels", hybrid("circuit", "classical", "tensor", "on",
                        "readout", "full", "channels", "2", "threebody", "1")),
                Arguments.of("ablation classical, tensor, all pairs, tied", hybrid("circuit", "classical", "tensor", "on",
                        "graph", "all", "coupling", "tied")),
                Arguments.of("ablation none, tensor", hybrid("circuit", "none", "tensor", "on", "baseline", "ridge")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void symmetriesHoldTo1e9(String label, ModelOptions o) {
        ModelTestSupport.assertSymmetries(ModelTestSupport.randomModel(o, 31), o, label);
    }

    @Test
    void withoutParityTheInversionIsNotASymmetry() {
        ForceField m = ModelTestSupport.randomModel(hybrid("threebody", "2", "readout", "full", "baseline", "ridge"), 31);
        SymmetryCheck.Result inv = SymmetryCheck.run(m, ModelTestSupport.syntheticEthanol(3, 77), 3, 5).get(2);
        assertThat(inv.transformation()).isEqualTo("inversion");
        assertThat(inv.passes(1e-6)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void modelFileRoundTripsBitForBit(String label, ModelOptions o, @TempDir Path dir) throws Exception {
        String text = ModelTestSupport.assertFileRoundTrip(ModelTestSupport.randomModel(o, 41), o, dir);
        assertThat(text).contains("\"version\" : 2").contains("\"architecture\" : \"hybrid\"");
        assertThat(text.contains("\"baseline\" : {")).isEqualTo(((HybridOptions) o).baseline().equals("ridge"));
    }

    @Test
    void aFileWithoutItsBaselineWeightsIsRefused(@TempDir Path dir) throws Exception {
        ForceField m = ModelTestSupport.randomModel(hybrid("baseline", "ridge"), 41);
        com.fasterxml.jackson.databind.node.ObjectNode json = Models.toJson(m, Map.of());
        json.remove("baseline");
        assertThatThrownBy(() -> Models.fromJson(json, "f.json")).hasMessage("f.json: baseline weights 'B2' are missing");
    }

    @Test
    void creationIsDeterministic() {
        ModelOptions o = hybrid("baseline", "ridge", "repulsion", "r12");
        List<Dataset> data = List.of(ModelTestSupport.syntheticEthanol(8, 5));
        HybridModel a = (HybridModel) Models.create(o, data, 7), b = (HybridModel) Models.create(o, data, 7);
        HybridModel c = (HybridModel) Models.create(o, data, 8);
        double[] pa = new double[a.parameterCount()], pb = new double[b.parameterCount()], pc = new double[c.parameterCount()];
        a.getParameters(pa);
        b.getParameters(pb);
        c.getParameters(pc);
        assertThat(pb).isEqualTo(pa);
        assertThat(pc).isNotEqualTo(pa);
        assertThat(b.baseline().weights()).isEqualTo(a.baseline().weights());
        // The fit does not depend on the seed: the baseline is closed-form.
        assertThat(c.baseline().weights()).isEqualTo(a.baseline().weights());
    }

    @Test
    void withALinearHeadAndNoClassicalPartsHybridIsRich() {
        ModelOptions h = hybrid("head", "linear", "threebody", "2", "readout", "full");
        ModelOptions r = RichModelTest.rich("threebody", "2", "readout", "full");
        List<Dataset> data = List.of(ModelTestSupport.syntheticEthanol(5, 3));
        ForceField hy = Models.create(h, data, 3), ri = Models.create(r, data, 3);
        double[] ph = new double[hy.parameterCount()], pr = new double[ri.parameterCount()];
        hy.getParameters(ph);
        ri.getParameters(pr);
        assertThat(ph).isEqualTo(pr);
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = ModelTestSupport.ethanolLike(new Random(8));
        double[] f1 = new double[27], f2 = new double[27];
        assertThat(hy.energyAndForces(z, pos, f1, hy.newScratch())).isEqualTo(ri.energyAndForces(z, pos, f2, ri.newScratch()));
        assertThat(f1).isEqualTo(f2);
    }

    @Test
    void theMlpHeadChangesTheEnergyOnlyThroughItsOutputLayer() {
        // At initialisation the output layer is 0: the hybrid equals its linear readout; a non-zero output
        // layer changes the energy (so the head is really evaluated).
        ModelOptions mlp = hybrid(), lin = hybrid("head", "linear");
        List<Dataset> data = List.of(ModelTestSupport.syntheticEthanol(5, 3));
        HybridModel a = (HybridModel) Models.create(mlp, data, 3);
        ForceField b = Models.create(lin, data, 3);
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = ModelTestSupport.ethanolLike(new Random(8));
        double[] f = new double[27];
        double ea = a.energyAndForces(z, pos, f, a.newScratch());
        assertThat(Math.abs(ea - b.energyAndForces(z, pos, f, b.newScratch()))).isLessThan(1e-9);
        double[] p = new double[a.parameterCount()];
        a.getParameters(p);
        ParameterSet.Tensor out = a.qnn().parameterSet().tensor("mlpOut");
        assertThat(out.shape()).containsExactly(4, 4);
        assertThat(a.qnn().parameterSet().tensor("mlpW1").shape()).containsExactly(4, 5, 6);
        for (int i = 0; i < out.size(); i++) p[out.offset() + i] = 0.5;
        a.setParameters(p);
        assertThat(Math.abs(a.energyAndForces(z, pos, f, a.newScratch()) - ea)).isGreaterThan(1e-3);
    }

    @Test
    void anUntrainedDeltaModelIsItsBaselinePlusConstants() {
        HybridModel m = (HybridModel) Models.create(hybrid("baseline", "ridge", "threebody", "1"),
                List.of(ModelTestSupport.syntheticEthanol(8, 5)), 3);
        int[] z = ModelTestSupport.ETHANOL;
        Random rng = new Random(6);
        double offset = Double.NaN;
        for (int t = 0; t < 3; t++) {
            double[] pos = ModelTestSupport.ethanolLike(rng);
            double[] f = new double[27], fb = new double[27];
            double d = m.energyAndForces(z, pos, f, m.newScratch()) - m.baseline().addEnergyAndForces(z, pos, fb, m.baseline().newWork());
            if (t == 0) offset = d;
            assertThat(Math.abs(d - offset)).isLessThan(1e-9);
            for (int k = 0; k < 27; k++) assertThat(Math.abs(f[k] - fb[k])).isLessThan(1e-9);
        }
        // ... but the difference depends on the configuration once the QNN's parameters move.
        ModelTestSupport.randomise(m, new Random(1), 0.2);
        double[] diff = new double[2];
        for (int t = 0; t < 2; t++) {
            double[] pos = ModelTestSupport.ethanolLike(rng), f = new double[27], fb = new double[27];
            diff[t] = m.energyAndForces(z, pos, f, m.newScratch()) - m.baseline().addEnergyAndForces(z, pos, fb, m.baseline().newWork());
        }
        assertThat(Math.abs(diff[1] - diff[0])).isGreaterThan(1e-6);
    }

    /** The baseline's adjoint forces and energy against its explicit features (two independent paths). */
    @Test
    void baselineEnergyAndForcesAreItsFeaturesTimesItsWeights() {
        ClassicalBaseline shape = new ClassicalBaseline(4, SpeciesIndex.of(new int[]{1, 6, 7, 8}), 3, 5.0, 2, 3, null);
        Random rng = new Random(4);
        double[] w = new double[shape.size()];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
        ClassicalBaseline b = new ClassicalBaseline(4, SpeciesIndex.of(new int[]{1, 6, 7, 8}), 3, 5.0, 2, 3, w);
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = ModelTestSupport.ethanolLike(rng);
        double[] f = new double[27];
        double e = b.addEnergyAndForces(z, pos, f, b.newWork());
        double[] phi = new double[b.size()], dphi = new double[27 * b.size()];
        b.features(z, pos, phi, dphi, b.newWork());
        double ef = 0;
        for (int k = 0; k < w.length; k++) ef += w[k] * phi[k] * (shape.involvesOnly(k, new boolean[]{true, true, true, true}) ? 1 : 0);
        assertThat(Math.abs(e - ef)).isLessThan(1e-9 * (1 + Math.abs(e)));
        for (int ak = 0; ak < 27; ak++) {
            double fk = 0;
            for (int k = 0; k < w.length; k++) if (shape.involvesOnly(k, new boolean[]{true, true, true, true})) fk += w[k] * dphi[ak * b.size() + k];
            assertThat(Math.abs(f[ak] - fk)).as("force %d", ak).isLessThan(1e-9 * (1 + Math.abs(fk)));
        }
        assertThat(Math.abs(e)).isGreaterThan(1e-3);
    }

    /**
     * Data generated by a planted baseline plus per-species constants: the ridge fit (λ tiny) recovers
     * it, judged by energies and forces on configurations it was not fitted to.
     */
    @Test
    void theRidgeFitRecoversAPlantedLinearModel() {
        int[] species = {1, 6, 7, 8};
        int[] index = SpeciesIndex.of(species);
        ClassicalBaseline shape = new ClassicalBaseline(4, index, 3, 5.0, 2, 2, null);
        boolean[] present = {true, true, false, true};
        Random rng = new Random(12);
        double[] planted = new double[shape.size()];
        for (int k = 0; k < planted.length; k++) if (shape.involvesOnly(k, present)) planted[k] = rng.nextGaussian();
        ClassicalBaseline truth = new ClassicalBaseline(4, index, 3, 5.0, 2, 2, planted);
        double[] e0 = {-0.6, -38.0, 0, -75.0};
        Dataset train = label(truth, e0, 200, 1);
        double[] fitted = BaselineFit.fit(shape, species, List.of(train), null, 1e-12, 10);
        ClassicalBaseline back = new ClassicalBaseline(4, index, 3, 5.0, 2, 2, fitted);
        for (int k = 0; k < fitted.length; k++) if (!shape.involvesOnly(k, present)) assertThat(fitted[k]).isZero();
        Dataset test = label(truth, e0, 10, 2);
        double[] pos = new double[27], ft = new double[27], fb = new double[27];
        double[] de = new double[test.frames()];
        for (int fr = 0; fr < test.frames(); fr++) {
            test.copyPositions(fr, pos);
            Arrays.fill(ft, 0);
            Arrays.fill(fb, 0);
            de[fr] = truth.addEnergyAndForces(test.numbers(), pos, ft, truth.newWork())
                    - back.addEnergyAndForces(test.numbers(), pos, fb, back.newWork());
            for (int k = 0; k < 27; k++) assertThat(Math.abs(ft[k] - fb[k])).as("force %d of frame %d", k, fr)
                    .isLessThan(1e-6 * (1 + Math.abs(ft[k])));
        }
        // Energies up to one constant (the intercept, which the QNN's e0 takes): equal differences.
        for (int fr = 1; fr < de.length; fr++) assertThat(Math.abs(de[fr] - de[0])).isLessThan(1e-6);
        // ... and the fit really depends on the data: a visibly different planted model gives other weights.
        double[] other = planted.clone();
        other[0] += 1;
        assertThat(BaselineFit.fit(shape, species, List.of(label(new ClassicalBaseline(4, index, 3, 5.0, 2, 2, other), e0, 60, 1)),
                null, 1e-12, 10)).isNotEqualTo(fitted);
    }

    /** Frames of ethanol-like geometry labelled by E = baseline + Σ e0, F = baseline forces. */
    private static Dataset label(ClassicalBaseline b, double[] e0, int frames, long seed) {
        Random rng = new Random(seed);
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = new double[frames * 27], e = new double[frames], f = new double[frames * 27];
        double base = 2 * e0[1] + e0[3] + 6 * e0[0];
        for (int fr = 0; fr < frames; fr++) {
            double[] p = ModelTestSupport.ethanolLike(rng);
            System.arraycopy(p, 0, pos, fr * 27, 27);
            double[] fo = new double[27];
            e[fr] = base + b.addEnergyAndForces(z, p, fo, b.newWork());
            System.arraycopy(fo, 0, f, fr * 27, 27);
        }
        return new Dataset("planted", z, pos, e, f);
    }

    @Test
    void theRepulsionIsSmoothAndVanishesAtItsCutoff() {
        PairRepulsion rep = new PairRepulsion(10, 0.6, 0.9);
        int[] z = {6, 1};
        double rc = 0.9 * (0.76 + 0.31), r0 = 0.6 * (0.76 + 0.31);
        double[] f = new double[6];
        assertThat(rep.addEnergyAndForces(z, new double[]{0, 0, 0, rc + 1e-9, 0, 0}, f)).isZero();
        assertThat(rep.addEnergyAndForces(z, new double[]{0, 0, 0, 1.09, 0, 0}, f)).isZero();
        double near = rep.addEnergyAndForces(z, new double[]{0, 0, 0, rc - 1e-3, 0, 0}, f);
        assertThat(near).isPositive().isLessThan(1e-9);
        Arrays.fill(f, 0);
        double atR0 = rep.addEnergyAndForces(z, new double[]{0, 0, 0, r0, 0, 0}, f);
        double x2 = (r0 / rc) * (r0 / rc);
        assertThat(atR0).isCloseTo(10 * Math.pow(1 - x2, 3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f[3]).as("pushes the H away").isPositive();
        assertThat(f[0]).isEqualTo(-f[3]);
        assertThatThrownBy(() -> PairRepulsion.check(new int[]{6, 26})).hasMessageContaining("covalent radii of H to Ar only");
    }

    @Test
    void optionsAreCheckedAndRoundTripThroughTheirTextForm() {
        HybridOptions d = HybridOptions.defaults();
        assertThat(d.hidden()).containsExactly(32, 32);
        assertThat(d.with("hidden", "[16, 8, 4]").hidden()).containsExactly(16, 8, 4);
        assertThat(d.toHyper().keySet()).containsSubsequence("D", "readout", "parity", "head", "hidden", "baseline",
                "baseK", "baseLmax", "ridge", "ridgeWF", "repulsion", "repEps", "repR0", "repRc");
        assertThatThrownBy(() -> d.with("head", "deep")).hasMessage("unknown head 'deep' (expected mlp or linear)");
        assertThatThrownBy(() -> d.with("repR0", "1.0")).hasMessageContaining("0 < repR0 < repRc");
        assertThatThrownBy(() -> ModelOptions.defaults("rich").with("head", "mlp"))
                .hasMessage("model option head applies to --arch hybrid only");
        assertThatThrownBy(() -> Models.create(hybrid("baseline", "ridge", "baseK", "4"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1))
                .isInstanceOf(org.qmlff.error.InputException.class).hasMessage("baseK must be 1..K (3), got 4");
    }
}
