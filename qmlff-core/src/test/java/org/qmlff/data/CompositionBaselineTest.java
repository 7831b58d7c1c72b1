package org.qmlff.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompositionBaselineTest {

    private static Dataset molecule(String name, int[] z, double[] energies) {
        return new Dataset(name, z, new double[energies.length * z.length * 3], energies, new double[energies.length * z.length * 3]);
    }

    @Test
    void residualStdRemovesTheCompositionBaselineAcrossMolecules() {
        double eH = -300, eC = -23000, eO = -47000;
        // Same ±1 kcal/mol spread around very different totals: only the spread must remain.
        Dataset ethanol = molecule("ethanol", new int[]{6, 6, 8, 1, 1, 1, 1, 1, 1},
                new double[]{2 * eC + eO + 6 * eH - 1, 2 * eC + eO + 6 * eH + 1});
        Dataset water = molecule("water", new int[]{8, 1, 1}, new double[]{eO + 2 * eH - 1, eO + 2 * eH + 1});
        Dataset methane = molecule("methane", new int[]{6, 1, 1, 1, 1}, new double[]{eC + 4 * eH - 1, eC + 4 * eH + 1});
        assertThat(CompositionBaseline.residualStd(List.of(ethanol, water, methane))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void residualStdOfOneMoleculeIsItsEnergyStd() {
        Dataset d = molecule("m", new int[]{8, 1, 1}, new double[]{-10, -12, -17, -11});
        double mean = (-10 - 12 - 17 - 11) / 4.0;
        double var = (Math.pow(-10 - mean, 2) + Math.pow(-12 - mean, 2) + Math.pow(-17 - mean, 2) + Math.pow(-11 - mean, 2)) / 4;
        assertThat(CompositionBaseline.residualStd(List.of(d))).isCloseTo(Math.sqrt(var), within(1e-9));
    }
}
