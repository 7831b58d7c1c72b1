package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tensor gate exp(−i Σ T_ab σ_a⊗σ_b): its matrix against the 4×4 matrix exponential, unitarity,
 * qubit symmetry and SU(2) equivariance; ⟨O⟩, gradients and Hessian-vector products in circuits against the
 * automatic-differentiation oracle (both simulator paths, both kernel kinds, at generic, zero and degenerate
 * T), against central differences, and on circuits larger than a chunk (gates on high bits, relabellings).
 */
class TensorGateTest {
    private static final double TOL = 1e-10;

    /** Inputs that make T zero, uniaxial (two equal eigenvalues), nearly so, and spreads either side of 1. */
    private static final double[][] SPECIAL = {
        {0, 0, 0, 0, 0},
        {0, 0, 1.3, 0, 0},
        {0, 0, -0.7, 0, 0},
        {0, 0, 0.9, 0, 1e-9},
        {0, 0, 0.8164 * 0.999, 0, 0.01},
        {0, 0, 0.8164 * 1.001, 0, 0.01},
        {1e-12, -2e-12, 0, 3e-12, 0},
    };

    /** The 4×4 matrix (re, im row-major, basis |pq⟩) the simulator applies for tensor(p, q) at t. */
    private static double[][] simulatedMatrix(Simulator sim, int p, int q, double[] t) {
        double[] re = new double[16];
        double[] im = new double[16];
        double[] xr = {0, 1, 1, 0};
        double[] xi = new double[4];
        double[] idr = {1, 0, 0, 1};
        for (int col = 0; col < 4; col++) {
            // column col = G|col⟩, |col⟩ prepared from |00⟩ by X gates (qubit 0 the high bit of col)
            Circuit.Builder b = Circuit.builder(2);
            b.gate1(0, (col & 2) != 0 ? xr : idr, xi);
            b.gate1(1, (col & 1) != 0 ? xr : idr, xi);
            Circuit c = b.tensor(p, q, 0).build();
            double[] sr = new double[4];
            double[] si = new double[4];
            sim.state(c, t, sr, si);
            for (int row = 0; row < 4; row++) {
                re[4 * row + col] = sr[row];
                im[4 * row + col] = si[row];
            }
        }
        return new double[][] {re, im};
    }

    @Test
    void matrixIsTheExponentialUnitaryAndSymmetricInItsQubits() {
        SplittableRandom rng = new SplittableRandom(5);
        List<double[]> inputs = new ArrayList<>(List.of(SPECIAL));
        for (int i = 0; i < 12; i++) {
            inputs.add(CircuitSpec.uniform(rng, 5, 3.0));
        }
        try (Simulator sim = new Simulator(2)) {
            for (double[] t : inputs) {
                double[][] g = simulatedMatrix(sim, 0, 1, t);
                double[][] ref = DenseReference.tensorByExponential(DenseReference.tensorMatrix(t, 0));
                double[][] swapped = simulatedMatrix(sim, 1, 0, t);
                for (int e = 0; e < 16; e++) {
                    assertThat(g[0][e]).as("re %d at %s", e, java.util.Arrays.toString(t)).isCloseTo(ref[0][e], within(1e-12));
                    assertThat(g[1][e]).as("im %d", e).isCloseTo(ref[1][e], within(1e-12));
                    assertThat(swapped[0][e]).as("swapped re %d", e).isCloseTo(g[0][e], within(1e-14));
                    assertThat(swapped[1][e]).as("swapped im %d", e).isCloseTo(g[1][e], within(1e-14));
                }
                double[][] product = DenseReference.mul4(adjoint(g[0], g[1])[0], adjoint(g[0], g[1])[1], g[0], g[1]);
                for (int e = 0; e < 16; e++) {
                    assertThat(product[0][e]).as("G†G re %d", e).isCloseTo(e % 5 == 0 ? 1 : 0, within(1e-13));
                    assertThat(product[1][e]).as("G†G im %d", e).isCloseTo(0, within(1e-13));
                }
                // the singlet (|01⟩ − |10⟩)/√2 is left as it is (H is zero on it for traceless T)
                double s = Math.sqrt(0.5);
                for (int row = 0; row < 4; row++) {
                    assertThat(s * (g[0][4 * row + 1] - g[0][4 * row + 2])).isCloseTo(row == 1 ? s : row == 2 ? -s : 0,
                            within(1e-13));
                    assertThat(s * (g[1][4 * row + 1] - g[1][4 * row + 2])).isCloseTo(0, within(1e-13));
                }
            }
        }
    }

    /** (U⊗U) G(T) (U⊗U)† = G(R T Rᵀ) for U ∈ SU(2) and R_ab = ½ tr(σ_a U σ_b U†) its rotation. */
    @Test
    void gateIsEquivariant() {
        SplittableRandom rng = new SplittableRandom(17);
        try (Simulator sim = new Simulator(2)) {
            for (int trial = 0; trial < 10; trial++) {
                double[] t = trial < 3 ? SPECIAL[trial + 1] : CircuitSpec.uniform(rng, 5, 2.0);
                double[][] u = su2(3 * rng.nextDouble(-1, 1), 3 * rng.nextDouble(-1, 1), 3 * rng.nextDouble(-1, 1));
                double[] r = rotationOf(u);
                double[] tm = DenseReference.tensorMatrix(t, 0);
                // T' = R T Rᵀ, and its coordinates t'_k = ⟨B_k, T'⟩_F (the basis is orthonormal)
                double[] rotated = new double[9];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double s = 0;
                        for (int c = 0; c < 3; c++) {
                            for (int d = 0; d < 3; d++) {
                                s += r[3 * a + c] * tm[3 * c + d] * r[3 * b + d];
                            }
                        }
                        rotated[3 * a + b] = s;
                    }
                }
                double[] tr = new double[5];
                for (int k = 0; k < 5; k++) {
                    double[] unit = new double[5];
                    unit[k] = 1;
                    double[] bk = DenseReference.tensorMatrix(unit, 0);
                    for (int e = 0; e < 9; e++) {
                        tr[k] += bk[e] * rotated[e];
                    }
                }
                double[][] uu = kron(u, u);
                double[][] g = simulatedMatrix(sim, 0, 1, t);
                double[][] ug = DenseReference.mul4(uu[0], uu[1], g[0], g[1]);
                double[][] uuAdj = adjoint(uu[0], uu[1]);
                double[][] conj = DenseReference.mul4(ug[0], ug[1], uuAdj[0], uuAdj[1]);
                double[][] gr = simulatedMatrix(sim, 0, 1, tr);
                for (int e = 0; e < 16; e++) {
                    assertThat(gr[0][e]).as("trial %d re %d", trial, e).isCloseTo(conj[0][e], within(1e-12));
                    assertThat(gr[1][e]).as("trial %d im %d", trial, e).isCloseTo(conj[1][e], within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelKind.class)
    void matchesExactOracleOnRandomCircuits(KernelKind kind) {
        OracleTest.onBothPaths(kind, TensorGateTest::matchesExactOracle);
    }

    private static void matchesExactOracle(Simulator sim, String path) {
        SplittableRandom rng = new SplittableRandom(20261206L);
        int tensors = 0;
        for (int trial = 0; trial < 16; trial++) {
            int n = 2 + trial % 5;
            CircuitSpec spec = withTensor(CircuitSpec.randomWithTensor(rng, n, 5 + rng.nextInt(5)), rng);
            ObservableSpec obs = ObservableSpec.random(rng, n);
            Circuit c = spec.build();
            int m = c.inputs();
            double[] z = CircuitSpec.uniform(rng, m, 2.0);
            // every other trial puts its tensor gates at the special points (zero, degenerate, both sides of the
            // series limit of the second divided difference)
            if (trial % 2 == 1) {
                int s = 0;
                for (CircuitSpec.GateSpec g : spec.gates()) {
                    if (g.kind() == CircuitSpec.Kind.TENSOR) {
                        System.arraycopy(SPECIAL[(trial / 2 + s++) % SPECIAL.length], 0, z, g.input(), 5);
                    }
                }
            }
            for (CircuitSpec.GateSpec g : spec.gates()) {
                tensors += g.kind() == CircuitSpec.Kind.TENSOR ? 1 : 0;
            }
            String where = path + "trial " + trial + " (" + n + " qubits, " + spec.gates().size() + " gates)";
            OracleTest.assertMatchesOracle(sim, spec, obs, z, where, CircuitSpec.uniform(rng, m, 1.0));
        }
        assertThat(tensors).as("tensor gates checked").isGreaterThanOrEqualTo(16);
    }

    /** The spec with one more tensor gate on a random pair, with fresh inputs, inserted at a random place. */
    private static CircuitSpec withTensor(CircuitSpec spec, SplittableRandom rng) {
        int n = spec.qubits();
        int p = rng.nextInt(n);
        int q = (p + 1 + rng.nextInt(n - 1)) % n;
        List<CircuitSpec.GateSpec> gates = new ArrayList<>(spec.gates());
        gates.add(rng.nextInt(gates.size() + 1),
                new CircuitSpec.GateSpec(CircuitSpec.Kind.TENSOR, p, q, Math.max(0, spec.inputs()), null, null));
        return new CircuitSpec(n, gates);
    }

    /** Gradient and H·u against central differences, at a generic point and at T = 0 and degenerate T. */
    @Test
    void derivativesMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(23);
        List<CircuitSpec.GateSpec> gates = new ArrayList<>();
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.SINGLET, 0, 1, -1, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.SINGLET, 2, 3, -1, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.ENC, 0, -1, 0, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.ENC, 2, -1, 3, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.TENSOR, 1, 2, 6, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.TENSOR, 3, 0, 11, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.EX, 0, 1, 16, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.TENSOR, 0, 1, 6, null, null));
        CircuitSpec spec = new CircuitSpec(4, gates);
        Circuit c = spec.build();
        Observable o = Observable.heisenbergMean(CircuitSpec.ringPairs(4));
        int m = c.inputs();
        for (int point = 0; point < 4; point++) {
            double[] z = CircuitSpec.uniform(rng, m, 1.5);
            if (point > 0) {
                System.arraycopy(SPECIAL[point - 1], 0, z, 6, 5);
                System.arraycopy(SPECIAL[point], 0, z, 11, 5);
            }
            double[] u = CircuitSpec.uniform(rng, m, 1.0);
            for (Simulator sim : new Simulator[] {new Simulator(4), Simulator.sweepsOnly(4, KernelKind.SCALAR)}) {
                try (sim) {
                    double[] grad = new double[m];
                    double[] hvp = new double[m];
                    sim.hessianVectorProduct(c, o, z, u, grad, hvp);
                    double h = 1e-5;
                    for (int i = 0; i < m; i++) {
                        double fd = CentralDifferences.partial(zz -> sim.expectation(c, o, zz), z, i, h);
                        assertThat(grad[i]).as("point %d gradient [%d]", point, i).isCloseTo(fd, within(1e-8));
                    }
                    double[] hvpFd = CentralDifferences.along(zz -> CentralDifferences.gradient(sim, c, o, zz), z, u, h);
                    for (int i = 0; i < m; i++) {
                        assertThat(hvp[i]).as("point %d H·u [%d]", point, i).isCloseTo(hvpFd[i], within(1e-7));
                    }
                }
            }
        }
    }

    /**
     * A 15-qubit circuit (two chunks and more) with tensor gates on high and low bits: the state against the
     * dense reference, derivatives against the mirrored circuit (which swaps which gates are chunk-local)
     * and against central differences.
     */
    @Test
    void largeCircuitMatchesDenseReferenceMirrorAndFiniteDifferences() {
        int n = 15;
        SplittableRandom rng = new SplittableRandom(29);
        CircuitSpec base = CircuitSpec.randomWithTensor(rng, n, 30);
        List<CircuitSpec.GateSpec> gates = new ArrayList<>(base.gates());
        int next = base.inputs();
        for (int[] pair : new int[][] {{0, 1}, {14, 13}, {2, 12}, {7, 0}}) {
            gates.add(rng.nextInt(gates.size() + 1),
                    new CircuitSpec.GateSpec(CircuitSpec.Kind.TENSOR, pair[0], pair[1], next, null, null));
            next += 5;
        }
        CircuitSpec spec = new CircuitSpec(n, gates);
        int m = spec.inputs();
        double[] z = CircuitSpec.uniform(rng, m, 2.0);
        double[] u = CircuitSpec.uniform(rng, m, 1.0);
        double[][] ref = DenseReference.state(spec, z);
        Circuit c = spec.build();
        for (KernelKind kind : KernelKind.values()) {
            try (Simulator sim = new Simulator(n, 1, kind)) {
                double[] re = new double[1 << n];
                double[] im = new double[1 << n];
                sim.state(c, z, re, im);
                for (int a = 0; a < re.length; a++) {
                    assertThat(re[a]).as("%s re[%d]", kind, a).isCloseTo(ref[0][a], within(1e-12));
                    assertThat(im[a]).as("%s im[%d]", kind, a).isCloseTo(ref[1][a], within(1e-12));
                }
            }
        }
        ObservableSpec obs = ObservableSpec.heisenberg(n, 0, n - 1);
        Observable mirroredObs = Observable.heisenberg(n - 1, 0);
        try (Simulator sim = new Simulator(n, 1, KernelKind.SCALAR)) {
            assertThat(sim.expectation(c, obs.observable(), z)).isCloseTo(DenseReference.expectation(spec, obs, z),
                    within(1e-11));
            double[] grad = new double[m];
            double[] hvp = new double[m];
            sim.hessianVectorProduct(c, obs.observable(), z, u, grad, hvp);
            double[] mg = new double[m];
            double[] mh = new double[m];
            sim.hessianVectorProduct(LargeCircuitTest.mirror(spec).build(), mirroredObs, z, u, mg, mh);
            OracleTest.assertClose(mg, grad, "mirrored gradient", 1e-11);
            OracleTest.assertClose(mh, hvp, "mirrored H·u", 1e-11);
            double h = 1e-5;
            // every input of the added tensor gates, and every fifth of the rest
            for (int i = 0; i < m; i++) {
                if (i < base.inputs() && i % 5 != 0) {
                    continue;
                }
                double fd = CentralDifferences.partial(zz -> sim.expectation(c, obs.observable(), zz), z, i, h);
                assertThat(grad[i]).as("gradient [%d] vs central difference", i).isCloseTo(fd, within(1e-8));
            }
            double[] hvpFd = CentralDifferences.along(zz -> CentralDifferences.gradient(sim, c, obs.observable(), zz), z, u, h);
            for (int i = base.inputs(); i < m; i++) {
                assertThat(hvp[i]).as("H·u [%d] vs central difference of the gradient", i)
                        .isCloseTo(hvpFd[i], within(1e-7));
            }
        }
    }

    /** Both paths, warm, allocate nothing per call on a circuit with tensor gates (best of several rounds, as in AllocationTest). */
    @Test
    void warmSimulatorsAllocateNothingPerCall() {
        com.sun.management.ThreadMXBean bean = ThreadAllocations.counter();
        Circuit c = Circuit.builder(4).singlet(0, 1).singlet(2, 3).enc(0, 0).enc(2, 3).tensor(1, 2, 6).tensor(3, 0, 11)
                .ex(0, 1, 16).tensor(0, 1, 17).build();
        Observable o = Observable.heisenbergMean(CircuitSpec.ringPairs(4));
        SplittableRandom rng = new SplittableRandom(3);
        double[] z = CircuitSpec.uniform(rng, c.inputs(), 1.0);
        double[] u = CircuitSpec.uniform(rng, c.inputs(), 1.0);
        double[] g = new double[c.inputs()];
        double[] h = new double[c.inputs()];
        for (Simulator sim : new Simulator[] {new Simulator(4), Simulator.sweepsOnly(4, KernelKind.SCALAR)}) {
            try (sim) {
                Runnable calls = ThreadAllocations.simulatorCalls(sim, c, o, z, u, g, h);
                long least = ThreadAllocations.leastAllocated(bean, calls, 2000, 10, 100);
                assertThat(least).as("bytes allocated by the best round of 100 calls").isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void circuitReportsTheGateAndValidatesIt() {
        Circuit c = Circuit.builder(3).tensor(2, 0, 4).build();
        assertThat(c.inputs()).isEqualTo(9);
        GateInfo info = c.gateInfo(0);
        assertThat(info.kind()).isEqualTo("tensor");
        assertThat(info.inputs()).isEqualTo(5);
        assertThat(info.twoQubit()).isTrue();
        assertThat(info.matrix()).isNull();
        assertThatThrownBy(() -> Circuit.builder(2).tensor(1, 1, 0)).hasMessageContaining("tensor")
                .hasMessageContaining("both qubits");
        assertThatThrownBy(() -> Circuit.builder(2).tensor(0, 1, -1)).hasMessageContaining("negative");
    }

    /** exp(−i v·σ/2) = cos(θ/2) I − i sin(θ/2) n·σ, θ = |v|, n = v/θ; {re, im} row-major. */
    private static double[][] su2(double vx, double vy, double vz) {
        double theta = Math.sqrt(vx * vx + vy * vy + vz * vz);
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2) / theta;
        // −i s (v·σ) = −i s [[vz, vx − i vy], [vx + i vy, −vz]]
        return new double[][] {{c, -s * vy, s * vy, c}, {-s * vz, -s * vx, -s * vx, s * vz}};
    }

    private static double[][] adjoint(double[] re, double[] im) {
        int d = (int) Math.round(Math.sqrt(re.length));
        double[] ar = new double[re.length];
        double[] ai = new double[re.length];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ar[d * i + j] = re[d * j + i];
                ai[d * i + j] = -im[d * j + i];
            }
        }
        return new double[][] {ar, ai};
    }

    private static double[][] kron(double[][] a, double[][] b) {
        double[] re = new double[16];
        double[] im = new double[16];
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                int x = 2 * (row >> 1) + (col >> 1);
                int y = 2 * (row & 1) + (col & 1);
                re[4 * row + col] = a[0][x] * b[0][y] - a[1][x] * b[1][y];
                im[4 * row + col] = a[0][x] * b[1][y] + a[1][x] * b[0][y];
            }
        }
        return new double[][] {re, im};
    }

    /** R_ab = ½ Re tr(σ_a U σ_b U†) for a 2×2 unitary U (re, im row-major). */
    private static double[] rotationOf(double[][] u) {
        double[][][] sigma = {
            {{0, 1, 1, 0}, {0, 0, 0, 0}},
            {{0, 0, 0, 0}, {0, -1, 1, 0}},
            {{1, 0, 0, -1}, {0, 0, 0, 0}}};
        double[][] ua = adjoint(u[0], u[1]);
        double[] r = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double[][] x = mul2(sigma[a], u);
                x = mul2(x, sigma[b]);
                x = mul2(x, ua);
                r[3 * a + b] = 0.5 * (x[0][0] + x[0][3]);
            }
        }
        return r;
    }

    private static double[][] mul2(double[][] x, double[][] y) {
        double[] re = new double[4];
        double[] im = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    re[2 * i + j] += x[0][2 * i + k] * y[0][2 * k + j] - x[1][2 * i + k] * y[1][2 * k + j];
                    im[2 * i + j] += x[0][2 * i + k] * y[1][2 * k + j] + x[1][2 * i + k] * y[0][2 * k + j];
                }
            }
        }
        return new double[][] {re, im};
    }
}
