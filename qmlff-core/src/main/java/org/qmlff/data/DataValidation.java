package org.qmlff.data;

import java.util.Locale;

/**
 * Physical sanity checks every reader applies before handing out a {@link Dataset}: all elements
 * known (Z = 1..18), all coordinates, energies and forces finite, and no two atoms of a frame
 * closer than {@link #MIN_DISTANCE} Å (which would mean corrupt or mis-scaled coordinates, e.g. Bohr
 * read as Å is harmless but nm read as Å is not).
 *
 * <p>Failures are {@link DataFormatException}s of one line: file, location ({@link Locator}: an
 * array index for npz, a line number for xyz), what is wrong, and the frame and atom, e.g.
 * {@code rmd17_ethanol_train_01.npz: coords[17][3]: NaN coordinate (frame 17, atom 3)}.
 */
public final class DataValidation {
    private DataValidation() {
    }

    /** Atoms of one frame closer than this (Å) are rejected as overlapping. */
    public static final double MIN_DISTANCE = 0.1;

    /** Says where in a file a value sits, for messages. Frames and atoms are 0-based. */
    public interface Locator {
        /** Where atom {@code atom}'s element is given. */
        String atom(int atom);

        /** Where frame {@code frame}'s coordinates are. */
        String frame(int frame);

        /** Where the coordinates of atom {@code atom} in frame {@code frame} are. */
        String coordinate(int frame, int atom);

        /** Where the energy of frame {@code frame} is. */
        String energy(int frame);

        /** Where the force on atom {@code atom} in frame {@code frame} is. */
        String force(int frame, int atom);
    }

    /** Locations as numpy array indices: {@code coords[17][3]}, {@code energies[5]}, ... */
    public static Locator arrays(String numbers, String coords, String energies, String forces) {
        return new Locator() {
            @Override
            public String atom(int atom) {
                return numbers + "[" + atom + "]";
            }

            @Override
            public String frame(int frame) {
                return coords + "[" + frame + "]";
            }

            @Override
            public String coordinate(int frame, int atom) {
                return coords + "[" + frame + "][" + atom + "]";
            }

            @Override
            public String energy(int frame) {
                return energies + "[" + frame + "]";
            }

            @Override
            public String force(int frame, int atom) {
                return forces + "[" + frame + "][" + atom + "]";
            }
        };
    }

    /**
     * Checks {@code d}, which was read from {@code file}.
     *
     * @throws DataFormatException at the first problem, naming file, location, frame and atom
     */
    public static void validate(String file, Dataset d, Locator where) {
        validate(file, d, where, true);
    }

    /**
     * Checks {@code d}; with {@code labelled} false the energies and forces are not checked (a
     * geometry-only file read for prediction holds NaN there, see {@link Dataset#UNLABELLED}).
     */
    public static void validate(String file, Dataset d, Locator where, boolean labelled) {
        int nf = d.frames();
        int na = d.atoms();
        int[] z = d.numbers();
        if (na == 0) throw new DataFormatException(file + ": the molecule has no atoms");
        if (nf == 0) throw new DataFormatException(file + ": the file holds no frames");
        for (int a = 0; a < na; a++)
            if (!Element.isKnown(z[a]))
                throw new DataFormatException(file + ": " + where.atom(a) + ": unknown element Z=" + z[a]
                        + " (atom " + a + "; qmlff knows H..Ar, Z=1..18)");
        double[] x = d.positions();
        double[] e = d.energies();
        double[] f = d.forces();
        for (int fr = 0; fr < nf; fr++) {
            if (labelled && !Double.isFinite(e[fr]))
                throw new DataFormatException(file + ": " + where.energy(fr) + ": " + kind(e[fr]) + " energy (frame " + fr + ")");
            for (int a = 0; a < na; a++) {
                int o = (fr * na + a) * 3;
                for (int k = 0; k < 3; k++) {
                    if (!Double.isFinite(x[o + k]))
                        throw new DataFormatException(file + ": " + where.coordinate(fr, a) + ": " + kind(x[o + k])
                                + " coordinate (frame " + fr + ", atom " + a + ")");
                    if (labelled && !Double.isFinite(f[o + k]))
                        throw new DataFormatException(file + ": " + where.force(fr, a) + ": " + kind(f[o + k])
                                + " force (frame " + fr + ", atom " + a + ")");
                }
            }
        }
        double min2 = MIN_DISTANCE * MIN_DISTANCE;
        for (int fr = 0; fr < nf; fr++) {
            int base = fr * na * 3;
            for (int i = 0; i < na; i++) {
                int oi = base + 3 * i;
                for (int j = i + 1; j < na; j++) {
                    int oj = base + 3 * j;
                    double dx = x[oj] - x[oi];
                    double dy = x[oj + 1] - x[oi + 1];
                    double dz = x[oj + 2] - x[oi + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 < min2)
                        throw new DataFormatException(file + ": " + where.frame(fr) + ": atoms " + i + " and " + j
                                + " overlap, " + String.format(Locale.ROOT, "%.4g", Math.sqrt(r2)) + " Å apart (frame " + fr
                                + "; atoms must be at least " + MIN_DISTANCE + " Å apart)");
                }
            }
        }
    }

    private static String kind(double v) {
        return Double.isNaN(v) ? "NaN" : "infinite";
    }
}
