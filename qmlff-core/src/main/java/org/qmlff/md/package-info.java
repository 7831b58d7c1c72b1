/**
 * Molecular dynamics with a {@link org.qmlff.model.ForceField}: velocity Verlet (NVE), Langevin BAOAB
 * (NVT), Maxwell–Boltzmann initial velocities, safety checks, and observers that stream a trajectory
 * (extended XYZ), an energy log (CSV) and collect the run's statistics.
 *
 * <p>Units throughout: positions Å, time fs, velocities Å/fs, masses amu (g/mol), energies kcal/mol,
 * forces kcal/mol/Å, temperatures K. The two constants that connect them (the acceleration factor
 * and Boltzmann's constant) are in {@link org.qmlff.data.Units}, with their derivation;
 * {@link org.qmlff.md.MdUnits} computes kinetic energies and temperatures with them.
 *
 * <p>Degrees of freedom (used for every temperature): the initial velocities carry no linear and
 * no angular momentum. Velocity Verlet with a translation- and rotation-invariant force field
 * conserves both, so an NVE run has {@code 3N − 3 − r} degrees of freedom, r being the rank of the
 * inertia tensor (3 for a non-linear molecule, 2 for a linear one, 0 for one atom). The Langevin
 * thermostat kicks every Cartesian momentum independently, so an NVT run has {@code 3N}.
 */
package org.qmlff.md;
