package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two roundings {@link GateFormulas} keeps for the two simulator paths agree: the closed-form Enc
 * generator coefficients c_ab and their tangent ċ_ab against those {@link GateMatrices} takes from its
 * matrices, and Ex's β = ᾱ³ against cos 3J, sin 3J; and the Enc rotation is the unitary exp(−i v·σ/2).
 */
class GateFormulasTest {
    private static final double TOL = 1e-14;

    @Test
    void closedFormEncGeneratorsMatchTheMatrixRoute() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] fn = new double[GateFormulas.ENC_FUNCTIONS];
        double[] rotation = new double[4];
        double[] c = new double[9];
        double[] cDot = new double[9];
        double[] slot = new double[GateMatrices.SLOT];
        double[] work = new double[GateMatrices.WORK];
        Gate enc = Circuit.builder(1).enc(0, 0).build().gate(0);
        int cases = 0;
        for (double scale : new double[] {1e-9, 1e-3, 0.3, 1.0, 3.0}) {
            for (int trial = 0; trial < 20; trial++) {
                double[] v = {scale * rng.nextDouble(-1, 1), scale * rng.nextDouble(-1, 1), scale * rng.nextDouble(-1, 1)};
                double[] u = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
                GateFormulas.enc(v[0], v[1], v[2], fn, rotation, 0);
                GateFormulas.encGenerator(fn, v[0], v[1], v[2], c, 0);
                GateFormulas.encGeneratorTangent(fn, v[0], v[1], v[2], u[0], u[1], u[2], cDot, 0);
                GateMatrices.prepare(enc, v, 0, u, 0, GateMatrices.HVP, slot, 0, work);
                for (int e = 0; e < 9; e++) {
                    assertThat(c[e]).as("c[%d] at |v| ~ %s", e, scale)
                            .isCloseTo(slot[GateMatrices.PAULI + e], within(TOL));
                    assertThat(cDot[e]).as("ċ[%d] at |v| ~ %s", e, scale)
                            .isCloseTo(slot[GateMatrices.PAULI_DOT + e], within(TOL));
                }
                // exp(−i v·σ/2) = cos(θ/2) I − i sin(θ/2) v̂·σ
                double theta = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                assertThat(rotation[0]).isCloseTo(Math.cos(theta / 2), within(TOL));
                for (int b = 0; b < 3; b++) {
                    assertThat(rotation[1 + b]).isCloseTo(Math.sin(theta / 2) * v[b] / theta, within(TOL));
                }
                cases++;
            }
        }
        assertThat(cases).isEqualTo(100);
    }

    @Test
    void exPhasesAgreeBothWays() {
        double[] cubed = new double[4];
        double[] triple = new double[4];
        for (double j = -7; j <= 7; j += 0.01) {
            GateFormulas.exPhases(j, cubed, 0);
            GateFormulas.exPhasesByTripleAngle(j, triple, 0);
            // the cube takes three roundings per entry, at |J| ~ 7 about 1e-15 apart from cos 3J
            for (int e = 0; e < 4; e++) {
                assertThat(cubed[e]).as("entry %d at J = %s", e, j).isCloseTo(triple[e], within(TOL));
            }
        }
        GateFormulas.exPhases(0.25, cubed, 0);
        assertThat(cubed).containsExactly(new double[] {Math.cos(0.25), -Math.sin(0.25), Math.cos(0.75), Math.sin(0.75)},
                within(1e-15));
    }

    @Test
    void rzPhaseIsHalfTheAngle() {
        double[] e = new double[2];
        GateFormulas.rzPhase(1.2, e, 0);
        assertThat(e).containsExactly(Math.cos(0.6), -Math.sin(0.6));
    }
}
