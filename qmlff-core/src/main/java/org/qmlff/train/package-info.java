/**
 * Training and evaluation of force fields: the objective of MODELS.md (§Training objective), the Adam
 * optimiser with cosine learning-rate decay, the deterministic parallel {@link org.qmlff.train.Trainer}
 * with checkpoints, and error {@link org.qmlff.train.Metrics}.
 *
 * <p>Units throughout: energies kcal/mol, forces kcal/mol/Å, lengths Å; meV values are derived with
 * {@link org.qmlff.data.Units#MEV_PER_KCAL_MOL}.
 *
 * <p>Determinism: work is split over a fixed pool of threads, but every per-configuration result goes
 * into its own buffer and buffers are summed in a fixed order, so results are bit-identical for any
 * thread count.
 */
package org.qmlff.train;
