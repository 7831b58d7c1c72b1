package org.qmlff.perf;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.RevisedModel;
import org.qmlff.model.StageClock;
import org.qmlff.train.BatchObjective;
import org.qmlff.train.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the revised model's time goes ({@code qmlff bench --profile}): the work of a training step (energy,
 * forces, loss and parameter gradient of each configuration, {@link BatchObjective#contribution}, on one
 * thread) and of a single-frame energy + forces evaluation, split into the {@link StageClock.Stage}s the
 * model reports, plus "other" (the objective's own terms, copying frames, the clock itself: the rest of the
 * wall time). Each is first warmed up and timed by the {@link Harness}; the stage split is then read over a
 * second run of at least {@link #SPLIT_NANOS} ns, whose wall time is the total of the table. A longer
 * warm-up comes first ({@link #PRE_WARMUP_FACTOR}).
 */
public final class StageProfile {
    /** Least duration of the run whose stage split is reported, ns. */
    static final long SPLIT_NANOS = 1_000_000_000L;
    /** Warm-up before the harness's own, in multiples of its least warm-up time. */
    static final long PRE_WARMUP_FACTOR = 3;

    /** One stage: µs per item (configuration or evaluation) and its share of the total. */
    public record Row(String stage, double microsPerItem, double share) {
    }

    /**
     * @param name         what was profiled
     * @param perSecond    items per second over the split run (the clock readings included)
     * @param harnessMs    the harness's median per call, ms (without clock readings there is no difference
     *                     beyond noise: the readings are a few per configuration)
     * @param rows         the stages, then "other"
     */
    public record Result(String name, double perSecond, double harnessMs, List<Row> rows) {
    }

    private StageProfile() {
    }

    /** The training-step profile: {@code batch} configurations per call, frames cycled in order. */
    public static Result training(RevisedModel model, Dataset data, int batch, Harness harness) {
        StageClock clock = new StageClock();
        ForceField.Scratch scratch = model.newProfiledScratch(clock);
        Objective objective = Objective.forTraining(List.of(data), 1, 10);
        int n3 = 3 * data.atoms();
        double[] positions = new double[n3], forces = new double[n3], refForces = new double[n3], dLdF = new double[n3];
        double[] grad = new double[model.parameterCount()];
        long components = (long) batch * n3;
        int[] next = {0};
        Workload w = () -> {
            double loss = 0;
            for (int j = 0; j < batch; j++) {
                int frame = next[0];
                next[0] = frame + 1 == data.frames() ? 0 : frame + 1;
                clock.start();
                loss += BatchObjective.contribution(model, objective, data, frame, batch, components, positions,
                        forces, refForces, dLdF, grad, scratch);
            }
            return loss + grad[0];
        };
        return split("revised training step (1 thread)", w, batch, clock, harness);
    }

    /** The single-frame energy + forces profile (what an MD step asks). */
    public static Result energyAndForces(RevisedModel model, Dataset data, Harness harness) {
        StageClock clock = new StageClock();
        ForceField.Scratch scratch = model.newProfiledScratch(clock);
        int n3 = 3 * data.atoms();
        double[] positions = new double[n3], forces = new double[n3];
        int cycle = Math.min(16, data.frames());
        int[] next = {0};
        Workload w = () -> {
            int frame = next[0];
            next[0] = frame + 1 == cycle ? 0 : frame + 1;
            data.copyPositions(frame, positions);
            clock.start();
            return model.energyAndForces(data.numbers(), positions, forces, scratch) + forces[0];
        };
        return split("revised single-frame energy + forces", w, 1, clock, harness);
    }

    private static Result split(String name, Workload w, int items, StageClock clock, Harness harness) {
        // The vector kernels run orders of magnitude slower until C2 has compiled them, seconds in on a busy
        // machine, and a plateau of slow code can look steady to the harness: warm up for longer first.
        long until = System.nanoTime() + PRE_WARMUP_FACTOR * harness.settings().warmupNanos();
        while (System.nanoTime() < until) w.call();
        Timing t = harness.measure(w);
        long calls = Math.max(1L, (long) Math.ceil(SPLIT_NANOS / t.medianNanos()));
        clock.reset();
        double checksum = 0;
        long t0 = System.nanoTime();
        for (long c = 0; c < calls; c++) checksum += w.call();
        long total = System.nanoTime() - t0;
        if (!Double.isFinite(checksum)) throw new IllegalStateException("the profiled workload returned a non-finite value");
        double perItem = 1e-3 / ((double) calls * items);
        List<Row> rows = new ArrayList<>();
        long counted = 0;
        for (StageClock.Stage s : StageClock.Stage.values()) {
            long ns = clock.nanos(s);
            if (ns == 0) continue;
            counted += ns;
            rows.add(new Row(s.label(), ns * perItem, (double) ns / total));
        }
        long other = total - counted;
        rows.add(new Row("other (objective terms, frame copies, clock)", other * perItem, (double) other / total));
        return new Result(name, (double) calls * items * 1e9 / total, t.medianMillis(), rows);
    }
}
