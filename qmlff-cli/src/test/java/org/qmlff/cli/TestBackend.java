package org.qmlff.cli;

import org.qmlff.experiment.Backend;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qmlff.data.DataFormatException;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.data.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A backend for CLI tests: "data files" are synthetic datasets looked up by file name, models are
 * {@link TestForceField}s stored as small JSON files (params and training metadata).
 */
final class TestBackend implements Backend {
    static final int[] SPECIES = {1, 6, 8};
    private final Map<String, Dataset> files = new LinkedHashMap<>();
    private UnaryOperator<ForceField> wrap = UnaryOperator.identity();

    TestBackend add(String fileName, Dataset d) {
        files.put(fileName, d);
        return this;
    }

    /** Wraps every created model (e.g. to make it fail part-way). */
    TestBackend wrapping(UnaryOperator<ForceField> w) {
        this.wrap = w;
        return this;
    }

    @Override
    public Dataset load(Path file) {
        Dataset d = files.get(file.getFileName().toString());
        if (d == null) throw new UncheckedIOException(new NoSuchFileException(file.toString()));
        return d;
    }

    @Override
    public ForceField create(ModelOptions options, List<Dataset> training, long seed) {
        // deterministic initialisation from the seed, element offsets fitted loosely to the mean energy
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[2 + SPECIES.length];
        p[0] = 1 + 0.1 * rng.nextDouble();
        p[1] = 1.0;
        double mean = 0;
        int atoms = 0;
        for (Dataset d : training) {
            for (double e : d.energies()) mean += e / d.frames() / training.size();
            atoms += d.atoms();
        }
        for (int s = 0; s < SPECIES.length; s++) p[2 + s] = mean / (atoms / (double) training.size());
        return wrap.apply(new TestForceField(SPECIES, p));
    }

    @Override
    public ForceField read(Path file) {
        try {
            Map<?, ?> m = new ObjectMapper().readValue(file.toFile(), Map.class);
            if (!"pair-test".equals(m.get("architecture"))) throw new DataFormatException(file + ": not a test model");
            List<?> ps = (List<?>) m.get("params");
            double[] p = new double[ps.size()];
            for (int i = 0; i < p.length; i++) p[i] = ((Number) ps.get(i)).doubleValue();
            return new TestForceField(SPECIES, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(ForceField model, Map<String, Object> training, Path file) {
        double[] p = new double[model.parameterCount()];
        model.getParameters(p);
        List<Double> ps = new ArrayList<>();
        for (double v : p) ps.add(v);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "qmlff-model");
        m.put("architecture", "pair-test");
        m.put("params", ps);
        m.put("training", training);
        AtomicFiles.write(file, os -> new ObjectMapper().writeValue(os, m));
    }

    /** Jittered frames of a chain molecule labelled by a reference harmonic model plus noise. */
    static Dataset molecule(String name, int[] numbers, int frames, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = numbers.length;
        TestForceField truth = new TestForceField(SPECIES, new double[]{2.5, 1.25, -0.5, -38, -75});
        double[] pos = new double[frames * 3 * n], e = new double[frames], f = new double[frames * 3 * n];
        double[] x = new double[3 * n], fx = new double[3 * n];
        for (int fr = 0; fr < frames; fr++) {
            for (int a = 0; a < n; a++) {
                x[3 * a] = 1.3 * a + 0.15 * (2 * rng.nextDouble() - 1);
                x[3 * a + 1] = (a % 2) * 0.6 + 0.15 * (2 * rng.nextDouble() - 1);
                x[3 * a + 2] = 0.1 * a * a + 0.15 * (2 * rng.nextDouble() - 1);
            }
            e[fr] = truth.energyAndForces(numbers, x, fx, null) + 0.01 * rng.nextDouble();
            for (int i = 0; i < 3 * n; i++) f[fr * 3 * n + i] = fx[i] + 0.02 * (2 * rng.nextDouble() - 1);
            System.arraycopy(x, 0, pos, fr * 3 * n, 3 * n);
        }
        return new Dataset(name, numbers, pos, e, f);
    }
}
