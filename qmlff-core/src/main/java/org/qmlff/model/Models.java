package org.qmlff.model;

import org.qmlff.data.Dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Creating, reading and writing force fields of every architecture. */
public final class Models {
    private Models() {
    }

    /**
     * A freshly initialised model (MODELS.md §Initialisation) for the given training data; random
     * parameters are drawn from {@code seed}.
     */
    public static ForceField create(ModelOptions options, List<Dataset> training, long seed) {
        throw new UnsupportedOperationException("models are not implemented yet");
    }

    /** Reads a model file (MODELS.md JSON); a malformed file is a {@code DataFormatException}. */
    public static ForceField read(Path file) {
        throw new UnsupportedOperationException("models are not implemented yet");
    }

    /** Writes a model file atomically; {@code training} is free-form metadata stored under "training". */
    public static void write(ForceField model, Map<String, Object> training, Path file) {
        throw new UnsupportedOperationException("models are not implemented yet");
    }
}
