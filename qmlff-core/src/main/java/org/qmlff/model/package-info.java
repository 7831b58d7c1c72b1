/**
 * Force fields and the architectures that make them: the {@link org.qmlff.model.ForceField} contract
 * (energy, forces, exact objective gradient), the {@link org.qmlff.model.Architecture} contract and its
 * registry {@link org.qmlff.model.Architectures}, the built-in circuit architectures ({@code le},
 * {@code revised}, {@code rich}: {@link org.qmlff.model.LeArchitecture} and its siblings, with their
 * option records under the sealed {@link org.qmlff.model.CircuitOptions}), the hybrid
 * quantum-classical architecture ({@code hybrid}: {@link org.qmlff.model.HybridArchitecture}, a rich QNN
 * with an MLP head over its readouts, a ridge-fitted classical baseline and a pair repulsion;
 * docs/HYBRID.md), and model files
 * ({@link org.qmlff.model.Models}, MODELS.md).
 *
 * <p>Nothing outside an architecture's own classes names it: {@code Models}, the commands and the
 * reports reach an architecture through the registry, by the name in {@code --arch} or in a model
 * file. A new architecture is one {@code Architecture} implementation and one line in
 * {@code META-INF/services/org.qmlff.model.Architecture} (docs/ARCHITECTURES.md).
 *
 * <p>Units throughout: positions Å, energies kcal/mol, forces kcal/mol/Å.
 */
package org.qmlff.model;
