package org.qmlff.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.error.FileSystemErrors;
import org.qmlff.error.InputException;
import org.qmlff.experiment.AblationSummary;
import org.qmlff.experiment.LearningCurvePlan;
import org.qmlff.experiment.RunDirectory;
import org.qmlff.experiment.SweepSummary;
import org.qmlff.md.benchmark.MdBenchmarkResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory a report is made from, read. {@link #open} recognises the kind from the files in it,
 * in this order: a learning-curve grid file, an md-benchmark {@code summary.json}, an ablation
 * {@code ablation.json}, a sweep {@code sweep.json}, a finished run's {@code metrics.json}, a {@code runs/} folder (a learning
 * curve without its grid file).
 */
public sealed interface ReportSource {
    /** The directory. */
    Path dir();

    /** Classifies and reads {@code d}; anything else is a one-line input error naming it. */
    static ReportSource open(Path d) {
        if (!Files.isDirectory(d)) throw new InputException(d + ": no such directory");
        Path grid = d.resolve(LearningCurvePlan.GRID_FILE);
        if (Files.isRegularFile(grid)) return Curve.read(d, grid);
        if (hasSummary(d, MdBenchmark.FILE, MdBenchmarkResult.SUMMARY_FORMAT))
            return new MdBenchmark(d, readSummary(d, MdBenchmark.FILE));
        if (hasSummary(d, Ablation.FILE, AblationSummary.FORMAT)) return new Ablation(d, readSummary(d, Ablation.FILE));
        if (hasSummary(d, Sweep.FILE, SweepSummary.FORMAT)) return new Sweep(d, readSummary(d, Sweep.FILE));
        if (RunDirectory.isFinished(d)) return new Run(RunDirectory.read(d));
        if (Files.isDirectory(d.resolve("runs"))) return Curve.read(d, null);
        throw new InputException(d + ": neither a finished run directory (metrics.json) nor the output of a learning "
                + "curve (" + LearningCurvePlan.GRID_FILE + "), an md-benchmark (" + MdBenchmark.FILE + "), an ablation ("
                + Ablation.FILE + ") or a sweep (" + Sweep.FILE + ")");
    }

    /** One {@code qmlff train} run directory. */
    record Run(RunDirectory run) implements ReportSource {
        @Override
        public Path dir() {
            return run.dir();
        }
    }

    /**
     * A learning-curve directory.
     *
     * @param dir      the directory
     * @param command  the command recorded in the grid file (null if none)
     * @param planned  its run directories, finished or not, in grid order
     * @param finished the finished ones, read, in the same order
     */
    record Curve(Path dir, String command, List<Path> planned, List<RunDirectory> finished) implements ReportSource {
        public Curve {
            planned = List.copyOf(planned);
            finished = List.copyOf(finished);
        }

        /** Reads a learning-curve directory from its grid file or, when {@code grid} is null, its {@code runs/} folder. */
        static Curve read(Path d, Path grid) {
            List<Path> planned = new ArrayList<>();
            String command = null;
            if (grid != null) {
                JsonNode g;
                try {
                    g = RunDirectory.JSON.readTree(grid.toFile());
                } catch (IOException e) {
                    throw new InputException(grid + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
                if (!LearningCurvePlan.FORMAT.equals(g.path("format").asText()))
                    throw new InputException(grid + ": not a qmlff learning-curve file (format is not "
                            + LearningCurvePlan.FORMAT + ")");
                command = g.path("command").isTextual() ? g.path("command").asText() : null;
                for (JsonNode r : g.path("runs")) planned.add(d.resolve(r.asText()));
            } else {
                Path runs = d.resolve("runs");
                try (Stream<Path> s = Files.list(runs)) {
                    s.filter(Files::isDirectory).sorted().forEach(planned::add);
                } catch (IOException e) {
                    throw FileSystemErrors.cannotRead(runs, e);
                }
            }
            List<RunDirectory> finished = new ArrayList<>();
            for (Path p : planned) if (RunDirectory.isFinished(p)) finished.add(RunDirectory.read(p));
            return new Curve(d, command, planned, finished);
        }
    }

    /** An output directory of {@code qmlff md-benchmark}: its {@code summary.json} and plots. */
    record MdBenchmark(Path dir, JsonNode summary) implements ReportSource {
        static final String FILE = "summary.json";
    }

    /** An output directory of {@code qmlff ablation}: its {@code ablation.json} and plot. */
    record Ablation(Path dir, JsonNode summary) implements ReportSource {
        static final String FILE = "ablation.json";
    }

    /** An output directory of {@code qmlff sweep}: its {@code sweep.json} and plot. */
    record Sweep(Path dir, JsonNode summary) implements ReportSource {
        static final String FILE = "sweep.json";
    }

    /** Whether {@code dir/name} is a JSON file whose {@code "format"} is {@code format}; false if unreadable. */
    private static boolean hasSummary(Path dir, String name, String format) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) return false;
        try {
            return format.equals(RunDirectory.JSON.readTree(f.toFile()).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode readSummary(Path dir, String name) {
        Path f = dir.resolve(name);
        try {
            return RunDirectory.JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new InputException(f + ": not valid JSON");
        }
    }
}
