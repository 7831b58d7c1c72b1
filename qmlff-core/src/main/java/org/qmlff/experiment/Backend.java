package org.qmlff.experiment;

import org.qmlff.error.InputException;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the train/evaluate/predict commands need from the core: reading data, creating, reading and
 * writing models. {@link #standard()} is the real one; tests substitute synthetic data and a test model.
 */
public interface Backend {

    /** Reads a data file. */
    public Dataset load(Path file);

    /**
     * Reads a data file of which only positions and species are needed (prediction): energies and
     * forces may be missing. The default reads labels as {@link #load} does.
     */
    default Dataset loadGeometry(Path file) {
        return load(file);
    }

    /** {@link #loadGeometry} of a molecule {@code model} must be able to describe. */
    default Dataset loadGeometryFor(ForceField model, Path file) {
        return requireCompatible(model, file, loadGeometry(file));
    }

    /**
     * Reads a data file that {@code model} must be able to describe; a molecule it cannot describe is
     * a one-line user error naming the file.
     */
    default Dataset loadFor(ForceField model, Path file) {
        return requireCompatible(model, file, load(file));
    }

    private static Dataset requireCompatible(ForceField model, Path file, Dataset d) {
        try {
            model.checkCompatible(d.numbers());
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        return d;
    }

    /** A freshly initialised model (MODELS.md §Initialisation); by default {@link Models#create}. */
    default ForceField create(ModelOptions options, List<Dataset> training, long seed) {
        return Models.create(options, training, seed);
    }

    /** Reads a model file; by default {@link Models#read}. */
    default ForceField read(Path file) {
        return Models.read(file);
    }

    /** Writes a model file atomically with free-form training metadata; by default {@link Models#write}. */
    default void write(ForceField model, Map<String, Object> training, Path file) {
        Models.write(model, training, file);
    }

    /** The core's data readers and {@link Models}. */
    public static Backend standard() {
        return new Backend() {
            @Override
            public Dataset load(Path file) {
                return DataAccess.load(file);
            }

            @Override
            public Dataset loadGeometry(Path file) {
                return DataAccess.loadGeometry(file);
            }

        };
    }

    /**
     * {@code inner}, except that the files in {@code loaded} are served from memory: a grid's parallel runs
     * then share one copy of each data file instead of reading it again per run.
     */
    static Backend serving(Backend inner, Map<Path, Dataset> loaded) {
        Map<Path, Dataset> files = Map.copyOf(loaded);
        return new Forwarding(inner) {
            @Override
            public Dataset load(Path file) {
                Dataset ds = files.get(file);
                return ds != null ? ds : super.load(file);
            }
        };
    }

    /**
     * A backend that passes every call to another; subclasses replace what they change.
     * {@link #loadGeometry} is not passed on: it reads through this backend's {@link #load}.
     */
    public abstract class Forwarding implements Backend {
        private final Backend inner;

        protected Forwarding(Backend inner) {
            this.inner = inner;
        }

        @Override
        public Dataset load(Path file) {
            return inner.load(file);
        }

        @Override
        public ForceField create(ModelOptions options, List<Dataset> training, long seed) {
            return inner.create(options, training, seed);
        }

        @Override
        public ForceField read(Path file) {
            return inner.read(file);
        }

        @Override
        public void write(ForceField model, Map<String, Object> training, Path file) {
            inner.write(model, training, file);
        }
    }
}
