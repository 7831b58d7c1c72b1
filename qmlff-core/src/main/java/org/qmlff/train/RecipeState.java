package org.qmlff.train;

import java.util.Arrays;

/**
 * The recipe's part of a checkpoint (docs/RECIPE.md): what a resumed run needs besides the parameters
 * and the Adam state to continue bit for bit. Arrays are empty when their option is off.
 *
 * @param ema         the moving average θ̄ after the last step (empty without EMA)
 * @param reference   θ_0, the weight decay's reference point (empty without weight decay)
 * @param lrScale     reduce-on-plateau's learning-rate factor (1 without it)
 * @param plateauBest the best validation loss the plateau rule has seen in this stage (+∞ at the start)
 * @param plateauBad  epochs since it last improved
 */
public record RecipeState(double[] ema, double[] reference, double lrScale, double plateauBest, int plateauBad) {

    /** The state before the first step. */
    static RecipeState initial(Recipe r, double[] params) {
        return new RecipeState(r.ema() ? params : new double[0], r.weightDecay() > 0 ? params : new double[0], 1.0,
                Double.POSITIVE_INFINITY, 0);
    }

    public RecipeState {
        ema = ema == null ? new double[0] : ema.clone();
        reference = reference == null ? new double[0] : reference.clone();
        if (!(lrScale > 0)) throw new IllegalArgumentException("recipe state: learning-rate factor " + lrScale + " is not > 0");
        if (plateauBad < 0) throw new IllegalArgumentException("recipe state: negative plateau count " + plateauBad);
    }

    @Override
    public double[] ema() {
        return ema.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    /** Throws if this state does not fit a run with {@code r} over {@code n} parameters. */
    void check(Recipe r, int n) {
        if (ema.length != (r.ema() ? n : 0) || reference.length != (r.weightDecay() > 0 ? n : 0))
            throw new IllegalArgumentException("the checkpoint's recipe state does not fit this run's recipe and "
                    + n + " parameters");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipeState s && Arrays.equals(ema, s.ema) && Arrays.equals(reference, s.reference)
                && Double.compare(lrScale, s.lrScale) == 0 && Double.compare(plateauBest, s.plateauBest) == 0
                && plateauBad == s.plateauBad;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ema) * 31 + plateauBad;
    }

    @Override
    public String toString() {
        return "RecipeState[ema " + ema.length + ", lrScale " + lrScale + ", plateau " + plateauBest + "/" + plateauBad + "]";
    }
}
