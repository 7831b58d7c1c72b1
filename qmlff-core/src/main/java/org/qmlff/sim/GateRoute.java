package org.qmlff.sim;

import org.qmlff.sim.kernel.Kernels;

/**
 * How the chunked sweeps run one gate: which kernel family applies it and how its derivatives are
 * reduced. Chosen by {@link KernelPolicy#route} once per plan; the sweeps only look it up.
 */
enum GateRoute {
    /** A fixed gate: applied (and, in the reverse sweeps, undone) with the dense kernels; no derivatives. */
    FIXED(0),
    /**
     * A one-qubit parametric gate (Enc, RZ) whose reverse step takes its derivatives from the three
     * Pauli reductions Im⟨λ|σ_b ψ⟩ ({@link Kernels#reverseSu2}, {@link Kernels#reducePauli2}).
     */
    PAULI(1),
    /** A one-qubit parametric gate whose reverse step reduces the full 2×2 matrix M(λ, ψ). */
    MATRIX(1),
    /** An Ex gate through the structured kernels ({@link Kernels#applyTangentEx}, {@link Kernels#reverseEx}). */
    EX_STRUCTURED(1),
    /** An Ex gate as its two 2×2 pair families, each through the one-qubit-layout kernels. */
    EX_PAIRS(2),
    /**
     * A tensor gate through the triplet kernels ({@link Kernels#applyTriplet}, {@link Kernels#reverseTriplet}):
     * its 3×3 reduction and, for the Hessian-vector product, its tangent take 36 doubles, three result blocks.
     */
    TENSOR(3);

    /** Result blocks the gate takes in a reverse sweep (one per 2×2 part it runs as). */
    final int parts;

    GateRoute(int parts) {
        this.parts = parts;
    }
}
