package org.qmlff.sim;

import java.util.Locale;
import org.qmlff.sim.kernel.Kernels;
import org.qmlff.sim.kernel.ScalarKernels;
import org.qmlff.sim.kernel.VectorKernels;

/**
 * Which gate kernels a simulator uses. Both give the same results up to rounding (~1e-15 relative);
 * for one kind, results are bit-reproducible.
 */
public enum KernelKind {
    /** Plain scalar Java: the reference implementation. */
    SCALAR,
    /**
     * jdk.incubator.vector kernels (DoubleVector.SPECIES_PREFERRED) for gates whose qubits' index
     * strides are at least the vector length; the scalar ones for the rest. Needs the JVM option
     * {@code --add-modules jdk.incubator.vector}.
     */
    VECTOR;

    /** System property that forces a kind: {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "qmlff.sim.kernels";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * The kind selected for this JVM: the one named by {@value #PROPERTY} if set, else the kernel
     * policy's preference (VECTOR when the vector module is present and the hardware's preferred vectors
     * hold at least 4 doubles, else SCALAR).
     *
     * @throws IllegalArgumentException if the property has another value
     */
    public static KernelKind configured() {
        String value = System.getProperty(PROPERTY);
        if (value != null && !value.isBlank()) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "scalar" -> SCALAR;
                case "vector" -> VECTOR;
                default -> throw new IllegalArgumentException("system property " + PROPERTY + "=" + value
                        + " is not one of scalar, vector");
            };
        }
        return KernelPolicy.preferredKind();
    }

    /** Whether the JVM was started with the vector module. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    Kernels create() {
        if (this == SCALAR) {
            return new ScalarKernels();
        }
        if (!vectorAvailable()) {
            throw new IllegalStateException("vector kernels need the JVM option --add-modules " + VECTOR_MODULE);
        }
        return new VectorKernels();
    }
}
