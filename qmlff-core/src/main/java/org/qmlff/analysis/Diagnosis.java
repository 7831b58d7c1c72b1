package org.qmlff.analysis;

import java.util.List;
import java.util.Locale;

/**
 * A deliberately simple reading of a learning curve at its largest training set, for one quantity:
 *
 * <ol>
 *   <li>train MAE ≥ {@value #UNDERFIT_TRAIN_OVER_NULL} × null-model MAE → {@link Verdict#UNDER_FITTING}:
 *       the model cannot even fit its training data well, so more data will not help (capacity,
 *       expressivity or optimisation is the limit);</li>
 *   <li>otherwise test MAE ≥ {@value #OVERFIT_TEST_OVER_TRAIN} × train MAE → {@link Verdict#OVER_FITTING}:
 *       it fits the training data but does not generalise; more data or regularisation should help;</li>
 *   <li>otherwise {@link Verdict#FITS}: train and test errors are close and well below the null model.</li>
 * </ol>
 * Values are means over seeds; the null model predicts the mean training energy and zero forces.
 *
 * @param arch     architecture
 * @param molecule molecule label
 * @param quantity energy or force
 * @param verdict  the rule's outcome
 * @param nTrain   the largest training-set size, where the rule is applied
 * @param train    mean training MAE there
 * @param test     mean test MAE there
 * @param nullMae  mean null-model test MAE there
 */
public record Diagnosis(String arch, String molecule, Quantity quantity, Verdict verdict, int nTrain, double train,
                        double test, double nullMae) {

    /** Train MAE at or above this fraction of the null model's means under-fitting. */
    public static final double UNDERFIT_TRAIN_OVER_NULL = 0.5;
    /** Test MAE at or above this multiple of the train MAE means over-fitting. */
    public static final double OVERFIT_TEST_OVER_TRAIN = 2.0;

    /** Outcome of the rule. */
    public enum Verdict {
        UNDER_FITTING("under-fitting (train error stays high)"),
        OVER_FITTING("over-fitting (train low, test high)"),
        FITS("fits (train and test low and close)"),
        UNDETERMINED("undetermined (errors not available)");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Applies the rule to one curve (summaries of one architecture and molecule) at its largest N. */
    public static Diagnosis of(List<SizeSummary> curve, Quantity q) {
        if (curve.isEmpty()) throw new IllegalArgumentException("diagnosis of an empty learning curve");
        SizeSummary last = curve.get(0);
        for (SizeSummary s : curve) {
            if (!s.arch().equals(last.arch()) || !s.molecule().equals(last.molecule()))
                throw new IllegalArgumentException("diagnosis: mixed curves " + last.arch() + "/" + last.molecule()
                        + " and " + s.arch() + "/" + s.molecule());
            if (s.nTrain() > last.nTrain()) last = s;
        }
        double train = last.train().get(q).mean(), test = last.test().get(q).mean(), nul = last.nullModel().get(q).mean();
        Verdict v;
        if (!Double.isFinite(train) || !Double.isFinite(test) || !(nul > 0)) v = Verdict.UNDETERMINED;
        else if (train >= UNDERFIT_TRAIN_OVER_NULL * nul) v = Verdict.UNDER_FITTING;
        else if (test >= OVERFIT_TEST_OVER_TRAIN * train) v = Verdict.OVER_FITTING;
        else v = Verdict.FITS;
        return new Diagnosis(last.arch(), last.molecule(), q, v, last.nTrain(), train, test, nul);
    }

    /** train / null. */
    public double trainOverNull() {
        return train / nullMae;
    }

    /** test / train. */
    public double testOverTrain() {
        return test / train;
    }

    /** The verdict with the numbers the rule used, e.g. for a report line. */
    public String explain() {
        return String.format(Locale.ROOT, "%s: %s; at N = %d train %s %s = %.2f × null %s %s (under-fitting if ≥ %.2f), "
                        + "test %s %s = %.2f × train (over-fitting if ≥ %.2f)", quantity.label(), verdict.text(),
                nTrain, value(train), quantity.unit(), trainOverNull(), value(nullMae), quantity.unit(),
                UNDERFIT_TRAIN_OVER_NULL, value(test), quantity.unit(), testOverTrain(), OVERFIT_TEST_OVER_TRAIN);
    }

    /** About three significant digits without exponents: 1353, 12.3, 0.45. */
    private static String value(double x) {
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", x);
    }
}
