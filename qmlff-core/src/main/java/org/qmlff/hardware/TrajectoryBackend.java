package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.GateInfo;
import org.qmlff.sim.Observable;

import java.util.SplittableRandom;

/**
 * A noisy device simulated by sampled quantum trajectories (stochastic unravelling of the Kraus channels on
 * state vectors), for circuits wider than {@link DensityMatrix#MAX_QUBITS}. Each of the K trajectories of
 * a circuit starts from |0…0⟩ and applies every gate, then the channels of {@link NoiseModel#after} for its
 * kind in the order of {@link DensityMatrixBackend} (depolarizing, then on each qubit of the gate amplitude
 * damping, dephasing), each by drawing one Kraus operator K_i with its Born probability ‖K_i ψ‖² and
 * renormalising: Aer's {@code depolarizing_error(λ, n)} is the Pauli mixture with I^{⊗n} at
 * 1 − (4ⁿ − 1)λ/4ⁿ and each other Pauli string at λ/4ⁿ; amplitude damping and dephasing use the Kraus sets
 * of {@link NoiseRates}. The average over trajectories of ψψ† is an unbiased estimate of the density
 * matrix, so the returned expectation values and Bell-basis probabilities are unbiased estimates of the
 * {@link DensityMatrixBackend}'s, with the Monte-Carlo variance of {@link #sampleVariance}.
 *
 * <p>Circuits of at most {@code exactUpTo} qubits go to an exact {@link DensityMatrixBackend} (variance 0);
 * a noise model without gate channels goes to the {@link StateVectorBackend} (nothing to sample). The
 * random stream is set with {@link #reseed}; not thread-safe.
 */
final class TrajectoryBackend implements Backend {
    private final NoiseModel noise;
    private final int trajectories;
    private final int exactUpTo;
    private final DensityMatrixBackend exact;
    private final StateVectorBackend noiseless = new StateVectorBackend();
    private SplittableRandom rng = new SplittableRandom(0);
    private double[] re = new double[0];
    private double[] im = new double[0];
    /** Per-trajectory results of the last call: one value, or four probabilities, per trajectory. */
    private double[] samples = new double[0];
    private int width;
    private boolean sampled;

    /**
     * @param noise        gate noise (readout is the {@link Device}'s)
     * @param trajectories K, trajectories per circuit (≥ 1)
     * @param exactUpTo    circuits of at most this many qubits use exact density matrices (0: none)
     */
    TrajectoryBackend(NoiseModel noise, int trajectories, int exactUpTo) {
        if (trajectories < 1) throw new IllegalArgumentException("trajectories must be ≥ 1, not " + trajectories);
        this.noise = noise;
        this.trajectories = trajectories;
        this.exactUpTo = Math.min(exactUpTo, DensityMatrix.MAX_QUBITS);
        this.exact = new DensityMatrixBackend(noise);
    }

    @Override
    public void reseed(long seed) {
        rng = new SplittableRandom(seed);
    }

    private boolean sampling(Circuit c) {
        return noise.hasGateNoise() && c.qubits() > exactUpTo;
    }

    @Override
    public double expectation(Circuit c, Observable o, double[] z) {
        sampled = sampling(c);
        if (!sampled) return noise.hasGateNoise() ? exact.expectation(c, o, z) : noiseless.expectation(c, o, z);
        int[][] pairs = o.heisenbergPairs();
        ensure(c.qubits(), 1);
        double sum = 0;
        for (int t = 0; t < trajectories; t++) {
            run(c, z);
            double s = 0;
            for (int[] p : pairs) s += 2 * swapExpectation(c.qubits(), p[0], p[1]) - 1;
            samples[t] = s / pairs.length;
            sum += samples[t];
        }
        return sum / trajectories;
    }

    @Override
    public double[] bellProbabilities(Circuit c, int p, int q, double[] z) {
        sampled = sampling(c);
        if (!sampled) return noise.hasGateNoise() ? exact.bellProbabilities(c, p, q, z) : noiseless.bellProbabilities(c, p, q, z);
        int n = c.qubits();
        ensure(n, 4);
        double[] out = new double[4];
        double[] bell = GateMatrices.bellChange();
        for (int t = 0; t < trajectories; t++) {
            run(c, z);
            unitary2(n, p, q, bell);
            int mp = mask(n, p), mq = mask(n, q);
            for (int k = 0; k < 4; k++) samples[4 * t + k] = 0;
            for (int i = 0; i < (1 << n); i++)
                samples[4 * t + ((i & mp) != 0 ? 2 : 0) + ((i & mq) != 0 ? 1 : 0)] += re[i] * re[i] + im[i] * im[i];
            for (int k = 0; k < 4; k++) out[k] += samples[4 * t + k];
        }
        for (int k = 0; k < 4; k++) out[k] /= trajectories;
        return out;
    }

    /**
     * The variance of the last result as an estimate of the exact one (sample variance over the
     * trajectories / K): of the value after {@link #expectation}; of Σ_k w_k·P_k after
     * {@link #bellProbabilities}. 0 when the last circuit was computed exactly.
     */
    @Override
    public double sampleVariance(double[] weights) {
        if (!sampled || trajectories < 2) return 0;
        double sum = 0, sq = 0;
        for (int t = 0; t < trajectories; t++) {
            double v;
            if (weights == null) v = samples[t];
            else v = weights[0] * samples[4 * t] + weights[1] * samples[4 * t + 1] + weights[2] * samples[4 * t + 2]
                    + weights[3] * samples[4 * t + 3];
            sum += v;
            sq += v * v;
        }
        double mean = sum / trajectories;
        double var = Math.max(0, (sq - trajectories * mean * mean) / (trajectories - 1));
        return var / trajectories;
    }

    int trajectories() {
        return trajectories;
    }

    private void ensure(int n, int perTrajectory) {
        int dim = 1 << n;
        if (re.length != dim) {
            re = new double[dim];
            im = new double[dim];
        }
        width = perTrajectory;
        if (samples.length < perTrajectory * trajectories) samples = new double[perTrajectory * trajectories];
    }

    private static int mask(int n, int q) {
        return 1 << (n - 1 - q);
    }

    /** One trajectory of circuit c: ψ at its end, in (re, im). */
    void run(Circuit c, double[] z) {
        int n = c.qubits();
        if (re.length != 1 << n) ensure(n, Math.max(width, 1));
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        re[0] = 1;
        for (int k = 0; k < c.gateCount(); k++) {
            GateInfo g = c.gateInfo(k);
            double[] m = GateMatrices.of(g, z);
            if (g.twoQubit()) unitary2(n, g.p(), g.q(), m);
            else unitary1(n, g.p(), m);
            NoiseRates r = noise.after(g.kind());
            if (r.isNone()) continue;
            if (r.depolarizing() > 0) {
                if (g.twoQubit()) depolarize2(n, g.p(), g.q(), r.depolarizing());
                else pauli(n, g.p(), pauliIndex(r.depolarizing(), 4));
            }
            damp(n, g.p(), r);
            if (g.twoQubit()) damp(n, g.q(), r);
        }
    }

    /** A Pauli index 0 (I) … d−1 drawn for Aer's depolarizing λ on d = 2ⁿ·2ⁿ strings: I at 1 − (d−1)λ/d. */
    private int pauliIndex(double lambda, int d) {
        double u = rng.nextDouble();
        double each = lambda / d;
        double none = 1 - (d - 1) * each;
        if (u < none) return 0;
        int k = 1 + (int) ((u - none) / each);
        return Math.min(k, d - 1);
    }

    private void depolarize2(int n, int p, int q, double lambda) {
        int k = pauliIndex(lambda, 16);
        if (k == 0) return;
        pauli(n, p, k / 4);
        pauli(n, q, k % 4);
    }

    /** Applies the Pauli 0 = I, 1 = X, 2 = Y, 3 = Z to qubit q. */
    private void pauli(int n, int q, int which) {
        if (which == 0) return;
        int m = mask(n, q), dim = 1 << n;
        for (int i = 0; i < dim; i++) {
            if ((i & m) != 0) continue;
            int j = i | m;
            switch (which) {
                case 1 -> {
                    double tr = re[i], ti = im[i];
                    re[i] = re[j];
                    im[i] = im[j];
                    re[j] = tr;
                    im[j] = ti;
                }
                case 2 -> { // Y = [[0, −i], [i, 0]]: a' = −i·b, b' = i·a
                    double ar = re[i], ai = im[i], br = re[j], bi = im[j];
                    re[i] = bi;
                    im[i] = -br;
                    re[j] = -ai;
                    im[j] = ar;
                }
                default -> {
                    re[j] = -re[j];
                    im[j] = -im[j];
                }
            }
        }
    }

    /**
     * Amplitude damping then dephasing on qubit q. Both have K₀ = diag(1, √(1−γ)) and a K₁ acting on the
     * |1⟩ part only, with ‖K₁ψ‖² = γ·P(q = 1).
     */
    private void damp(int n, int q, NoiseRates r) {
        if (r.amplitudeDamping() > 0) kraus(n, q, r.amplitudeDamping(), true);
        if (r.dephasing() > 0) kraus(n, q, r.dephasing(), false);
    }

    private void kraus(int n, int q, double gamma, boolean decay) {
        int m = mask(n, q), dim = 1 << n;
        double p1 = 0;
        for (int i = 0; i < dim; i++) if ((i & m) != 0) p1 += re[i] * re[i] + im[i] * im[i];
        double jump = gamma * p1;
        if (rng.nextDouble() < jump) {
            // K₁ψ / ‖K₁ψ‖: the |1⟩ part of q alone (moved to |0⟩ for damping), scaled to norm 1.
            double s = 1 / Math.sqrt(p1);
            for (int i = 0; i < dim; i++) {
                if ((i & m) != 0) continue;
                int j = i | m;
                if (decay) {
                    re[i] = re[j] * s;
                    im[i] = im[j] * s;
                    re[j] = 0;
                    im[j] = 0;
                } else {
                    re[i] = 0;
                    im[i] = 0;
                    re[j] *= s;
                    im[j] *= s;
                }
            }
        } else {
            double a = Math.sqrt(1 - gamma), s = 1 / Math.sqrt(1 - jump);
            for (int i = 0; i < dim; i++) {
                if ((i & m) != 0) {
                    re[i] *= a * s;
                    im[i] *= a * s;
                } else {
                    re[i] *= s;
                    im[i] *= s;
                }
            }
        }
    }

    private void unitary1(int n, int q, double[] u) {
        int m = mask(n, q), dim = 1 << n;
        for (int i = 0; i < dim; i++) {
            if ((i & m) != 0) continue;
            int j = i | m;
            double ar = re[i], ai = im[i], br = re[j], bi = im[j];
            re[i] = u[0] * ar - u[1] * ai + u[2] * br - u[3] * bi;
            im[i] = u[0] * ai + u[1] * ar + u[2] * bi + u[3] * br;
            re[j] = u[4] * ar - u[5] * ai + u[6] * br - u[7] * bi;
            im[j] = u[4] * ai + u[5] * ar + u[6] * bi + u[7] * br;
        }
    }

    private void unitary2(int n, int p, int q, double[] u) {
        int mp = mask(n, p), mq = mask(n, q), dim = 1 << n;
        int[] off = {0, mq, mp, mp | mq};
        double[] xr = new double[4], xi = new double[4];
        for (int i = 0; i < dim; i++) {
            if ((i & (mp | mq)) != 0) continue;
            for (int a = 0; a < 4; a++) {
                xr[a] = re[i | off[a]];
                xi[a] = im[i | off[a]];
            }
            for (int a = 0; a < 4; a++) {
                double sr = 0, si = 0;
                for (int b = 0; b < 4; b++) {
                    double kr = u[2 * (4 * a + b)], ki = u[2 * (4 * a + b) + 1];
                    sr += kr * xr[b] - ki * xi[b];
                    si += kr * xi[b] + ki * xr[b];
                }
                re[i | off[a]] = sr;
                im[i | off[a]] = si;
            }
        }
    }

    /** Re ⟨ψ|SWAP_pq|ψ⟩. */
    private double swapExpectation(int n, int p, int q) {
        int mp = mask(n, p), mq = mask(n, q), both = mp | mq, dim = 1 << n;
        double s = 0;
        for (int i = 0; i < dim; i++) {
            int bits = i & both;
            int j = (bits == 0 || bits == both) ? i : i ^ both;
            s += re[i] * re[j] + im[i] * im[j];
        }
        return s;
    }

    /** ⟨σ_p·σ_q⟩ of the last trajectory's state (for tests). */
    double lastHeisenberg(int n, int p, int q) {
        return 2 * swapExpectation(n, p, q) - 1;
    }
}
