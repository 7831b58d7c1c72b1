package org.qmlff.hardware;

import org.qmlff.data.Dataset;
import org.qmlff.error.InputException;
import org.qmlff.model.ForceField;
import org.qmlff.parallel.WorkerPool;
import org.qmlff.train.Predictions;
import org.qmlff.train.Predictor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model would cost and how accurate it would be on a quantum computer (behind {@code qmlff
 * hardware}; docs/HARDWARE.md): energy and force errors against the shot count and against the
 * depolarizing rate, and per-configuration circuit resources.
 *
 * <p>Errors. For each frame, the <em>deviation</em> is the estimate minus the exact model's value (what
 * the device adds) and the <em>error</em> the estimate minus the data's reference label; a frame's force
 * number is the mean |·| over its 3N components. Reported: the mean over frames and its standard error,
 * the sample standard deviation over frames / √frames (frames are independent; the components of one
 * frame are not, which is why the frame is the unit).
 *
 * <p>The shot sweep runs noiseless devices with parameter-shift forces; the noise sweep runs
 * {@link NoiseModel#depolarizingPerCnot} devices with infinitely many shots, so that its deviations are the
 * noise's bias alone. Every device is seeded from {@link Settings#seed}; results do not depend on the
 * pool's thread count.
 */
public final class HardwareStudy {
    private HardwareStudy() {
    }

    /**
     * @param shots              shot counts of the shot sweep (each ≥ 1)
     * @param cnotDepolarizing   CNOT depolarizing rates λ of the noise sweep (0..1)
     * @param noiseFrames        frames (the first ones) of the noise sweep; 0 skips it
     * @param resourceFrames     frames (the first ones) with a resource row; at least 1
     * @param targetForceErrors  force standard errors (kcal/mol/Å) for which the shots needed are reported
     * @param twoQubitError      two-qubit gate error rate of the success estimate (0..1)
     * @param seed               seed of the shot sampling
     * @param trajectories       trajectories per circuit of the noise sweep on circuits too wide for exact
     *                           density matrices ({@link HardwareOptions#trajectories})
     */
    public record Settings(long[] shots, double[] cnotDepolarizing, int noiseFrames, int resourceFrames,
                           double[] targetForceErrors, double twoQubitError, long seed, int trajectories) {
        /** Settings with the default trajectories. */
        public Settings(long[] shots, double[] cnotDepolarizing, int noiseFrames, int resourceFrames,
                        double[] targetForceErrors, double twoQubitError, long seed) {
            this(shots, cnotDepolarizing, noiseFrames, resourceFrames, targetForceErrors, twoQubitError, seed,
                    HardwareOptions.DEFAULT_TRAJECTORIES);
        }

        public Settings {
            if (trajectories < 1) throw new InputException("--trajectories must be ≥ 1, not " + trajectories);
            if (shots.length == 0) throw new InputException("--shots: give at least one shot count");
            for (long n : shots) if (n < 1) throw new InputException("--shots: shot counts must be at least 1, not " + n);
            for (double l : cnotDepolarizing)
                if (!(l >= 0 && l <= 1)) throw new InputException("--depolarizing: rate " + l + " is outside 0..1");
            if (noiseFrames < 0) throw new InputException("--noise-frames must be ≥ 0, not " + noiseFrames);
            if (resourceFrames < 1) throw new InputException("--resource-frames must be at least 1, not " + resourceFrames);
            for (double t : targetForceErrors)
                if (!(t > 0 && Double.isFinite(t))) throw new InputException("--target: force errors must be positive, not " + t);
            if (!(twoQubitError >= 0 && twoQubitError < 1))
                throw new InputException("--two-qubit-error must lie in 0..1 (excluded), not " + twoQubitError);
            shots = shots.clone();
            cnotDepolarizing = cnotDepolarizing.clone();
            targetForceErrors = targetForceErrors.clone();
        }

        /** The shot count at which the resource rows measure force variances: the largest of the sweep. */
        public long referenceShots() {
            return Arrays.stream(shots).max().orElseThrow();
        }
    }

    /**
     * Errors over a set of frames (kcal/mol and kcal/mol/Å); the {@code …Se} fields are standard errors
     * of the means over frames (NaN for one frame), the error fields NaN without reference labels.
     *
     * @param meanForceSe the mean predicted standard error of one force component (0 without shot noise)
     */
    public record Errors(int frames, double energyDeviation, double energyDeviationSe, double forceDeviation,
                         double forceDeviationSe, double energyMae, double energyMaeSe, double forceMae,
                         double forceMaeSe, double meanForceSe) {
    }

    /** One point of the shot sweep. */
    public record ShotPoint(long shots, long circuits, Errors errors) {
    }

    /** One point of the noise sweep. */
    public record NoisePoint(double cnotDepolarizing, NoiseModel noise, Errors errors) {
    }

    /**
     * The circuits of one configuration after decomposition into OpenQASM standard gates
     * ({@link Decomposition}), one program per circuit and measured pair.
     *
     * @param frame            frame index
     * @param qubits           qubits of the widest program
     * @param twoQubitGates    two-qubit gates of the largest program, measurement basis change included
     * @param depth            depth (ASAP layers) of the deepest program
     * @param twoQubitDepth    two-qubit-gate depth of the deepest program
     * @param energyCircuits   circuits (programs, measurement settings) per energy evaluation
     * @param forceCircuits    circuits per energy-and-forces evaluation (parameter shifts)
     * @param gradientCircuits circuits per parameter-gradient evaluation of an energy-only loss
     * @param referenceShots   shots per circuit at which worstForceSe was measured
     * @param worstForceSe     largest predicted standard error of a force component at referenceShots
     * @param shotsNeeded      shots per circuit for a standard error of each target force error on the worst
     *                         component: referenceShots·(worstForceSe / target)², rounded up
     * @param successProbability (1 − ε)^{twoQubitGates}: the chance the largest program runs without a
     *                         two-qubit gate error at error rate ε (crude: one-qubit errors and readout ignored)
     */
    public record Resources(int frame, int qubits, int twoQubitGates, int depth, int twoQubitDepth,
                            long energyCircuits, long forceCircuits, long gradientCircuits, long referenceShots,
                            double worstForceSe, long[] shotsNeeded, double successProbability) {
    }

    /** Everything {@link #run} measured. */
    public record Result(Errors exact, List<ShotPoint> shots, List<NoisePoint> noise, List<Resources> resources) {
    }

    /** Runs the sweeps on every frame of {@code data} (noise sweep and resources: the first frames). */
    public static Result run(ForceField model, Dataset data, Settings s, WorkerPool pool) {
        new HardwareForceField(model, HardwareOptions.exact()); // refuses an architecture it cannot run
        model.checkCompatible(data.numbers());
        Predictions exact = new Predictor(model, pool).predict(data);
        Errors exactErrors = errors(data, exact, exact, new double[exact.forces().length]);
        List<ShotPoint> shotPoints = new ArrayList<>();
        for (long n : s.shots()) {
            HardwarePredictions h = predict(model, HardwareOptions.shots(n, s.seed()), data, pool);
            shotPoints.add(new ShotPoint(n, h.circuits(), errors(data, exact, h.predictions(), h.forceSe())));
        }
        List<NoisePoint> noisePoints = new ArrayList<>();
        int nNoise = Math.min(s.noiseFrames(), data.frames());
        if (nNoise > 0) {
            Dataset sub = data.first(nNoise);
            Predictions exactSub = firstFrames(exact, nNoise);
            for (double l : s.cnotDepolarizing()) {
                NoiseModel noise = NoiseModel.depolarizingPerCnot(l);
                HardwarePredictions h = predict(model, new HardwareOptions(0, true, noise, s.seed(), s.trajectories(), false),
                        sub, pool);
                noisePoints.add(new NoisePoint(l, noise, errors(sub, exactSub, h.predictions(), h.forceSe())));
            }
        }
        List<Resources> resources = new ArrayList<>();
        for (int f = 0; f < Math.min(s.resourceFrames(), data.frames()); f++) resources.add(resources(model, data, f, s));
        return new Result(exactErrors, shotPoints, noisePoints, resources);
    }

    private static HardwarePredictions predict(ForceField model, HardwareOptions o, Dataset d, WorkerPool pool) {
        return new HardwarePredictor(new HardwareForceField(model, o), pool).predict(d);
    }

    private static Predictions firstFrames(Predictions p, int n) {
        int n3 = 3 * p.atoms();
        return new Predictions(p.name(), p.numbers(), Arrays.copyOf(p.energies(), n), Arrays.copyOf(p.forces(), n * n3));
    }

    /** Deviations of {@code h} from {@code exact} and errors against the labels of {@code d}. */
    static Errors errors(Dataset d, Predictions exact, Predictions h, double[] forceSe) {
        int frames = h.frames(), n3 = 3 * h.atoms();
        double[] dE = new double[frames], dF = new double[frames], eE = new double[frames], eF = new double[frames];
        for (int f = 0; f < frames; f++) {
            dE[f] = Math.abs(h.energies()[f] - exact.energies()[f]);
            eE[f] = Math.abs(h.energies()[f] - d.energies()[f]);
            double sd = 0, se = 0;
            for (int m = f * n3; m < (f + 1) * n3; m++) {
                sd += Math.abs(h.forces()[m] - exact.forces()[m]);
                se += Math.abs(h.forces()[m] - d.forces()[m]);
            }
            dF[f] = sd / n3;
            eF[f] = se / n3;
        }
        double meanSe = 0;
        for (double x : forceSe) meanSe += x;
        meanSe = forceSe.length == 0 ? 0 : meanSe / forceSe.length;
        return new Errors(frames, mean(dE), standardError(dE), mean(dF), standardError(dF), mean(eE), standardError(eE),
                mean(eF), standardError(eF), meanSe);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** Sample standard deviation / √n; NaN below two values. */
    private static double standardError(double[] v) {
        if (v.length < 2) return Double.NaN;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1) / v.length);
    }

    /** The resource row of frame f. */
    static Resources resources(ForceField model, Dataset data, int f, Settings s) {
        int[] numbers = data.numbers();
        double[] pos = new double[3 * data.atoms()];
        data.copyPositions(f, pos);
        HardwareForceField exact = new HardwareForceField(model, HardwareOptions.exact());
        int programs = 0, qubits = 0, two = 0, depth = 0, twoDepth = 0;
        for (BoundCircuit b : exact.circuits(numbers, pos, exact.newScratch())) {
            List<NativeGate> gates = Decomposition.of(b.circuit(), b.z());
            for (int[] pair : b.observable().heisenbergPairs()) {
                List<NativeGate> program = new ArrayList<>(gates);
                program.addAll(Decomposition.bellChange(pair[0], pair[1]));
                Decomposition.Counts c = Decomposition.count(b.circuit().qubits(), program);
                programs++;
                qubits = Math.max(qubits, b.circuit().qubits());
                two = Math.max(two, c.twoQubitGates());
                depth = Math.max(depth, c.depth());
                twoDepth = Math.max(twoDepth, c.twoQubitDepth());
            }
        }
        long n0 = s.referenceShots();
        HardwareForceField device = new HardwareForceField(model, HardwareOptions.shots(n0, s.seed()));
        ForceField.Scratch scratch = device.newScratch();
        HardwareEvaluation ev = device.evaluate(numbers, pos, scratch);
        long gradient = device.gradientCircuits(numbers, pos, scratch);
        double worst = 0;
        for (double se : ev.forceSe()) worst = Math.max(worst, se);
        long[] needed = new long[s.targetForceErrors().length];
        for (int t = 0; t < needed.length; t++) {
            double r = worst / s.targetForceErrors()[t];
            needed[t] = (long) Math.ceil(n0 * r * r);
        }
        return new Resources(f, qubits, two, depth, twoDepth, programs,
                ev.circuits(), gradient, n0, worst, needed, Math.pow(1 - s.twoQubitError(), two));
    }
}
