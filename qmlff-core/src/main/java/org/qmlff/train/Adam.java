package org.qmlff.train;

import java.util.Arrays;

/**
 * The Adam optimiser (Kingma &amp; Ba) with bias correction. The learning rate is passed to each
 * {@link #step} so a schedule can drive it. Defaults of MODELS.md: β1 = 0.9, β2 = 0.999, ε = 1e-8.
 *
 * <p>Update for step t = 1, 2, ...: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * θ ← θ − lr · (m / (1−β1^t)) / (sqrt(v / (1−β2^t)) + ε).
 *
 * <p>Options of docs/RECIPE.md, both off by default (then the arithmetic above is unchanged, bit for
 * bit): AMSGrad keeps v̂ ← max(v̂, v) and uses v̂ in place of v in the denominator (PyTorch's form);
 * decoupled weight decay λ (AdamW, PyTorch's form) first moves θ ← θ − lr·λ·(θ − θ_ref) toward a
 * reference point θ_ref (the run's initial parameters), so that the decay never touches the moments.
 */
public final class Adam {
    /** Defaults of MODELS.md. */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    /**
     * The optimiser's state, for checkpoints.
     *
     * @param step number of steps taken
     * @param m    first-moment estimates, one per parameter
     * @param v    second-moment estimates, one per parameter
     * @param vmax AMSGrad's running maximum v̂ of v, one per parameter; empty without AMSGrad (null reads
     *             as empty, for checkpoints written before AMSGrad existed)
     */
    public record State(long step, double[] m, double[] v, double[] vmax) {
        public State(long step, double[] m, double[] v) {
            this(step, m, v, new double[0]);
        }

        public State {
            if (step < 0) throw new IllegalArgumentException("Adam step count must be >= 0, got " + step);
            if (m.length != v.length)
                throw new IllegalArgumentException("Adam state: m has " + m.length + " entries but v has " + v.length);
            if (vmax == null) vmax = new double[0];
            if (vmax.length != 0 && vmax.length != m.length)
                throw new IllegalArgumentException("Adam state: vmax has " + vmax.length + " entries, m " + m.length);
            m = m.clone();
            v = v.clone();
            vmax = vmax.clone();
        }

        @Override
        public double[] vmax() {
            return vmax.clone();
        }

        @Override
        public double[] m() {
            return m.clone();
        }

        @Override
        public double[] v() {
            return v.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && step == s.step && Arrays.equals(m, s.m) && Arrays.equals(v, s.v)
                    && Arrays.equals(vmax, s.vmax);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(step) * 31 + Arrays.hashCode(m);
        }

        @Override
        public String toString() {
            return "Adam.State[step=" + step + ", " + m.length + " parameters]";
        }
    }

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private final double[] vmax;
    private final double weightDecay;
    private final double[] reference;
    private long step;

    /** Adam for {@code n} parameters with the default β1, β2, ε. */
    public Adam(int n) {
        this(n, BETA1, BETA2, EPSILON);
    }

    public Adam(int n, double beta1, double beta2, double epsilon) {
        this(n, beta1, beta2, epsilon, false, 0, null);
    }

    /**
     * Adam with the recipe's options.
     *
     * @param amsgrad     use AMSGrad
     * @param weightDecay decoupled decay λ ≥ 0 (0 = off)
     * @param reference   θ_ref of the decay (copied; n entries); may be null when λ = 0
     */
    public Adam(int n, double beta1, double beta2, double epsilon, boolean amsgrad, double weightDecay,
                double[] reference) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0))
            throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and eps > 0");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay))
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        if (weightDecay > 0 && (reference == null || reference.length != n))
            throw new IllegalArgumentException("weight decay needs a reference point of " + n + " parameters");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[n];
        this.v = new double[n];
        this.vmax = amsgrad ? new double[n] : null;
        this.weightDecay = weightDecay;
        this.reference = weightDecay > 0 ? reference.clone() : null;
    }

    /** Number of parameters. */
    public int size() {
        return m.length;
    }

    /** One update of {@code params} in place, for gradient {@code grad}, with learning rate {@code lr}. */
    public void step(double[] params, double[] grad, double lr) {
        if (params.length != m.length || grad.length != m.length)
            throw new IllegalArgumentException("Adam for " + m.length + " parameters got " + params.length
                    + " parameters and " + grad.length + " gradient entries");
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        if (weightDecay > 0) {
            double d = lr * weightDecay;
            for (int i = 0; i < m.length; i++) params[i] -= d * (params[i] - reference[i]);
        }
        if (vmax != null) {
            for (int i = 0; i < m.length; i++) {
                double g = grad[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                vmax[i] = Math.max(vmax[i], v[i]);
                params[i] -= lr * (m[i] / c1) / (Math.sqrt(vmax[i] / c2) + epsilon);
            }
            return;
        }
        for (int i = 0; i < m.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    /** A copy of the state. */
    public State state() {
        return new State(step, m, v, vmax == null ? new double[0] : vmax);
    }

    /** Restores a state saved by {@link #state()}. */
    public void restore(State s) {
        if (s.m.length != m.length)
            throw new IllegalArgumentException("Adam state is for " + s.m.length + " parameters, this optimiser has "
                    + m.length);
        System.arraycopy(s.m, 0, m, 0, m.length);
        System.arraycopy(s.v, 0, v, 0, v.length);
        if ((vmax != null) != (s.vmax.length != 0))
            throw new IllegalArgumentException("Adam state was saved " + (s.vmax.length != 0 ? "with" : "without")
                    + " AMSGrad, this optimiser is " + (vmax != null ? "with" : "without"));
        if (vmax != null) System.arraycopy(s.vmax, 0, vmax, 0, vmax.length);
        step = s.step;
    }
}
