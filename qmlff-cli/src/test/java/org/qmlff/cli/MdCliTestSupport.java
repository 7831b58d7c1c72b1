package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;


/**
 * An ethanol dataset and a real model for CLI tests of md and serve-ipi; the toy force field they run is
 * core's {@link org.qmlff.md.ToyForceFields.HarmonicPairs}.
 */
final class MdCliTestSupport {
    static final int[] NUMBERS = {6, 6, 8, 1, 1, 1, 1, 1, 1};
    static final double[] MASSES = {12.011, 12.011, 15.999, 1.008, 1.008, 1.008, 1.008, 1.008, 1.008};
    static final String[] SYMBOLS = {"C", "C", "O", "H", "H", "H", "H", "H", "H"};
    static final double[] ETHANOL = {
            1.168, -0.400, 0.000, 0.000, 0.559, 0.000, -1.190, -0.228, 0.000,
            -1.947, 0.382, 0.000, 0.043, 1.208, 0.887, 0.043, 1.208, -0.887,
            2.116, 0.145, 0.000, 1.129, -1.037, 0.886, 1.129, -1.037, -0.886};

    private MdCliTestSupport() {
    }

    /**
     * A freshly initialised revised model for {@link #ethanol()}; skips the calling test while the
     * circuit simulator it needs is not merged into this branch (it throws UnsupportedOperationException).
     */
    static ForceField revisedModel(long seed) {
        try {
            return org.qmlff.model.Models.create(ModelOptions.defaults("revised"), java.util.List.of(ethanol()), seed);
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false,
                    "the revised model cannot be built yet (" + e.getMessage() + "): skipping the real-model test");
            throw e;
        }
    }

    /** Two frames of ethanol (the second slightly displaced) with made-up labels. */
    static Dataset ethanol() {
        double[] pos = new double[54];
        System.arraycopy(ETHANOL, 0, pos, 0, 27);
        for (int i = 0; i < 27; i++) pos[27 + i] = ETHANOL[i] + 0.02 * Math.cos(i);
        return new Dataset("ethanol_test", NUMBERS, pos, new double[]{-1.0, -0.5}, new double[54]);
    }
}
