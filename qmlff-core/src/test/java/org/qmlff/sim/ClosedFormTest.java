package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Gates and expectation values with known closed forms (MODELS.md §Units and conventions). */
class ClosedFormTest {
    private static final double[] X_RE = {0, 1, 1, 0};
    private static final double[] ZERO4 = new double[4];

    @Test
    void exIsAPartialSwap() {
        // Ex(J)|ab⟩ = e^{iJ} (cos 2J |ab⟩ − i sin 2J |ba⟩) for a ≠ b, and e^{−iJ}|aa⟩
        try (Simulator sim = new Simulator(2)) {
            for (double j : new double[] {0.0, 0.3, -1.1, 2.5}) {
                for (int basis = 0; basis < 4; basis++) {
                    Circuit.Builder b = Circuit.builder(2);
                    if ((basis & 2) != 0) {
                        b.gate1(0, X_RE, ZERO4);
                    }
                    if ((basis & 1) != 0) {
                        b.gate1(1, X_RE, ZERO4);
                    }
                    Circuit c = b.ex(0, 1, 0).build();
                    double[] re = new double[4];
                    double[] im = new double[4];
                    sim.state(c, new double[] {j}, re, im);
                    int swapped = ((basis & 1) << 1) | (basis >> 1);
                    double[] er = new double[4];
                    double[] ei = new double[4];
                    double pr = Math.cos(j);
                    double pi = Math.sin(j);
                    // e^{iJ} cos 2J on |ab⟩, −i e^{iJ} sin 2J on |ba⟩ (the same index when a = b)
                    er[basis] += pr * Math.cos(2 * j);
                    ei[basis] += pi * Math.cos(2 * j);
                    er[swapped] += pi * Math.sin(2 * j);
                    ei[swapped] += -pr * Math.sin(2 * j);
                    for (int a = 0; a < 4; a++) {
                        assertThat(re[a]).as("J=%s |%d⟩ re[%d]", j, basis, a).isCloseTo(er[a], within(1e-15));
                        assertThat(im[a]).as("J=%s |%d⟩ im[%d]", j, basis, a).isCloseTo(ei[a], within(1e-15));
                    }
                }
            }
        }
    }

    @Test
    void singletHasHeisenbergEnergyMinusThreeWhateverTheExchange() {
        try (Simulator sim = new Simulator(2)) {
            Circuit s = Circuit.builder(2).singlet(0, 1).build();
            double[] re = new double[4];
            double[] im = new double[4];
            sim.state(s, new double[0], re, im);
            double h = Math.sqrt(0.5);
            assertThat(re).containsExactly(new double[] {0, h, -h, 0}, within(1e-16));
            assertThat(im).containsExactly(new double[4], within(0.0));
            assertThat(sim.expectation(s, Observable.heisenberg(0, 1), new double[0])).isCloseTo(-3, within(1e-15));
            assertThat(sim.expectation(s, Observable.heisenberg(1, 0), new double[0])).isCloseTo(-3, within(1e-15));

            // the singlet is an eigenstate of Ex: energy −3 and zero derivative for any J
            Circuit c = Circuit.builder(2).singlet(0, 1).ex(0, 1, 0).build();
            double[] grad = new double[1];
            double[] hvp = new double[1];
            for (double j : new double[] {0.0, 0.4, 1.7}) {
                double v = sim.hessianVectorProduct(c, Observable.heisenberg(0, 1), new double[] {j}, new double[] {1},
                        grad, hvp);
                assertThat(v).isCloseTo(-3, within(1e-14));
                assertThat(grad[0]).isCloseTo(0, within(1e-14));
                assertThat(hvp[0]).isCloseTo(0, within(1e-13)); // terms up to ~30 cancel
            }
        }
    }

    @Test
    void ringMeanOnProductOfSinglets() {
        // ⟨σ0·σ1⟩ = ⟨σ2·σ3⟩ = −3 within singlets, 0 across them: mean over the 4 ring pairs = −1.5
        try (Simulator sim = new Simulator(4)) {
            Circuit c = Circuit.builder(4).singlet(0, 1).singlet(2, 3).build();
            double v = sim.expectation(c, Observable.heisenbergMean(CircuitSpec.ringPairs(4)), new double[0]);
            assertThat(v).isCloseTo(-1.5, within(1e-15));
        }
    }

    @Test
    void encRotatesTheBlochVector() {
        // Enc(v)|0⟩ has Bloch vector R(v̂, θ) ẑ = ẑ cos θ + (v̂ × ẑ) sin θ + v̂ v̂_z (1 − cos θ)
        double[][] vs = {{0.3, -0.2, 0.5}, {1.9, 0.4, -0.7}, {0, 0, 3.0}, {-2.2, 1.5, 0.9}, {1e-3, 2e-3, -1e-3}};
        try (Simulator sim = new Simulator(1)) {
            Circuit c = Circuit.builder(1).enc(0, 0).build();
            for (double[] v : vs) {
                double t = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                double[] n = {v[0] / t, v[1] / t, v[2] / t};
                double[] expected = {
                    n[1] * Math.sin(t) + n[0] * n[2] * (1 - Math.cos(t)),
                    -n[0] * Math.sin(t) + n[1] * n[2] * (1 - Math.cos(t)),
                    Math.cos(t) + n[2] * n[2] * (1 - Math.cos(t))};
                String[] paulis = {"X", "Y", "Z"};
                for (int a = 0; a < 3; a++) {
                    assertThat(sim.expectation(c, Observable.pauli(1, paulis[a]), v)).as("⟨%s⟩ at %s", paulis[a], v[0])
                            .isCloseTo(expected[a], within(1e-14));
                }
            }
        }
    }

    @Test
    void encIsSmoothAtZero() {
        // Near v = 0: ⟨X⟩ ≈ v_y, ⟨Y⟩ ≈ −v_x, ⟨Z⟩ ≈ 1 − (v_x² + v_y²)/2; so at v = 0 exactly the gradients are
        // (0,1,0), (−1,0,0), 0 and the Hessian of ⟨Z⟩ is diag(−1, −1, 0) (those of ⟨X⟩, ⟨Y⟩ vanish).
        double[][] expectedGrad = {{0, 1, 0}, {-1, 0, 0}, {0, 0, 0}};
        double[][] expectedHessDiag = {{0, 0, 0}, {0, 0, 0}, {-1, -1, 0}};
        String[] paulis = {"X", "Y", "Z"};
        try (Simulator sim = new Simulator(1)) {
            Circuit c = Circuit.builder(1).enc(0, 0).build();
            for (int a = 0; a < 3; a++) {
                Observable o = Observable.pauli(1, paulis[a]);
                for (int e = 0; e < 3; e++) {
                    double[] u = new double[3];
                    u[e] = 1;
                    double[] g0 = new double[3];
                    double[] h0 = new double[3];
                    double[] g1 = new double[3];
                    double[] h1 = new double[3];
                    sim.hessianVectorProduct(c, o, new double[3], u, g0, h0);
                    assertThat(g0).as("∇⟨%s⟩ at 0", paulis[a]).containsExactly(expectedGrad[a], within(1e-15));
                    assertThat(h0[e]).as("∂²⟨%s⟩/∂v%d² at 0", paulis[a], e).isCloseTo(expectedHessDiag[a][e], within(1e-15));
                    // and the same, to first order, a hair away from 0
                    sim.hessianVectorProduct(c, o, new double[] {1e-9, -2e-9, 1.5e-9}, u, g1, h1);
                    assertThat(g1).as("∇⟨%s⟩ near 0", paulis[a]).containsExactly(g0, within(1e-8));
                    assertThat(h1).as("H⟨%s⟩ near 0", paulis[a]).containsExactly(h0, within(1e-8));
                }
            }
        }
    }

    @Test
    void encFunctionsAreContinuousAcrossTheSeriesLimit() {
        double[] below = new double[4];
        double[] above = new double[4];
        double t = EncFunctions.SERIES_LIMIT;
        EncFunctions.evaluate(Math.nextDown(t), below);
        EncFunctions.evaluate(t, above);
        for (int k = 0; k < 4; k++) {
            assertThat(below[k]).as("function %d at the series limit", k)
                    .isCloseTo(above[k], within(4e-16 * Math.max(1, Math.abs(above[k]))));
        }
        // at t = 0: sin(θ/2)/θ = 1/2 − θ²/48 + θ⁴/3840 − …, so S = 1/2, S' = −1/48, S'' = 2/3840
        double[] zero = new double[4];
        EncFunctions.evaluate(0, zero);
        assertThat(zero).containsExactly(new double[] {1, 0.5, -1.0 / 48, 1.0 / 1920}, within(1e-17));
        // S' and S'' against central differences of S and S', in both regimes
        for (double x : new double[] {1e-3, 0.5, 2.0, 3.99, 4.01, 9.0, 30.0}) {
            double h = 1e-4;
            double[] p = new double[4];
            double[] m = new double[4];
            double[] c = new double[4];
            EncFunctions.evaluate(x, c);
            EncFunctions.evaluate(x + h, p);
            EncFunctions.evaluate(x - h, m);
            double step = 2 * h;
            assertThat(c[2]).as("S' at t=%s", x).isCloseTo((p[1] - m[1]) / step, within(1e-8));
            assertThat(c[3]).as("S'' at t=%s", x).isCloseTo((p[2] - m[2]) / step, within(1e-8));
            double theta = Math.sqrt(x);
            assertThat(c[0]).as("C at t=%s", x).isCloseTo(Math.cos(theta / 2), within(1e-15));
            assertThat(c[1]).as("S at t=%s", x).isCloseTo(Math.sin(theta / 2) / theta, within(1e-15));
        }
    }

    @Test
    void rzRotatesAboutZ() {
        // RZ(φ)|+⟩: ⟨X⟩ = cos φ, ⟨Y⟩ = sin φ
        double h = Math.sqrt(0.5);
        try (Simulator sim = new Simulator(1)) {
            Circuit c = Circuit.builder(1).gate1(0, new double[] {h, h, h, -h}, new double[4]).rz(0, 0).build();
            for (double phi : new double[] {0, 0.7, -2.3}) {
                double[] g = new double[1];
                assertThat(sim.gradient(c, Observable.pauli(1, "X"), new double[] {phi}, g))
                        .isCloseTo(Math.cos(phi), within(1e-15));
                assertThat(g[0]).isCloseTo(-Math.sin(phi), within(1e-15));
                assertThat(sim.expectation(c, Observable.pauli(1, "Y"), new double[] {phi}))
                        .isCloseTo(Math.sin(phi), within(1e-15));
            }
        }
    }
}
