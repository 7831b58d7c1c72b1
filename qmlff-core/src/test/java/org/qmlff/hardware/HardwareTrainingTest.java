package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.train.Metrics;
import org.qmlff.train.Predictions;
import org.qmlff.train.Trainer;
import org.qmlff.train.TrainingListener;
import org.qmlff.train.TrainingOptions;
import org.qmlff.train.TrainingResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Training on the simulated device: an energy-only loss (w_F = 0), gradients from parameter-shift
 * circuits with 10 000 shots each. A small run lowers the energy error on its training frames as much as
 * the same run with exact gradients (the force term is refused, {@link ShiftRuleTest}).
 */
class HardwareTrainingTest {

    @Test
    void energyOnlyTrainingWithShotsAndShiftsTracksExactTraining() {
        Dataset all = HardwareStudyTest.ethanol(25);
        Dataset train = all.first(20), valid = all.range(20, 25);
        TrainingOptions options = new TrainingOptions(3, 5, 0.01, 1, 0, 0);
        ForceField exact = HardwareTestSupport.reference("revised_default.json");
        double before = energyMae(exact, train);
        exact.setParameters(new Trainer(exact, List.of(train), List.of(valid), options, 2)
                .train(null, TrainingListener.none()).bestParameters());
        double afterExact = energyMae(exact, train);

        ForceField model = HardwareTestSupport.reference("revised_default.json");
        HardwareForceField device = new HardwareForceField(model, HardwareOptions.shots(10_000, 1));
        TrainingResult r = new Trainer(device, List.of(train), List.of(valid), options, 2).train(null, TrainingListener.none());
        model.setParameters(r.bestParameters());
        double after = energyMae(model, train);
        assertThat(r.curves()).hasSize(3);
        assertThat(afterExact).isLessThan(before - 5);
        // the device's run makes the exact run's progress, up to 10 % of it
        assertThat(before - after).as("energy MAE before %.3f, exact training %.3f, on the device %.3f kcal/mol",
                before, afterExact, after).isCloseTo(before - afterExact, within(0.1 * (before - afterExact)));
    }

    private static double energyMae(ForceField model, Dataset d) {
        try (org.qmlff.parallel.WorkerPool pool = new org.qmlff.parallel.WorkerPool(2)) {
            Predictions p = new org.qmlff.train.Predictor(model, pool).predict(d);
            return Metrics.of(d, p).energyMae();
        }
    }
}
