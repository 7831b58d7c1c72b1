package org.qmlff.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A model as Spark ships it: its model file's JSON (architecture, hyper-parameters, parameters).
 * An executor rebuilds the same model from it; {@link #build(double[])} then puts in the parameters of
 * the current optimiser step, so the model file is broadcast once per run, the parameters once per step.
 */
record ModelPayload(byte[] json) implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ModelPayload of(ForceField model) {
        try {
            return new ModelPayload(JSON.writeValueAsBytes(Models.toJson(model, Map.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model, with {@code parameters} (or the file's own when null). */
    ForceField build(double[] parameters) {
        try {
            ForceField m = Models.fromJson(JSON.readTree(json), "the broadcast model");
            if (parameters != null) m.setParameters(parameters);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
