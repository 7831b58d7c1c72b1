package org.qmlff.cli;

import org.qmlff.analysis.PublishedResults;
import org.qmlff.data.AtomicFiles;
import org.qmlff.report.Report;
import org.qmlff.report.ReportSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code qmlff report}: a self-contained report (Markdown and HTML with embedded images) of run
 * directories and learning-curve directories. Every number comes from the directories' files
 * (metrics.json, config.yaml, model.json) or from the bundled published results.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write REPORT_DIR/report.md and report.html (images embedded) for run directories of "
                + "'qmlff train' and output directories of 'qmlff learning-curve': errors against the null model "
                + "and published models (BASELINES.md), parity plots, learning curves, model sizes, training times "
                + "and the commands that reproduce every number."})
final class ReportCommand implements Callable<Integer> {
    /** Where Chromium is looked for, in this order. */
    static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run, learning-curve, md-benchmark or ablation directories.")
    List<Path> dirs;
    @Option(names = "--out", required = true, paramLabel = "REPORT_DIR", description = "Where to write the report.")
    Path out;
    @Option(names = "--screenshot", description = "Also render report.html to report.png with headless Chromium "
            + "(skipped with a note when Chromium is not installed).")
    boolean screenshot;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        List<ReportSource> inputs = new ArrayList<>();
        for (Path d : dirs) inputs.add(ReportSource.open(d));
        Files.createDirectories(out);
        ReportBuilder builder = new ReportBuilder(out);
        Doc doc = builder.build(Report.of(inputs, PublishedResults.bundled()));
        AtomicFiles.writeString(out.resolve("report.md"), doc.markdown());
        AtomicFiles.writeString(out.resolve("report.html"), doc.html("qmlff report", out));
        console.println("wrote " + out.resolve("report.md") + " and " + out.resolve("report.html"));
        if (screenshot) {
            Path chromium = chromium();
            if (chromium == null) console.println("no screenshot: Chromium is not installed (looked for "
                    + String.join(", ", CHROMIUM) + ")");
            else console.println("wrote " + screenshot(chromium, out.resolve("report.html"), out.resolve("report.png")));
        }
        console.flush();
        return 0;
    }

    /** The Chromium executable, or null when none is installed. */
    static Path chromium() {
        for (String c : CHROMIUM) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Renders {@code html} headless to {@code png} (1200 × 3000 px), via a temporary file renamed into place. */
    static Path screenshot(Path chromium, Path html, Path png) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".report.", ".png");
        try {
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--screenshot=" + tmp, "--window-size=1200,3000",
                    html.toAbsolutePath().toUri().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError("Chromium did not finish the screenshot within 180 s");
            }
            if (p.exitValue() != 0 || Files.size(tmp) == 0)
                throw new UserError("Chromium failed to render " + html + " (exit code " + p.exitValue() + ")");
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return png;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while Chromium rendered the report");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
