package org.qmlff.model;

/**
 * A force field that holds no parameters of its own: its parameters are those of another model
 * ({@link #parameterModel()}), read and written there. For views and composites around one trained
 * model (the hardware view of a circuit model, the hybrid model around its QNN).
 */
public interface SharedParameters extends ForceField {

    /** The model whose parameters these are. */
    ForceField parameterModel();

    @Override
    default int parameterCount() {
        return parameterModel().parameterCount();
    }

    @Override
    default void getParameters(double[] out) {
        parameterModel().getParameters(out);
    }

    @Override
    default void setParameters(double[] in) {
        parameterModel().setParameters(in);
    }
}
