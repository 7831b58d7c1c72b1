package org.qmlff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code qmlff bench}: the set of records, the JSON fields and their consistency, and the printed
 * table. Never timings: those depend on the machine's load.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    /** Records that are forward passes of a circuit, and so have ns per amplitude per gate. */
    private static final Set<String> FORWARD = Set.of("gate-enc", "gate-ex", "le-d6-forward", "revised-batch-forward");
    /** Records that count items per second. */
    private static final Set<String> THROUGHPUT = Set.of("revised-batch-forward", "revised-batch-hvp", "revised-train",
            "revised-md", "le-train");

    /** The model rows read the bundled ethanol file, found through the build's qmlff.root property. */
    private static void assumeBundledData() {
        Assumptions.assumeTrue(System.getProperty("qmlff.root") != null,
                "system property qmlff.root not set (bundled ethanol data unknown): test skipped");
    }

    @Test
    void quickRunWritesOneWellFormedRecordPerBenchmark() throws Exception {
        assumeBundledData();
        Path json = dir.resolve("out/bench.json");
        CliRun r = CliRun.main("bench", "--quick", "--max-qubits", "8", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();

        JsonNode list = new ObjectMapper().readTree(json.toFile());
        assertThat(list.isArray()).isTrue();
        List<String> keys = new ArrayList<>();
        for (JsonNode rec : list)
            keys.add(rec.get("name").asText() + "/" + rec.get("qubits").asInt() + "/" + rec.get("threads").asInt());
        // --max-qubits 8: every simulator benchmark at 8 qubits; the default --threads 2 adds the
        // 2-thread forward and training rows; the models on ethanol use 4 (revised) and 8 (le) qubits.
        assertThat(keys).containsExactly(
                "gate-enc/8/1", "gate-ex/8/1",
                "le-d6-forward/8/1", "le-d6-gradient/8/1", "le-d6-hvp/8/1", "le-d6-forward/8/2",
                "revised-batch-forward/4/1", "revised-batch-hvp/4/1",
                "revised-train/4/1", "revised-train/4/2", "revised-md/4/1",
                "le-train/8/1", "le-train/8/2");

        for (JsonNode rec : list) {
            String name = rec.get("name").asText();
            assertThat(rec.has("ns_per_amp_per_gate")).as(name).isTrue();
            double median = rec.get("median_ms").asDouble();
            assertThat(median).as(name).isPositive().isFinite();
            assertThat(rec.get("min_ms").asDouble()).as(name).isPositive().isLessThanOrEqualTo(median);
            assertThat(rec.get("max_ms").asDouble()).as(name).isGreaterThanOrEqualTo(median);
            assertThat(rec.get("repeats").asInt()).as(name).isEqualTo(3);
            assertThat(rec.get("calls_per_repeat").asLong()).as(name).isPositive();
            // HotSpot counts allocated bytes per thread: the harness reports them per call (not checked: C1 code boxes)
            assertThat(rec.get("alloc_bytes_per_call").isNumber()).as(name).isTrue();
            JsonNode ns = rec.get("ns_per_amp_per_gate");
            int items = rec.get("items_per_call").asInt();
            assertThat(items).as(name).isPositive();
            if (FORWARD.contains(name)) {
                // ns per amplitude per gate × amplitudes × gates × circuits per call = the median call
                int gates = rec.get("gates").asInt();
                assertThat(gates).as(name).isPositive();
                assertThat(ns.asDouble() * 1e-6 * Math.pow(2, rec.get("qubits").asInt()) * gates * items)
                        .as(name).isCloseTo(median, within(1e-9 * median));
            } else {
                assertThat(ns.isNull()).as(name + " ns_per_amp_per_gate").isTrue();
            }
            JsonNode perSecond = rec.get("per_second");
            if (THROUGHPUT.contains(name)) {
                // per_second counts items_per_call items in median_ms
                assertThat(perSecond.asDouble()).as(name).isCloseTo(items * 1000.0 / median, within(1e-9 * perSecond.asDouble()));
            } else {
                assertThat(perSecond.isNull()).as(name + " per_second").isTrue();
            }
        }
        // the baseline circuit of MODELS.md at 8 qubits, D = 6: 4 singlets, 7 encoding layers of 8 Enc,
        // 6 layers of Ex on the 8 ring pairs; the gates counted are those of the light cone of σ₀·σ₁: the
        // last encoding layer loses 6 gates, the last Ex layer 3 ((5,6), (3,4), (4,5)), the encoding layer
        // before it 2 (qubits 4, 5)
        assertThat(list.get(2).get("gates").asInt()).isEqualTo(4 + 7 * 8 + 6 * 8 - 6 - 3 - 2);
        // the revised atomic circuit, 4 qubits, D = 3: 2 singlets, 4 × 4 Enc, 3 × 4 Ex, less the last
        // encodings of qubits 2 and 3
        assertThat(list.get(6).get("gates").asInt()).isEqualTo(2 + 4 * 4 + 3 * 4 - 2);
        assertThat(list.get(8).get("gates").isNull()).isTrue();

        String table = r.out();
        assertThat(table).contains("benchmark", "median ms", "ns/amp/gate", "per s", "ratio", "reference", "target", "met");
        for (String name : List.of("gate-enc", "gate-ex", "le-d6-forward", "le-d6-gradient", "le-d6-hvp",
                "revised-batch-forward", "revised-batch-hvp", "revised-train", "revised-md", "le-train"))
            assertThat(table).contains(name);
        assertThat(table).contains("grad/fwd", "hvp/fwd", "xPyTorch", "PyTorch 392 configs/s", "PyTorch 112 evals/s",
                "targets met:");
        assertThat(r.err()).contains("measured gate-enc (8 qubits, 1 thread)");
        // the JSON went through a temporary file that was renamed: nothing else is left beside it
        try (var files = Files.list(json.getParent())) {
            assertThat(files).containsExactly(json);
        }
    }

    @Test
    void oddOrTooLargeQubitCountsAreOneLineErrors() {
        for (String n : new String[]{"7", "26", "4"}) {
            CliRun r = CliRun.main("bench", "--quick", "--max-qubits", n);
            assertThat(r.code()).as(n).isEqualTo(2);
            assertThat(r.err().strip()).as(n).startsWith("qmlff: error: --max-qubits must be an even number from 8 to 24")
                    .doesNotContain("\n");
        }
    }

    @Test
    void zeroThreadsIsAOneLineError() {
        CliRun r = CliRun.main("bench", "--quick", "--threads", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("qmlff: error: --threads must be at least 1, got 0");
    }

    @Test
    void missingDataFileIsAOneLineError() {
        CliRun r = CliRun.main("bench", "--quick", "--data", dir.resolve("nope.npz").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qmlff: error:").contains("nope.npz").doesNotContain("\n");
    }

    /** {@code qmlff bench --quick --only group}, which must succeed; adds name/qubits/threads of each JSON record to keys. */
    private CliRun runGroup(String group, List<String> keys) throws Exception {
        Path json = dir.resolve(group + ".json");
        CliRun r = CliRun.main("bench", "--quick", "--only", group, "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (JsonNode rec : new ObjectMapper().readTree(json.toFile()))
            keys.add(rec.get("name").asText() + "/" + rec.get("qubits").asInt() + "/" + rec.get("threads").asInt());
        return r;
    }

    @Test
    void onlyRevisedRunsTheRevisedModelRows() throws Exception {
        assumeBundledData();
        List<String> keys = new ArrayList<>();
        CliRun r = runGroup("revised", keys);
        // the default model (4 qubits) with 1 and 2 threads, then nq = 6 and 8 on one thread
        assertThat(keys).containsExactly("revised-train/4/1", "revised-train/4/2", "revised-md/4/1",
                "revised-train/6/1", "revised-md/6/1", "revised-train/8/1", "revised-md/8/1");
        assertThat(r.out()).contains("vs nq=4");
        CliRun bad = CliRun.main("bench", "--quick", "--only", "nothing");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("qmlff: error: --only must be all, revised or rich, got nothing");
    }

    @Test
    void onlyRichRunsTheRichVariantsOnOneThread() throws Exception {
        assumeBundledData();
        List<String> keys = new ArrayList<>();
        CliRun r = runGroup("rich", keys);
        assertThat(keys).containsExactly("rich-train/4/1", "rich-md/4/1", "rich-tensor-train/4/1", "rich-tensor-md/4/1",
                "rich-channels2-train/4/1", "rich-channels2-md/4/1");
        assertThat(r.out()).contains("vs rich");
    }

    @Test
    void freshJvmsTimeTheRowInEachChildAndCompareTheSlowestWithTheMedian() throws Exception {
        Path json = dir.resolve("spread.json");
        CliRun r = CliRun.main("bench", "--quick", "--max-qubits", "8", "--fresh-jvms", "2", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(json.toFile());
        assertThat(list.size()).isEqualTo(2);
        double[] medians = new double[2];
        for (int i = 0; i < 2; i++) {
            JsonNode rec = list.get(i);
            assertThat(rec.get("jvm").asInt()).isEqualTo(i + 1);
            assertThat(rec.get("name").asText()).isEqualTo("le-d6-gradient");
            assertThat(rec.get("qubits").asInt()).isEqualTo(8);
            assertThat(rec.get("threads").asInt()).isEqualTo(1);
            assertThat(rec.get("repeats").asInt()).isEqualTo(3);
            medians[i] = rec.get("median_ms").asDouble();
            assertThat(medians[i]).isPositive().isFinite();
            assertThat(r.err()).contains("JVM " + (i + 1) + " of 2: le-d6-gradient");
        }
        // two JVMs: the median is their mean, the slowest the larger one
        double median = (medians[0] + medians[1]) / 2, slowest = Math.max(medians[0], medians[1]);
        String out = r.out();
        assertThat(out).contains("le-d6-gradient at 8 qubits, 1 thread, in 2 fresh JVMs", "jvm", "median ms", "x median",
                "alloc MB/call");
        List<String> rows = out.lines().filter(l -> l.matches("\\s+[12]\\s+.*")).toList();
        assertThat(rows).hasSize(2);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "median over 2 JVM\\(s\\): (\\S+) ms; slowest: (\\S+) ms \\(JVM ([12])\\)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(median, within(1e-3 * median));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(slowest, within(1e-3 * slowest));
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(medians[0] >= medians[1] ? 1 : 2);
        java.util.regex.Matcher ratio = java.util.regex.Pattern.compile(
                "slowest/median: (\\S+)  target: <= 1.30x median  met: (yes|NO)").matcher(out);
        assertThat(ratio.find()).as(out).isTrue();
        assertThat(Double.parseDouble(ratio.group(1))).isCloseTo(slowest / median, within(1e-3));
        assertThat(ratio.group(2)).isEqualTo(slowest / median <= 1.3 ? "yes" : "NO");
    }

    @Test
    void freshJvmsNeedsAtLeastOneJvmAndARowItKnows() {
        CliRun zero = CliRun.main("bench", "--quick", "--fresh-jvms", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("qmlff: error: --fresh-jvms must be at least 1, got 0");
        CliRun row = CliRun.main("bench", "--quick", "--fresh-jvms", "2", "--only", "gate-enc");
        assertThat(row.code()).isEqualTo(2);
        assertThat(row.err().strip()).startsWith("qmlff: error: with --fresh-jvms, --only must name one row: le-forward")
                .doesNotContain("\n");
    }

    @Test
    void profilePrintsEveryStageOfBothEvaluationsWithSharesSummingToOne() {
        assumeBundledData();
        CliRun r = CliRun.main("bench", "--quick", "--profile");
        assertThat(r.code()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("revised training step (1 thread)", "revised single-frame energy + forces");
        for (org.qmlff.model.StageClock.Stage s : org.qmlff.model.StageClock.Stage.values())
            assertThat(out).as(s.name()).contains(s.label());
        // the shares of each table add up to 100 % (they split the wall time of one run)
        for (String table : out.split("\\n\\n|\\R\\R")) {
            if (!table.contains("share")) continue;
            double sum = 0;
            for (String line : table.split("\\R")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)%$").matcher(line.trim());
                if (m.find()) sum += Double.parseDouble(m.group(1));
            }
            assertThat(sum).as(table).isCloseTo(100, within(0.5));
        }
    }
}
