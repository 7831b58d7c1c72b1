package org.qmlff.analysis;

/**
 * The runs of one (architecture, molecule, training-set size), aggregated over seeds.
 *
 * @param arch            architecture
 * @param molecule        molecule label
 * @param nTrain          training frames N
 * @param runs            number of runs (seeds) aggregated
 * @param train           training-set MAEs
 * @param test            test-set MAEs
 * @param nullModel       the null model's test MAEs (its energy depends weakly on N through the mean)
 * @param trainingSeconds training time, s
 */
public record SizeSummary(String arch, String molecule, int nTrain, int runs, ErrorStats train, ErrorStats test,
                          ErrorStats nullModel, MeanStd trainingSeconds) {
}
