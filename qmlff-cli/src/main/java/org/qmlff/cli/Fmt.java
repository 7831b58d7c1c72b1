package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.analysis.MeanStd;

import java.util.Locale;

/** Number formats of reports: errors with about three significant digits, "–" for what is missing. */
final class Fmt {
    static final String MISSING = "–";

    private Fmt() {
    }

    /**
     * An error value (meV or meV/Å): no decimals from 100, one from 10, two below, so that the
     * printed value is within half a unit of its last digit.
     */
    static String mae(double x) {
        if (!Double.isFinite(x)) return MISSING;
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", x);
    }

    /** A published value in its shortest form, as in its source table (no added digits). */
    static String published(double x) {
        return Double.isFinite(x) ? Double.toString(x) : MISSING;
    }

    /** mean ± std (just the mean when the std is not available, e.g. a single seed). */
    static String meanStd(MeanStd m) {
        if (!Double.isFinite(m.std())) return mae(m.mean());
        return mae(m.mean()) + " ± " + mae(m.std());
    }

    /** mean ± std of a statistic as the summaries' JSON writes it ({@code mean}, {@code std} or null, {@code seeds}). */
    static String meanStd(JsonNode stat) {
        return meanStd(new MeanStd(stat.path("seeds").asInt(), stat.path("mean").asDouble(),
                stat.path("std").isNumber() ? stat.path("std").asDouble() : Double.NaN));
    }

    /** A value with a fixed number of decimals. */
    static String fixed(double x, int decimals) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + decimals + "f", x) : MISSING;
    }

    /** Seconds, one decimal. */
    static String seconds(double s) {
        return fixed(s, 1);
    }

    /** A full-precision value for CSV files (empty when not finite). */
    static String csv(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "";
    }
}
