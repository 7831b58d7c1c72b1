package org.qmlff.md;

/** Small molecules for MD tests. */
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
}
