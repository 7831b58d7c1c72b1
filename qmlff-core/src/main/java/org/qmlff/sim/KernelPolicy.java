package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;
import org.qmlff.sim.kernel.ScalarKernels;
import org.qmlff.sim.kernel.VectorKernels;

/**
 * The one place that chooses kernels. Every rule that routes a circuit or a gate to an implementation
 * lives here, with its reason; {@link PlanRouting} applies it once per execution plan and the sweeps
 * only look the answers up.
 *
 * <ol>
 *   <li>Unless the system property {@value KernelKind#PROPERTY} names a kind, the vector kernels where
 *       the JVM has the vector module and the hardware's preferred vectors hold at least
 *       {@value #MIN_VECTOR_LANES} doubles, else the scalar ones.</li>
 *   <li>Circuits of at most {@value SmallSimulator#MAX_QUBITS} qubits take the small-circuit path
 *       ({@link SmallSimulator}): its own fused loops for the parametric gates, and the scalar kernels
 *       ({@link #SMALL_PATH_KERNELS}) for its fixed gates, over the whole state at once (at most 64
 *       amplitudes: nothing to chunk or to vectorise).</li>
 *   <li>States of fewer than {@value #VECTOR_MIN_QUBITS} qubits use the scalar kernels, larger ones the
 *       configured set ({@link KernelKind}): a vector or two per gate gains nothing, and the many small
 *       circuits of a batch then never run Vector API code before the JIT has compiled it (when it
 *       would allocate).</li>
 *   <li>Per gate ({@link GateRoute}): an Ex through the structured kernels where the kernel set offers
 *       them for its low bit and both its bits lie inside the smallest chunk (2^{@value
 *       Simulator#CHUNK_LOG} amplitudes), else as two pair families (for an Ex on high bits a
 *       whole-quadruple pass reads four far-apart streams per state vector; at 20 qubits the two
 *       pair-family passes measured about 10 % faster in the gradient); a one-qubit parametric gate
 *       through the Pauli reductions where the kernel set says they are its fast way for that bit,
 *       else through the 2×2 matrix reduction; a tensor gate through the triplet kernels on any bits (its
 *       3×3 matrix mixes both pair families, so it has no pair form).</li>
 * </ol>
 * Within a kernel set, the vector kernels fall back to lane-permuting or scalar loops for strides
 * shorter than a vector: that is how that set keeps its contract, not a routing choice, and it gives
 * the same results to rounding.
 *
 * <p>Immutable after construction; kernel sets are stateless, so one policy may serve several threads.
 */
final class KernelPolicy {
    /** Fewest doubles per preferred hardware vector for which the vector kernels are the default. */
    static final int MIN_VECTOR_LANES = 4;
    /** Smallest state, in qubits, that uses the configured kernels rather than the scalar ones. */
    static final int VECTOR_MIN_QUBITS = 6;

    /** The kernels of the small-circuit path's fixed gates (stateless, so one instance serves every thread). */
    static final Kernels SMALL_PATH_KERNELS = new ScalarKernels();

    private final Kernels configured;
    private final Kernels scalar = new ScalarKernels();

    /** A policy that uses kernels of the given kind where rule 3 allows. */
    KernelPolicy(KernelKind kind) {
        this.configured = kind.create();
    }

    /** The kernel kind to use where none is asked for (rule 1). */
    static KernelKind preferredKind() {
        return KernelKind.vectorAvailable() && VectorKernels.lanes() >= MIN_VECTOR_LANES
                ? KernelKind.VECTOR : KernelKind.SCALAR;
    }

    /** Whether a circuit of this many qubits takes the small-circuit path (rule 2). */
    static boolean smallCircuit(int qubits) {
        return qubits <= SmallSimulator.MAX_QUBITS;
    }

    /** The configured kernel set (rule 3 picks it for states of at least {@value #VECTOR_MIN_QUBITS} qubits). */
    Kernels configured() {
        return configured;
    }

    /** The kernel set for an n-qubit state (rule 3). */
    Kernels kernelsFor(int n) {
        return n >= VECTOR_MIN_QUBITS ? configured : scalar;
    }

    /** How the sweeps run gate g of an n-qubit circuit, on the labels it has there (rule 4). */
    GateRoute route(Gate g, int n) {
        Kernels k = kernelsFor(n);
        return switch (g.kind()) {
            case DENSE1, DENSE2 -> GateRoute.FIXED;
            // the tensor gate mixes both pair families of its quadruples: one way for every layout
            case TENSOR -> GateRoute.TENSOR;
            case ENC, RZ -> k.pauliReductions(Simulator.bitOf(n, g.p())) ? GateRoute.PAULI : GateRoute.MATRIX;
            case EX -> {
                int bp = Simulator.bitOf(n, g.p());
                int bq = Simulator.bitOf(n, g.q());
                yield k.structuredEx(Math.min(bp, bq)) && Math.max(bp, bq) < Simulator.CHUNK_LOG
                        ? GateRoute.EX_STRUCTURED : GateRoute.EX_PAIRS;
            }
        };
    }
}
