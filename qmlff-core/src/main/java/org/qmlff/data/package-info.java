/**
 * Data: reading, checking and writing frames of one molecule with reference energies and forces.
 *
 * <ul>
 *   <li>{@link org.qmlff.data.Dataset}: the in-memory form (Å, kcal/mol, kcal/mol/Å), with subsets,
 *       the benchmark train/validation split, formula and statistics;</li>
 *   <li>{@link org.qmlff.data.DataFiles}: read/write any supported file by extension;</li>
 *   <li>{@link org.qmlff.data.Rmd17}: rMD17 npz files (pre-split, or the full archive with split
 *       index files); {@link org.qmlff.data.ExtXyz}: extended XYZ as ASE writes it;</li>
 *   <li>{@link org.qmlff.data.Npy}, {@link org.qmlff.data.NpzFile}, {@link org.qmlff.data.NpzWriter}:
 *       a self-contained NumPy NPY/NPZ implementation;</li>
 *   <li>{@link org.qmlff.data.Units}, {@link org.qmlff.data.EnergyUnit},
 *       {@link org.qmlff.data.LengthUnit}, {@link org.qmlff.data.UnitSystem}: unit conversion
 *       (CODATA 2018); {@link org.qmlff.data.Element}: H..Ar with standard atomic masses;</li>
 *   <li>{@link org.qmlff.data.DataValidation}: the physical checks every reader applies.</li>
 * </ul>
 *
 * Every problem with input data is a {@link org.qmlff.data.DataFormatException} whose message is
 * one line naming the file and the place (array index or line number), e.g.
 * {@code rmd17_ethanol_train_01.npz: coords[17][3]: NaN coordinate (frame 17, atom 3)}.
 */
package org.qmlff.data;
