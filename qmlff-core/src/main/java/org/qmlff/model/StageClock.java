package org.qmlff.model;

/**
 * Where an evaluation's time goes, stage by stage: a model given one of these in its scratch
 * ({@link RevisedModel#newProfiledScratch}) reads the clock at each stage boundary and adds the time since
 * the last reading to that stage. For {@code qmlff bench --profile}; an ordinary scratch has none and reads
 * no clock. Not thread-safe: one per scratch, that is per thread.
 */
public final class StageClock {
    /** The stages of the revised model, in the order of an evaluation. */
    public enum Stage {
        /** Neighbour list, radial basis and per-species neighbour sums (once per configuration). */
        FRAME("neighbours, basis, species sums"),
        /** Circuit inputs z = W·B + J0 and, for the objective, the tangent sums U and u = W·U. */
        INPUTS("circuit inputs (feature contractions)"),
        /** Value and adjoint gradient of every atom's circuit (energy and forces). */
        CIRCUIT_GRADIENT("circuits: value + gradient"),
        /** Value, gradient and Hessian-vector product of every atom's circuit (objective gradient). */
        CIRCUIT_HVP("circuits: value + gradient + HVP"),
        /** Forces: circuit gradients contracted with W, V and sent to the neighbours (chain rule). */
        FORCES("forces (chain rule to positions)"),
        /** The parameter gradient from the circuit results (chain rule to W, V, J0, e0, s). */
        PARAMETER_GRADIENT("parameter gradient (chain rule to parameters)");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** What the stage does, for a table. */
        public String label() {
            return label;
        }
    }

    private final long[] nanos = new long[Stage.values().length];
    private long last;

    /** Starts a stage run: the next {@link #lap} counts from now. */
    public void start() {
        last = System.nanoTime();
    }

    /** Adds the time since the last reading to {@code stage}. */
    public void lap(Stage stage) {
        long now = System.nanoTime();
        nanos[stage.ordinal()] += now - last;
        last = now;
    }

    /** Total ns counted in {@code stage} since construction or {@link #reset}. */
    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    /** Sets every stage to zero. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
    }
}
