package org.qmlff.cli;

import org.qmlff.data.Dataset;
import org.qmlff.md.MdLimits;
import org.qmlff.md.benchmark.BondTopology;
import org.qmlff.md.benchmark.DistanceGrid;
import org.qmlff.md.benchmark.MdBenchmark;
import org.qmlff.md.benchmark.MdBenchmarkConfig;
import org.qmlff.md.benchmark.MdBenchmarkResult;
import org.qmlff.model.ForceField;
import org.qmlff.model.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code qmlff md-benchmark}: MD stability, h(r) and energy drift of models (core: org.qmlff.md.benchmark). */
@Command(name = "md-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"MD benchmark of models (after Fu et al., TMLR 2023): NVT Langevin stability runs from several frames "
                + "and seeds, h(r) of their stable parts against reference data, NVE energy drift, speed.",
                "Writes OUT/summary.md, OUT/summary.json, OUT/survival.png and per model OUT/LABEL/{result.json, hr.csv, "
                        + "hr.png, runs/}. Rerunning the same command resumes: finished runs are skipped, interrupted "
                        + "ones continue from their last checkpoint bit-identically."})
final class MdBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, arity = "1..*", paramLabel = "M", description = "Model file(s).")
    List<Path> models;
    @Option(names = "--data", required = true, paramLabel = "D", description = "Data file whose frames the runs start from.")
    Path data;
    @Option(names = "--reference", paramLabel = "R", description = "Data file of the reference h(r) (default: D).")
    Path reference;
    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output directory (created if missing).")
    Path out;
    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Number of NVT runs (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--frames", split = ",", paramLabel = "K", description = "Starting frames, one per run "
            + "(default: N frames spread evenly over D).")
    int[] frames;
    @Option(names = "--seeds", split = ",", paramLabel = "S", description = "Seeds, one per run (default: --seed, --seed + 1, ...).")
    long[] seeds;
    @Option(names = "--seed", defaultValue = "0", description = "First seed when --seeds is not given (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--temperature", defaultValue = "500", paramLabel = "K", description = "Temperature, K (default: ${DEFAULT-VALUE}).")
    double temperature;
    @Option(names = "--dt", defaultValue = "0.5", paramLabel = "FS", description = "Time step, fs (default: ${DEFAULT-VALUE}).")
    double dt;
    @Option(names = "--length", defaultValue = "100", paramLabel = "PS", description = "Length of each NVT run, ps (default: ${DEFAULT-VALUE}).")
    double length;
    @Option(names = "--friction", defaultValue = "0.01", paramLabel = "GAMMA", description = "Langevin friction, 1/fs (default: ${DEFAULT-VALUE}).")
    double friction;
    @Option(names = "--bond-factor", defaultValue = "1.2", paramLabel = "F",
            description = "Bonded if distance <= F x sum of covalent radii in the starting frame (default: ${DEFAULT-VALUE}).")
    double bondFactor;
    @Option(names = "--bond-threshold", defaultValue = "0.5", paramLabel = "Å",
            description = "A run fails when a bond deviates more than this from its starting length (default: ${DEFAULT-VALUE} Å).")
    double bondThreshold;
    @Option(names = "--nve-length", defaultValue = "2", paramLabel = "PS",
            description = "Length of each NVE drift run, ps; 0 for none (default: ${DEFAULT-VALUE}).")
    double nveLength;
    @Option(names = "--sample-every", defaultValue = "20", paramLabel = "STEPS",
            description = "h(r) takes a geometry every this many steps (default: ${DEFAULT-VALUE}).")
    int sampleEvery;
    @Option(names = "--checkpoint-every", defaultValue = "2000", paramLabel = "STEPS",
            description = "Checkpoint each run every this many steps (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;
    @Option(names = "--hr-max", defaultValue = "10", paramLabel = "Å", description = "End of the h(r) grid (default: ${DEFAULT-VALUE} Å).")
    double hrMax;
    @Option(names = "--hr-bins", defaultValue = "500", paramLabel = "B", description = "Bins of the h(r) grid (default: ${DEFAULT-VALUE}).")
    int hrBins;
    @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel; results do not depend on it (default: all processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Dataset init = MdSupport.load(data);
        Dataset ref = reference == null ? init : MdSupport.load(reference);
        List<ForceField> fields = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Path m : models) {
            fields.add(Models.read(m));
            ids.add(sha256(m));
        }
        return benchmark(fields, labels(models), ids, init, ref);
    }

    /** Everything after loading. */
    int benchmark(List<ForceField> fields, List<String> labels, List<String> ids, Dataset init, Dataset ref) throws IOException {
        int nThreads = Threads.count(threads);
        if (frames == null && runs < 1) throw new UserError("--runs must be at least 1, got " + runs);
        int[] f = frames != null ? frames : MdBenchmarkConfig.evenFrames(runs, init.frames());
        long[] s = seeds != null ? seeds : MdBenchmarkConfig.consecutiveSeeds(f.length, seed);
        if (s.length != f.length)
            throw new UserError(s.length + " seeds (--seeds) for " + f.length + " runs (--frames/--runs); give one seed per run");
        MdBenchmarkConfig config = new MdBenchmarkConfig(temperature, dt, length, friction, f, s, bondFactor, bondThreshold,
                nveLength, sampleEvery, checkpointEvery, new DistanceGrid(hrMax, hrBins), MdLimits.defaults(temperature));
        PrintWriter w = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        // every model, frame and reference is checked before the output directory is made
        List<MdBenchmark> benches = new ArrayList<>();
        for (int m = 0; m < fields.size(); m++) {
            try {
                benches.add(new MdBenchmark(fields.get(m), labels.get(m), ids.get(m), init, ref, config));
            } catch (IllegalArgumentException e) {
                throw new UserError("model " + labels.get(m) + ": " + e.getMessage());
            }
        }
        Files.createDirectories(out);
        List<MdBenchmarkResult> results = new ArrayList<>();
        for (int m = 0; m < fields.size(); m++) {
            MdBenchmark bench = benches.get(m);
            w.println(labels.get(m) + ": " + config.runs() + " NVT runs of " + length + " ps and " + (config.nveSteps() > 0
                    ? config.runs() + " NVE runs of " + nveLength + " ps" : "no NVE runs") + " on " + nThreads + " threads; "
                    + BondTopology.of(init.numbers(), start(init, f[0]), bondFactor).size() + " bonds in frame " + f[0]);
            w.flush();
            Path dir = out.resolve(labels.get(m));
            MdBenchmarkResult r = bench.run(dir, nThreads, () -> true, line -> {
                w.println("  " + line);
                w.flush();
            });
            MdBenchmarkPlots.hr(r, dir.resolve("hr.png"));
            results.add(r);
        }
        MdBenchmarkResult.writeSummary(out, results);
        MdBenchmarkPlots.survival(results, out.resolve("survival.png"));
        w.print(MdBenchmarkResult.summaryMarkdown(results).replaceFirst("^# MD benchmark\n\n", ""));
        w.println("wrote " + out.toAbsolutePath());
        w.flush();
        return 0;
    }

    private static double[] start(Dataset d, int frame) {
        double[] x = new double[3 * d.atoms()];
        d.copyPositions(frame, x);
        return x;
    }

    /** Table names of the models: the run directory's name for RUN/model.json, else the file name without .json; made unique. */
    static List<String> labels(List<Path> models) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path m : models) {
            Path abs = m.toAbsolutePath().normalize();
            String name = abs.getFileName().toString();
            String label = name.equals("model.json") && abs.getParent() != null && abs.getParent().getFileName() != null
                    ? abs.getParent().getFileName().toString() : name.replaceFirst("\\.json$", "");
            String unique = label;
            for (int k = 2; !used.add(unique); k++) unique = label + "-" + k;
            out.add(unique);
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
