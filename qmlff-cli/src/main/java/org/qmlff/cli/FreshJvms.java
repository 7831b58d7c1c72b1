package org.qmlff.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.perf.Harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qmlff bench --fresh-jvms N}: one benchmark row timed in N fresh JVMs, one after the other, and the
 * spread of their medians against issue 21's steadiness target ({@link BenchReport#TARGET_FRESH_JVM_SPREAD}).
 *
 * <p>Each child is this JVM again: the same {@code java} executable, JVM options (those of the
 * {@code RuntimeMXBean}, {@code --add-modules jdk.incubator.vector} included; a debugger agent left out) and
 * class path, running {@code qmlff bench --child-row ROW} with the parent's sizes, which measures that row
 * as the normal bench does and prints its record as one line, {@value #RECORD_PREFIX} and the record's JSON.
 */
final class FreshJvms {
    /** What starts the one line of a child's standard output that carries its record. */
    static final String RECORD_PREFIX = "qmlff-bench-record ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FreshJvms() {
    }

    /** The line a child prints: {@link #RECORD_PREFIX} and the record as JSON on one line. */
    static String recordLine(Map<String, Object> record) {
        try {
            return RECORD_PREFIX + JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the benchmark record", e);
        }
    }

    /** The record of a child's output: its one {@link #RECORD_PREFIX} line; null if there is none. */
    static Map<String, Object> parseRecord(String stdout) {
        for (String line : stdout.split("\\R")) {
            if (!line.startsWith(RECORD_PREFIX)) continue;
            try {
                return JSON.readValue(line.substring(RECORD_PREFIX.length()), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    /** The command that starts a JVM like this one running {@code qmlff} with {@code args}. */
    static List<String> childCommand(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a second JVM cannot listen on the debugger's port
            if (a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp")) continue;
            cmd.add(a);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code n} children one after the other, each {@code qmlff} with {@code args}; returns their
     * records in order, each with its {@code jvm} number (1..n) and process id ({@code pid}) first. {@code progress} gets a line per child.
     */
    static List<Map<String, Object>> run(int n, List<String> args, PrintWriter progress) {
        List<String> cmd = childCommand(args);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> numbered = new LinkedHashMap<>();
            numbered.put("jvm", i);
            Map<String, Object> record = runOne(cmd, i, n, numbered);
            numbered.putAll(record);
            records.add(numbered);
            progress.printf(Locale.ROOT, "  JVM %d of %d: %s %.4g ms per call%n", i, n, record.get("name"), medianMs(record));
            progress.flush();
        }
        return records;
    }

    /** Runs child i of n; puts its process id ({@code pid}, as in {@code -XX:LogFile=…%p}) into {@code numbered}. */
    private static Map<String, Object> runOne(List<String> cmd, int i, int n, Map<String, Object> numbered) {
        Path errFile = null;
        try {
            errFile = Files.createTempFile("qmlff-fresh-jvm-", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            numbered.put("pid", p.pid());
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = p.waitFor();
            Map<String, Object> record = code == 0 ? parseRecord(out) : null;
            if (record == null)
                throw new UserError("fresh JVM " + i + " of " + n + " failed (exit code " + code + "): "
                        + lastLine(Files.readString(errFile, StandardCharsets.UTF_8), out));
            return record;
        } catch (IOException e) {
            throw new UserError("cannot start a fresh JVM (" + cmd.get(0) + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while fresh JVM " + i + " of " + n + " ran");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** The child's last line of diagnostics (its error message), without the incubator-module warning. */
    private static String lastLine(String err, String out) {
        String last = "no record printed";
        for (String text : new String[]{out, err}) {
            for (String line : text.split("\\R")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.contains("Using incubator modules") && !l.startsWith(RECORD_PREFIX)) last = l;
            }
        }
        return last.startsWith("qmlff: error: ") ? last.substring("qmlff: error: ".length()) : last;
    }

    static double medianMs(Map<String, Object> record) {
        return ((Number) record.get("median_ms")).doubleValue();
    }

    /**
     * The per-JVM table (JVM, median, fastest and slowest run, median / median over the JVMs, heap MB
     * allocated per call: near 0 when warm, large where a Vector API kernel runs with boxed vectors) and the
     * spread: the median over the JVMs, the slowest JVM, slowest / median against the target.
     */
    static String render(List<Map<String, Object>> records) {
        double[] medians = new double[records.size()];
        for (int i = 0; i < medians.length; i++) medians[i] = medianMs(records.get(i));
        double overall = Harness.median(medians);
        int slowest = 0;
        for (int i = 1; i < medians.length; i++) if (medians[i] > medians[slowest]) slowest = i;
        double ratio = medians[slowest] / overall;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%4s  %10s  %10s  %10s  %8s  %13s%n", "jvm", "median ms", "min ms", "max ms",
                "x median", "alloc MB/call"));
        for (int i = 0; i < medians.length; i++) {
            Map<String, Object> r = records.get(i);
            Object alloc = r.get("alloc_bytes_per_call");
            b.append(String.format(Locale.ROOT, "%4d  %10.4g  %10.4g  %10.4g  %8.3f  %13s%n", i + 1, medians[i],
                    ((Number) r.get("min_ms")).doubleValue(), ((Number) r.get("max_ms")).doubleValue(),
                    medians[i] / overall, alloc instanceof Number n ? String.format(Locale.ROOT, "%.3f",
                            n.doubleValue() / 1e6) : "-"));
        }
        double target = BenchReport.TARGET_FRESH_JVM_SPREAD;
        b.append(String.format(Locale.ROOT, "median over %d JVM(s): %.4g ms; slowest: %.4g ms (JVM %d)%n",
                medians.length, overall, medians[slowest], slowest + 1));
        b.append(String.format(Locale.ROOT, "slowest/median: %.3f  target: <= %.2fx median  met: %s%n", ratio, target,
                ratio <= target ? "yes" : "NO"));
        return b.toString();
    }
}
