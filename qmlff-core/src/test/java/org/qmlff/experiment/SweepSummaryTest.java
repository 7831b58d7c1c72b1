package org.qmlff.experiment;

import org.junit.jupiter.api.Test;
import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trade-off front, the pick on validation and the verdicts of a sweep, on hand-made rows. */
class SweepSummaryTest {
    private static SweepSummary.Stats stats(double e, double f) {
        return new SweepSummary.Stats(MeanStd.of(e, e + 0.2), MeanStd.of(f, f + 0.2));
    }

    private static SweepSummary.Row row(String v, double validE, double validF, double testE, double testF) {
        return new SweepSummary.Row(v, List.of("w-force-" + v + "-s0", "w-force-" + v + "-s1"), stats(1, 1),
                stats(validE, validF), stats(testE, testF), 10);
    }

    private static SweepSummary summary(SweepSummary.Row... rows) {
        return new SweepSummary("w-force", "ethanol", 50, 1000, List.of(rows), new ErrorPair(141, 877));
    }

    @Test
    void theFrontHoldsTheValuesNoOtherBeatsInBoth() {
        SweepSummary.Row a = row("1", 10, 90, 10, 100), b = row("10", 20, 50, 20, 60), c = row("100", 30, 55, 30, 70),
                d = row("1000", 30, 40, 20, 60);
        SweepSummary s = summary(a, b, c, d);
        assertThat(s.onFront(a)).isTrue();   // lowest energy
        assertThat(s.onFront(b)).isTrue();   // ties d in both: neither is strictly better
        assertThat(s.onFront(d)).isTrue();
        assertThat(s.onFront(c)).isFalse();  // b is better in both
        SweepSummary.Row none = new SweepSummary.Row("7", List.of(), null, null, null, Double.NaN);
        assertThat(summary(a, none).onFront(none)).isFalse();
        assertThat(summary(a, none).finished()).containsExactly(a);
    }

    @Test
    void thePickOnValidationIgnoresTheTestSplitAndSaysWhenTheyDisagree() {
        // Validation prefers 10 for forces, the test split 1000; energies agree on 1.
        SweepSummary.Row a = row("1", 10, 90, 10, 100), b = row("10", 20, 50, 20, 60), d = row("1000", 30, 55, 25, 55);
        SweepSummary s = summary(a, b, d);
        assertThat(s.lowest(SweepSummary.Row::valid, true)).isSameAs(b);
        assertThat(s.lowest(SweepSummary.Row::test, true)).isSameAs(d);
        assertThat(s.lowest(SweepSummary.Row::valid, false)).isSameAs(a);
        List<String> v = s.verdicts();
        assertThat(v.get(0)).isEqualTo("Chosen on validation for forces: w-force = 10 (validation force MAE 50.10 meV/Å), "
                + "test force MAE 60.10 meV/Å and energy MAE 20.10 meV.");
        assertThat(v.get(1)).isEqualTo("The lowest test force MAE is at w-force = 1000 (55.10 meV/Å): the validation frames "
                + "pick another value.");
        assertThat(v.get(2)).startsWith("Chosen on validation for energies: w-force = 1 ");
        assertThat(v.get(v.size() - 1)).isEqualTo("Trade-off front (test errors; no other value is better in both energy and "
                + "force): w-force = 1, 10, 1000.");
        assertThat(summary(row("1", 1, 1, 1, 1), row("2", 2, 2, 2, 2)).verdicts().get(2))
                .isEqualTo("Trade-off front (test errors): only w-force = 1, which is best in both energy and force.");
        assertThat(summary(new SweepSummary.Row("7", List.of(), null, null, null, Double.NaN)).verdicts())
                .containsExactly("No run has finished yet: no verdict.");
    }
}
