/**
 * Geometry shared by the atom-centred models: the Bessel radial basis with its cosine cutoff and
 * radial derivatives ({@link org.qmlff.geometry.RadialBasis}), and the reusable neighbour list that
 * holds each atom's neighbours within the cutoff with their separations and basis values
 * ({@link org.qmlff.geometry.NeighbourList}).
 *
 * <p>Units: lengths in Å; the basis values are in Å^(-3/2) (β_k) and their derivatives per Å.
 * Neither type knows of elements or models: they take positions and return numbers. Two atoms at
 * the same position are an input error (no force field describes them).
 */
package org.qmlff.geometry;
