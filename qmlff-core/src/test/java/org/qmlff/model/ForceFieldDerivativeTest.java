package org.qmlff.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forces against central finite differences of the energy, and the exact objective gradient against
 * central finite differences of φ(θ) = dLdE·E(θ) + Σ dLdF·F(θ), for every architecture (hybrid: docs/HYBRID.md) and both
 * parity options and every rich option (docs/RICH.md), on the ethanol-like molecule and (revised and rich) on a molecule that lacks a species
 * in the middle of the model's species list and has an atom with no neighbour within the cutoff.
 */
class ForceFieldDerivativeTest {

    /** Atomic numbers and a way to draw positions. */
    record Molecule(String name, int[] numbers, Function<Random, double[]> positions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Molecule ETHANOL = new Molecule("ethanol", ModelTestSupport.ETHANOL, ModelTestSupport::ethanolLike);

    /** H, N and O but no C (species [1, 6, 7, 8]), plus an H 9 Å away from everything. */
    static final Molecule SPARSE = new Molecule("H-N-O, far H", new int[]{7, 1, 1, 8, 1, 1},
            rng -> {
                double[] p = {0, 0, 0, 1.0, 0, 0, -0.3, 0.95, 0, -0.2, -0.4, 1.4, 0.7, -0.5, 1.8, 9.0, 1.0, 0.5};
                for (int i = 0; i < p.length; i++) p[i] += 0.1 * rng.nextGaussian();
                return p;
            });

    static Stream<Arguments> models() {
        Stream<Arguments> rich = RichModelTest.options().map(a -> Arguments.of("rich " + a.get()[0], a.get()[1], ETHANOL));
        Stream<Arguments> richSparse = Stream.of(Arguments.of("rich threebody sparse species",
                RichModelTest.rich("threebody", "2", "readout", "full", "rc", "3.0"), SPARSE),
                Arguments.of("rich tensor sparse species",
                        RichModelTest.rich("tensor", "on", "threebody", "1", "readout", "full", "rc", "3.0"), SPARSE),
                Arguments.of("hybrid tensor", HybridModelTest.hybrid("tensor", "on"), ETHANOL));
        Stream<Arguments> hybrid = Stream.concat(HybridModelTest.options().map(a -> Arguments.of("hybrid " + a.get()[0], a.get()[1], ETHANOL)),
                Stream.of(Arguments.of("hybrid baseline sparse species", HybridModelTest.hybrid("baseline", "ridge", "rc", "3.0",
                        "threebody", "1"), SPARSE)));
        rich = Stream.concat(rich, hybrid);
        return Stream.concat(Stream.of(
                Arguments.of("le", ModelOptions.defaults("le").with("D", "2"), ETHANOL),
                Arguments.of("le ring sym", ModelOptions.defaults("le").with("D", "2").with("observable", "ring").with("parity", "sym"), ETHANOL),
                Arguments.of("le rep2 centre3", ModelOptions.defaults("le").with("D", "2").with("rep", "2").with("centre", "3"), ETHANOL),
                Arguments.of("revised", ModelOptions.defaults("revised").with("D", "2").with("K", "3"), ETHANOL),
                Arguments.of("revised ring sym nq6", ModelOptions.defaults("revised").with("D", "2").with("K", "3")
                        .with("observable", "ring").with("parity", "sym").with("nq", "6").with("rc", "2.0"), ETHANOL),
                Arguments.of("revised sparse species", ModelOptions.defaults("revised").with("D", "2").with("K", "3")
                        .with("rc", "3.0"), SPARSE)), Stream.concat(rich, richSparse));
    }

    /** A random model of the given options with its scratch, on the molecule's atoms: E and F as functions of the positions. */
    private record Subject(ForceField model, ForceField.Scratch scratch, int[] numbers) {
        static Subject of(ModelOptions o, long seed, Molecule mol) {
            ForceField m = ModelTestSupport.randomModel(o, seed);
            return new Subject(m, m.newScratch(), mol.numbers());
        }

        /** E at the positions; writes the forces into f. */
        double energyAndForces(double[] pos, double[] f) {
            return model.energyAndForces(numbers, pos, f, scratch);
        }

        /** φ(θ) = dLdE·E + Σ dLdF·F at the positions, with the model's current parameters θ; f is scratch space. */
        double phi(double[] pos, double dLdE, double[] dLdF, double[] f) {
            double e = energyAndForces(pos, f);
            double v = dLdE * e;
            for (int i = 0; i < f.length; i++) v += dLdF[i] * f[i];
            return v;
        }
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("models")
    void forcesAreMinusTheEnergyGradient(String label, ModelOptions o, Molecule mol) {
        Subject subject = Subject.of(o, 11, mol);
        double[] pos = mol.positions().apply(new Random(5));
        double[] f = new double[pos.length];
        subject.energyAndForces(pos, f);
        double h = 1e-5;
        double[] scratchF = new double[pos.length];
        for (int i = 0; i < pos.length; i++) {
            double[] p = pos.clone();
            p[i] += h;
            double ep = subject.energyAndForces(p, scratchF);
            p[i] -= 2 * h;
            double em = subject.energyAndForces(p, scratchF);
            double fd = -(ep - em) / (2 * h);
            assertThat(f[i]).as("force component %d", i).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
        }
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("models")
    void objectiveGradientMatchesFiniteDifferences(String label, ModelOptions o, Molecule mol) {
        Subject subject = Subject.of(o, 23, mol);
        ForceField m = subject.model();
        Random rng = new Random(9);
        double[] pos = mol.positions().apply(rng);
        double dLdE = rng.nextGaussian();
        double[] dLdF = new double[pos.length];
        for (int i = 0; i < dLdF.length; i++) dLdF[i] = rng.nextGaussian();
        double[] grad = new double[m.parameterCount()];
        m.addObjectiveGradient(subject.numbers(), pos, dLdE, dLdF, grad, subject.scratch());

        double[] theta = new double[m.parameterCount()];
        m.getParameters(theta);
        double h = 1e-5;
        double[] f = new double[pos.length];
        int checked = 0;
        double maxErr = 0;
        for (int i = 0; i < theta.length; i++) {
            if (!m.trains(i)) {
                // An untrained parameter (an ablation's frozen circuit) gets no gradient, whatever its effect.
                assertThat(grad[i]).as("gradient of untrained parameter %d", i).isEqualTo(0.0);
                continue;
            }
            double[] t = theta.clone();
            t[i] += h;
            m.setParameters(t);
            double phiP = subject.phi(pos, dLdE, dLdF, f);
            t[i] -= 2 * h;
            m.setParameters(t);
            double phiM = subject.phi(pos, dLdE, dLdF, f);
            double fd = (phiP - phiM) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(grad[i] - fd) / (1 + Math.abs(fd)));
            checked++;
        }
        m.setParameters(theta);
        int trained = 0;
        for (int i = 0; i < theta.length; i++) if (m.trains(i)) trained++;
        assertThat(checked).isEqualTo(trained).isPositive();
        assertThat(maxErr).as("largest relative gradient error").isLessThan(1e-6);
        assertThat(java.util.Arrays.stream(grad).map(Math::abs).max().orElse(0)).as("gradient is not zero").isGreaterThan(1e-6);
    }
}
