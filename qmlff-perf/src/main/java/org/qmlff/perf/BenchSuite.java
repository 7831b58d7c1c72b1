package org.qmlff.perf;

import org.qmlff.sim.SampleCircuits;

import org.qmlff.data.Dataset;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import org.qmlff.model.LeOptions;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;
import org.qmlff.model.RevisedArchitecture;
import org.qmlff.model.RevisedModel;
import org.qmlff.model.RevisedOptions;
import org.qmlff.model.RichArchitecture;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The benchmarks of {@code qmlff bench}, by name:
 * <ul>
 *   <li>{@code gate-enc}, {@code gate-ex}: ns per amplitude per gate of a forward pass through a long
 *       circuit of one gate type ({@link SampleCircuits#gateCircuit}), with an observable on every qubit
 *       so that every gate runs;</li>
 *   <li>{@code le-d6-forward}, {@code le-d6-gradient}, {@code le-d6-hvp}: the baseline D = 6 circuit
 *       ({@link SampleCircuits#layered}) with observable σ₀·σ₁ at random inputs, 1 thread, and the
 *       forward at the largest size also with {@link BenchPlan#threads()} threads. The simulator runs
 *       the observable's {@linkplain Circuit#lightCone light cone} (184 of the 270 gates at 20 qubits);
 *       a record's {@code gates} and ns per amplitude per gate count those;</li>
 *   <li>{@code revised-batch-forward}, {@code revised-batch-hvp}: batches of the revised model's
 *       4-qubit D = 3 atomic circuit (circuits per second);</li>
 *   <li>{@code revised-train}, {@code le-train}: training throughput of the default models on the
 *       given data (configurations per second of the full objective and its gradient), 1 thread and
 *       {@link BenchPlan#threads()} threads;</li>
 *   <li>{@code revised-md}: energy and forces of one configuration per call, 1 thread
 *       (evaluations per second).</li>
 * </ul>
 * Besides these, not in {@link #run}: the revised model with wider circuits ({@link #revisedWider}:
 * {@code revised-train} and {@code revised-md} at nq = 6 and 8, 1 thread) and the rich model with its
 * options ({@link #richModels}), and single rows for the spread over fresh JVMs ({@link #spreadRow}).
 */
public final class BenchSuite {
    /** Depth of the baseline benchmark circuit (MODELS.md le default). */
    public static final int LE_DEPTH = 6;
    /** The revised model's atomic circuit: qubits and depth (MODELS.md defaults). */
    public static final int REVISED_QUBITS = 4;
    public static final int REVISED_DEPTH = 3;
    /** Frames the MD benchmark cycles through. */
    private static final int MD_FRAMES = 16;
    private static final long SEED = 20250503L;
    /** Extra warm-up of the revised model before its rows, in multiples of the harness's least warm-up time. */
    private static final long PRE_WARMUP_FACTOR = 3;
    /** Qubits per atomic circuit of {@link #revisedWider}'s rows. */
    public static final List<Integer> WIDER_QUBITS = List.of(6, 8);
    /**
     * The rich variants of {@link #richModels}: row-name prefix, then option name and value pairs set on
     * rich's defaults (docs/RICH.md: readout full, threebody 4, lmax 3, one channel, ring graph).
     */
    private static final List<List<String>> RICH_VARIANTS = List.of(
            List.of("rich"),
            List.of("rich-tensor", "tensor", "on"),
            List.of("rich-channels2", "channels", "2"));
    /** The rows {@link #spreadRow} measures, by their name there. */
    public static final List<String> SPREAD_ROWS = List.of("le-forward", "le-gradient", "le-hvp", "revised-train",
            "revised-md");

    private final BenchPlan plan;
    private final Harness harness;

    public BenchSuite(BenchPlan plan) {
        this.plan = plan;
        this.harness = new Harness(plan.harness());
    }

    /**
     * Runs every benchmark in order and returns the records; {@code listener} sees each record as
     * soon as it is measured.
     *
     * @param data frames for the model benchmarks (one molecule of elements H, C, N, O, e.g. ethanol)
     */
    public List<BenchRecord> run(Dataset data, Consumer<BenchRecord> listener) {
        List<BenchRecord> out = new ArrayList<>();
        Consumer<BenchRecord> sink = r -> {
            out.add(r);
            listener.accept(r);
        };
        gates(sink);
        layered(sink);
        revisedBatch(sink);
        models(data, sink);
        return out;
    }

    /** {@code gate-enc} and {@code gate-ex} at every size of the plan. */
    public void gates(Consumer<BenchRecord> sink) {
        for (SampleCircuits.GateType type : SampleCircuits.GateType.values()) {
            String name = type == SampleCircuits.GateType.ENC ? "gate-enc" : "gate-ex";
            for (int n : plan.gateSizes()) {
                Circuit c = SampleCircuits.gateCircuit(type, n, SampleCircuits.gatesFor(n, plan.gateAmpGates()));
                sink.accept(circuit(name, c, SampleCircuits.allQubitsZ(n), Derivative.FORWARD, 1));
            }
        }
    }

    /** {@code le-d6-*} at 8 and the largest size; the largest forward also multi-threaded. */
    public void layered(Consumer<BenchRecord> sink) {
        for (int n : plan.layeredSizes()) {
            for (Derivative d : Derivative.values()) sink.accept(layered(n, d, 1));
        }
        if (plan.threads() > 1) sink.accept(layered(plan.maxQubits(), Derivative.FORWARD, plan.threads()));
    }

    private BenchRecord layered(int qubits, Derivative d, int threads) {
        Circuit c = SampleCircuits.layered(qubits, LE_DEPTH);
        return circuit("le-d6-" + d.label(), c, SampleCircuits.pair01(), d, threads);
    }

    /**
     * One row on its own, measured as {@link #run} measures it, for the spread over fresh JVMs
     * ({@code qmlff bench --fresh-jvms}): {@code le-forward}, {@code le-gradient}, {@code le-hvp} (the
     * {@code le-d6-*} row at the largest size, 1 thread), {@code revised-train} or {@code revised-md}
     * (1 thread, after the revised model's usual extra warm-up).
     *
     * @param data frames for the revised rows; not read by the circuit rows (may be null for them)
     */
    public BenchRecord spreadRow(String row, Dataset data) {
        for (Derivative d : Derivative.values())
            if (row.equals("le-" + d.label())) return layered(plan.maxQubits(), d, 1);
        if (!row.equals("revised-train") && !row.equals("revised-md"))
            throw new IllegalArgumentException("no benchmark row '" + row + "' (expected one of " + SPREAD_ROWS + ")");
        ForceField revised = revisedDefault(data);
        preWarm(revised, data);
        return row.equals("revised-train") ? training("revised-train", revised, data, 1) : md("revised-md", revised, data);
    }

    private BenchRecord circuit(String name, Circuit c, Observable o, Derivative d, int threads) {
        try (CircuitWorkload w = new CircuitWorkload(c, o, d, 1, threads, SEED)) {
            // ns per amplitude per gate is the simulator's figure of merit for a forward pass only; it counts
            // the gates the simulator applies, those of the observable's light cone
            return BenchRecord.circuit(name, c.qubits(), threads, c.lightCone(o).gateCount(),
                    d == Derivative.FORWARD, harness.measure(w));
        }
    }

    /** {@code revised-batch-forward} and {@code revised-batch-hvp}. */
    public void revisedBatch(Consumer<BenchRecord> sink) {
        Circuit c = SampleCircuits.layered(REVISED_QUBITS, REVISED_DEPTH);
        for (Derivative d : new Derivative[]{Derivative.FORWARD, Derivative.HVP}) {
            try (CircuitWorkload w = new CircuitWorkload(c, SampleCircuits.pair01(), d, plan.revisedBatch(), 1, SEED)) {
                sink.accept(BenchRecord.throughput("revised-batch-" + d.label(), c.qubits(), 1,
                        c.lightCone(SampleCircuits.pair01()).gateCount(),
                        w.batch(), d == Derivative.FORWARD, harness.measure(w)));
            }
        }
    }

    /** {@code revised-train} (1 and n threads), {@code revised-md}, {@code le-train} (1 and n threads). */
    public void models(Dataset data, Consumer<BenchRecord> sink) {
        revisedModel(data, sink);
        ForceField le = Models.create(LeOptions.defaults(), List.of(data), SEED);
        training("le-train", le, data, sink);
    }

    /**
     * {@code revised-train} (1 and n threads) and {@code revised-md} of the default revised model (nq = 4):
     * the model rows of {@link #run}.
     */
    public void revisedModel(Dataset data, Consumer<BenchRecord> sink) {
        ForceField revised = revisedDefault(data);
        preWarm(revised, data);
        training("revised-train", revised, data, sink);
        sink.accept(md("revised-md", revised, data));
    }

    /**
     * {@code revised-train} and {@code revised-md}, 1 thread, of the revised model with nq = 6 and 8
     * qubits per atomic circuit (the rows' qubit count), its other options the defaults; set through the
     * architecture registry as {@code --nq} does.
     */
    public void revisedWider(Dataset data, Consumer<BenchRecord> sink) {
        for (int nq : WIDER_QUBITS) {
            ModelOptions o = Architectures.get(RevisedArchitecture.NAME).defaults().with("nq", Integer.toString(nq));
            singleThreadRows(RevisedArchitecture.NAME, Models.create(o, List.of(data), SEED), data, sink);
        }
    }

    /**
     * The rich model (docs/RICH.md), 1 thread, training and single-frame energy + forces: {@code rich-train},
     * {@code rich-md} with rich's defaults (readout full, threebody 4), {@code rich-tensor-*} with tensor gates
     * as well, {@code rich-channels2-*} with two channels instead of the tensor gates.
     */
    public void richModels(Dataset data, Consumer<BenchRecord> sink) {
        for (List<String> variant : RICH_VARIANTS) {
            ModelOptions o = Architectures.get(RichArchitecture.NAME).defaults();
            for (int i = 1; i < variant.size(); i += 2) o = o.with(variant.get(i), variant.get(i + 1));
            singleThreadRows(variant.get(0), Models.create(o, List.of(data), SEED), data, sink);
        }
    }

    /** {@code prefix-train} and {@code prefix-md} of {@code model}, 1 thread, after the extra warm-up. */
    private void singleThreadRows(String prefix, ForceField model, Dataset data, Consumer<BenchRecord> sink) {
        preWarm(model, data);
        sink.accept(training(prefix + "-train", model, data, 1));
        sink.accept(md(prefix + "-md", model, data));
    }

    /**
     * The lane engine's vector kernels run orders of magnitude slower until C2 has compiled them (seconds
     * on a busy machine), a plateau the harness can take for the steady state: training steps for
     * {@value #PRE_WARMUP_FACTOR}× the harness's least warm-up time first.
     */
    private void preWarm(ForceField model, Dataset data) {
        int batch = Math.min(plan.trainBatch(), data.frames());
        try (TrainingWorkload w = new TrainingWorkload(model, data, batch, 1, SEED)) {
            long until = System.nanoTime() + PRE_WARMUP_FACTOR * plan.harness().warmupNanos();
            while (System.nanoTime() < until) w.call();
        }
    }

    private BenchRecord md(String name, ForceField model, Dataset data) {
        MdWorkload md = new MdWorkload(model, data, Math.min(MD_FRAMES, data.frames()));
        return BenchRecord.throughput(name, qubitsOf(model, data), 1, 0, 1, false, harness.measure(md));
    }

    /**
     * The per-stage breakdown of the default revised model ({@code qmlff bench --profile}): a training step
     * of {@link BenchPlan#trainBatch()} configurations and a single-frame energy + forces evaluation.
     */
    public List<StageProfile.Result> revisedProfile(Dataset data) {
        RevisedModel revised = (RevisedModel) revisedDefault(data);
        int batch = Math.min(plan.trainBatch(), data.frames());
        return List.of(StageProfile.training(revised, data, batch, harness),
                StageProfile.energyAndForces(revised, data, harness));
    }

    private static ForceField revisedDefault(Dataset data) {
        return Models.create(RevisedOptions.defaults(), List.of(data), SEED);
    }

    private void training(String name, ForceField model, Dataset data, Consumer<BenchRecord> sink) {
        for (int threads : plan.threads() > 1 ? new int[]{1, plan.threads()} : new int[]{1})
            sink.accept(training(name, model, data, threads));
    }

    private BenchRecord training(String name, ForceField model, Dataset data, int threads) {
        int batch = Math.min(plan.trainBatch(), data.frames());
        try (TrainingWorkload w = new TrainingWorkload(model, data, batch, threads, SEED)) {
            return BenchRecord.throughput(name, qubitsOf(model, data), threads, 0, batch, false, harness.measure(w));
        }
    }

    private static int qubitsOf(ForceField model, Dataset data) {
        ForceField.CircuitCost cost = model.circuitCost(data.numbers());
        if (cost == null) throw new IllegalArgumentException("no benchmark for a model of class " + model.getClass().getName());
        return cost.qubits();
    }
}
