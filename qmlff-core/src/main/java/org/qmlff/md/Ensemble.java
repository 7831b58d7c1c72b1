package org.qmlff.md;

import org.qmlff.error.InputException;
import java.util.Locale;

/** The thermodynamic ensemble of a run, which also picks its integrator. */
public enum Ensemble {
    /** Constant energy: velocity Verlet. */
    NVE,
    /** Constant temperature: Langevin dynamics, BAOAB splitting. */
    NVT;

    /** Parses {@code nve} or {@code nvt} (any case); otherwise a one-line IllegalArgumentException. */
    public static Ensemble parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "nve" -> NVE;
            case "nvt" -> NVT;
            default -> throw new InputException("unknown ensemble '" + text + "' (expected nve or nvt)");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
