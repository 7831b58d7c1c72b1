package org.qmlff.data;

/**
 * Summary statistics of a data set, in qmlff's units. Standard deviations are population values
 * (divide by n), as numpy's {@code std} and as used to normalise the training objective.
 *
 * @param frames            number of frames
 * @param atoms             atoms per frame
 * @param energyMean        mean energy, kcal/mol
 * @param energyStd         standard deviation of the energies, kcal/mol
 * @param energyMin         lowest energy, kcal/mol
 * @param energyMax         highest energy, kcal/mol
 * @param forceMean         mean of all force components, kcal/mol/Å (≈ 0 for a free molecule)
 * @param forceComponentStd standard deviation of all force components (frames × atoms × 3 values
 *                          about their mean), kcal/mol/Å
 */
public record DatasetStats(int frames, int atoms, double energyMean, double energyStd, double energyMin,
                           double energyMax, double forceMean, double forceComponentStd) {

    /**
     * Computes the statistics of {@code d}, which must have at least one frame. Two passes (mean,
     * then squared deviations), since rMD17 energies are large (~-10⁵ kcal/mol) and vary little.
     */
    public static DatasetStats of(Dataset d) {
        if (d.frames() == 0) throw new IllegalArgumentException(d.name() + ": no frames to summarise");
        double[] e = d.energies();
        double[] f = d.forces();
        double em = mean(e);
        double fm = mean(f);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : e) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new DatasetStats(d.frames(), d.atoms(), em, std(e, em), min, max, fm, std(f, fm));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double std(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            double dx = x - mean;
            s += dx * dx;
        }
        return Math.sqrt(s / v.length);
    }
}
