package org.qmlff.train;

import org.qmlff.data.AtomicFiles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.qmlff.data.DataFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Everything needed to continue a training run after epoch {@code epochsDone} so that it ends
 * bit-identical to an uninterrupted run. No random-number state is stored: each epoch's shuffle is
 * derived from the seed and the epoch number. Stored as JSON; doubles are written in Java's shortest
 * round-trip form, so they read back exactly.
 *
 * @param format          always {@value #FORMAT}
 * @param version         always {@value #VERSION}
 * @param options         the run's options (a resumed run must use the same)
 * @param trainFrames     number of training frames (checked on resume)
 * @param validFrames     number of validation frames (checked on resume)
 * @param sigmaEnergy     σ_E of the objective (checked on resume: same training data)
 * @param sigmaForce      σ_F of the objective
 * @param epochsDone      epochs completed
 * @param parameters      the model parameters after epoch {@code epochsDone}
 * @param bestParameters  the parameters with the best validation loss so far
 * @param bestEpoch       1-based epoch of {@code bestParameters}
 * @param bestValidLoss   their validation loss
 * @param adam            the optimiser state
 * @param curves          the learning curves so far
 * @param elapsedSeconds  training time so far
 * @param recipe          the recipe's state (docs/RECIPE.md); null reads as the initial state of no recipe
 */
public record Checkpoint(String format, int version, TrainingOptions options, int trainFrames, int validFrames,
                         double sigmaEnergy, double sigmaForce, int epochsDone, double[] parameters,
                         double[] bestParameters, int bestEpoch, double bestValidLoss, Adam.State adam,
                         List<EpochRecord> curves, double elapsedSeconds, RecipeState recipe) {

    /** A checkpoint of a run without a recipe. */
    public Checkpoint(String format, int version, TrainingOptions options, int trainFrames, int validFrames,
                      double sigmaEnergy, double sigmaForce, int epochsDone, double[] parameters,
                      double[] bestParameters, int bestEpoch, double bestValidLoss, Adam.State adam,
                      List<EpochRecord> curves, double elapsedSeconds) {
        this(format, version, options, trainFrames, validFrames, sigmaEnergy, sigmaForce, epochsDone, parameters,
                bestParameters, bestEpoch, bestValidLoss, adam, curves, elapsedSeconds, null);
    }

    public static final String FORMAT = "qmlff-checkpoint";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Checkpoint {
        parameters = parameters.clone();
        bestParameters = bestParameters.clone();
        curves = List.copyOf(curves);
        if (recipe == null) recipe = new RecipeState(new double[0], new double[0], 1.0, Double.POSITIVE_INFINITY, 0);
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] bestParameters() {
        return bestParameters.clone();
    }

    /** Writes the checkpoint atomically (temporary file, then rename). */
    public void write(Path file) {
        AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, this));
    }

    /** Reads a checkpoint; a file that is not one is a one-line {@link DataFormatException}. */
    public static Checkpoint read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new DataFormatException(file + ": not a readable qmlff checkpoint ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !FORMAT.equals(tree.path("format").asText()))
            throw new DataFormatException(file + ": not a qmlff checkpoint (format is not '" + FORMAT + "')");
        if (tree.path("version").asInt(-1) != VERSION)
            throw new DataFormatException(file + ": checkpoint version " + tree.path("version") + " is not supported"
                    + " (expected " + VERSION + ")");
        for (String key : List.of("options", "parameters", "bestParameters", "adam", "curves"))
            if (!tree.hasNonNull(key)) throw new DataFormatException(file + ": checkpoint has no '" + key + "'");
        Checkpoint c;
        try {
            c = JSON.treeToValue(tree, Checkpoint.class);
        } catch (JacksonException e) {
            throw new DataFormatException(file + ": invalid checkpoint ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (RuntimeException e) {
            // record constructors validate (options, Adam state): report it as a bad file
            throw new DataFormatException(file + ": invalid checkpoint: " + e.getMessage());
        }
        if (c.parameters.length != c.bestParameters.length || c.adam.m().length != c.parameters.length
                || c.epochsDone != c.curves.size())
            throw new DataFormatException(file + ": checkpoint is inconsistent (parameter counts or epochs disagree)");
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && format.equals(c.format) && version == c.version
                && options.equals(c.options) && trainFrames == c.trainFrames && validFrames == c.validFrames
                && Double.compare(sigmaEnergy, c.sigmaEnergy) == 0 && Double.compare(sigmaForce, c.sigmaForce) == 0
                && epochsDone == c.epochsDone && Arrays.equals(parameters, c.parameters)
                && Arrays.equals(bestParameters, c.bestParameters) && bestEpoch == c.bestEpoch
                && Double.compare(bestValidLoss, c.bestValidLoss) == 0 && adam.equals(c.adam)
                && curves.equals(c.curves) && Double.compare(elapsedSeconds, c.elapsedSeconds) == 0
                && recipe.equals(c.recipe);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parameters) * 31 + epochsDone;
    }

    @Override
    public String toString() {
        return "Checkpoint[epoch " + epochsDone + "/" + options.epochs() + ", " + parameters.length + " parameters]";
    }
}
