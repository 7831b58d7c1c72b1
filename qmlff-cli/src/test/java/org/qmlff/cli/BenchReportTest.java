package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.qmlff.perf.BenchRecord;
import org.qmlff.perf.Timing;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotations and layout of the {@code qmlff bench} table, on made-up records. */
class BenchReportTest {

    private static BenchRecord circuit(String name, int qubits, int threads, int gates, boolean forward, double ms) {
        return BenchRecord.circuit(name, qubits, threads, gates, forward, timing(ms));
    }

    private static BenchRecord perSecond(String name, int qubits, int threads, int items, double perSecond) {
        return BenchRecord.throughput(name, qubits, threads, 0, items, false, timing(items * 1000.0 / perSecond));
    }

    private static Timing timing(double ms) {
        return new Timing(ms * 1e6, ms * 1e6, ms * 1e6, 1, 1);
    }

    // A 20-qubit D=6 forward of 260 gates in 100 ms: 100e6 / (2^20 × 260) = 0.3668 ns/amp/gate.
    private final BenchRecord fwd = circuit("le-d6-forward", 20, 1, 260, true, 100);
    private final BenchRecord grad = circuit("le-d6-gradient", 20, 1, 260, false, 350);
    private final BenchRecord hvp = circuit("le-d6-hvp", 20, 1, 260, false, 500);
    private final BenchRecord fwd2 = circuit("le-d6-forward", 20, 2, 260, true, 60);
    private final BenchRecord enc8 = circuit("gate-enc", 8, 1, 256, true, 0.1);
    private final BenchRecord enc20 = circuit("gate-enc", 20, 1, 64, true, 64 * Math.scalb(1.0, 20) * 0.5e-6);
    private final BenchRecord train = perSecond("revised-train", 4, 1, 20, 15680);
    private final BenchRecord train2 = perSecond("revised-train", 4, 2, 20, 23520);
    private final BenchRecord md = perSecond("revised-md", 4, 1, 1, 1000);
    private final BenchRecord le = perSecond("le-train", 8, 1, 20, 1568);
    private final BenchReport report = new BenchReport(List.of(enc8, enc20, fwd, grad, hvp, fwd2, train, train2, md, le));

    @Test
    void forwardAt20QubitsIsComparedWithQulacsAndTheTarget() {
        assertThat(fwd.nsPerAmpPerGate()).isCloseTo(100e6 / (Math.scalb(1.0, 20) * 260), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.annotate(fwd)).isEqualTo(new BenchReport.Annotation("xQulacs 1.90",
                "Qulacs 190 ms, 0.70 ns/amp/gate", "<= 0.45 ns/amp/gate", "yes"));
        // 0.5 ns/amp/gate misses the 0.45 target
        assertThat(report.annotate(enc20)).isEqualTo(new BenchReport.Annotation("",
                "Qulacs 0.70 ns/amp/gate (D=6 circuit)", "<= 0.45 ns/amp/gate", "NO"));
        assertThat(report.annotate(enc8)).isEqualTo(BenchReport.Annotation.NONE);
    }

    @Test
    void derivativesAreRatiosToTheForwardOfTheSameSize() {
        assertThat(report.annotate(grad)).isEqualTo(new BenchReport.Annotation("grad/fwd 3.50",
                "Qulacs backprop 7.6 s (x21.7)", "<= 3x forward", "NO"));
        assertThat(report.annotate(hvp)).isEqualTo(new BenchReport.Annotation("hvp/fwd 5.00", "", "<= 6x forward", "yes"));
        // a gradient without a forward of its size has nothing to be compared with
        BenchRecord lone = circuit("le-d6-gradient", 12, 1, 100, false, 3);
        assertThat(report.annotate(lone)).isEqualTo(BenchReport.Annotation.NONE);
    }

    @Test
    void threadedRowsShowTheSpeedUpOverOneThread() {
        assertThat(report.annotate(fwd2)).isEqualTo(new BenchReport.Annotation("x1 thread 1.67", "", "", ""));
        assertThat(report.annotate(train2)).isEqualTo(new BenchReport.Annotation("x1 thread 1.50", "", "", ""));
    }

    @Test
    void modelThroughputIsComparedWithPyTorch() {
        assertThat(report.annotate(train)).isEqualTo(new BenchReport.Annotation("xPyTorch 40.0",
                "PyTorch 392 configs/s", ">= 40x PyTorch", "yes"));
        assertThat(report.annotate(md)).isEqualTo(new BenchReport.Annotation("xPyTorch 8.9",
                "PyTorch 112 evals/s", ">= 500x PyTorch", "NO"));
        assertThat(report.annotate(le)).isEqualTo(new BenchReport.Annotation("revised/le 10.00", "", "", ""));
    }

    @Test
    void tableHasAHeaderOneRowPerRecordAndCountsTargets() {
        List<String> lines = report.render().lines().toList();
        assertThat(lines).hasSize(1 + 10 + 1);
        assertThat(lines.get(0).split("\\s{2,}")).containsExactly("benchmark", "qubits", "threads", "median ms",
                "ns/amp/gate", "per s", "ratio", "reference", "target", "met");
        // forward yes, enc20 NO, gradient NO, hvp yes, train yes, md NO
        assertThat(lines.get(lines.size() - 1)).isEqualTo("targets met: 3 of 6");
        assertThat(lines.get(3)).startsWith("le-d6-forward").contains(" 20 ", " 100.0 ", " 0.367 ", "xQulacs 1.90");
        assertThat(lines.get(7)).startsWith("revised-train").contains(" 1.276 ", " 1.568e+04 ", "xPyTorch 40.0");
        // quantities that do not apply print as "-"
        assertThat(lines.get(4).split("\\s{2,}")[4]).isEqualTo("-");
        assertThat(lines.get(7).split("\\s{2,}")[4]).isEqualTo("-");
    }

    @Test
    void widerRevisedAndRichVariantsAreComparedWithTheirBaseRow() {
        BenchRecord nq6 = perSecond("revised-train", 6, 1, 20, 3920);
        BenchRecord md8 = perSecond("revised-md", 8, 1, 1, 250);
        BenchRecord rich = perSecond("rich-train", 4, 1, 20, 2000);
        BenchRecord tensor = perSecond("rich-tensor-train", 4, 1, 20, 500);
        BenchRecord channels = perSecond("rich-channels2-md", 4, 1, 1, 100);
        BenchReport r = new BenchReport(List.of(train, md, nq6, md8, rich, tensor, channels));
        // the PyTorch reference is the nq = 4 model: wider circuits show their throughput relative to it
        assertThat(r.annotate(nq6)).isEqualTo(new BenchReport.Annotation("vs nq=4 0.25", "", "", ""));
        assertThat(r.annotate(md8)).isEqualTo(new BenchReport.Annotation("vs nq=4 0.25", "", "", ""));
        assertThat(r.annotate(train).reference()).isEqualTo("PyTorch 392 configs/s");
        assertThat(r.annotate(tensor)).isEqualTo(new BenchReport.Annotation("vs rich 0.25", "", "", ""));
        assertThat(r.annotate(rich)).isEqualTo(BenchReport.Annotation.NONE);
        // no rich-md row to compare with
        assertThat(r.annotate(channels)).isEqualTo(BenchReport.Annotation.NONE);
        assertThat(new BenchReport(List.of(nq6)).annotate(nq6)).isEqualTo(BenchReport.Annotation.NONE);
    }

    @Test
    void freshJvmSpreadIsTheSlowestOverTheMedianOfTheJvms() {
        List<java.util.Map<String, Object>> records = new java.util.ArrayList<>();
        double[] medians = {10, 12, 11, 20};
        for (double m : medians)
            records.add(java.util.Map.of("name", "le-d6-gradient", "median_ms", m, "min_ms", m - 1, "max_ms", m + 1));
        String text = FreshJvms.render(records);
        // median of 10, 11, 12, 20 is 11.5; the slowest, JVM 4, is 20/11.5 = 1.739 of it: target missed
        assertThat(text).contains("median over 4 JVM(s): 11.50 ms; slowest: 20.00 ms (JVM 4)",
                "slowest/median: 1.739  target: <= 1.30x median  met: NO");
        assertThat(text.lines().toList().get(4)).matches("\\s+4\\s+20.00\\s+19.00\\s+21.00\\s+1.739\\s+-");
        records.set(3, java.util.Map.of("name", "x", "median_ms", 13.0, "min_ms", 13.0, "max_ms", 13.0,
                "alloc_bytes_per_call", 2.5e6));
        text = FreshJvms.render(records);
        assertThat(text).contains("slowest/median: 1.130  target: <= 1.30x median  met: yes");
        assertThat(text.lines().toList().get(4)).endsWith("  2.500");
    }

    @Test
    void aChildsRecordLineReadsBack() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", "le-d6-gradient");
        m.put("median_ms", 12.5);
        String stdout = "something else\n" + FreshJvms.recordLine(m) + "\n";
        assertThat(FreshJvms.parseRecord(stdout)).isEqualTo(m);
        assertThat(FreshJvms.parseRecord("no record\n")).isNull();
    }
}
