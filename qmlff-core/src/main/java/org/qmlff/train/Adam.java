package org.qmlff.train;

import java.util.Arrays;

/**
 * The Adam optimiser (Kingma &amp; Ba) with bias correction. The learning rate is passed to each
 * {@link #step} so a schedule can drive it. Defaults of MODELS.md: β1 = 0.9, β2 = 0.999, ε = 1e-8.
 *
 * <p>Update for step t = 1, 2, ...: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * θ ← θ − lr · (m / (1−β1^t)) / (sqrt(v / (1−β2^t)) + ε).
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
     */
    public record State(long step, double[] m, double[] v) {
        public State {
            if (step < 0) throw new IllegalArgumentException("Adam step count must be >= 0, got " + step);
            if (m.length != v.length)
                throw new IllegalArgumentException("Adam state: m has " + m.length + " entries but v has " + v.length);
            m = m.clone();
            v = v.clone();
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
            return o instanceof State s && step == s.step && Arrays.equals(m, s.m) && Arrays.equals(v, s.v);
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
    private long step;

    /** Adam for {@code n} parameters with the default β1, β2, ε. */
    public Adam(int n) {
        this(n, BETA1, BETA2, EPSILON);
    }

    public Adam(int n, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0))
            throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and eps > 0");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[n];
        this.v = new double[n];
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
        for (int i = 0; i < m.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    /** A copy of the state. */
    public State state() {
        return new State(step, m, v);
    }

    /** Restores a state saved by {@link #state()}. */
    public void restore(State s) {
        if (s.m.length != m.length)
            throw new IllegalArgumentException("Adam state is for " + s.m.length + " parameters, this optimiser has "
                    + m.length);
        System.arraycopy(s.m, 0, m, 0, m.length);
        System.arraycopy(s.v, 0, v, 0, v.length);
        step = s.step;
    }
}
