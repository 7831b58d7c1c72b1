package org.qmlff.geometry;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The neighbour list against a brute-force walk over every ordered pair (i, j), each evaluated on its
 * own with {@link RadialBasis#evaluate(double, double[], double[])}: same neighbours in the same order
 * and bit-identical geometry and basis values, although the list evaluates each unordered pair once.
 */
class NeighbourListTest {

    private static void assertMatchesBruteForce(NeighbourList nl, double[] pos, int atoms, RadialBasis basis) {
        int k = basis.size();
        double[] beta = new double[k], dbeta = new double[k];
        int e = 0;
        for (int i = 0; i < atoms; i++) {
            assertThat(nl.start(i)).as("row start of atom %d", i).isEqualTo(e);
            for (int j = 0; j < atoms; j++) {
                if (j == i) continue;
                double dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= basis.cutoff()) continue;
                assertThat(nl.atom(e)).as("neighbour %d of atom %d", e - nl.start(i), i).isEqualTo(j);
                assertThat(nl.separations()[3 * e]).isEqualTo(dx);
                assertThat(nl.separations()[3 * e + 1]).isEqualTo(dy);
                assertThat(nl.separations()[3 * e + 2]).isEqualTo(dz);
                assertThat(nl.distances()[e]).isEqualTo(r);
                basis.evaluate(r, beta, dbeta);
                for (int q = 0; q < k; q++) {
                    assertThat(nl.beta()[e * k + q]).isEqualTo(beta[q]);
                    assertThat(nl.dbeta()[e * k + q]).isEqualTo(dbeta[q]);
                    double gamma = beta[q] / r;
                    assertThat(nl.gamma()[e * k + q]).isEqualTo(gamma);
                    assertThat(nl.dgamma()[e * k + q]).isEqualTo((dbeta[q] - gamma) / r);
                }
                e++;
            }
        }
        assertThat(nl.start(atoms)).as("entries").isEqualTo(e);
        assertThat(nl.atoms()).isEqualTo(atoms);
    }

    private static double[] randomCloud(Random rng, int atoms, double box) {
        double[] p = new double[3 * atoms];
        for (int i = 0; i < p.length; i++) p[i] = box * rng.nextDouble();
        return p;
    }

    @Test
    void matchesEveryOrderedPairEvaluatedOnItsOwn() {
        RadialBasis basis = new RadialBasis(5, 3.0);
        NeighbourList nl = new NeighbourList(basis);
        Random rng = new Random(3);
        // A large cloud (many pairs beyond the cutoff), then a smaller one into the same buffers, then
        // one atom alone (no pairs at all).
        for (int atoms : new int[]{30, 7, 1}) {
            double[] pos = randomCloud(rng, atoms, 6.0);
            nl.build(pos, atoms);
            assertMatchesBruteForce(nl, pos, atoms, basis);
        }
        assertThat(nl.start(0)).isZero();
        assertThat(nl.start(1)).isZero();
    }

    @Test
    void anAtomBeyondTheCutoffOfAllOthersHasAnEmptyRow() {
        RadialBasis basis = new RadialBasis(3, 2.0);
        NeighbourList nl = new NeighbourList(basis);
        double[] pos = {0, 0, 0, 1.0, 0, 0, 10, 0, 0, 0, 1.2, 0};
        nl.build(pos, 4);
        assertThat(nl.start(3) - nl.start(2)).as("neighbours of the far atom").isZero();
        assertThat(nl.start(1) - nl.start(0)).isEqualTo(2);
        assertMatchesBruteForce(nl, pos, 4, basis);
    }

    @Test
    void coincidentAtomsAreNamed() {
        NeighbourList nl = new NeighbourList(new RadialBasis(2, 5.0));
        double[] pos = {0, 0, 0, 1, 1, 1, 0, 0, 0};
        assertThatThrownBy(() -> nl.build(pos, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atoms 0 and 2 coincide");
    }
}
