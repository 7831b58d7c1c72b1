package org.qmlff.train;

import org.qmlff.parallel.WorkerPool;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact gradient of the full MODELS.md objective (energy and force terms, through the models'
 * Hessian-vector products) against central finite differences of the objective itself, for small
 * {@code le}, {@code revised} and {@code hybrid} (MLP head, ridge baseline, repulsion) models on real rMD17 ethanol frames (the bundled split).
 */
class FullObjectiveGradientTest {

    @ParameterizedTest
    @ValueSource(strings = {"le", "revised", "hybrid"})
    void exactGradientMatchesCentralDifferences(String arch) throws Exception {
        Path file = Path.of(System.getProperty("qmlff.root", ".")).resolve("data/rmd17/rmd17_ethanol_train_01.npz");
        Dataset data = DataFiles.read(file).first(6);
        ModelOptions options = ModelOptions.defaults(arch).with("D", "2");
        if (!arch.equals("le")) options = options.with("K", "2");
        if (arch.equals("hybrid")) options = options.with("hidden", "4").with("baseK", "1").with("threebody", "1")
                .with("repulsion", "r12").with("ridge", "0.01");
        ForceField model = Models.create(options, List.of(data), 4);
        double[] p = new double[model.parameterCount()];
        model.getParameters(p);
        Random rng = new Random(2);
        for (int i = 0; i < p.length; i++) p[i] += 0.1 * rng.nextGaussian(); // away from the initial symmetric point
        model.setParameters(p);

        Objective objective = Objective.forTraining(List.of(data), 1, 10);
        FrameList frames = new FrameList(List.of(data));
        int[] order = {4, 1, 5, 0};
        try (WorkerPool pool = new WorkerPool(2)) {
            BatchObjective batch = new BatchObjective(model, objective, frames, order.length, pool);
            double[] grad = new double[p.length];
            double loss = batch.evaluate(order, 0, order.length, grad);
            assertThat(loss).isPositive();
            double[] ignored = new double[p.length];
            // Errors are measured against the largest gradient component: E ≈ −97000 kcal/mol carries
            // ~1e-11 kcal/mol of round-off into every finite difference, which swamps tiny components.
            double worst = 0, largest = 0;
            double[] fds = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                double h = 1e-5 * Math.max(1, Math.abs(p[k]));
                double pk = p[k];
                p[k] = pk + h;
                model.setParameters(p);
                double lp = batch.evaluate(order, 0, order.length, ignored);
                p[k] = pk - h;
                model.setParameters(p);
                double lm = batch.evaluate(order, 0, order.length, ignored);
                p[k] = pk;
                model.setParameters(p);
                double fd = (lp - lm) / (2 * h);
                fds[k] = fd;
                worst = Math.max(worst, Math.abs(grad[k] - fd));
                largest = Math.max(largest, Math.abs(fd));
            }
            assertThat(largest).isGreaterThan(1e-2);
            assertThat(worst / largest).as("largest error of dL/dθ relative to the largest component").isLessThan(1e-6);
            // ... and every component that stands above the round-off, to 1e-4 of itself.
            for (int k = 0; k < p.length; k++)
                if (Math.abs(fds[k]) > 1e-3 * largest)
                    assertThat(Math.abs(grad[k] - fds[k]) / Math.abs(fds[k])).as("dL/dθ[%d]", k).isLessThan(1e-4);
        }
    }
}
