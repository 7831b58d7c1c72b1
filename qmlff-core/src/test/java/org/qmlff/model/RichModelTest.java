package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qmlff.data.Dataset;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rich architecture (docs/RICH.md), option by option (forces and objective gradients against
 * finite differences are in {@link ForceFieldDerivativeTest}, over the same options): rotation / translation /
 * permutation (and with parity=sym inversion) invariance to 1e-9, model-file round trips bit for bit;
 * with every option off it must equal revised; its forward-mode state tangent must agree with the
 * simulator's expectations and adjoint gradients.
 */
class RichModelTest {

    /** Rich options: D = 2, K = 3, every option off unless set by the name/value pairs. */
    static ModelOptions rich(String... kv) {
        ModelOptions o = ModelOptions.defaults("rich").with("D", "2").with("K", "3")
                .with("readout", "pair01").with("threebody", "0");
        for (int i = 0; i < kv.length; i += 2) o = o.with(kv[i], kv[i + 1]);
        return o;
    }

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("readout pairs", rich("readout", "pairs")),
                Arguments.of("readout full", rich("readout", "full")),
                Arguments.of("readout chiral sym", rich("readout", "chiral", "parity", "sym")),
                Arguments.of("threebody 2 lmax 3", rich("threebody", "2", "lmax", "3")),
                Arguments.of("threebody 1 lmax 1", rich("threebody", "1", "lmax", "1")),
                Arguments.of("channels 2", rich("channels", "2", "readout", "pairs")),
                Arguments.of("graph all free", rich("graph", "all")),
                Arguments.of("graph all tied", rich("graph", "all", "coupling", "tied")),
                Arguments.of("nq 6 full", rich("nq", "6", "D", "1", "readout", "full", "rc", "3.0")),
                Arguments.of("nq 8 pairs", rich("nq", "8", "D", "1", "K", "2", "readout", "pairs", "rc", "2.5")),
                Arguments.of("all together sym", rich("readout", "full", "threebody", "2", "channels", "2",
                        "graph", "all", "parity", "sym")),
                Arguments.of("tensor on", rich("tensor", "on")),
                Arguments.of("tensor graph all tied", rich("tensor", "on", "graph", "all", "coupling", "tied")),
                Arguments.of("tensor nq 6 pairs", rich("tensor", "on", "nq", "6", "D", "1", "readout", "pairs", "rc", "3.0")),
                Arguments.of("tensor all together sym", rich("tensor", "on", "readout", "full", "threebody", "2",
                        "channels", "2", "parity", "sym")));
    }

    private static ForceField model(ModelOptions o, long seed) {
        return ModelTestSupport.randomModel(o, seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void symmetriesHoldTo1e9(String label, ModelOptions o) {
        ModelTestSupport.assertSymmetries(model(o, 31), o, label);
    }

    @Test
    void withoutParityTheInversionIsNotASymmetry() {
        // The check must be able to fail: a rich model with three-body couplings is not inversion-invariant.
        ForceField m = model(rich("threebody", "2", "readout", "full"), 31);
        SymmetryCheck.Result inv = SymmetryCheck.run(m, ModelTestSupport.syntheticEthanol(3, 77), 3, 5).get(2);
        assertThat(inv.passes(1e-6)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void modelFileRoundTripsBitForBit(String label, ModelOptions o, @TempDir Path dir) throws Exception {
        String text = ModelTestSupport.assertFileRoundTrip(model(o, 41), o, dir);
        assertThat(text).contains("\"version\" : 2").contains("\"architecture\" : \"rich\"");
    }

    @Test
    void withEveryOptionOffRichIsRevised() {
        ModelOptions ro = ModelOptions.defaults("revised").with("D", "2").with("K", "3").with("nq", "6");
        ModelOptions rr = rich("nq", "6");
        ForceField rev = model(ro, 3);
        ForceField ri = Models.create(rr, List.of(ModelTestSupport.syntheticEthanol(5, 3)), 3);
        ParameterSet a = ((RevisedModel) rev).parameterSet(), b = ((RichModel) ri).parameterSet();
        assertThat(b.size()).isEqualTo(a.size());
        double[] pb = b.values();
        for (String name : List.of("W", "V", "J0", "e0")) {
            ParameterSet.Tensor t = a.tensor(name);
            System.arraycopy(a.values(), t.offset(), pb, b.offset(name), t.size());
        }
        ParameterSet.Tensor s = a.tensor("s");
        System.arraycopy(a.values(), s.offset(), pb, b.offset("c"), s.size());
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = ModelTestSupport.ethanolLike(new Random(8));
        double[] f1 = new double[27], f2 = new double[27];
        double e1 = rev.energyAndForces(z, pos, f1, rev.newScratch());
        double e2 = ri.energyAndForces(z, pos, f2, ri.newScratch());
        assertThat(Math.abs(e1 - e2)).isLessThan(1e-10);
        for (int i = 0; i < 27; i++) assertThat(Math.abs(f1[i] - f2[i])).isLessThan(1e-10);
    }

    @Test
    void stateTangentAgreesWithTheSimulator() {
        for (String readoutKind : List.of("full", "chiral")) {
            for (int nq : new int[]{4, 6}) {
                RichModel m = (RichModel) model(rich("nq", String.valueOf(nq), "graph", "all",
                        "readout", readoutKind, "parity", "sym"), 5);
                Circuit c = m.circuit();
                Random rng = new Random(nq);
                double[] z = new double[c.inputs()], u = new double[c.inputs()], g = new double[c.inputs()];
                for (int i = 0; i < z.length; i++) {
                    z[i] = rng.nextGaussian();
                    u[i] = rng.nextGaussian();
                }
                z[0] = z[1] = z[2] = 0; // Enc at v = 0 (the series branch)
                RichReadout ro = new RichReadout(readoutKind, nq);
                RichTangentState ts = tangentOf(m, c, nq);
                ts.run(z, u);
                double[] val = new double[ro.size()], tan = new double[ro.size()];
                ro.expectations(ts.re, ts.im, ts.dre, ts.dim, val, tan);
                Simulator sim = new Simulator(nq);
                for (int o = 0; o < ro.size(); o++) {
                    double[] w = new double[ro.size()];
                    w[o] = 1;
                    Observable obs = ro.summed(w, 0, 1);
                    double e = sim.gradient(c, obs, z, g);
                    double du = 0;
                    for (int i = 0; i < g.length; i++) du += g[i] * u[i];
                    assertThat(Math.abs(val[o] - e)).as("%s nq=%d ⟨O_%d⟩", readoutKind, nq, o).isLessThan(1e-12);
                    assertThat(Math.abs(tan[o] - du)).as("%s nq=%d D_u⟨O_%d⟩", readoutKind, nq, o).isLessThan(1e-11);
                }
            }
        }
    }

    @Test
    void tensorGatesFollowEveryExGate() {
        RichModel m = (RichModel) model(rich("tensor", "on", "graph", "all"), 5);
        Circuit c = m.circuit();
        int d = 2, nq = 4, p = 6;
        assertThat(c.gateCount()).isEqualTo(nq / 2 + (d + 1) * nq + 2 * d * p);
        assertThat(c.inputs()).isEqualTo(3 * nq * (d + 1) + d * p + 5 * d * p);
        ParameterSet.Tensor q = m.parameterSet().tensor("Q");
        assertThat(q.shape()).containsExactly(1, d * p, 4, 4, 3);
        assertThat(m.parameterSet().offset("Q")).isEqualTo(m.parameterSet().offset("e0") - q.size());
        RichModel off = (RichModel) model(rich("graph", "all"), 5);
        assertThat(off.parameterSet().size()).isEqualTo(m.parameterSet().size() - q.size());
        // The gates act: with Q = 0 (T = 0, identity gates) the energy differs.
        int[] z = ModelTestSupport.ETHANOL;
        double[] pos = ModelTestSupport.ethanolLike(new Random(4)), f = new double[27];
        double e1 = m.energyAndForces(z, pos, f, m.newScratch());
        double[] p0 = new double[m.parameterCount()];
        m.getParameters(p0);
        java.util.Arrays.fill(p0, q.offset(), q.offset() + q.size(), 0.0);
        m.setParameters(p0);
        assertThat(Math.abs(m.energyAndForces(z, pos, f, m.newScratch()) - e1)).isGreaterThan(1e-3);
    }

    @Test
    void simulatorStateTangentAgreesOnTensorCircuits() {
        for (int nq : new int[]{4, 6}) {
            RichModel m = (RichModel) model(rich("tensor", "on", "nq", String.valueOf(nq), "readout", "full"), 5);
            Circuit c = m.circuit();
            Random rng = new Random(nq + 10);
            double[] z = new double[c.inputs()], u = new double[c.inputs()], g = new double[c.inputs()];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextGaussian();
                u[i] = rng.nextGaussian();
            }
            int n = 1 << nq;
            double[] re = new double[n], im = new double[n], dre = new double[n], dim = new double[n];
            Simulator sim = new Simulator(nq);
            sim.stateTangent(c, z, u, re, im, dre, dim);
            RichReadout ro = new RichReadout("full", nq);
            double[] val = new double[ro.size()], tan = new double[ro.size()];
            ro.expectations(re, im, dre, dim, val, tan);
            for (int o = 0; o < ro.size(); o++) {
                double[] w = new double[ro.size()];
                w[o] = 1;
                double e = sim.gradient(c, ro.summed(w, 0, 1), z, g);
                double du = 0;
                for (int i = 0; i < g.length; i++) du += g[i] * u[i];
                assertThat(Math.abs(val[o] - e)).as("nq=%d ⟨O_%d⟩", nq, o).isLessThan(1e-12);
                assertThat(Math.abs(tan[o] - du)).as("nq=%d D_u⟨O_%d⟩", nq, o).isLessThan(1e-11);
            }
        }
    }

    /** The tangent simulator of the model's gate list, reconstructed through a fresh scratch-equivalent. */
    private static RichTangentState tangentOf(RichModel m, Circuit c, int nq) {
        return m.tangentState();
    }

    /**
     * SHA-256 of the model file of the default rich model (tensor off) made from seed 7, as written before the
     * tensor option existed (commit a088472): the option must leave tensor-off files byte for byte as they were.
     */
    static final String TENSOR_OFF_SHA256 = "09d8e398789bd0df8484b28736bec27287e36429fe735689ba1a95688a6771e0";

    @Test
    void tensorOffModelFilesAreUnchanged(@TempDir Path dir) throws Exception {
        ModelOptions o = ModelOptions.defaults("rich").with("D", "2").with("K", "3");
        ForceField m = Models.create(o, List.of(ModelTestSupport.syntheticEthanol(5, 7)), 7);
        Path a = dir.resolve("off.json");
        Models.write(m, Map.of("note", "x"), a);
        byte[] bytes = Files.readAllBytes(a);
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("tensor");
        assertThat(hex).isEqualTo(TENSOR_OFF_SHA256);
    }

    @Test
    void readoutCountsFollowTheSpec() {
        assertThat(new RichReadout("pair01", 4).size()).isEqualTo(1);
        assertThat(new RichReadout("pairs", 4).size()).isEqualTo(6);
        assertThat(new RichReadout("full", 4).size()).isEqualTo(9);
        assertThat(new RichReadout("chiral", 4).size()).isEqualTo(13);
        assertThat(new RichReadout("full", 6).size()).isEqualTo(15 + 45);
        assertThat(new RichReadout("full", 8).size()).isEqualTo(28 + 210);
    }

    @Test
    void chiralReadoutWithoutParitySymIsRefused() {
        assertThatThrownBy(() -> Models.create(rich("readout", "chiral"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parity=sym");
    }

    @Test
    void richOptionsOnOtherArchitecturesAreRefused() {
        assertThatThrownBy(() -> ModelOptions.defaults("revised").with("readout", "full"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--arch rich");
    }
}
