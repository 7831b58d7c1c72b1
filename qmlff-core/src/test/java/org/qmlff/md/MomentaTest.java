package org.qmlff.md;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MomentaTest {

    @RepeatedTest(20)
    void jacobiEigenvaluesMatchHipparchus(org.junit.jupiter.api.RepetitionInfo info) {
        Random rng = new Random(info.getCurrentRepetition());
        double[] a = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = i; j < 3; j++) a[i * 3 + j] = a[j * 3 + i] = rng.nextGaussian();
        if (info.getCurrentRepetition() % 4 == 0) a[1] = a[3] = a[2] = a[6] = 0; // partly diagonal
        double[] values = new double[3], vectors = new double[9];
        Symmetric3.eigen(a, values, vectors);
        double[][] m = {{a[0], a[1], a[2]}, {a[3], a[4], a[5]}, {a[6], a[7], a[8]}};
        double[] ref = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(m)).getEigenvalues();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] refSorted = ref.clone();
        Arrays.sort(refSorted);
        for (int i = 0; i < 3; i++) assertThat(sorted[i]).isCloseTo(refSorted[i], within(1e-12));
        // A v = λ v and V orthonormal
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                double av = 0;
                for (int k = 0; k < 3; k++) av += a[r * 3 + k] * vectors[k * 3 + c];
                assertThat(av).isCloseTo(values[c] * vectors[r * 3 + c], within(1e-12));
            }
            for (int d = 0; d < 3; d++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) dot += vectors[k * 3 + c] * vectors[k * 3 + d];
                assertThat(dot).isCloseTo(c == d ? 1.0 : 0.0, within(1e-12));
            }
        }
    }

    @Test
    void removesLinearAndAngularMomentum() {
        Random rng = new Random(7);
        double[] x = MdTestSupport.ETHANOL.clone();
        double[] m = MdTestSupport.ETHANOL_MASSES;
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) v[i] = 0.01 * rng.nextGaussian() + 0.003;
        Momenta.removeLinearMomentum(m, v);
        Momenta.removeAngularMomentum(m, x, v);
        MdTestSupport.assertNoMomenta(m, x, v, 1e-15, 1e-14);
        // what is left is internal motion, not zero
        assertThat(MdUnits.kineticEnergy(m, v)).isGreaterThan(0.1);
    }

    @Test
    void angularMomentumIsOriginIndependentAndRigidRotationIsRemovedEntirely() {
        double[] x = MdTestSupport.ETHANOL.clone();
        double[] m = MdTestSupport.ETHANOL_MASSES;
        double[] omega = {0.001, -0.002, 0.0015};
        double[] v = new double[x.length];
        for (int a = 0; a < m.length; a++) { // rigid rotation about the origin plus a translation
            double rx = x[3 * a], ry = x[3 * a + 1], rz = x[3 * a + 2];
            v[3 * a] = omega[1] * rz - omega[2] * ry + 0.004;
            v[3 * a + 1] = omega[2] * rx - omega[0] * rz;
            v[3 * a + 2] = omega[0] * ry - omega[1] * rx - 0.002;
        }
        Momenta.removeLinearMomentum(m, v);
        Momenta.removeAngularMomentum(m, x, v);
        for (double vi : v) assertThat(vi).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void rotationalRankAndDegreesOfFreedom() {
        double[] m3 = {12, 16, 16};
        double[] linear = {0, 0, 0, 1.16, 0, 0, -1.16, 0, 0};
        double[] bent = {0, 0, 0, 1.16, 0, 0, -1.0, 0.5, 0};
        assertThat(Momenta.rotationalRank(m3, linear)).isEqualTo(2);
        assertThat(Momenta.internalDegreesOfFreedom(m3, linear)).isEqualTo(4);
        assertThat(Momenta.rotationalRank(m3, bent)).isEqualTo(3);
        assertThat(Momenta.internalDegreesOfFreedom(m3, bent)).isEqualTo(3);
        assertThat(Momenta.internalDegreesOfFreedom(new double[]{1, 1}, new double[]{0, 0, 0, 0, 0, 0.74})).isEqualTo(1);
        assertThat(Momenta.internalDegreesOfFreedom(new double[]{4}, new double[]{1, 2, 3})).isZero();
        assertThat(Momenta.internalDegreesOfFreedom(MdTestSupport.ETHANOL_MASSES, MdTestSupport.ETHANOL)).isEqualTo(21);
    }

    @Test
    void linearMoleculeKeepsRotationAboutItsAxisUntouched() {
        double[] m = {12, 16, 16};
        double[] x = {0, 0, 0, 0, 0, 1.16, 0, 0, -1.16}; // along z
        double[] v = {0.001, 0.002, 0.003, -0.004, 0.0, 0.001, 0.002, 0.001, -0.002};
        Momenta.removeLinearMomentum(m, v);
        Momenta.removeAngularMomentum(m, x, v);
        double[] l = new double[3];
        Momenta.angularMomentum(m, x, v, l);
        for (double li : l) assertThat(li).isCloseTo(0.0, within(1e-15));
        assertThat(Arrays.stream(v).map(Math::abs).max().orElseThrow()).isGreaterThan(1e-4);
    }
}
