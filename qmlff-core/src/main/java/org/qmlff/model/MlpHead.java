package org.qmlff.model;

import java.util.Arrays;

/**
 * Per-species multilayer perceptrons over an atom's invariant features (docs/HYBRID.md §Classical
 * head): for species s and input x (the readout expectations of the atom's circuits),
 * <pre>
 *   h_0 = x,   h_l = SiLU(W_l[s] h_{l−1} + b_l[s])   (l = 1..L),   y = w_out[s] · h_L
 * </pre>
 * with SiLU(t) = t / (1 + e^{−t}). No output bias (the atomic energy has its own e0).
 *
 * <p>Parameters sit in the model's flat vector at the offsets given to the constructor, in the order
 * {@code mlpW1, mlpB1, …, mlpWL, mlpBL, mlpOut}, each row-major with the species index first:
 * W_l is |S| × H_l × H_{l−1}, b_l is |S| × H_l, w_out is |S| × H_L.
 *
 * <p>Besides y and ∇_x y (forces), {@link #objective} gives what the training gradient needs for a
 * direction ẋ of the input: the parameter gradient of φ = dLdE·y − ∇_x y·ẋ (forward-mode tangent
 * through the layers, then one reverse pass through value and tangent together), a = ∇_x y and
 * b = (∇²_x y) ẋ. Immutable apart from the {@link Work} buffers, one per thread.
 */
final class MlpHead {
    private final int nSpecies;
    private final int inputs;
    /** Layer widths: width[0] = inputs, width[l] = H_l. */
    private final int[] width;
    private final int[] wOff;
    private final int[] bOff;
    private final int outOff;

    /** @param offsets the flat-vector offsets of mlpW1, mlpB1, …, mlpOut, in that order */
    MlpHead(int nSpecies, int inputs, int[] hidden, int[] offsets) {
        this.nSpecies = nSpecies;
        this.inputs = inputs;
        this.width = new int[hidden.length + 1];
        width[0] = inputs;
        System.arraycopy(hidden, 0, width, 1, hidden.length);
        int layers = hidden.length;
        wOff = new int[layers];
        bOff = new int[layers];
        for (int l = 0; l < layers; l++) {
            wOff[l] = offsets[2 * l];
            bOff[l] = offsets[2 * l + 1];
        }
        outOff = offsets[2 * layers];
    }

    /** Adds the head's tensors, in file order, to a parameter-set builder. */
    static void declare(ParameterSet.Builder b, int nSpecies, int inputs, int[] hidden) {
        int in = inputs;
        for (int l = 0; l < hidden.length; l++) {
            b.add("mlpW" + (l + 1), nSpecies, hidden[l], in);
            b.add("mlpB" + (l + 1), nSpecies, hidden[l]);
            in = hidden[l];
        }
        b.add("mlpOut", nSpecies, in);
    }

    /** The offsets {@link #MlpHead} needs, read from a parameter set built with {@link #declare}. */
    static int[] offsets(ParameterSet ps, int layers) {
        int[] o = new int[2 * layers + 1];
        for (int l = 0; l < layers; l++) {
            o[2 * l] = ps.offset("mlpW" + (l + 1));
            o[2 * l + 1] = ps.offset("mlpB" + (l + 1));
        }
        o[2 * layers] = ps.offset("mlpOut");
        return o;
    }

    /** The number of inputs x. */
    int inputs() {
        return inputs;
    }

    /** Buffers for one evaluation: per layer pre-activations, activations, tangents and adjoints. */
    final class Work {
        final double[][] pre = new double[width.length][];
        final double[][] act = new double[width.length][];
        final double[][] dpre = new double[width.length][];
        final double[][] dact = new double[width.length][];
        final double[][] adjAct = new double[width.length][];
        final double[][] adjDact = new double[width.length][];

        Work() {
            for (int l = 0; l < width.length; l++) {
                pre[l] = new double[width[l]];
                act[l] = new double[width[l]];
                dpre[l] = new double[width[l]];
                dact[l] = new double[width[l]];
                adjAct[l] = new double[width[l]];
                adjDact[l] = new double[width[l]];
            }
        }
    }

    Work newWork() {
        return new Work();
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** Forward pass (and, if {@code dx} is non-null, its tangent along dx). */
    private double forward(double[] v, int s, double[] x, double[] dx, Work w) {
        System.arraycopy(x, 0, w.act[0], 0, inputs);
        if (dx != null) System.arraycopy(dx, 0, w.dact[0], 0, inputs);
        for (int l = 1; l < width.length; l++) {
            int in = width[l - 1], out = width[l];
            int wo = wOff[l - 1] + s * out * in, bo = bOff[l - 1] + s * out;
            double[] prev = w.act[l - 1], dprev = w.dact[l - 1];
            for (int r = 0; r < out; r++) {
                double a = v[bo + r], da = 0;
                int row = wo + r * in;
                for (int c = 0; c < in; c++) {
                    a += v[row + c] * prev[c];
                    if (dx != null) da += v[row + c] * dprev[c];
                }
                double sg = sigmoid(a);
                w.pre[l][r] = a;
                w.act[l][r] = a * sg;
                w.dpre[l][r] = da;
                w.dact[l][r] = sg * (1 + a * (1 - sg)) * da;
            }
        }
        int last = width.length - 1, ob = outOff + s * width[last];
        double y = 0;
        for (int r = 0; r < width[last]; r++) y += v[ob + r] * w.act[last][r];
        return y;
    }

    /** y(x) for species s; writes ∇_x y into {@code grad}. */
    double value(double[] v, int s, double[] x, double[] grad, Work w) {
        double y = forward(v, s, x, null, w);
        int last = width.length - 1, ob = outOff + s * width[last];
        for (int r = 0; r < width[last]; r++) w.adjAct[last][r] = v[ob + r];
        for (int l = last; l >= 1; l--) {
            int in = width[l - 1], out = width[l];
            int wo = wOff[l - 1] + s * out * in;
            double[] below = w.adjAct[l - 1];
            Arrays.fill(below, 0, in, 0.0);
            for (int r = 0; r < out; r++) {
                double a = w.pre[l][r], sg = sigmoid(a);
                double adjPre = w.adjAct[l][r] * sg * (1 + a * (1 - sg));
                int row = wo + r * in;
                for (int c = 0; c < in; c++) below[c] += v[row + c] * adjPre;
            }
        }
        System.arraycopy(w.adjAct[0], 0, grad, 0, inputs);
        return y;
    }

    /**
     * For φ = dLdE·y(x) − ∇_x y(x)·dx: adds ∂φ/∂θ (this head's parameters of species s) to {@code grad},
     * writes a = ∇_x y into {@code a} and b = (∇²_x y)·dx into {@code b}, and returns y.
     */
    double objective(double[] v, int s, double[] x, double[] dx, double dLdE, double[] grad, double[] a,
                     double[] b, Work w) {
        double y = forward(v, s, x, dx, w);
        int last = width.length - 1, ob = outOff + s * width[last];
        for (int r = 0; r < width[last]; r++) {
            grad[ob + r] += dLdE * w.act[last][r] - w.dact[last][r];
            w.adjAct[last][r] = dLdE * v[ob + r];
            w.adjDact[last][r] = -v[ob + r];
        }
        for (int l = last; l >= 1; l--) {
            int in = width[l - 1], out = width[l];
            int wo = wOff[l - 1] + s * out * in, bo = bOff[l - 1] + s * out;
            double[] below = w.adjAct[l - 1], dbelow = w.adjDact[l - 1];
            double[] prev = w.act[l - 1], dprev = w.dact[l - 1];
            Arrays.fill(below, 0, in, 0.0);
            Arrays.fill(dbelow, 0, in, 0.0);
            for (int r = 0; r < out; r++) {
                double p = w.pre[l][r], sg = sigmoid(p);
                double d1 = sg * (1 + p * (1 - sg));
                double d2 = sg * (1 - sg) * (2 + p * (1 - 2 * sg));
                // act = SiLU(pre), dact = SiLU'(pre)·dpre
                double adjDpre = w.adjDact[l][r] * d1;
                double adjPre = w.adjAct[l][r] * d1 + w.adjDact[l][r] * d2 * w.dpre[l][r];
                grad[bo + r] += adjPre;
                int row = wo + r * in;
                for (int c = 0; c < in; c++) {
                    grad[row + c] += adjPre * prev[c] + adjDpre * dprev[c];
                    below[c] += v[row + c] * adjPre;
                    dbelow[c] += v[row + c] * adjDpre;
                }
            }
        }
        // ∂φ/∂dx = −a, ∂φ/∂x = dLdE·a − b
        for (int c = 0; c < inputs; c++) {
            a[c] = -w.adjDact[0][c];
            b[c] = dLdE * a[c] - w.adjAct[0][c];
        }
        return y;
    }

    /** The LeCun-normal initialisation: W_l ~ Normal(0, 1/H_{l−1}), b_l = 0, w_out = 0 (drawn in file order). */
    void initialise(double[] v, java.util.Random rng) {
        for (int l = 1; l < width.length; l++) {
            int n = nSpecies * width[l] * width[l - 1];
            double sigma = 1 / Math.sqrt(width[l - 1]);
            for (int i = 0; i < n; i++) v[wOff[l - 1] + i] = sigma * rng.nextGaussian();
            Arrays.fill(v, bOff[l - 1], bOff[l - 1] + nSpecies * width[l], 0.0);
        }
        Arrays.fill(v, outOff, outOff + nSpecies * width[width.length - 1], 0.0);
    }
}
