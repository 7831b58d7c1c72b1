package org.qmlff.experiment;

import org.qmlff.train.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table of error metrics, one row per (set, molecule). */
public final class ReportTable {
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; NaN values print as "-". */
    public void add(String label, Metrics m) {
        rows.add(new String[]{label, Integer.toString(m.frames()), f(m.energyMaeMeV()), f(m.energyRmseMeV()),
                f(m.forceMaeMeV()), f(m.forceRmseMeV()), f4(m.energyMae()), f4(m.forceMae())});
    }

    /** The table text, with a two-line header. */
    public String render() {
        String[] h1 = {"", "frames", "E MAE", "E RMSE", "F MAE", "F RMSE", "E MAE", "F MAE"};
        String[] h2 = {"", "", "meV", "meV", "meV/Å", "meV/Å", "kcal/mol", "kcal/mol/Å"};
        int[] w = new int[h1.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.max(h1[c].length(), h2[c].length());
            for (String[] r : rows) w[c] = Math.max(w[c], r[c].length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, h1, w);
        line(sb, h2, w);
        for (String[] r : rows) line(sb, r, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        for (int c = 0; c < cells.length; c++) {
            if (c == 0) sb.append(String.format(Locale.ROOT, "%-" + w[c] + "s", cells[c]));
            else sb.append("  ").append(String.format(Locale.ROOT, "%" + w[c] + "s", cells[c]));
        }
        sb.append(System.lineSeparator());
    }

    private static String f(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "-";
    }

    private static String f4(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4f", x) : "-";
    }
}
