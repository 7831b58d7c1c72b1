package org.qmlff.data;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python ({@code /usr/bin/python3}) with numpy/ASE as an independent reference
 * implementation. Tests that need it skip when the module is missing, unless the environment sets
 * {@code QMLFF_REQUIRE_ASE=1} (CI does), in which case they fail.
 */
final class PythonOracle {
    private PythonOracle() {
    }

    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Skips (or, under QMLFF_REQUIRE_ASE=1, fails) the calling test unless {@code module} imports. */
    static void require(String module) {
        String why = null;
        if (!Files.isExecutable(PYTHON)) {
            why = PYTHON + " not found";
        } else {
            try {
                Result r = exec("import " + module);
                if (r.exit != 0) why = "'import " + module + "' failed: " + r.stderr.strip();
            } catch (IOException e) {
                why = "cannot run " + PYTHON + ": " + e.getMessage();
            }
        }
        if (why == null) return;
        if ("1".equals(System.getenv("QMLFF_REQUIRE_ASE")))
            Assertions.fail("QMLFF_REQUIRE_ASE=1 but " + why + " (install Debian's python3-ase)");
        Assumptions.abort(why + ": Python oracle test skipped (set QMLFF_REQUIRE_ASE=1 to make this an error)");
    }

    /** Runs {@code script} with {@code args}; returns stdout, failing the test on a non-zero exit. */
    static String run(String script, String... args) throws IOException {
        Result r = exec(script, args);
        if (r.exit != 0) Assertions.fail("python oracle failed (exit " + r.exit + "):\n" + r.stderr);
        return r.stdout;
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result exec(String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("qmlff-python", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
