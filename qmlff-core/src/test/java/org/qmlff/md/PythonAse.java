package org.qmlff.md;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.concurrent.TimeUnit;

/**
 * Access to Debian's Python with ASE for interoperability tests. Tests skip when ASE cannot be
 * imported, unless the environment sets {@code QMLFF_REQUIRE_ASE=1} (CI does), which makes that a
 * failure.
 */
public final class PythonAse {
    public static final String PYTHON = "/usr/bin/python3";
    private static final boolean AVAILABLE = probe();

    private PythonAse() {
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ase, numpy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Skips the calling test (or fails it under QMLFF_REQUIRE_ASE=1) when ASE is not importable. */
    public static void assume() {
        if (AVAILABLE) return;
        String why = PYTHON + " cannot import ase (Debian package python3-ase)";
        if ("1".equals(System.getenv("QMLFF_REQUIRE_ASE"))) Assertions.fail(why + ", and QMLFF_REQUIRE_ASE=1");
        Assumptions.assumeTrue(false, why + ": skipping the ASE interoperability test");
    }
}
