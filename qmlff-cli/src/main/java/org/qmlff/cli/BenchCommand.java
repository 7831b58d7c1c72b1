package org.qmlff.cli;

import org.qmlff.experiment.DataAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.RevisedArchitecture;
import org.qmlff.model.RichArchitecture;
import org.qmlff.perf.BenchPlan;
import org.qmlff.perf.BenchRecord;
import org.qmlff.perf.BenchSuite;
import org.qmlff.perf.StageProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code qmlff bench}: times the simulator and the models ({@link BenchSuite}) with a warm-up and
 * repeated runs, and prints the medians beside the reference points and targets of the performance
 * issue ({@link BenchReport}); optionally writes the records as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the simulator (gate kernels, the baseline D=6 circuit: forward, gradient, "
                + "Hessian-vector product) and the models (training and MD throughput on ethanol).",
                "Prints medians of repeated runs next to reference points and targets. Timings depend on "
                        + "the machine's load; compare runs made on the same, otherwise idle machine."})
final class BenchCommand implements Callable<Integer> {
    static final String BUNDLED_DATA = "data/rmd17/rmd17_ethanol_train_01.npz";

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Smoke run: short warm-up, 3 short runs per benchmark, small "
            + "circuits (at most 12 qubits unless --max-qubits says otherwise).")
    boolean quick;
    @Option(names = "--max-qubits", paramLabel = "N",
            description = "Largest circuit, even, 8..24 (default: 20, or 12 with --quick).")
    Integer maxQubits;
    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "Threads of the multi-threaded variants, besides 1 (default: ${DEFAULT-VALUE}; 1: none).")
    int threads;
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the records as a JSON list to FILE.")
    Path json;
    @Option(names = "--only", paramLabel = "GROUP",
            description = {"Run one group of benchmarks: all (default); revised (revised-train with 1 and --threads "
                    + "threads, revised-md, and both with nq = 6 and 8 on 1 thread); rich (the rich model, 1 thread: "
                    + "defaults, with tensor gates, with 2 channels).",
                    "With --fresh-jvms, the row to time: le-gradient (default), le-forward, le-hvp (the le-d6 row at "
                            + "--max-qubits), revised-train or revised-md (1 thread)."})
    String only = "all";
    @Option(names = "--fresh-jvms", paramLabel = "N",
            description = "Instead of the table, time one row (see --only) in N fresh JVMs, one after another, and print "
                    + "each JVM's median, the median over the JVMs and the slowest against issue 21's target (within "
                    + "1.3x of the median).")
    Integer freshJvms;
    /** The child of --fresh-jvms: measures one row and prints its record as one line. */
    @Option(names = "--child-row", hidden = true)
    String childRow;
    @Option(names = "--profile", description = "Instead of the benchmarks, print where the revised model's time goes: "
            + "a training step and a single-frame energy + forces evaluation, stage by stage (one thread).")
    boolean profile;
    @Option(names = "--data", paramLabel = "FILE",
            description = "Frames for the model benchmarks, a molecule of H, C, N, O (default: the bundled "
                    + BUNDLED_DATA + ").")
    Path data;

    @Override
    public Integer call() {
        int n = maxQubits != null ? maxQubits : quick ? 12 : 20;
        BenchPlan plan;
        try {
            plan = quick ? BenchPlan.quick(n, threads) : BenchPlan.full(n, threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (childRow != null) {
            BenchSuite suite = new BenchSuite(plan);
            Dataset frames = childRow.startsWith("le-") ? null : DataAccess.load(dataFile());
            out.println(FreshJvms.recordLine(toMap(suite.spreadRow(childRow, frames))));
            out.flush();
            return 0;
        }
        if (freshJvms != null) return freshJvms(plan, out, err);
        Dataset frames = DataAccess.load(dataFile());
        out.printf(Locale.ROOT, "qmlff bench (%s): medians of %d timed runs per benchmark; Java %s, %d processors "
                        + "available; model benchmarks on %s (%d frames)%n", quick ? "quick" : "full",
                plan.harness().repeats(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), frames.name(), frames.frames());
        out.println("Timings depend on the machine and on whatever else runs on it: read them as rough figures.");
        out.flush();
        BenchSuite suite = new BenchSuite(plan);
        if (profile) {
            for (StageProfile.Result p : suite.revisedProfile(frames)) out.print(renderProfile(p));
            out.flush();
            return 0;
        }
        Consumer<BenchRecord> progress = r -> {
            err.printf(Locale.ROOT, "  measured %s (%d qubits, %d thread%s): %.4g ms per call%n", r.name(),
                    r.qubits(), r.threads(), r.threads() == 1 ? "" : "s", r.medianMs());
            err.flush();
        };
        List<BenchRecord> records = switch (only) {
            case "all" -> suite.run(frames, progress);
            case RevisedArchitecture.NAME -> {
                List<BenchRecord> list = new ArrayList<>();
                Consumer<BenchRecord> sink = r -> {
                    list.add(r);
                    progress.accept(r);
                };
                suite.revisedModel(frames, sink);
                suite.revisedWider(frames, sink);
                yield list;
            }
            case RichArchitecture.NAME -> {
                List<BenchRecord> list = new ArrayList<>();
                suite.richModels(frames, r -> {
                    list.add(r);
                    progress.accept(r);
                });
                yield list;
            }
            default -> throw new UserError("--only must be all, revised or rich, got " + only);
        };
        out.print(new BenchReport(records).render());
        out.flush();
        if (json != null) writeJson(records, json);
        return 0;
    }

    /** {@code --fresh-jvms}: the row of {@code --only} in that many fresh JVMs, then the spread. */
    private int freshJvms(BenchPlan plan, PrintWriter out, PrintWriter err) {
        if (freshJvms < 1) throw new UserError("--fresh-jvms must be at least 1, got " + freshJvms);
        if (profile) throw new UserError("--fresh-jvms and --profile cannot be used together");
        String row = only.equals("all") ? "le-gradient" : only;
        if (!BenchSuite.SPREAD_ROWS.contains(row))
            throw new UserError("with --fresh-jvms, --only must name one row: " + String.join(", ", BenchSuite.SPREAD_ROWS)
                    + "; got " + only);
        List<String> args = new ArrayList<>(List.of("bench", "--child-row", row,
                "--max-qubits", Integer.toString(plan.maxQubits())));
        if (quick) args.add("--quick");
        boolean circuit = row.startsWith("le-");
        if (!circuit) {
            args.add("--data");
            args.add(dataFile().toAbsolutePath().toString());
        }
        out.printf(Locale.ROOT, "qmlff bench --fresh-jvms %d (%s): %s, %s, 1 thread, in %d fresh JVM%s one after "
                        + "another; each JVM's figure is the median of its %d timed runs; Java %s, %d processors available%n",
                freshJvms, quick ? "quick" : "full", row,
                circuit ? "le-d6-" + row.substring(3) + " at " + plan.maxQubits() + " qubits" : "default revised model",
                freshJvms, freshJvms == 1 ? "" : "s", plan.harness().repeats(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        out.println("Timings depend on the machine and on whatever else runs on it: run this on an otherwise idle machine.");
        out.flush();
        List<Map<String, Object>> records = FreshJvms.run(freshJvms, args, err);
        out.print(FreshJvms.render(records));
        out.flush();
        if (json != null) writeJsonMaps(records, json);
        return 0;
    }

    /** One profile as a table: stage, µs per item, share of the wall time. */
    static String renderProfile(StageProfile.Result p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%s: %.0f per second over the split run (harness median %.4g ms per call)%n",
                p.name(), p.perSecond(), p.harnessMs()));
        b.append(String.format(Locale.ROOT, "  %-48s %12s %8s%n", "stage", "us per item", "share"));
        for (StageProfile.Row r : p.rows()) {
            b.append(String.format(Locale.ROOT, "  %-48s %12.2f %7.1f%%%n", r.stage(), r.microsPerItem(), 100 * r.share()));
        }
        return b.toString();
    }

    private Path dataFile() {
        if (data != null) return data;
        String root = System.getProperty("qmlff.root");
        Path p = root != null ? Path.of(root).resolve(BUNDLED_DATA) : Path.of(BUNDLED_DATA);
        if (!Files.isRegularFile(p))
            throw new UserError("the model benchmarks need frames of a molecule: " + p
                    + " not found; pass --data FILE");
        return p;
    }

    /** The records as a JSON list; quantities that do not apply are {@code null}. */
    static void writeJson(List<BenchRecord> records, Path file) {
        writeJsonMaps(records.stream().map(BenchCommand::toMap).toList(), file);
    }

    /** One record's JSON fields, in file order. */
    static Map<String, Object> toMap(BenchRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("qubits", r.qubits());
        m.put("threads", r.threads());
        m.put("median_ms", r.medianMs());
        m.put("ns_per_amp_per_gate", finiteOrNull(r.nsPerAmpPerGate()));
        m.put("per_second", finiteOrNull(r.perSecond()));
        m.put("gates", r.gates() > 0 ? r.gates() : null);
        m.put("items_per_call", r.items());
        m.put("min_ms", r.timing().minNanos() * 1e-6);
        m.put("max_ms", r.timing().maxNanos() * 1e-6);
        m.put("repeats", r.timing().repeats());
        m.put("calls_per_repeat", r.timing().callsPerRepeat());
        m.put("alloc_bytes_per_call", finiteOrNull(r.timing().allocatedBytesPerCall()));
        return m;
    }

    private static void writeJsonMaps(List<Map<String, Object>> list, Path file) {
        try {
            byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(list);
            AtomicFiles.write(file, bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the benchmark records", e);
        }
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
