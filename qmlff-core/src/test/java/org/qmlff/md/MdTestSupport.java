package org.qmlff.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small molecules for MD tests, and a check on velocities. */
public final class MdTestSupport {
    private MdTestSupport() {
    }

    /** Ethanol (C, C, O, 6 H), a rough equilibrium geometry in Å. */
    public static final double[] ETHANOL = {
            1.168, -0.400, 0.000,
            0.000, 0.559, 0.000,
            -1.190, -0.228, 0.000,
            -1.947, 0.382, 0.000,
            0.043, 1.208, 0.887,
            0.043, 1.208, -0.887,
            2.116, 0.145, 0.000,
            1.129, -1.037, 0.886,
            1.129, -1.037, -0.886};
    public static final int[] ETHANOL_NUMBERS = {6, 6, 8, 1, 1, 1, 1, 1, 1};
    public static final double[] ETHANOL_MASSES = {12.011, 12.011, 15.999, 1.008, 1.008, 1.008, 1.008, 1.008, 1.008};
    public static final String[] ETHANOL_SYMBOLS = {"C", "C", "O", "H", "H", "H", "H", "H", "H"};

    /**
     * Velocities v of atoms of masses m at positions x carry no linear momentum (each component within
     * {@code linearTolerance}) and no angular momentum about the origin (within {@code angularTolerance}).
     */
    static void assertNoMomenta(double[] m, double[] x, double[] v, double linearTolerance, double angularTolerance) {
        double[] p = new double[3], l = new double[3];
        Momenta.linearMomentum(m, v, p);
        Momenta.angularMomentum(m, x, v, l);
        for (int k = 0; k < 3; k++) {
            assertThat(p[k]).isCloseTo(0.0, within(linearTolerance));
            assertThat(l[k]).isCloseTo(0.0, within(angularTolerance));
        }
    }
}
