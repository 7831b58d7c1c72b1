/**
 * Exact state-vector simulation of parameterised circuits with derivatives: ⟨O⟩(z), its gradient
 * (adjoint method) and Hessian-vector products (forward-over-reverse), for n ≤ 24 qubits in double
 * precision. No chemistry in here: the inputs z are just numbers.
 *
 * <ul>
 *   <li>{@link org.qmlff.sim.Circuit}, {@link org.qmlff.sim.Observable}: what to simulate (immutable).</li>
 *   <li>{@link org.qmlff.sim.Simulator}: one large circuit at a time, optionally split over threads.</li>
 *   <li>{@link org.qmlff.sim.BatchSimulator}: many small circuits of one shape over a thread pool.</li>
 *   <li>{@link org.qmlff.sim.KernelKind}: scalar reference kernels or jdk.incubator.vector ones
 *       (system property {@code qmlff.sim.kernels=scalar|vector}).</li>
 * </ul>
 *
 * <p>Inside, one type per job. Façade: {@code Simulator} (validation, plan, small or chunked path).
 * Engine: {@code ChunkedEngine} with {@code SweepBuffers} (state vectors, gate slots, partial sums),
 * {@code ChunkDispatcher} (chunks and the thread pool), {@code KernelPolicy} and {@code PlanRouting} (every
 * kernel choice, once per plan), {@code ProductStart}, {@code PermutationSweep}. Algorithms:
 * {@code ForwardPass}, {@code ReversePass} (adjoint gradient; Hessian-vector product in its
 * {@code REVERSE_HVP} mode), {@code ClosingBlock}. Gate formulas: {@code GateFormulas}, with the chunked
 * engine's matrix form in {@code GateMatrices}; the small-circuit path {@code SmallSimulator} uses the
 * same formulas. Kernels: {@link org.qmlff.sim.kernel}.
 *
 * <p>Conventions (MODELS.md §Units and conventions): qubit 0 is the most significant bit of the basis
 * index; σ = (X, Y, Z); Enc(v) = exp(−i v·σ/2); Ex(J) = exp(−iJ(XX+YY+ZZ)); the tensor gate
 * exp(−i Σ T_ab σ_a⊗σ_b) with T symmetric traceless from five inputs ({@code TensorFormulas}); the singlet is
 * (|01⟩ − |10⟩)/√2. States are split real/imaginary arrays updated in place.
 *
 * <p>Determinism: for a given kernel kind, results are bit-identical for any thread count and from call
 * to call. The scalar and vector kernels agree to rounding (~1e-15 relative), not bit for bit.
 */
package org.qmlff.sim;
