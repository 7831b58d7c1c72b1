package org.qmlff.train;

import org.qmlff.error.InputException;

/**
 * What determines a training run's result (the thread count does not; it is passed separately).
 *
 * @param epochs    passes over the training frames, ≥ 1
 * @param batchSize configurations per optimiser step (MODELS.md: 20); the last batch of an epoch is
 *                  smaller when the frame count is not a multiple
 * @param lr        initial Adam learning rate (MODELS.md: 0.01), decayed by {@link CosineSchedule}
 * @param wEnergy   energy weight w_E (1)
 * @param wForce    force weight w_F (10)
 * @param seed      seeds the per-epoch shuffles (and, outside the trainer, the model's initialisation)
 * @param recipe    the opt-in recipe of docs/RECIPE.md ({@link Recipe#NONE}: MODELS.md training; null reads
 *                  as NONE, so checkpoints written before the recipe existed still read)
 */
public record TrainingOptions(int epochs, int batchSize, double lr, double wEnergy, double wForce, long seed,
                              Recipe recipe) {

    /** MODELS.md training without a recipe. */
    public TrainingOptions(int epochs, int batchSize, double lr, double wEnergy, double wForce, long seed) {
        this(epochs, batchSize, lr, wEnergy, wForce, seed, Recipe.NONE);
    }

    public TrainingOptions {
        if (recipe == null) recipe = Recipe.NONE;
        if (recipe.stage2Epochs() >= epochs && recipe.twoStage())
            throw new InputException("stage2-epochs (" + recipe.stage2Epochs()
                    + ") must be fewer than the epochs of the run (" + epochs + ")");
        if (epochs < 1) throw new InputException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new InputException("batch size must be at least 1, got " + batchSize);
        if (!(lr > 0) || Double.isInfinite(lr)) throw new InputException("learning rate must be > 0, got " + lr);
        if (!(wEnergy >= 0) || !(wForce >= 0) || Double.isInfinite(wEnergy) || Double.isInfinite(wForce)
                || wEnergy + wForce == 0)
            throw new InputException("weights must be finite, >= 0 and not both 0: w-energy=" + wEnergy
                    + ", w-force=" + wForce);
    }

    /** MODELS.md defaults (batch 20, lr 0.01, w_E 1, w_F 10) with the given epochs and seed. */
    public static TrainingOptions defaults(int epochs, long seed) {
        return new TrainingOptions(epochs, 20, 0.01, 1, 10, seed);
    }

    /** A copy with another recipe. */
    public TrainingOptions withRecipe(Recipe r) {
        return new TrainingOptions(epochs, batchSize, lr, wEnergy, wForce, seed, r);
    }
}
