package org.qmlff.report;

import org.qmlff.analysis.MeanStd;

import java.util.OptionalInt;

/**
 * One row of a report's comparison table for one molecule: a model's test errors beside the null
 * model's and published models'.
 *
 * @param kind           what the row is
 * @param model          the architecture, {@code null model}, or the published model's name (with its note)
 * @param source         where the numbers come from: {@code run NAME}, {@code learning curve NAME} or {@code published}
 * @param nTrain         training configurations; empty for a zero-shot test (the run never trained on the molecule)
 * @param runs           runs averaged (seeds); empty for published results
 * @param energy         energy MAE in meV (mean ± std over seeds; std NaN for one run or the null model)
 * @param force          force MAE in meV/Å, likewise
 * @param energyOverNull energy MAE over the null model's (1 for the null model; NaN for published rows)
 * @param forceOverNull  likewise for forces
 */
public record ComparisonRow(Kind kind, String model, String source, OptionalInt nTrain, OptionalInt runs, MeanStd energy,
                            MeanStd force, double energyOverNull, double forceOverNull) {
    /** What a row is. */
    public enum Kind {
        /** A trained model of a run or learning curve. */
        MODEL,
        /** The null model of the row above: the mean training energy, zero forces. */
        NULL_MODEL,
        /** A published result (BASELINES.md) as its source states it. */
        PUBLISHED
    }

    /** a / b when a is finite and b positive, else NaN. */
    static double ratio(double a, double b) {
        return Double.isFinite(a) && b > 0 ? a / b : Double.NaN;
    }

    /** A single value as a mean with no spread. */
    static MeanStd single(double value) {
        return new MeanStd(1, value, Double.NaN);
    }
}
