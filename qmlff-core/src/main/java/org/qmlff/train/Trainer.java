package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a force field by MODELS.md §Training objective: Adam with cosine decay, batches of
 * configurations reshuffled every epoch, the parameters with the best validation loss kept.
 *
 * <p>Batches: the training frames of all datasets (molecules) form one global list ({@link FrameList});
 * each epoch permutes it with a Fisher–Yates shuffle from a {@link SplittableRandom} seeded by
 * (seed, epoch) alone, and cuts it into batches of {@code batchSize} (the last one smaller if needed).
 * So no random state needs saving, and batches mix frames of all molecules.
 *
 * <p>After every epoch: the objective and MAEs on the validation set, best-parameter bookkeeping, a
 * checkpoint (atomic), then the listener. A run resumed from the checkpoint of epoch k ends
 * bit-identical to an uninterrupted one, and results do not depend on the thread count.
 *
 * <p>The opt-in {@link Recipe} of docs/RECIPE.md (EMA, weight decay, AMSGrad, clipping, a second
 * energy-weighted stage, reduce-on-plateau) keeps all of this: its state is in the checkpoint.
 *
 * <p>A non-finite batch loss stops training with an {@link IllegalArgumentException} (the checkpoint
 * of the previous epoch stays valid).
 */
public final class Trainer {
    private final ForceField model;
    private final List<Dataset> training;
    private final List<Dataset> validation;
    private final TrainingOptions options;
    private final int threads;
    private final Objective objective;
    private final FrameList trainFrames;
    private final int validFrames;
    private final int batchesPerEpoch;
    private final CosineSchedule schedule;
    private final BatchEvaluator.Factory evaluators;

    /**
     * @param model      the model to train, holding its initial parameters; left holding the best ones
     * @param training   training datasets (one per molecule), at least one frame in total
     * @param validation validation datasets, at least one frame in total
     * @param options    what determines the result
     * @param threads    worker threads (does not change the result)
     */
    public Trainer(ForceField model, List<Dataset> training, List<Dataset> validation, TrainingOptions options,
                   int threads) {
        this(model, training, validation, options, threads, BatchEvaluator.LOCAL);
    }

    /**
     * A trainer whose batch objectives and gradients come from {@code evaluators} (for example on a
     * cluster); any evaluator that keeps {@link BatchEvaluator}'s contract gives the same run, bit for bit.
     */
    public Trainer(ForceField model, List<Dataset> training, List<Dataset> validation, TrainingOptions options,
                   int threads, BatchEvaluator.Factory evaluators) {
        this.evaluators = java.util.Objects.requireNonNull(evaluators);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.model = model;
        this.training = List.copyOf(training);
        this.validation = List.copyOf(validation);
        this.options = options;
        this.threads = threads;
        this.trainFrames = new FrameList(this.training);
        if (trainFrames.size() == 0) throw new IllegalArgumentException("no training frames");
        this.validFrames = new FrameList(this.validation).size();
        if (validFrames == 0) throw new IllegalArgumentException("no validation frames (need at least one)");
        for (Dataset d : this.training) model.checkCompatible(d.numbers());
        for (Dataset d : this.validation) model.checkCompatible(d.numbers());
        this.objective = Objective.forTraining(this.training, options.wEnergy(), options.wForce());
        this.batchesPerEpoch = (trainFrames.size() + options.batchSize() - 1) / options.batchSize();
        this.schedule = new CosineSchedule(options.lr(), (long) batchesPerEpoch * options.epochs());
    }

    /** The objective, with σ_E and σ_F of the training set. */
    public Objective objective() {
        return objective;
    }

    /** Optimiser steps per epoch. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /**
     * Trains from the model's current parameters.
     *
     * @param checkpointFile where to write a checkpoint after every epoch, or null for none
     * @param listener       progress receiver
     */
    public TrainingResult train(Path checkpointFile, TrainingListener listener) {
        double[] params = new double[model.parameterCount()];
        model.getParameters(params);
        RecipeState rs = RecipeState.initial(options.recipe(), params);
        return run(0, params, params.clone(), 0, Double.POSITIVE_INFINITY, newAdam(rs), new ArrayList<>(), 0,
                rs, checkpointFile, listener);
    }

    private Adam newAdam(RecipeState rs) {
        Recipe r = options.recipe();
        return new Adam(model.parameterCount(), Adam.BETA1, Adam.BETA2, Adam.EPSILON, r.amsgrad(), r.weightDecay(),
                rs.reference());
    }

    /**
     * Continues a run from {@code checkpoint} (written by this class for the same data and options).
     * The model's current parameters are replaced by the checkpoint's.
     */
    public TrainingResult resume(Checkpoint checkpoint, Path checkpointFile, TrainingListener listener) {
        if (!checkpoint.options().equals(options))
            throw new IllegalArgumentException("the checkpoint was written with other training options ("
                    + checkpoint.options() + ") than this run (" + options + ")");
        if (checkpoint.trainFrames() != trainFrames.size() || checkpoint.validFrames() != validFrames
                || Double.compare(checkpoint.sigmaEnergy(), objective.sigmaEnergy()) != 0
                || Double.compare(checkpoint.sigmaForce(), objective.sigmaForce()) != 0)
            throw new IllegalArgumentException("the checkpoint was written for other training data ("
                    + checkpoint.trainFrames() + " training and " + checkpoint.validFrames()
                    + " validation frames; now " + trainFrames.size() + " and " + validFrames + ")");
        if (checkpoint.parameters().length != model.parameterCount())
            throw new IllegalArgumentException("the checkpoint holds " + checkpoint.parameters().length
                    + " parameters, the model has " + model.parameterCount());
        if (checkpoint.epochsDone() > options.epochs())
            throw new IllegalArgumentException("the checkpoint is after epoch " + checkpoint.epochsDone()
                    + " of a run of " + options.epochs());
        RecipeState rs = checkpoint.recipe();
        rs.check(options.recipe(), model.parameterCount());
        Adam adam = newAdam(rs);
        adam.restore(checkpoint.adam());
        return run(checkpoint.epochsDone(), checkpoint.parameters(), checkpoint.bestParameters(),
                checkpoint.bestEpoch(), checkpoint.bestValidLoss(), adam, new ArrayList<>(checkpoint.curves()),
                checkpoint.elapsedSeconds(), rs, checkpointFile, listener);
    }

    private TrainingResult run(int startEpoch, double[] params, double[] best, int bestEpoch, double bestLoss,
                               Adam adam, List<EpochRecord> curves, double elapsedBefore, RecipeState recipeState,
                               Path checkpointFile, TrainingListener listener) {
        Recipe recipe = options.recipe();
        double[] ema = recipe.ema() ? recipeState.ema() : null;
        double[] reference = recipeState.reference();
        double lrScale = recipeState.lrScale();
        double plateauBest = recipeState.plateauBest();
        int plateauBad = recipeState.plateauBad();
        Objective energyStage = recipe.twoStage() ? new Objective(recipe.stage2WEnergy(), recipe.stage2WForce(),
                objective.sigmaEnergy(), objective.sigmaForce()) : null;
        int stage2Start = recipe.twoStage() ? options.epochs() - recipe.stage2Epochs() : options.epochs();
        long t0 = System.nanoTime();
        int epochs = options.epochs();
        int bs = options.batchSize();
        int n = trainFrames.size();
        int[] order = new int[n];
        double[] grad = new double[params.length];
        double lastValidE = curves.isEmpty() ? Double.NaN : curves.get(curves.size() - 1).validEnergyMae();
        double lastValidF = curves.isEmpty() ? Double.NaN : curves.get(curves.size() - 1).validForceMae();
        model.setParameters(params);
        try (WorkerPool pool = new WorkerPool(threads)) {
            BatchEvaluator batchObjective = evaluators.create(model, objective, trainFrames, Math.min(bs, n), pool);
            Objective current = objective;
            Predictor predictor = new Predictor(model, pool);
            for (int epoch = startEpoch; epoch < epochs; epoch++) {
                boolean stage2 = epoch >= stage2Start;
                if (stage2 && current != energyStage) {
                    current = energyStage;
                    batchObjective = evaluators.create(model, energyStage, trainFrames, Math.min(bs, n), pool);
                }
                if (epoch == stage2Start) {
                    // the energy stage has its own objective: losses of stage 1 are not comparable
                    bestLoss = Double.POSITIVE_INFINITY;
                    bestEpoch = 0;
                    lrScale = 1.0;
                    plateauBest = Double.POSITIVE_INFINITY;
                    plateauBad = 0;
                }
                shuffle(options.seed(), epoch, order);
                double lossSum = 0;
                double lr = 0;
                for (int b = 0; b < batchesPerEpoch; b++) {
                    long step = (long) epoch * batchesPerEpoch + b;
                    int from = b * bs;
                    int to = Math.min(n, from + bs);
                    double loss = batchObjective.evaluate(order, from, to, grad);
                    if (!Double.isFinite(loss))
                        throw new org.qmlff.error.NumericalFailureException("training diverged: the loss is " + loss + " at epoch "
                                + (epoch + 1) + ", step " + (step + 1) + " (try a smaller learning rate)");
                    if (recipe.clip()) clipNorm(grad, recipe.clipNorm());
                    lr = (stage2 ? recipe.stage2Lr() : schedule.at(step)) * lrScale;
                    adam.step(params, grad, lr);
                    if (ema != null) updateEma(ema, params, recipe.emaDecay());
                    model.setParameters(params);
                    lossSum += loss;
                    listener.onStep(new TrainingListener.Progress(epoch + 1, epochs, step + 1, schedule.totalSteps(),
                            loss, lastValidE, lastValidF, elapsedBefore + seconds(t0)));
                }
                double[] evaluated = ema != null ? ema : params;
                if (ema != null) model.setParameters(ema);
                List<Predictions> preds = new ArrayList<>(validation.size());
                for (Dataset d : validation) preds.add(predictor.predict(d));
                if (ema != null) model.setParameters(params);
                Metrics valid = Metrics.pooled(validation, preds);
                double validLoss = current.loss(valid);
                // strict '<' keeps the earliest of equal losses; NaN never counts as better
                if (validLoss < bestLoss) {
                    bestLoss = validLoss;
                    bestEpoch = epoch + 1;
                    System.arraycopy(evaluated, 0, best, 0, params.length);
                }
                if (recipe.plateau()) {
                    if (validLoss < plateauBest * (1 - recipe.plateauThreshold())) {
                        plateauBest = validLoss;
                        plateauBad = 0;
                    } else if (++plateauBad > recipe.plateauPatience()) {
                        lrScale *= recipe.plateauFactor();
                        plateauBad = 0;
                    }
                }
                lastValidE = valid.energyMae();
                lastValidF = valid.forceMae();
                double elapsed = elapsedBefore + seconds(t0);
                EpochRecord rec = new EpochRecord(epoch + 1, lr, lossSum / batchesPerEpoch, validLoss,
                        valid.energyMae(), valid.forceMae(), elapsed);
                curves.add(rec);
                if (checkpointFile != null)
                    new Checkpoint(Checkpoint.FORMAT, Checkpoint.VERSION, options, n, validFrames,
                            objective.sigmaEnergy(), objective.sigmaForce(), epoch + 1, params, best, bestEpoch,
                            bestLoss, adam.state(), curves, elapsed, new RecipeState(ema, reference, lrScale,
                            plateauBest, plateauBad)).write(checkpointFile);
                listener.onEpoch(rec, new TrainingListener.Progress(epoch + 1, epochs,
                        (long) (epoch + 1) * batchesPerEpoch, schedule.totalSteps(), rec.trainLoss(), lastValidE,
                        lastValidF, elapsed));
            }
        }
        model.setParameters(best);
        return new TrainingResult(best, params, bestEpoch, bestLoss, curves, elapsedBefore + seconds(t0), objective);
    }

    /** Scales {@code grad} in place to Euclidean norm {@code max} if its norm is larger (docs/RECIPE.md). */
    static void clipNorm(double[] grad, double max) {
        double ss = 0;
        for (double g : grad) ss += g * g;
        double norm = Math.sqrt(ss);
        if (!(norm > max)) return;
        double f = max / norm;
        for (int i = 0; i < grad.length; i++) grad[i] *= f;
    }

    /** θ̄ ← d·θ̄ + (1 − d)·θ. */
    static void updateEma(double[] ema, double[] params, double decay) {
        for (int i = 0; i < ema.length; i++) ema[i] = decay * ema[i] + (1 - decay) * params[i];
    }

    /**
     * Writes into {@code order} the permutation of 0..n−1 used in epoch {@code epoch} (0-based): a
     * Fisher–Yates shuffle of the identity, driven by a generator seeded from (seed, epoch) only.
     */
    public static void shuffle(long seed, int epoch, int[] order) {
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(epochSeed(seed, epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** A well-mixed seed for one epoch (two (seed, epoch) pairs collide only by 64-bit hash accident). */
    static long epochSeed(long seed, int epoch) {
        // mix the run seed first so that (seed, epoch) and (seed + 1, epoch - 1) do not collide
        return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (epoch + 1L));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
