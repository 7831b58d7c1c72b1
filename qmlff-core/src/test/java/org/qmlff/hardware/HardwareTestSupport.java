package org.qmlff.hardware;

import org.qmlff.model.ForceField;
import org.qmlff.model.Models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** The reference models (bundled test resources) and ethanol-like geometries for hardware tests. */
final class HardwareTestSupport {
    private HardwareTestSupport() {
    }

    static final int[] ETHANOL = {6, 6, 8, 1, 1, 1, 1, 1, 1};

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("qmlff-core"))) p = p.getParent();
        return p;
    }

    static ForceField reference(String file) {
        return Models.read(root().resolve("qmlff-core/src/test/resources/reference").resolve(file));
    }

    /**
     * The bound circuits of reference model {@code file} (exact device) on {@link #ethanolLike} with a
     * {@code new Random(seed)}.
     */
    static List<BoundCircuit> exactCircuits(String file, long seed) {
        HardwareForceField hw = new HardwareForceField(reference(file), HardwareOptions.exact());
        return hw.circuits(ETHANOL, ethanolLike(new Random(seed)), hw.newScratch());
    }

    /** A C2H6O-like molecule, randomly perturbed. */
    static double[] ethanolLike(Random rng) {
        double[] p = {
                0.0, 0.0, 0.0, 1.5, 0.1, 0.0, 2.1, 1.3, 0.2, -0.4, 1.0, 0.1, -0.3, -0.5, 0.9,
                -0.4, -0.6, -0.8, 1.8, -0.5, 0.9, 1.9, -0.4, -0.9, 3.0, 1.2, 0.5};
        for (int i = 0; i < p.length; i++) p[i] += 0.1 * rng.nextGaussian();
        return p;
    }
}
