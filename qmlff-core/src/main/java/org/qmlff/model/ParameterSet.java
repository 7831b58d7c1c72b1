package org.qmlff.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The named parameter tensors of a model, in model-file order, backed by one flat array so that an
 * optimiser sees a single vector. Each tensor is stored row-major (last index fastest), as in the
 * model file.
 */
public final class ParameterSet {

    /** One named tensor: its shape and where it sits in the flat vector. */
    public record Tensor(String name, int[] shape, int offset, int size) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    private final List<Tensor> tensors;
    private final double[] values;
    /** Advanced by every {@link #copyFrom}: caches derived from the values (a transposed copy) compare it. */
    private volatile long version;

    private ParameterSet(List<Tensor> tensors) {
        this.tensors = Collections.unmodifiableList(tensors);
        int n = 0;
        for (Tensor t : tensors) n += t.size();
        this.values = new double[n];
    }

    /** Starts a parameter set; add tensors in file order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects tensor declarations. */
    public static final class Builder {
        private final List<Tensor> list = new ArrayList<>();
        private int offset;

        public Builder add(String name, int... shape) {
            int size = 1;
            for (int s : shape) size *= s;
            list.add(new Tensor(name, shape, offset, size));
            offset += size;
            return this;
        }

        public ParameterSet build() {
            return new ParameterSet(list);
        }
    }

    public List<Tensor> tensors() {
        return tensors;
    }

    public Tensor tensor(String name) {
        for (Tensor t : tensors) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("no parameter named " + name);
    }

    /**
     * The flat parameter vector itself (the model reads it directly; writers must respect the layout).
     * Writing through it is for building a model (initialisation, reading a file), before any evaluation; a
     * model's parameters change afterwards only through {@link #copyFrom}, which {@link #version} counts.
     */
    public double[] values() {
        return values;
    }

    public int size() {
        return values.length;
    }

    /** Offset of the named tensor in the flat vector. */
    public int offset(String name) {
        return tensor(name).offset();
    }

    public void copyTo(double[] out) {
        System.arraycopy(values, 0, out, 0, values.length);
    }

    public void copyFrom(double[] in) {
        if (in.length < values.length)
            throw new IllegalArgumentException("parameter vector has " + in.length + " values, model needs " + values.length);
        System.arraycopy(in, 0, values, 0, values.length);
        version++;
    }

    /** How many times {@link #copyFrom} has replaced the values; a cache built at another version is stale. */
    public long version() {
        return version;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Tensor t : tensors) sb.append(t.name()).append(Arrays.toString(t.shape())).append(' ');
        return sb.toString().trim();
    }
}
