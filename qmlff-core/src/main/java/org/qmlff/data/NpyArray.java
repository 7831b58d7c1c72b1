package org.qmlff.data;

import java.util.Arrays;

/**
 * One array read from an NPY file (or an NPZ entry): its name, element type, shape and data in C
 * (row-major) order. Floating types hold {@code double[]} ({@link OfDouble}), integer types
 * {@code long[]} ({@link OfLong}); both widen losslessly from the stored type.
 *
 * <p>The data array's length is the product of the shape (1 for a 0-d array). Arrays are not
 * copied by the accessors; callers must not modify them.
 */
public sealed interface NpyArray permits NpyArray.OfDouble, NpyArray.OfLong {

    /** The array's name: the NPZ key (entry name without {@code .npy}), or the file name for NPY. */
    String name();

    /** The element type as stored. */
    NpyDtype dtype();

    /** The shape, outermost dimension first. */
    int[] shape();

    /** Number of elements: the product of the shape. */
    int size();

    /** Number of dimensions. */
    default int ndim() {
        return shape().length;
    }

    /** The shape as numpy prints it: {@code (1000, 9, 3)}, {@code (9,)}, {@code ()}. */
    default String shapeString() {
        return shapeString(shape());
    }

    /** The elements as doubles (integers widened; exact below 2^53). */
    double[] toDoubles();

    /** Formats a shape as numpy does. */
    static String shapeString(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Number of elements of a shape; throws if it does not fit a Java array. */
    static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            n *= d;
            if (n > Integer.MAX_VALUE - 8)
                throw new IllegalArgumentException("shape " + shapeString(shape) + " is too large for qmlff");
        }
        return (int) n;
    }

    /**
     * A floating-point array.
     *
     * @param name  NPZ key
     * @param dtype {@link NpyDtype#FLOAT64} or {@link NpyDtype#FLOAT32}
     * @param shape shape, C order
     * @param data  elements, length = product of shape
     */
    record OfDouble(String name, NpyDtype dtype, int[] shape, double[] data) implements NpyArray {
        public OfDouble {
            if (!dtype.isFloating()) throw new IllegalArgumentException(name + ": " + dtype.descr() + " is not a floating type");
            if (data.length != NpyArray.sizeOf(shape))
                throw new IllegalArgumentException(name + ": " + data.length + " values do not fill shape " + NpyArray.shapeString(shape));
            shape = shape.clone();
        }

        /** A float64 array. */
        public static OfDouble of(String name, int[] shape, double[] data) {
            return new OfDouble(name, NpyDtype.FLOAT64, shape, data);
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public double[] toDoubles() {
            return data;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OfDouble a && name.equals(a.name) && dtype == a.dtype
                    && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + " " + dtype.descr() + " " + shapeString();
        }
    }

    /**
     * An integer array.
     *
     * @param name  NPZ key
     * @param dtype an integer type
     * @param shape shape, C order
     * @param data  elements, length = product of shape
     */
    record OfLong(String name, NpyDtype dtype, int[] shape, long[] data) implements NpyArray {
        public OfLong {
            if (dtype.isFloating()) throw new IllegalArgumentException(name + ": " + dtype.descr() + " is not an integer type");
            if (data.length != NpyArray.sizeOf(shape))
                throw new IllegalArgumentException(name + ": " + data.length + " values do not fill shape " + NpyArray.shapeString(shape));
            shape = shape.clone();
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public double[] toDoubles() {
            double[] d = new double[data.length];
            for (int i = 0; i < d.length; i++) d[i] = data[i];
            return d;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OfLong a && name.equals(a.name) && dtype == a.dtype
                    && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + " " + dtype.descr() + " " + shapeString();
        }
    }
}
