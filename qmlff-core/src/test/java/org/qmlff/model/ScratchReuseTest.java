package org.qmlff.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scratch carries work from one evaluation to the next (the revised model keeps the neighbour data of
 * the last configurations). Whatever it kept, an evaluation through a long-used scratch must give the
 * same bits as through a fresh one: across new positions written into the same array, changed
 * parameters at unchanged positions, another molecule with as many atoms, and the R / −R interleaving
 * of parity=sym.
 */
class ScratchReuseTest {

    private static final int[] OTHER = {6, 8, 8, 1, 1, 1, 1, 1, 1};

    @ParameterizedTest
    @ValueSource(strings = {"none", "sym"})
    void aReusedScratchGivesTheBitsOfAFreshOne(String parity) {
        for (String arch : List.of("revised", "le", "rich")) {
            ModelOptions o = ModelOptions.defaults(arch).with("D", "2").with("parity", parity);
            if (!arch.equals("le")) o = o.with("K", "3").with("rc", "2.5");
            if (arch.equals("rich")) o = o.with("threebody", "1").with("tensor", "on");
            ForceField m = Models.create(o, List.of(ModelTestSupport.syntheticEthanol(5, 7)), 7);
            ModelTestSupport.randomise(m, new Random(8), 0.2);
            ForceField.Scratch reused = m.newScratch();
            Random rng = new Random(4);
            int[] numbers = ModelTestSupport.ETHANOL.clone();
            double[] pos = ModelTestSupport.ethanolLike(rng);
            double[] other = ModelTestSupport.ethanolLike(rng);
            double[] dLdF = new double[pos.length];
            for (int i = 0; i < dLdF.length; i++) dLdF[i] = rng.nextGaussian();

            compare(m, reused, numbers, pos, dLdF, arch + " first configuration");
            compare(m, reused, numbers, other, dLdF, arch + " second configuration");
            compare(m, reused, numbers, pos, dLdF, arch + " first again");
            // New positions written into the array the scratch saw last.
            pos[4] += 1e-9;
            compare(m, reused, numbers, pos, dLdF, arch + " moved in place");
            // New parameters, same positions.
            ModelTestSupport.randomise(m, new Random(9), 0.05);
            compare(m, reused, numbers, pos, dLdF, arch + " new parameters");
            if (arch.equals("revised")) {
                // Another molecule with as many atoms, written into the same array.
                System.arraycopy(OTHER, 0, numbers, 0, numbers.length);
                compare(m, reused, numbers, pos, dLdF, arch + " other molecule");
            }
        }
    }

    /** Energy, forces and objective gradient through the reused scratch and through fresh ones, bit for bit. */
    private static void compare(ForceField m, ForceField.Scratch reused, int[] numbers, double[] pos, double[] dLdF,
                                String what) {
        double[] f1 = new double[pos.length], f2 = new double[pos.length];
        double e1 = m.energyAndForces(numbers, pos, f1, reused);
        double e2 = m.energyAndForces(numbers, pos, f2, m.newScratch());
        assertThat(e1).as("%s: energy", what).isEqualTo(e2);
        assertThat(f1).as("%s: forces", what).isEqualTo(f2);
        double[] g1 = new double[m.parameterCount()], g2 = new double[m.parameterCount()];
        m.addObjectiveGradient(numbers, pos, 0.3, dLdF, g1, reused);
        m.addObjectiveGradient(numbers, pos, 0.3, dLdF, g2, m.newScratch());
        assertThat(g1).as("%s: objective gradient", what).isEqualTo(g2);
        assertThat(g1).as("%s: objective gradient is not trivially zero", what).isNotEqualTo(new double[g1.length]);
    }
}
