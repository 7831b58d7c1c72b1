package org.qmlff.experiment;

import org.junit.jupiter.api.Test;
import org.qmlff.analysis.ErrorPair;
import org.qmlff.analysis.MeanStd;
import org.qmlff.model.Ablation;
import org.qmlff.model.HybridArchitecture;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The study's derived numbers and verdicts from hand-made rows (the command's own test checks them against runs). */
class AblationSummaryTest {
    private static final List<Ablation> HYBRID = new HybridArchitecture().ablations();

    /** Rows with these force MAEs (three seeds each: mean ± spread) and energies 1 meV less. */
    private static AblationSummary summary(double spread, double... force) {
        List<AblationSummary.Row> rows = new ArrayList<>();
        for (int v = 0; v < HYBRID.size(); v++) {
            MeanStd f = MeanStd.of(force[v] - spread, force[v], force[v] + spread);
            MeanStd e = MeanStd.of(force[v] - 1 - spread, force[v] - 1, force[v] - 1 + spread);
            long circuits = HYBRID.get(v).label().startsWith("classical") ? 0 : 18;
            rows.add(new AblationSummary.Row(HYBRID.get(v), List.of("a", "b", "c"), e, f, 100, 90, circuits, 1.0));
        }
        return new AblationSummary("ethanol", 950, 1000, rows, new ErrorPair(140, 870));
    }

    @Test
    void theStudyHasOneFullAndOneReferenceVariant() {
        assertThat(HYBRID.stream().filter(Ablation::full).count()).isEqualTo(1);
        assertThat(HYBRID.stream().filter(Ablation::reference).count()).isEqualTo(1);
        assertThat(HYBRID.get(0).full()).isTrue();
        assertThat(HYBRID.get(HYBRID.size() - 1).reference()).isTrue();
    }

    @Test
    void gainAndSharesFollowTheirDefinitions() {
        AblationSummary s = summary(0.1, 30, 35, 38, 40, 40);
        assertThat(s.gainOverReference(true)).isCloseTo(0.25, within(1e-12));
        assertThat(s.gainOverReference(false)).isCloseTo(1 - 29.0 / 39.0, within(1e-12));
        assertThat(s.shareLost(s.rows().get(1), true)).isCloseTo(0.5, within(1e-12));
        assertThat(s.shareLost(s.rows().get(2), true)).isCloseTo(0.8, within(1e-12));
        List<String> v = s.verdicts();
        assertThat(v.get(0)).contains("25.0 % below").contains("criterion >= 25 % below: met");
        assertThat(String.join("\n", v)).contains("the loss is measurable").contains("the circuit does better than classical features");
    }

    @Test
    void aDifferenceWithinTwoStandardErrorsIsNotMeasurable() {
        // spread 1 over 3 seeds: se of a difference = sqrt(2/3) ≈ 0.82; 1.5 < 2·se, 2 > 2·se.
        AblationSummary s = summary(1, 30, 31.5, 32, 40, 40);
        assertThat(AblationSummary.compare(s.rows().get(1), s.rows().get(0), true)).isZero();
        assertThat(AblationSummary.compare(s.rows().get(2), s.rows().get(0), true)).isEqualTo(1);
        assertThat(AblationSummary.compare(s.rows().get(0), s.rows().get(2), true)).isEqualTo(-1);
    }

    @Test
    void classicalFeaturesAsGoodAsTheCircuitAreSaidPlainly() {
        AblationSummary s = summary(0.1, 32, 37, 40, 31, 43);
        assertThat(String.join("\n", s.verdicts())).contains("Without any circuit, classical-features reaches a force MAE "
                + "of 31.00 meV/Å against 32.00 for the full model (measurably better): the circuit itself contributes nothing measurable");
    }

    @Test
    void noGainOverTheClassicalPartIsSaidPlainly() {
        AblationSummary s = summary(2, 40, 40, 40, 41, 40.5);
        assertThat(s.verdicts().get(1)).startsWith("The full model's force MAE is not measurably below its classical part's");
        assertThat(s.verdicts().get(0)).contains("NOT met");
    }

    /** As measured for the hybrid at N = 50: the full model slightly worse than its classical part; no NaN shares. */
    @Test
    void aFullModelWorseThanItsClassicalPartGetsNoShares() {
        AblationSummary s = summary(0.3, 176, 175.3, 175.4, 175.2, 175);
        String all = String.join("\n", s.verdicts());
        assertThat(s.verdicts().get(0)).contains("is 0.6 % above its classical part alone")
                .contains("% above its classical part alone").contains("NOT met");
        assertThat(all).doesNotContain("NaN").doesNotContain("of the gain over the classical part lost")
                .contains("no share of a gain").doesNotContain("comes from the learned features");
    }
}
