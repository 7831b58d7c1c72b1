package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.qmlff.error.InputException;
import org.qmlff.sim.CentralDifferences;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ablation modes of the hybrid architecture (docs/HYBRID.md §Ablations), each against an independent
 * statement of what it must be: no-exchange is the quantum model with its coupling tensors at zero; frozen
 * evaluates as the quantum model; none is e0 plus the classical parts; the classical map against its formula
 * and its own finite differences. Symmetries, file round trips and the full objective's finite differences
 * of every mode are in {@link HybridModelTest} and {@link ForceFieldDerivativeTest}.
 */
class CircuitModeTest {
    private static final int[] Z = ModelTestSupport.ETHANOL;

    @Test
    void modesAreWrittenWithHyphensAndUnknownOnesAreNamed() {
        for (CircuitMode m : CircuitMode.values()) assertThat(CircuitMode.parse(" " + m.text() + " ")).isEqualTo(m);
        assertThat(CircuitMode.NO_EXCHANGE.text()).isEqualTo("no-exchange");
        assertThatThrownBy(() -> CircuitMode.parse("noexchange")).isInstanceOf(InputException.class)
                .hasMessage("unknown circuit 'noexchange' (expected quantum, no-exchange, frozen, classical or none)");
        assertThatThrownBy(() -> HybridModelTest.hybrid("readout", "chiral", "parity", "sym", "circuit", "classical"))
                .isInstanceOf(InputException.class)
                .hasMessage("circuit=classical has no classical map for readout=chiral (use full, pairs or pair01)");
        for (String mode : new String[]{"no-exchange", "frozen", "classical", "none"})
            assertThat(HybridModelTest.hybrid("tensor", "on", "circuit", mode).toHyper()).containsEntry("tensor", "on")
                    .containsEntry("circuit", mode);
        assertThat(HybridModelTest.hybrid("tensor", "on").toHyper()).containsEntry("tensor", "on").containsEntry("circuit", "quantum");
        assertThat(HybridModelTest.hybrid().toHyper()).containsEntry("circuit", "quantum");
    }

    private static double[] params(ForceField m) {
        double[] p = new double[m.parameterCount()];
        m.getParameters(p);
        return p;
    }

    private static ForceField create(String... kv) {
        return Models.create(HybridModelTest.hybrid(kv), List.of(ModelTestSupport.syntheticEthanol(5, 4)), 4);
    }

    private static double energy(ForceField m, double[] pos, double[] forces) {
        return m.energyAndForces(Z, pos, forces, m.newScratch());
    }

    @Test
    void noExchangeIsTheQuantumModelWithItsCouplingTensorsAtZero() {
        noExchangeIsTheQuantumModelWithItsCouplingTensorsAtZero(List.of("V", "J0", "U", "Y"),
                "threebody", "2", "readout", "full", "baseline", "ridge");
        // with tensor gates: Q = 0 makes every tensor input 0 as well (G(0) = 1)
        noExchangeIsTheQuantumModelWithItsCouplingTensorsAtZero(List.of("V", "J0", "U", "Y", "Q"),
                "threebody", "1", "readout", "full", "tensor", "on");
    }

    private void noExchangeIsTheQuantumModelWithItsCouplingTensorsAtZero(List<String> couplingTensors, String... kv) {
        ForceField quantum = create(kv);
        ForceField off = create(concat(kv, "circuit", "no-exchange"));
        ModelTestSupport.randomise(quantum, new Random(3), 0.3);
        double[] p = params(quantum);
        off.setParameters(p);
        double[] pos = ModelTestSupport.ethanolLike(new Random(5));
        double[] fq = new double[27], fo = new double[27];
        double eq = energy(quantum, pos, fq), eo = energy(off, pos, fo);
        assertThat(Math.abs(eq - eo)).as("couplings matter in the quantum model").isGreaterThan(1e-4);
        // Zero V, J0, U, Y [, Q] (everything between V and e0): every Ex [and tensor] input is then 0, as
        // no-exchange holds it.
        ParameterSet set = ((HybridModel) quantum).qnn().parameterSet();
        for (String t : couplingTensors) {
            ParameterSet.Tensor tensor = set.tensor(t);
            java.util.Arrays.fill(p, tensor.offset(), tensor.offset() + tensor.size(), 0.0);
        }
        quantum.setParameters(p);
        eq = energy(quantum, pos, fq);
        assertThat(Math.abs(eq - eo)).isLessThan(1e-12 * (1 + Math.abs(eq)));
        for (int k = 0; k < 27; k++) assertThat(Math.abs(fq[k] - fo[k])).as("force %d", k).isLessThan(1e-11);
        // ... and those tensors are reported as untrained, W and the readout as trained.
        HybridModel h = (HybridModel) off;
        assertThat(h.trains(set.tensor("V").offset())).isFalse();
        for (String t : couplingTensors) assertThat(h.trains(set.tensor(t).offset())).as(t).isFalse();
        assertThat(h.trains(set.tensor("W").offset())).isTrue();
        assertThat(h.trains(set.tensor("c").offset())).isTrue();
    }

    @Test
    void frozenEvaluatesAsTheQuantumModelAndTrainsOnlyTheReadoutAndHead() {
        ForceField quantum = create("threebody", "1");
        HybridModel frozen = (HybridModel) create("threebody", "1", "circuit", "frozen");
        assertThat(params(frozen)).isEqualTo(params(quantum));
        ModelTestSupport.randomise(quantum, new Random(6), 0.3);
        frozen.setParameters(params(quantum));
        double[] pos = ModelTestSupport.ethanolLike(new Random(7));
        double[] fq = new double[27], ff = new double[27];
        assertThat(energy(frozen, pos, ff)).isEqualTo(energy(quantum, pos, fq));
        assertThat(ff).isEqualTo(fq);
        ParameterSet set = frozen.qnn().parameterSet();
        int trained = 0;
        for (int i = 0; i < frozen.parameterCount(); i++) if (frozen.trains(i)) trained++;
        int expected = frozen.parameterCount() - set.tensor("e0").offset();
        assertThat(trained).isEqualTo(expected).isLessThan(frozen.parameterCount());
        assertThat(frozen.circuitCost(Z).circuits()).isEqualTo(9);
    }

    @Test
    void noneIsE0PlusTheClassicalParts() {
        HybridModel none = (HybridModel) create("circuit", "none", "baseline", "ridge", "repulsion", "r12");
        ModelTestSupport.randomise(none, new Random(8), 0.3);
        double[] pos = ModelTestSupport.ethanolLike(new Random(9));
        double[] f = new double[27], fc = new double[27];
        double e = energy(none, pos, f);
        double expected = none.baseline().addEnergyAndForces(Z, pos, fc, none.baseline().newWork())
                + none.repulsion().addEnergyAndForces(Z, pos, fc);
        ParameterSet set = none.qnn().parameterSet();
        double[] p = params(none);
        int[] species = none.options().qnn().base().species();
        for (int z : Z) expected += p[set.tensor("e0").offset() + java.util.Arrays.binarySearch(species, z)];
        assertThat(Math.abs(e - expected)).isLessThan(1e-9 * (1 + Math.abs(e)));
        for (int k = 0; k < 27; k++) assertThat(Math.abs(f[k] - fc[k])).isLessThan(1e-9);
        assertThat(none.circuitCost(Z).circuits()).isZero();
    }

    @Test
    void theClassicalModeIsNotTheCircuit() {
        ForceField quantum = create("readout", "full");
        ForceField classical = create("readout", "full", "circuit", "classical");
        ModelTestSupport.randomise(quantum, new Random(10), 0.3);
        classical.setParameters(params(quantum));
        double[] pos = ModelTestSupport.ethanolLike(new Random(11));
        double[] f = new double[27];
        assertThat(Math.abs(energy(quantum, pos, f) - energy(classical, pos, f))).isGreaterThan(1e-4);
        assertThat(classical.parameterCount()).isEqualTo(quantum.parameterCount());
        assertThat(classical.circuitCost(Z).circuits()).isZero();
    }

    /**
     * A 4-qubit map (full readout: 6 pairs, 3 double pairs), D = 2 ring couplings, against its formula; with
     * tensor gates (one after each Ex gate, five inputs each) the tensor term a_pᵀ T a_q is computed here from
     * the basis matrices written out as matrix units (docs/RICH.md §Tensor gate).
     */
    @Test
    void theClassicalMapIsItsFormula() {
        for (boolean tensor : new boolean[]{false, true}) {
            int nq = 4, layers = 3;
            int[][] ring = Ring.pairs(nq);
            int ex = 2 * ring.length, encIn = 3 * layers * nq, nt = tensor ? ex : 0;
            int[] a = new int[ex], b = new int[ex], in = new int[ex], tin = new int[nt];
            for (int d = 0; d < 2; d++)
                for (int k = 0; k < ring.length; k++) {
                    a[d * ring.length + k] = ring[k][0];
                    b[d * ring.length + k] = ring[k][1];
                    in[d * ring.length + k] = encIn + d * ring.length + k;
                    if (tensor) tin[d * ring.length + k] = encIn + ex + 5 * (d * ring.length + k);
                }
            RichReadout readout = new RichReadout("full", nq);
            ClassicalReadoutMap map = tensor ? new ClassicalReadoutMap(readout, nq, layers, a, b, in, b, a, tin)
                    : new ClassicalReadoutMap(readout, nq, layers, a, b, in);
            assertThat(map.size()).isEqualTo(9);
            Random rng = new Random(12);
            double[] z = new double[encIn + ex + 5 * nt];
            for (int i = 0; i < z.length; i++) z[i] = 0.5 * rng.nextGaussian();
            double[] x = new double[9];
            map.values(z, null, x, null, map.newWork());
            for (int o = 0; o < 9; o++) {
                int[] q = readout.pairQubits(o);
                double expected = pairFeature(z, q[0], q[1], nq, layers, a, b, in, tin);
                if (q.length == 4) expected *= pairFeature(z, q[2], q[3], nq, layers, a, b, in, tin);
                assertThat(x[o]).as("tensor %s, observable %d", tensor, o)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    /** B_0..B_4 of docs/RICH.md §Tensor gate as sums of matrix units e_a e_bᵀ (a, b = x, y, z = 0, 1, 2). */
    private static double[][][] tensorBasis() {
        double r2 = 1 / Math.sqrt(2), r6 = 1 / Math.sqrt(6);
        double[][][] basis = new double[5][3][3];
        basis[0][0][1] = basis[0][1][0] = r2;
        basis[1][1][2] = basis[1][2][1] = r2;
        basis[2][2][2] = 2 * r6;
        basis[2][0][0] = basis[2][1][1] = -r6;
        basis[3][0][2] = basis[3][2][0] = r2;
        basis[4][0][0] = r2;
        basis[4][1][1] = -r2;
        return basis;
    }

    private static double pairFeature(double[] z, int p, int q, int nq, int layers, int[] a, int[] b, int[] in, int[] tin) {
        double s = 0;
        for (int l = 0; l < layers; l++)
            for (int t = 0; t < 3; t++) s += z[3 * (l * nq + p) + t] * z[3 * (l * nq + q) + t];
        double[][][] basis = tensorBasis();
        for (int g = 0; g < a.length; g++)
            if ((a[g] == p && b[g] == q) || (a[g] == q && b[g] == p)) {
                s += z[in[g]];
                if (g < tin.length)
                    for (int l = 0; l < layers; l++)
                        for (int k = 0; k < 5; k++)
                            for (int r = 0; r < 3; r++)
                                for (int c = 0; c < 3; c++)
                                    s += z[tin[g] + k] * z[3 * (l * nq + p) + r] * basis[k][r][c] * z[3 * (l * nq + q) + c];
            }
        return Math.tanh(s);
    }

    /** Gradient, tangent and Hessian-vector product of the map against central differences (with tensor gates). */
    @Test
    void theClassicalMapsDerivativesMatchFiniteDifferences() {
        theClassicalMapsDerivativesMatchFiniteDifferences(false);
        theClassicalMapsDerivativesMatchFiniteDifferences(true);
    }

    private void theClassicalMapsDerivativesMatchFiniteDifferences(boolean tensor) {
        int nq = 4, layers = 2;
        int[][] pairs = RichModel.graphPairs("all", nq);
        int ex = pairs.length, encIn = 3 * layers * nq, nt = tensor ? ex : 0, n = encIn + ex + 5 * nt;
        int[] a = new int[ex], b = new int[ex], in = new int[ex], tin = new int[nt];
        for (int k = 0; k < ex; k++) {
            a[k] = pairs[k][0];
            b[k] = pairs[k][1];
            in[k] = encIn + k;
            if (tensor) tin[k] = encIn + ex + 5 * k;
        }
        ClassicalReadoutMap map = new ClassicalReadoutMap(new RichReadout("full", nq), nq, layers, a, b, in,
                tensor ? b : new int[0], tensor ? a : new int[0], tin);
        ClassicalReadoutMap.Work w = map.newWork();
        Random rng = new Random(13);
        double[] z = new double[n], u = new double[n], weights = new double[map.size()];
        for (int i = 0; i < n; i++) {
            z[i] = 0.4 * rng.nextGaussian();
            u[i] = rng.nextGaussian();
        }
        for (int o = 0; o < weights.length; o++) weights[o] = rng.nextGaussian();
        double[] g = new double[n], g2 = new double[n], hu = new double[n];
        double value = map.gradient(weights, z, g, w);
        map.hessianVectorProduct(weights, z, u, g2, hu, w);
        assertThat(g2).isEqualTo(g);
        double h = 1e-6;
        double directional = 0;
        for (int i = 0; i < n; i++) {
            double fd = CentralDifferences.partial(zz -> map.gradient(weights, zz, new double[n], w), z, i, h);
            assertThat(g[i]).as("gradient %d", i).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-8));
            directional += g[i] * u[i];
        }
        double[] huFd = CentralDifferences.along(zz -> {
            double[] gz = new double[n];
            map.gradient(weights, zz, gz, w);
            return gz;
        }, z, u, h);
        for (int i = 0; i < n; i++)
            assertThat(hu[i]).as("Hessian-vector product %d", i).isCloseTo(huFd[i], org.assertj.core.data.Offset.offset(1e-7));
        // The tangents of the values are the directional derivatives; weighted they give ∇(Σ w x)·u.
        double[] x = new double[map.size()], xd = new double[map.size()];
        map.values(z, u, x, xd, w);
        double weighted = 0, tangent = 0;
        for (int o = 0; o < x.length; o++) {
            weighted += weights[o] * x[o];
            tangent += weights[o] * xd[o];
        }
        assertThat(weighted).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(tangent).isCloseTo(directional, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Math.abs(directional)).isGreaterThan(1e-3);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
