package org.qmlff.md.benchmark;

import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.data.Dataset;
import org.qmlff.data.Rmd17;
import org.qmlff.md.MdLimits;
import org.qmlff.md.MdUnits;
import org.qmlff.md.ToyForceFields;
import org.qmlff.model.ForceField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MdBenchmarkTest {
    @TempDir
    Path dir;

    private static Dataset ethanol() throws IOException {
        String root = System.getProperty("qmlff.root");
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "system property qmlff.root not set: test skipped");
        return Rmd17.read(Path.of(root).resolve("data/rmd17/rmd17_ethanol_test_01.npz"));
    }

    private static Dataset molecule(int[] numbers, double[] positions) {
        return new Dataset("toy", numbers, positions, new double[1], new double[positions.length]);
    }

    private static MdBenchmarkConfig config(double temperature, double friction, double lengthPs, int runs, double nvePs,
                                            int checkpointEvery, DistanceGrid grid) {
        return new MdBenchmarkConfig(temperature, 0.5, lengthPs, friction, new int[runs],
                MdBenchmarkConfig.consecutiveSeeds(runs, 0), 1.2, 0.5, nvePs, 10, checkpointEvery, grid,
                MdLimits.defaults(temperature));
    }

    @Test
    void ethanolHasItsEightBondsAndBreaksOnlyBeyondTheThreshold() throws IOException {
        Dataset e = ethanol();
        double[] x = new double[27];
        e.copyPositions(0, x);
        BondTopology t = BondTopology.of(e.numbers(), x, 1.2);
        assertThat(t.size()).isEqualTo(8);
        assertThat(t.firstBroken(x, 0.5)).isEqualTo(-1);
        BondTopology.Bond b = t.bonds().get(3);
        double[] y = x.clone();
        // move atom j along the bond by 0.49 Å: not broken; by 0.51 Å: broken
        for (double shift : new double[]{0.49, 0.51}) {
            y = x.clone();
            for (int k = 0; k < 3; k++)
                y[3 * b.j() + k] += shift * (x[3 * b.j() + k] - x[3 * b.i() + k]) / b.length();
            assertThat(t.firstBroken(y, 0.5) >= 0).isEqualTo(shift > 0.5);
        }
    }

    @Test
    void survivalStatisticsMatchAHandComputation() {
        Survival s = new Survival(List.of(new Survival.Observation(1, true), new Survival.Observation(10, false),
                new Survival.Observation(3, true), new Survival.Observation(10, false)), 10);
        // min(T, L) = 1, 3, 10, 10: mean 6, sample variance 66/3 = 22, SE = sqrt(22/4)
        assertThat(s.mean()).isEqualTo(6.0);
        assertThat(s.standardError()).isCloseTo(Math.sqrt(5.5), org.assertj.core.data.Offset.offset(1e-12));
        // KM: S = 3/4 after t = 1, 3/4 · 2/3 = 1/2 after t = 3; RMST = 1 + 0.75·2 + 0.5·7 = 6
        assertThat(s.curve()).extracting(Survival.Step::survival).containsExactly(0.75, 0.5);
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.restrictedMean()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-12));
        Survival survivors = new Survival(List.of(new Survival.Observation(10, false), new Survival.Observation(2, true),
                new Survival.Observation(10, false)), 10);
        assertThat(survivors.median()).isNaN(); // S stays at 2/3
        assertThat(survivors.restrictedMean()).isCloseTo(survivors.mean(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void referenceAgainstItselfHasZeroMaeAndAgainstOtherFramesNot() throws IOException {
        Dataset e = ethanol();
        DistanceHistogram a = DistanceHistogram.ofFrames(DistanceGrid.DEFAULT, e.positions(), e.atoms());
        // the same frames added in reverse order, one by one
        DistanceHistogram b = new DistanceHistogram(DistanceGrid.DEFAULT);
        double[] x = new double[3 * e.atoms()];
        for (int f = e.frames() - 1; f >= 0; f--) {
            e.copyPositions(f, x);
            b.add(x);
        }
        assertThat(DistanceHistogram.mae(a, b)).isEqualTo(0.0);
        Dataset few = e.first(10);
        DistanceHistogram c = DistanceHistogram.ofFrames(DistanceGrid.DEFAULT, few.positions(), few.atoms());
        assertThat(DistanceHistogram.mae(a, c)).isGreaterThan(0.001);
        // normalisation: Σ h w = 1 when every distance is on the grid
        double sum = 0;
        for (double h : a.normalised()) sum += h * DistanceGrid.DEFAULT.width();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Normalised analytic bond-length density of a harmonic diatomic, ∝ r² exp(−k (r − r0)² / 2kT), averaged over each bin. */
    private static double[] analytic(DistanceGrid g, double k, double r0, double temperature) {
        double kt = Units.BOLTZMANN_KCAL_MOL_PER_K * temperature;
        int sub = 200;
        double[] h = new double[g.bins()];
        double total = 0;
        for (int b = 0; b < g.bins(); b++) {
            for (int s = 0; s < sub; s++) {
                double r = (b + (s + 0.5) / sub) * g.width();
                h[b] += r * r * Math.exp(-k * (r - r0) * (r - r0) / (2 * kt));
            }
            total += h[b];
        }
        for (int b = 0; b < g.bins(); b++) h[b] /= total * g.width();
        return h;
    }

    @Test
    void harmonicDiatomicNeverFailsAndReproducesItsAnalyticBondLengthDistribution() throws IOException {
        double r0 = 1.2, k = 200, temperature = 500;
        int[] co = {6, 8};
        double[] x = {0, 0, 0, r0, 0, 0};
        DistanceGrid grid = new DistanceGrid(3.0, 150);
        MdBenchmarkConfig c = config(temperature, 0.05, 400, 4, 0, 100000, grid);
        MdBenchmark bench = new MdBenchmark(new ToyForceFields.HarmonicPairs(k, x), "harmonic", "h", molecule(co, x),
                molecule(co, x), c);
        MdBenchmarkResult r = bench.run(dir, 2, () -> true, null);
        assertThat(r.survival().failures()).isZero();
        assertThat(r.survival().mean()).isEqualTo(400.0);
        assertThat(r.survival().median()).isNaN();
        double[] h = r.modelHistogram().normalised();
        double right = DistanceHistogram.mae(h, analytic(grid, k, r0, temperature));
        double hotter = DistanceHistogram.mae(h, analytic(grid, k, r0, 1.3 * temperature));
        double colder = DistanceHistogram.mae(h, analytic(grid, k, r0, temperature / 1.3));
        // measured: 0.0029 here (0.0054 with a quarter of the samples: statistical noise, no visible bias),
        // 0.042 against the distributions at T × 1.3 and T / 1.3
        assertThat(right).isLessThan(0.006);
        assertThat(right).isLessThan(0.15 * Math.min(hotter, colder));
    }

    @Test
    void aPlantedCliffFailsAtThePredictedStep() throws IOException {
        // A constant outward force F on each atom of a diatomic at rest, T = 0, γ = 0: velocity Verlet is exact
        // for a constant force, so the bond stretches by ½ a t² with a = F · ACCELERATION · (1/m1 + 1/m2), and the
        // run must fail at the first step n with ½ a (n Δt)² > 0.5 Å.
        double f = 3.0, dt = 0.5;
        int[] co = {6, 8};
        double[] x = {0, 0, 0, 1.2, 0, 0};
        ForceField cliff = new ToyForceFields.Pairs(x) {
            @Override
            protected void pair(double r, double r0, double[] out) {
                out[0] = -f * (r - r0);
                out[1] = -f;
            }
        };
        double a = f * Units.MD_ACCELERATION * (1 / 12.011 + 1 / 15.999);
        double nExact = Math.sqrt(2 * 0.5 / a) / dt;
        assertThat(nExact - Math.floor(nExact)).isBetween(0.05, 0.95); // far from a step boundary
        long expected = (long) Math.floor(nExact) + 1;
        MdBenchmarkConfig c = config(0, 0, 100, 1, 0, 50, new DistanceGrid(5, 50));
        MdBenchmarkResult r = new MdBenchmark(cliff, "cliff", "c", molecule(co, x), molecule(co, x), c)
                .run(dir, 1, () -> true, null);
        StabilityOutcome o = r.runs().get(0);
        assertThat(o.failed()).isTrue();
        assertThat(o.steps()).isEqualTo(expected);
        assertThat(o.time()).isEqualTo(expected * dt / 1000.0);
        assertThat(o.reason()).contains("bond C0-O1").contains("beyond the threshold of 0.5 Å");
        // h(r) holds the stable part only: steps 0, 10, 20, ... before the failing step
        assertThat(o.histogram().frames()).isEqualTo((expected - 1) / 10 + 1);
        assertThat(r.survival().mean()).isEqualTo(o.time());
    }

    @Test
    void aForceFieldThatTurnsNaNStopsTheRunAtThatStep() throws IOException {
        int[] co = {6, 8};
        double[] x = {0, 0, 0, 1.2, 0, 0};
        ForceField poisoned = new ToyForceFields.Poisoned(new ToyForceFields.HarmonicPairs(200, x), 2, 137);
        MdBenchmarkResult r = new MdBenchmark(poisoned, "nan", "n", molecule(co, x), molecule(co, x),
                config(500, 0.01, 1, 1, 0, 50, new DistanceGrid(5, 50))).run(dir, 1, () -> true, null);
        StabilityOutcome o = r.runs().get(0);
        assertThat(o.failed()).isTrue();
        assertThat(o.time()).isEqualTo(137 * 0.5 / 1000.0);
        assertThat(o.reason()).contains("non-finite energy").contains("step 137");
    }

    @Test
    void anInterruptedBenchmarkResumesBitIdenticallyWhateverTheThreadCount() throws IOException {
        Dataset e = ethanol();
        double[] x0 = new double[27];
        e.copyPositions(0, x0);
        ForceField springs = new ToyForceFields.HarmonicPairs(300, x0); // its minimum is frame 0: all runs start there
        MdBenchmarkConfig c = new MdBenchmarkConfig(500, 0.5, 1.0, 0.01, new int[]{0, 0, 0}, new long[]{5, 6, 7}, 1.2,
                0.5, 0.1, 10, 300, DistanceGrid.DEFAULT, MdLimits.defaults(500));
        Path once = dir.resolve("once"), twice = dir.resolve("twice");
        MdBenchmarkResult a = new MdBenchmark(springs, "m", "id", e, e, c).run(once, 1, () -> true, null);
        AtomicInteger checkpoints = new AtomicInteger();
        MdBenchmark b = new MdBenchmark(springs, "m", "id", e, e, c);
        assertThat(b.run(twice, 2, () -> checkpoints.incrementAndGet() > 3, null)).isNull();
        assertThat(Files.exists(twice.resolve("result.json"))).isFalse();
        MdBenchmarkResult resumed = b.run(twice, 2, () -> true, null);
        assertThat(checkpoints.get()).isEqualTo(3); // each run stopped once, at its first checkpoint
        for (int i = 0; i < 3; i++) {
            StabilityOutcome p = a.runs().get(i), q = resumed.runs().get(i);
            assertThat(q.histogram()).isEqualTo(p.histogram());
            assertThat(q.time()).isEqualTo(p.time());
            assertThat(q.failed()).isEqualTo(p.failed()).isFalse();
            assertThat(q.forceEvaluations()).isEqualTo(p.forceEvaluations());
            String id = b.identity() + " run=" + i;
            RunCheckpoint cp = RunCheckpoint.read(once.resolve("runs/nvt-" + i + ".ckpt"), id, c.grid(), 9);
            RunCheckpoint cq = RunCheckpoint.read(twice.resolve("runs/nvt-" + i + ".ckpt"), id, c.grid(), 9);
            assertThat(cq.positions()).isEqualTo(cp.positions());
            assertThat(cq.velocities()).isEqualTo(cp.velocities());
            assertThat(cq.step()).isEqualTo(2000);
        }
        assertThat(Files.readString(twice.resolve("hr.csv"))).isEqualTo(Files.readString(once.resolve("hr.csv")));
        assertThat(resumed.drifts()).extracting(DriftOutcome::drift).containsExactlyElementsOf(
                a.drifts().stream().map(DriftOutcome::drift).toList());
        // the trajectories moved: the h(r) is not that of the starting frames alone
        assertThat(a.modelHistogram().frames()).isEqualTo(3 * 201);
        // other settings in the same directory are refused
        MdBenchmarkConfig other = new MdBenchmarkConfig(400, 0.5, 1.0, 0.01, new int[]{0, 0, 0}, new long[]{5, 6, 7}, 1.2,
                0.5, 0.1, 10, 300, DistanceGrid.DEFAULT, MdLimits.defaults(400));
        assertThatThrownBy(() -> new MdBenchmark(springs, "m", "id", e, e, other).run(once, 1, () -> true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other settings");
    }
}
