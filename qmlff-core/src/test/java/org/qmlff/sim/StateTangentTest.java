package org.qmlff.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Simulator#stateTangent}: the final state against the dense reference, and its forward-mode tangent along u
 * against central differences of that reference, for random circuits of every gate kind (tensor gates included) on
 * both kernel kinds.
 */
class StateTangentTest {

    @Test
    void stateAndTangentMatchTheDenseReferenceAndCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(2026_12_06L);
        double h = 1e-3;
        for (KernelKind kind : KernelKind.values()) {
            try (Simulator sim = new Simulator(12, 1, kind)) {
                for (int trial = 0; trial < 12; trial++) {
                    int n = 2 + trial % 9;
                    CircuitSpec spec = CircuitSpec.randomWithTensor(rng, n, 8 + rng.nextInt(12));
                    Circuit c = spec.build();
                    int m = c.inputs(), size = 1 << n;
                    double[] z = CircuitSpec.uniform(rng, m, 2.0), u = CircuitSpec.uniform(rng, m, 1.0);
                    double[] re = new double[size], im = new double[size], dre = new double[size], dim = new double[size];
                    sim.stateTangent(c, z, u, re, im, dre, dim);

                    double[][] ref = DenseReference.state(spec, z);
                    // Richardson-extrapolated central differences of the dense reference along u (error O(h⁴))
                    double[] fdRe = CentralDifferences.richardsonAlong(zz -> DenseReference.state(spec, zz)[0], z, u, h);
                    double[] fdIm = CentralDifferences.richardsonAlong(zz -> DenseReference.state(spec, zz)[1], z, u, h);
                    double tangentNorm = 0;
                    for (int a = 0; a < size; a++) {
                        assertThat(re[a]).as("%s trial %d Re ψ[%d]", kind, trial, a).isCloseTo(ref[0][a], within(1e-12));
                        assertThat(im[a]).as("%s trial %d Im ψ[%d]", kind, trial, a).isCloseTo(ref[1][a], within(1e-12));
                        assertThat(dre[a]).as("%s trial %d Re ψ̇[%d]", kind, trial, a).isCloseTo(fdRe[a], within(1e-9));
                        assertThat(dim[a]).as("%s trial %d Im ψ̇[%d]", kind, trial, a).isCloseTo(fdIm[a], within(1e-9));
                        tangentNorm += dre[a] * dre[a] + dim[a] * dim[a];
                    }
                    // a parametric circuit with u ≠ 0 moves its state: a zero tangent would pass the checks above only
                    // if the differences were zero too
                    if (m > 0) assertThat(tangentNorm).as("%s trial %d |ψ̇|²", kind, trial).isPositive();
                }
            }
        }
    }

    @Test
    void shortBuffersAreRefusedWithTheirName() {
        Circuit c = Circuit.builder(2).enc(0, 0).build();
        try (Simulator sim = new Simulator(4)) {
            assertThatThrownBy(() -> sim.stateTangent(c, new double[3], new double[3], new double[4], new double[4],
                    new double[3], new double[4])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dre");
        }
    }
}
