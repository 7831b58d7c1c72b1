package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.GateInfo;
import org.qmlff.sim.Observable;

/**
 * A noisy device simulated exactly with density matrices (up to {@link DensityMatrix#MAX_QUBITS} qubits,
 * which covers every {@code revised}-type per-atom circuit): after each gate the channels of
 * {@link NoiseModel#after} for its kind, in the order depolarizing, amplitude damping, dephasing. The
 * readout error is not applied here but by the {@link Device} when it counts outcomes.
 */
final class DensityMatrixBackend implements Backend {
    private final NoiseModel noise;
    private DensityMatrix rho;
    private DensityMatrix work;

    DensityMatrixBackend(NoiseModel noise) {
        this.noise = noise;
    }

    /** ρ at the end of circuit c with inputs z. */
    DensityMatrix run(Circuit c, double[] z) {
        if (rho == null || rho.qubits() != c.qubits()) {
            rho = new DensityMatrix(c.qubits());
            work = new DensityMatrix(c.qubits());
        }
        rho.reset();
        for (int k = 0; k < c.gateCount(); k++) {
            GateInfo g = c.gateInfo(k);
            double[] m = GateMatrices.of(g, z);
            if (g.twoQubit()) rho.unitary2(g.p(), g.q(), m);
            else rho.channel1(g.p(), m);
            NoiseRates r = noise.after(g.kind());
            if (r.isNone()) continue;
            if (r.depolarizing() > 0) {
                if (g.twoQubit()) rho.depolarize2(g.p(), g.q(), r.depolarizing());
                else rho.depolarize1(g.p(), r.depolarizing());
            }
            damp(g.p(), r);
            if (g.twoQubit()) damp(g.q(), r);
        }
        return rho;
    }

    private void damp(int q, NoiseRates r) {
        if (r.amplitudeDamping() > 0) {
            double gm = r.amplitudeDamping();
            rho.channel1(q, new double[] {1, 0, 0, 0, 0, 0, Math.sqrt(1 - gm), 0},
                    new double[] {0, 0, Math.sqrt(gm), 0, 0, 0, 0, 0});
        }
        if (r.dephasing() > 0) {
            double l = r.dephasing();
            rho.channel1(q, new double[] {1, 0, 0, 0, 0, 0, Math.sqrt(1 - l), 0},
                    new double[] {0, 0, 0, 0, 0, 0, Math.sqrt(l), 0});
        }
    }

    @Override
    public double expectation(Circuit c, Observable o, double[] z) {
        int[][] pairs = o.heisenbergPairs();
        DensityMatrix d = run(c, z);
        double s = 0;
        for (int[] p : pairs) s += 2 * d.swapExpectation(p[0], p[1]) - 1;
        return s / pairs.length;
    }

    @Override
    public double[] bellProbabilities(Circuit c, int p, int q, double[] z) {
        DensityMatrix d = run(c, z);
        work.copyFrom(d);
        work.unitary2(p, q, GateMatrices.bellChange());
        return work.probabilities(p, q);
    }
}
