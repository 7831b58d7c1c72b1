/**
 * Gate kernels of the chunked simulator: loops over split (re, im) state vectors that apply a gate's
 * 2×2 (or 4×4, or structured Ex) matrix to a range of work items and take the reductions the adjoint
 * method needs, writing into buffers the caller owns.
 *
 * <ul>
 *   <li>{@link org.qmlff.sim.kernel.Kernels}: the contract (layouts, work items, reductions).</li>
 *   <li>{@link org.qmlff.sim.kernel.ScalarKernels}: the scalar reference every other set is tested
 *       against.</li>
 *   <li>{@link org.qmlff.sim.kernel.VectorKernels}: jdk.incubator.vector kernels for strides of at least
 *       one vector, with lane-permuting kernels for shorter strides (up to 8 lanes) and the scalar ones
 *       beyond.</li>
 * </ul>
 *
 * <p>Which set runs which gate is decided outside, by the simulator's kernel policy, once per plan.
 * This package depends on nothing else in qmlff. Kernels are stateless: one instance may serve any
 * number of threads.
 */
package org.qmlff.sim.kernel;
