package org.qmlff.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LearningCurvesTest {

    static RunResult run(String arch, String mol, int n, long seed, double testE, double testF) {
        return new RunResult(arch, mol, n, seed, new ErrorPair(testE / 2, testF / 2), new ErrorPair(testE, testF),
                new ErrorPair(140 + n / 1000.0, 880), 10.0 * n + seed);
    }

    /** Two architectures × 3 sizes × 3 seeds; test MAEs follow exact power laws times a per-seed factor. */
    static List<RunResult> grid() {
        List<RunResult> rs = new ArrayList<>();
        double[] seedFactor = {0.9, 1.0, 1.1};
        for (String arch : List.of("revised", "le"))
            for (int n : new int[]{50, 200, 800})
                for (int s = 0; s < 3; s++) {
                    double e = (arch.equals("le") ? 300 : 200) * Math.pow(n, -0.25) * seedFactor[s];
                    double f = (arch.equals("le") ? 900 : 700) * Math.pow(n, -0.5) * seedFactor[s];
                    rs.add(run(arch, "ethanol", n, s, e, f));
                }
        return rs;
    }

    @Test
    void aggregatesMeanAndStdOverSeeds() {
        List<SizeSummary> sums = LearningCurves.aggregate(grid());
        assertThat(sums).hasSize(6);
        // sorted: arch, molecule, N
        assertThat(sums.stream().map(s -> s.arch() + s.nTrain()).toList())
                .containsExactly("le50", "le200", "le800", "revised50", "revised200", "revised800");
        SizeSummary s = sums.get(1);
        double base = 300 * Math.pow(200, -0.25);
        double[] vals = {0.9 * base, base, 1.1 * base};
        double mean = (vals[0] + vals[1] + vals[2]) / 3;
        double var = 0;
        for (double v : vals) var += (v - mean) * (v - mean) / 2;
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.test().energy().mean()).isCloseTo(mean, within(1e-12));
        assertThat(s.test().energy().std()).isCloseTo(Math.sqrt(var), within(1e-12));
        assertThat(s.train().energy().mean()).isCloseTo(mean / 2, within(1e-12));
        assertThat(s.nullModel().force().mean()).isEqualTo(880.0);
        assertThat(s.trainingSeconds().mean()).isCloseTo(2001.0, within(1e-12));
    }

    @Test
    void resultDoesNotDependOnTheOrderOfRuns() {
        List<RunResult> a = grid(), b = new ArrayList<>(a);
        Collections.shuffle(b, new Random(7));
        assertThat(LearningCurves.aggregate(b)).isEqualTo(LearningCurves.aggregate(a));
        assertThat(LearningCurves.fitRuns(b, 0.95)).isEqualTo(LearningCurves.fitRuns(a, 0.95));
    }

    @Test
    void fitsRecoverTheExponents() {
        List<SizeSummary> sums = LearningCurves.aggregate(grid());
        List<CurveFit> fits = LearningCurves.fitMeans(sums, 0.95);
        assertThat(fits).hasSize(4);
        for (CurveFit f : fits) {
            // a common per-seed factor keeps the means on the exact power law
            double expected = f.quantity() == Quantity.ENERGY ? 0.25 : 0.5;
            assertThat(f.fit().beta()).as(f.toString()).isCloseTo(expected, within(1e-12));
            assertThat(f.fit().points()).isEqualTo(3);
            assertThat(f.points()).isEqualTo(CurveFit.FitPoints.MEANS);
        }
        List<CurveFit> all = LearningCurves.fitRuns(grid(), 0.95);
        assertThat(all).hasSize(4);
        for (CurveFit f : all) {
            assertThat(f.fit().points()).isEqualTo(9);
            assertThat(f.fit().dof()).isEqualTo(7);
            double expected = f.quantity() == Quantity.ENERGY ? 0.25 : 0.5;
            // the seed factors are balanced at every size, so the slope is exact; the scatter widens the CI
            assertThat(f.fit().beta()).isCloseTo(expected, within(1e-12));
            assertThat(f.fit().betaLow()).isLessThan(expected);
            assertThat(f.fit().betaHigh()).isGreaterThan(expected);
        }
    }

    @Test
    void aSingleSizeGetsNoFit() {
        List<SizeSummary> sums = LearningCurves.aggregate(List.of(run("le", "benzene", 50, 0, 10, 20),
                run("le", "benzene", 50, 1, 12, 22)));
        assertThat(LearningCurves.fitMeans(sums, 0.95)).isEmpty();
    }

    static SizeSummary summary(int n, double train, double test, double nul) {
        return new SizeSummary("le", "ethanol", n, 1,
                new ErrorStats(MeanStd.of(train), MeanStd.of(train)), new ErrorStats(MeanStd.of(test), MeanStd.of(test)),
                new ErrorStats(MeanStd.of(nul), MeanStd.of(nul)), MeanStd.of(1.0));
    }

    @Test
    void diagnosisRuleAtTheLargestSize() {
        // train at 60% of null at the largest N: under-fitting, whatever the smaller sizes did
        Diagnosis under = Diagnosis.of(List.of(summary(50, 1, 100, 100), summary(400, 60, 70, 100)), Quantity.FORCE);
        assertThat(under.verdict()).isEqualTo(Diagnosis.Verdict.UNDER_FITTING);
        assertThat(under.nTrain()).isEqualTo(400);
        assertThat(under.trainOverNull()).isCloseTo(0.6, within(1e-15));
        assertThat(under.explain()).contains("under-fitting").contains("0.60 × null").contains("N = 400");
        // exactly at the threshold counts
        assertThat(Diagnosis.of(List.of(summary(400, 50, 55, 100)), Quantity.ENERGY).verdict())
                .isEqualTo(Diagnosis.Verdict.UNDER_FITTING);
        Diagnosis over = Diagnosis.of(List.of(summary(400, 10, 20, 100)), Quantity.ENERGY);
        assertThat(over.verdict()).isEqualTo(Diagnosis.Verdict.OVER_FITTING);
        assertThat(over.testOverTrain()).isEqualTo(2.0);
        assertThat(Diagnosis.of(List.of(summary(400, 10, 19.9, 100)), Quantity.ENERGY).verdict())
                .isEqualTo(Diagnosis.Verdict.FITS);
        assertThat(Diagnosis.of(List.of(summary(400, 10, 19.9, Double.NaN)), Quantity.ENERGY).verdict())
                .isEqualTo(Diagnosis.Verdict.UNDETERMINED);
    }
}
