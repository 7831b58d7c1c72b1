package org.qmlff.cli;

import org.qmlff.perf.BenchRecord;
import org.qmlff.perf.BenchSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@code qmlff bench}: one row per record with its median, and beside it a ratio to a
 * related record (gradient/forward, hvp/forward, ×PyTorch, speed-up over 1 thread), the reference
 * point measured elsewhere on the same machine kind, and the target, with whether it is met.
 *
 * <p>The reference points and targets are those of the performance issue; references were measured
 * at 20 qubits (Qulacs) and on one thread (PyTorch), so they are shown only beside rows of that size
 * and thread count.
 */
final class BenchReport {
    /** Qubit count the Qulacs reference points and the forward target refer to. */
    static final int REFERENCE_QUBITS = 20;
    static final double QULACS_NS_PER_AMP_GATE = 0.70;
    static final double QULACS_FORWARD_MS = 190;
    static final double QULACS_GRADIENT_MS = 7600;
    /**
     * PyTorch revised model, one thread: training configurations/s and single-frame evaluations/s
     * (`bench_torch.py rev 1`, median of three runs on the 2-core development machine, quiet, 2026-12-06;
     * it drifts by 1.5× from hour to hour, so quote ratios measured side by side, docs/PERFORMANCE.md).
     */
    static final double PYTORCH_TRAIN_PER_S = 392;
    static final double PYTORCH_MD_PER_S = 112;
    static final double TARGET_NS_PER_AMP_GATE = 0.45;
    static final double TARGET_GRADIENT_RATIO = 3;
    static final double TARGET_HVP_RATIO = 6;
    /** Issue 21's targets: training at least 40×, single-frame energy + forces at least 500× PyTorch. */
    static final double TARGET_PYTORCH_TRAIN_FACTOR = 40;
    static final double TARGET_PYTORCH_MD_FACTOR = 500;
    /**
     * Issue 21's steadiness target: over fresh JVMs, the slowest JVM's median of a row at most this many times
     * the median over the JVMs ({@code qmlff bench --fresh-jvms}).
     */
    static final double TARGET_FRESH_JVM_SPREAD = 1.3;

    /** The annotations of one row; empty strings where nothing applies. */
    record Annotation(String ratio, String reference, String target, String met) {
        static final Annotation NONE = new Annotation("", "", "", "");
    }

    private final List<BenchRecord> records;

    BenchReport(List<BenchRecord> records) {
        this.records = List.copyOf(records);
    }

    /** The annotations of {@code r}, from the other records of the run. */
    Annotation annotate(BenchRecord r) {
        boolean oneThread = r.threads() == 1;
        boolean atReference = r.qubits() == REFERENCE_QUBITS && oneThread;
        if (!oneThread) {
            BenchRecord single = find(r.name(), r.qubits(), 1);
            return single == null ? Annotation.NONE
                    : new Annotation("x1 thread " + f2(single.medianMs() / r.medianMs()), "", "", "");
        }
        switch (r.name()) {
            case "gate-enc", "gate-ex" -> {
                if (!atReference) return Annotation.NONE;
                return forwardTarget(r, "", "Qulacs " + f2(QULACS_NS_PER_AMP_GATE) + " ns/amp/gate (D=6 circuit)");
            }
            case "le-d6-forward" -> {
                if (!atReference) return Annotation.NONE;
                return forwardTarget(r, "xQulacs " + f2(QULACS_FORWARD_MS / r.medianMs()),
                        "Qulacs " + f0(QULACS_FORWARD_MS) + " ms, " + f2(QULACS_NS_PER_AMP_GATE) + " ns/amp/gate");
            }
            case "le-d6-gradient", "le-d6-hvp" -> {
                boolean grad = r.name().equals("le-d6-gradient");
                BenchRecord fwd = find("le-d6-forward", r.qubits(), 1);
                if (fwd == null) return Annotation.NONE;
                double ratio = r.medianMs() / fwd.medianMs();
                double limit = grad ? TARGET_GRADIENT_RATIO : TARGET_HVP_RATIO;
                String reference = grad && atReference
                        ? "Qulacs backprop " + f1(QULACS_GRADIENT_MS / 1000) + " s (x" + f1(QULACS_GRADIENT_MS / r.medianMs()) + ")"
                        : "";
                return new Annotation((grad ? "grad/fwd " : "hvp/fwd ") + f2(ratio), reference,
                        "<= " + f0(limit) + "x forward", met(ratio <= limit));
            }
            case "revised-batch-hvp" -> {
                BenchRecord fwd = find("revised-batch-forward", r.qubits(), 1);
                return fwd == null ? Annotation.NONE
                        : new Annotation("hvp/fwd " + f2(r.medianMs() / fwd.medianMs()), "", "", "");
            }
            case "revised-train", "revised-md" -> {
                // the PyTorch reference is the default model, nq = 4; wider circuits are compared with it
                if (r.qubits() != BenchSuite.REVISED_QUBITS)
                    return relative(r, find(r.name(), BenchSuite.REVISED_QUBITS, 1), "vs nq=" + BenchSuite.REVISED_QUBITS);
                return r.name().equals("revised-train")
                        ? pytorch(r, PYTORCH_TRAIN_PER_S, "configs/s", TARGET_PYTORCH_TRAIN_FACTOR)
                        : pytorch(r, PYTORCH_MD_PER_S, "evals/s", TARGET_PYTORCH_MD_FACTOR);
            }
            case "rich-tensor-train", "rich-channels2-train" -> {
                return relative(r, find("rich-train", r.qubits(), 1), "vs rich");
            }
            case "rich-tensor-md", "rich-channels2-md" -> {
                return relative(r, find("rich-md", r.qubits(), 1), "vs rich");
            }
            case "le-train" -> {
                BenchRecord revised = find("revised-train", BenchSuite.REVISED_QUBITS, 1);
                return revised == null ? Annotation.NONE
                        : new Annotation("revised/le " + f2(revised.perSecond() / r.perSecond()), "", "", "");
            }
            default -> {
                return Annotation.NONE;
            }
        }
    }

    private static Annotation forwardTarget(BenchRecord r, String ratio, String reference) {
        return new Annotation(ratio, reference, "<= " + f2(TARGET_NS_PER_AMP_GATE) + " ns/amp/gate",
                met(r.nsPerAmpPerGate() <= TARGET_NS_PER_AMP_GATE));
    }

    /** Throughput as a fraction of {@code base}'s ("vs nq=4 0.31": 0.31 times as many per second); none without it. */
    private static Annotation relative(BenchRecord r, BenchRecord base, String label) {
        return base == null ? Annotation.NONE
                : new Annotation(label + " " + f2(r.perSecond() / base.perSecond()), "", "", "");
    }

    private static Annotation pytorch(BenchRecord r, double pytorchPerSecond, String unit, double target) {
        double factor = r.perSecond() / pytorchPerSecond;
        return new Annotation("xPyTorch " + f1(factor), "PyTorch " + f0(pytorchPerSecond) + " " + unit,
                ">= " + f0(target) + "x PyTorch", met(factor >= target));
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "NO";
    }

    /** The record of that name, qubit count ({@code -1}: any) and thread count, or null. */
    private BenchRecord find(String name, int qubits, int threads) {
        for (BenchRecord r : records)
            if (r.name().equals(name) && (qubits < 0 || r.qubits() == qubits) && r.threads() == threads) return r;
        return null;
    }

    /** The table text, and a last line counting the targets met. */
    String render() {
        String[] head = {"benchmark", "qubits", "threads", "median ms", "ns/amp/gate", "per s", "ratio",
                "reference", "target", "met"};
        boolean[] right = {false, true, true, true, true, true, false, false, false, false};
        List<String[]> rows = new ArrayList<>();
        int targets = 0, met = 0;
        for (BenchRecord r : records) {
            Annotation a = annotate(r);
            if (!a.met().isEmpty()) {
                targets++;
                if (a.met().equals("yes")) met++;
            }
            rows.add(new String[]{r.name(), Integer.toString(r.qubits()), Integer.toString(r.threads()),
                    g4(r.medianMs()), g3(r.nsPerAmpPerGate()), g4(r.perSecond()), a.ratio(), a.reference(),
                    a.target(), a.met()});
        }
        int[] w = new int[head.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = head[c].length();
            for (String[] row : rows) w[c] = Math.max(w[c], row[c].length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w, right);
        for (String[] row : rows) line(sb, row, w, right);
        sb.append(String.format(Locale.ROOT, "targets met: %d of %d%n", met, targets));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) l.append("  ");
            l.append(String.format(Locale.ROOT, "%" + (right[c] ? "" : "-") + w[c] + "s", cells[c]));
        }
        sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String g4(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4g", x) : "-";
    }

    private static String g3(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
    }

    private static String f0(double x) {
        return String.format(Locale.ROOT, "%.0f", x);
    }

    private static String f1(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    private static String f2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
