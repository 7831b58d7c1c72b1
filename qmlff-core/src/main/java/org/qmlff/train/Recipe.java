package org.qmlff.train;

import org.qmlff.error.InputException;

/**
 * The opt-in training recipe of docs/RECIPE.md, on top of MODELS.md §Training objective. Every option
 * is off in {@link #NONE}, and a run with {@link #NONE} is bit-identical to one without a recipe.
 *
 * <ul>
 *   <li>{@code emaDecay} d ∈ [0, 1): an exponential moving average of the parameters,
 *       θ̄_t = d·θ̄_{t−1} + (1 − d)·θ_t after every optimiser step (θ̄_0 = θ_0), used for validation,
 *       best-parameter selection and the saved model; 0 = off.</li>
 *   <li>{@code weightDecay} λ ≥ 0: decoupled (AdamW, the PyTorch form) decay toward the parameters at
 *       the start of the run, θ ← θ − lr_t·λ·(θ − θ_0), before the Adam update; 0 = off.</li>
 *   <li>{@code amsgrad}: Adam with AMSGrad (denominator from the running maximum of v).</li>
 *   <li>{@code clipNorm} c ≥ 0: the batch gradient g is replaced by g·c/‖g‖₂ when ‖g‖₂ &gt; c; 0 = off.</li>
 *   <li>{@code stage2Epochs} ≥ 0: the last this many epochs are the energy stage: objective weights
 *       ({@code stage2WEnergy}, {@code stage2WForce}), constant learning rate {@code stage2Lr};
 *       best-parameter and plateau bookkeeping restart at the switch; 0 = off.</li>
 *   <li>{@code plateauPatience} p ≥ 0: reduce-on-plateau on the validation loss; after more than p
 *       epochs without a relative improvement of {@code plateauThreshold} the learning-rate factor is
 *       multiplied by {@code plateauFactor} ∈ (0, 1); 0 = off.</li>
 * </ul>
 */
public record Recipe(double emaDecay, double weightDecay, boolean amsgrad, double clipNorm, int stage2Epochs,
                     double stage2Lr, double stage2WEnergy, double stage2WForce, int plateauPatience,
                     double plateauFactor, double plateauThreshold) {

    /** Default energy-stage learning rate (MACE's swa_lr). */
    public static final double STAGE2_LR = 1e-3;
    /** Default energy-stage weights: the ratio of stage 1 turned round. */
    public static final double STAGE2_W_ENERGY = 10;
    public static final double STAGE2_W_FORCE = 1;
    public static final double PLATEAU_FACTOR = 0.5;
    /** PyTorch's ReduceLROnPlateau default (relative). */
    public static final double PLATEAU_THRESHOLD = 1e-4;

    /** Everything off: MODELS.md training. */
    public static final Recipe NONE = new Recipe(0, 0, false, 0, 0, STAGE2_LR, STAGE2_W_ENERGY, STAGE2_W_FORCE, 0,
            PLATEAU_FACTOR, PLATEAU_THRESHOLD);

    public Recipe {
        if (!(emaDecay >= 0 && emaDecay < 1)) throw new InputException("ema must be in [0, 1), got " + emaDecay);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay))
            throw new InputException("weight-decay must be finite and >= 0, got " + weightDecay);
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm))
            throw new InputException("clip must be a finite gradient norm >= 0 (0 = off), got " + clipNorm);
        if (stage2Epochs < 0) throw new InputException("stage2-epochs must be >= 0, got " + stage2Epochs);
        if (!(stage2Lr > 0) || Double.isInfinite(stage2Lr))
            throw new InputException("stage2-lr must be > 0, got " + stage2Lr);
        if (!(stage2WEnergy >= 0) || !(stage2WForce >= 0) || Double.isInfinite(stage2WEnergy)
                || Double.isInfinite(stage2WForce) || stage2WEnergy + stage2WForce == 0)
            throw new InputException("stage-2 weights must be finite, >= 0 and not both 0: stage2-w-energy="
                    + stage2WEnergy + ", stage2-w-force=" + stage2WForce);
        if (plateauPatience < 0) throw new InputException("plateau-patience must be >= 0, got " + plateauPatience);
        if (!(plateauFactor > 0 && plateauFactor < 1))
            throw new InputException("plateau-factor must be in (0, 1), got " + plateauFactor);
        if (!(plateauThreshold >= 0) || Double.isInfinite(plateauThreshold))
            throw new InputException("plateau-threshold must be finite and >= 0, got " + plateauThreshold);
    }

    public boolean ema() {
        return emaDecay > 0;
    }

    public boolean clip() {
        return clipNorm > 0;
    }

    public boolean twoStage() {
        return stage2Epochs > 0;
    }

    public boolean plateau() {
        return plateauPatience > 0;
    }

    /** Whether epoch {@code epoch} (0-based) of a run of {@code epochs} is in the energy stage. */
    public boolean inStage2(int epoch, int epochs) {
        return twoStage() && epoch >= epochs - stage2Epochs;
    }

    /** A copy with an option changed, by its config name (for tests and the CLI). */
    public Recipe with(String key, double value) {
        return switch (key) {
            case "ema" -> new Recipe(value, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "weight-decay" -> new Recipe(emaDecay, value, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "amsgrad" -> new Recipe(emaDecay, weightDecay, value != 0, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "clip" -> new Recipe(emaDecay, weightDecay, amsgrad, value, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "stage2-epochs" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, integer(key, value), stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "stage2-lr" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, value, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "stage2-w-energy" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, value, stage2WForce, plateauPatience, plateauFactor, plateauThreshold);
            case "stage2-w-force" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, value, plateauPatience, plateauFactor, plateauThreshold);
            case "plateau-patience" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, integer(key, value), plateauFactor, plateauThreshold);
            case "plateau-factor" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, value, plateauThreshold);
            case "plateau-threshold" -> new Recipe(emaDecay, weightDecay, amsgrad, clipNorm, stage2Epochs, stage2Lr, stage2WEnergy, stage2WForce, plateauPatience, plateauFactor, value);
            default -> throw new InputException("unknown recipe option '" + key + "' (known: " + String.join(", ", KEYS) + ")");
        };
    }

    /** The config names of the options, in the order they are written. */
    public static final java.util.List<String> KEYS = java.util.List.of("ema", "weight-decay", "amsgrad", "clip",
            "stage2-epochs", "stage2-lr", "stage2-w-energy", "stage2-w-force", "plateau-patience", "plateau-factor",
            "plateau-threshold");

    /** The options by config name (amsgrad as a boolean, counts as integers). */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("ema", emaDecay);
        m.put("weight-decay", weightDecay);
        m.put("amsgrad", amsgrad);
        m.put("clip", clipNorm);
        m.put("stage2-epochs", stage2Epochs);
        m.put("stage2-lr", stage2Lr);
        m.put("stage2-w-energy", stage2WEnergy);
        m.put("stage2-w-force", stage2WForce);
        m.put("plateau-patience", plateauPatience);
        m.put("plateau-factor", plateauFactor);
        m.put("plateau-threshold", plateauThreshold);
        return m;
    }

    private static int integer(String key, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)
            throw new InputException(key + " must be an integer, got " + v);
        return (int) v;
    }
}
