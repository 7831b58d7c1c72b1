package org.qmlff.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.error.InputException;
import org.qmlff.experiment.Backend;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.LearningCurveRunner;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;
import org.qmlff.train.TrainingListener;
import org.qmlff.train.TrainingOptions;
import org.qmlff.train.TrainingResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code spark-submit qmlff-spark.jar train|predict ...}: data-parallel training and batch prediction
 * on a Spark cluster (or {@code --master local[N]} on one machine). A thin shell: it parses, calls
 * {@link SparkTraining} or {@link SparkPrediction}, prints what it measured.
 *
 * <pre>
 * train   --data FILE [--n-train 1000] [--n-valid 50] [--arch revised] [--epochs 100] [--batch 20]
 *         [--lr 0.01] [--w-energy 1] [--w-force 10] [--seed 0] [--partitions P] [--task-cores C] [--option KEY=VALUE]... --out DIR
 * predict --model FILE --data FILE [--partitions P] [--task-cores C] [--format extxyz|npz] --out DIR
 * job-latency [--jobs 100] [--rounds 3]       (Spark's own cost of one empty job: what a training step pays besides computing)
 * learning-curve --data A.npz,B.npz --test A_test.npz,B_test.npz --sizes 50,100 [--arch le,revised] [--seeds 3]
 *         [--config FILE (a 'qmlff train' file: its settings for every run, its arch and files unless given)]
 *         [--n-train --n-valid --epochs --batch --lr --w-energy --w-force --option KEY=VALUE --threads-per-run] --out DIR
 * </pre>
 * The split is the benchmark protocol's (the first n-train frames of the file, the last n-valid of
 * them validate). {@code --task-cores C} sets {@code spark.task.cpus}: each task computes on C threads (results
 * do not depend on it); {@code --partitions} defaults to one per task slot (the cores divided by C) for
 * training and four per task slot for {@code predict} (at most one per frame).
 * Errors in the input: one line on stderr, exit code 2.
 */
public final class QmlffSpark {
    private static final Set<String> TRAIN_OPTIONS = Set.of("master", "data", "n-train", "n-valid", "arch", "epochs",
            "batch", "lr", "w-energy", "w-force", "seed", "partitions", "task-cores", "option", "out");
    private static final Set<String> GRID_OPTIONS = Set.of("master", "config", "arch", "data", "test", "sizes", "seeds", "n-train",
            "n-valid", "epochs", "batch", "lr", "w-energy", "w-force", "option", "threads-per-run", "out");
    private static final Set<String> LATENCY_OPTIONS = Set.of("master", "jobs", "rounds");
    private static final Set<String> PREDICT_OPTIONS = Set.of("master", "model", "data", "partitions", "task-cores", "format", "out");

    private QmlffSpark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (InputException e) {
            System.err.println("qmlff-spark: error: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        if (args.length == 0) throw new InputException("give a command: train, predict, learning-curve or job-latency");
        Map<String, List<String>> o = options(args);
        String command = args[0];
        Set<String> known = switch (command) {
            case "train" -> TRAIN_OPTIONS;
            case "predict" -> PREDICT_OPTIONS;
            case "learning-curve" -> GRID_OPTIONS;
            case "job-latency" -> LATENCY_OPTIONS;
            default -> throw new InputException("unknown command '" + command
                    + "' (expected train, predict, learning-curve or job-latency)");
        };
        for (String key : o.keySet())
            if (!known.contains(key))
                throw new InputException("unknown option '--" + key + "' for " + command + " (known: "
                        + known.stream().sorted().map(k -> "--" + k).collect(Collectors.joining(" ")) + ")");
        if (command.equals("job-latency")) {
            for (String k : List.of("jobs", "rounds"))
                if (integer(o, k, 1) < 1) throw new InputException("--" + k + " " + integer(o, k, 1) + ": at least 1");
        }
        if (command.equals("predict")) SparkPrediction.Format.of(one(o, "format", "extxyz")); // a bad name fails before Spark starts
        SparkConf conf = new SparkConf().setAppName("qmlff " + command);
        if (o.containsKey("master")) conf.setMaster(one(o, "master", null));
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        if (o.containsKey("task-cores")) {
            int cores = integer(o, "task-cores", 1);
            if (cores < 1) throw new InputException("--task-cores " + cores + ": a task needs at least 1 core");
            java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\d+)]").matcher(conf.get("spark.master"));
            if (local.matches() && cores > Integer.parseInt(local.group(1)))
                throw new InputException("--task-cores " + cores + " is more than the " + local.group(1)
                        + " cores of --master " + conf.get("spark.master"));
            conf.set("spark.task.cpus", Integer.toString(cores));
        }
        long t0 = System.nanoTime();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            System.out.printf(Locale.ROOT, "spark: %s, %d default partitions of %d cores each, started in %.2f s%n",
                    spark.master(), defaultPartitions(spark), Math.max(1, spark.getConf().getInt("spark.task.cpus", 1)),
                    (System.nanoTime() - t0) * 1e-9);
            return switch (command) {
                case "train" -> train(spark, o);
                case "predict" -> predict(spark, o);
                case "job-latency" -> jobLatency(spark, o);
                default -> learningCurve(spark, o);
            };
        }
    }

    private static int train(JavaSparkContext spark, Map<String, List<String>> o) {
        Dataset data = read(Path.of(one(o, "data", null)));
        int nTrain = integer(o, "n-train", 1000), nValid = integer(o, "n-valid", 50);
        if (nValid < 1 || nValid >= nTrain || nTrain > data.frames())
            throw new InputException("--n-train " + nTrain + " / --n-valid " + nValid + " do not fit the "
                    + data.frames() + " frames of " + data.name());
        org.qmlff.data.TrainValidSplit split = data.trainValidSplit(nTrain - nValid, nValid);
        ModelOptions mo = Architectures.get(one(o, "arch", org.qmlff.model.RevisedArchitecture.NAME)).defaults();
        for (String kv : o.getOrDefault("option", List.of())) {
            int eq = kv.indexOf('=');
            if (eq < 1) throw new InputException("--option " + kv + ": expected KEY=VALUE");
            mo = mo.with(kv.substring(0, eq), kv.substring(eq + 1));
        }
        TrainingOptions to = new TrainingOptions(integer(o, "epochs", 100), integer(o, "batch", 20),
                real(o, "lr", 0.01), real(o, "w-energy", 1), real(o, "w-force", 10), (long) real(o, "seed", 0));
        int partitions = integer(o, "partitions", defaultPartitions(spark));
        Path out = Path.of(one(o, "out", null));
        ForceField model = Models.create(mo, List.of(split.train()), to.seed());
        long t0 = System.nanoTime();
        StepProfile profile = new StepProfile();
        long[] epochEnd = new long[to.epochs() + 1];
        TrainingResult r = SparkTraining.train(spark, partitions, model, List.of(split.train()), List.of(split.valid()),
                to, out.resolve("checkpoint.json"), new TrainingListener() {
                    @Override
                    public void onEpoch(org.qmlff.train.EpochRecord rec, Progress p) {
                        System.out.printf(Locale.ROOT, "epoch %d/%d  valid loss %.6g%n", rec.epoch(), p.epochs(), rec.validLoss());
                        if (rec.epoch() <= to.epochs()) epochEnd[rec.epoch()] = System.nanoTime();
                    }
                }, profile);
        long tEnd = System.nanoTime();
        double s = (tEnd - t0) * 1e-9;
        // an ordered map: Map.of's order changes from JVM to JVM, and model files of equal runs should be equal bytes
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("best_epoch", r.bestEpoch());
        training.put("best_valid_loss", r.bestValidLoss());
        Models.write(model, training, out.resolve("model.json"));
        System.out.printf(Locale.ROOT, "trained %d epochs on %d partitions in %.1f s: %s configurations/s; wrote %s%n",
                to.epochs(), partitions, s, rate((double) to.epochs() * split.train().frames() / s), out.resolve("model.json"));
        // a run resumed from its checkpoint reports no rates for the epochs it did not train now
        if (to.epochs() > 1 && epochEnd[1] != 0)
            // the first epoch holds the JIT's warm-up (seconds on a small machine): the rate after it is the steady one
            System.out.printf(Locale.ROOT, "epochs 2-%d: %s configurations/s%n", to.epochs(), rate((double) (to.epochs() - 1)
                    * split.train().frames() / ((tEnd - epochEnd[1]) * 1e-9)));
        if (to.epochs() >= 4 && epochEnd[to.epochs() / 2] != 0) {
            // on a small machine the JIT may still be compiling after the first epoch, and its threads compete with
            // local[N]'s task threads but not with local[1]'s: the second half shows the rate once it is done
            int half = to.epochs() / 2;
            System.out.printf(Locale.ROOT, "epochs %d-%d (the second half): %s configurations/s%n", half + 1,
                    to.epochs(), rate((double) (to.epochs() - half) * split.train().frames() / ((tEnd - epochEnd[half]) * 1e-9)));
        }
        System.out.printf(Locale.ROOT, "time: %s; the rest (optimiser, validation, checkpoints on the driver) %.2f s%n",
                profile.summary(), s - profile.jobSeconds() - profile.sumSeconds());
        return 0;
    }

    /**
     * Spark's own cost of one job on this cluster: {@code --rounds} times {@code --jobs} jobs of one empty
     * task per default partition (what every training step pays besides its computation), the median and
     * the 10th and 90th percentile per round.
     */
    private static int jobLatency(JavaSparkContext spark, Map<String, List<String>> o) {
        int jobs = integer(o, "jobs", 100), rounds = integer(o, "rounds", 3), parts = defaultPartitions(spark);
        List<Integer> items = new java.util.ArrayList<>();
        for (int i = 0; i < parts; i++) items.add(i);
        for (int round = 1; round <= rounds; round++) {
            long[] t = new long[jobs];
            for (int k = 0; k < jobs; k++) {
                long t0 = System.nanoTime();
                spark.parallelize(items, parts).map(x -> x + 1).collect();
                t[k] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "round %d: %d jobs of %d tasks: median %.2f ms, 10th percentile %.2f ms, 90th %.2f ms%n",
                    round, jobs, parts, t[jobs / 2] * 1e-6, t[jobs / 10] * 1e-6, t[Math.min(jobs - 1, jobs * 9 / 10)] * 1e-6);
        }
        return 0;
    }

    private static int predict(JavaSparkContext spark, Map<String, List<String>> o) {
        long tRead = System.nanoTime();
        ForceField model = Models.read(Path.of(one(o, "model", null)));
        Dataset frames = readGeometry(Path.of(one(o, "data", null)));
        System.out.printf(Locale.ROOT, "read the model and %d frames in %.2f s%n", frames.frames(), (System.nanoTime() - tRead) * 1e-9);
        int partitions = integer(o, "partitions", defaultPredictionPartitions(spark, frames.frames()));
        long t0 = System.nanoTime();
        SparkPrediction.Format format = SparkPrediction.Format.of(one(o, "format", "extxyz"));
        SparkPrediction.Result r = SparkPrediction.run(spark, model, frames, Path.of(one(o, "out", null)), partitions, format);
        double s = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "predicted %d frames on %d partitions in %.2f s (%s frames/s); wrote %s and %d parts%n",
                r.frames(), r.parts().size(), s, rate(r.frames() / s), r.merged(), r.parts().size());
        System.out.println("time: " + r.timing());
        return 0;
    }

    /**
     * A learning-curve grid with one Spark task per run: the same run directories as
     * {@code qmlff learning-curve} with the same options writes, bit for bit; finished runs are skipped.
     * Lists are comma-separated. The report is written by that command run afterwards (it skips every
     * finished run).
     */
    static int learningCurve(JavaSparkContext spark, Map<String, List<String>> o) {
        Map<String, Object> settings = new LinkedHashMap<>();
        // --config: a 'qmlff train' file's settings for every run, as 'qmlff learning-curve --config' takes them
        LearningCurvePlan.ConfigBase base = o.containsKey("config") ? LearningCurvePlan.ConfigBase.read(
                Path.of(one(o, "config", null)), o.containsKey("data") ? list(o, "data").stream().map(Path::of).toList() : null) : null;
        if (base != null) {
            if (o.containsKey("arch"))
                throw new InputException("--arch and --config: the architecture is the configuration file's; give one of them");
            settings.putAll(base.settings());
        }
        for (String key : List.of("n-train", "n-valid", "epochs", "batch"))
            if (o.containsKey(key)) settings.put(key, integer(o, key, 0));
        for (String key : List.of("lr", "w-energy", "w-force"))
            if (o.containsKey(key)) settings.put(key, real(o, key, 0));
        for (String kv : o.getOrDefault("option", List.of())) {
            int eq = kv.indexOf('=');
            if (eq < 1) throw new InputException("--option " + kv + ": expected KEY=VALUE");
            settings.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<Integer> sizes = new ArrayList<>();
        for (String n : list(o, "sizes")) {
            try {
                sizes.add(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new InputException("--sizes: expected integers, got '" + n + "'");
            }
        }
        Path out = Path.of(one(o, "out", null));
        List<String> archs = base != null ? List.of(base.arch()) : o.containsKey("arch") ? list(o, "arch")
                : List.of(org.qmlff.model.LeArchitecture.NAME, org.qmlff.model.RevisedArchitecture.NAME);
        List<Path> data = base != null && !o.containsKey("data") ? base.data() : list(o, "data").stream().map(Path::of).toList();
        List<Path> test = base != null && !o.containsKey("test") ? base.test() : list(o, "test").stream().map(Path::of).toList();
        LearningCurvePlan plan = LearningCurvePlan.of(new LearningCurvePlan.Spec(archs, data, test,
                sizes, integer(o, "seeds", 3), settings, integer(o, "threads-per-run", 1), out), Backend.standard());
        PrintWriter console = new PrintWriter(System.out, true);
        long t0 = System.nanoTime();
        new LearningCurveRunner(new SparkGridExecutor(spark), console).run(plan.runs()).rethrow(plan.runs().size());
        System.out.printf(Locale.ROOT, "%d runs in %.1f s; for the report run 'qmlff learning-curve' with the same "
                + "options and --out %s (it skips the finished runs)%n", plan.runs().size(), (System.nanoTime() - t0) * 1e-9, out);
        return 0;
    }

    private static List<String> list(Map<String, List<String>> o, String key) {
        List<String> out = new ArrayList<>();
        for (String v : o.getOrDefault(key, List.of()))
            for (String item : v.split(","))
                if (!item.isBlank()) out.add(item.trim());
        if (out.isEmpty()) throw new InputException("--" + key + " is required (a comma-separated list)");
        return out;
    }

    private static Dataset read(Path p) {
        try {
            return DataFiles.read(p);
        } catch (IOException e) {
            throw new InputException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static Dataset readGeometry(Path p) {
        try {
            return DataFiles.readGeometry(p);
        } catch (IOException e) {
            throw new InputException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** A rate with four significant digits at least (a large model trains under one configuration a second). */
    static String rate(double perSecond) {
        return perSecond >= 1000 ? String.format(Locale.ROOT, "%.1f", perSecond) : String.format(Locale.ROOT, "%.4g", perSecond);
    }

    /**
     * One partition per task slot: the default parallelism (the cluster's cores) divided by the cores a
     * task takes ({@code spark.task.cpus}, default 1), at least 1.
     */
    static int defaultPartitions(JavaSparkContext spark) {
        int taskCores = Math.max(1, spark.getConf().getInt("spark.task.cpus", 1));
        return Math.max(1, spark.defaultParallelism() / taskCores);
    }

    /** Tasks of a prediction at one go on each task slot: more, smaller tasks keep every core busy to the end. */
    static final int PREDICTION_TASKS_PER_SLOT = 4;

    /**
     * {@code predict}'s default partition count: {@link #PREDICTION_TASKS_PER_SLOT} per task slot (a million
     * ethanol frames on two cores: 1.69× {@code local[1]} with eight partitions, 1.44× with two; docs/SPARK.md),
     * and never more than there are frames. Frames are independent, so the output does not depend on it.
     */
    static int defaultPredictionPartitions(JavaSparkContext spark, int frames) {
        return Math.max(1, Math.min(frames, PREDICTION_TASKS_PER_SLOT * defaultPartitions(spark)));
    }

    /** {@code --key value} pairs after the command; {@code --option} may repeat. */
    static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length)
                throw new InputException("expected --option value pairs, got '" + args[i] + "'");
            m.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return m;
    }

    private static String one(Map<String, List<String>> o, String key, String def) {
        List<String> v = o.get(key);
        if (v == null) {
            if (def == null) throw new InputException("--" + key + " is required");
            return def;
        }
        return v.get(v.size() - 1);
    }

    private static int integer(Map<String, List<String>> o, String key, int def) {
        return parsed(o, key, Integer.toString(def), Integer::parseInt, "an integer");
    }

    private static double real(Map<String, List<String>> o, String key, double def) {
        return parsed(o, key, Double.toString(def), Double::parseDouble, "a number");
    }

    /** The value of {@code --key} (or {@code def}) by {@code parse}; a one-line error naming what was expected. */
    private static <T> T parsed(Map<String, List<String>> o, String key, String def, Function<String, T> parse,
                                String expected) {
        String s = one(o, key, def);
        try {
            return parse.apply(s);
        } catch (NumberFormatException e) {
            throw new InputException("--" + key + ": expected " + expected + ", got '" + s + "'");
        }
    }
}
