package org.qmlff.perf;

import org.qmlff.sim.SampleCircuits;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;
import org.qmlff.model.LeOptions;
import org.qmlff.model.Models;
import org.qmlff.model.RevisedModel;
import org.qmlff.model.RevisedOptions;
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
            Circuit c = SampleCircuits.layered(n, LE_DEPTH);
            for (Derivative d : Derivative.values()) {
                sink.accept(circuit("le-d6-" + d.label(), c, SampleCircuits.pair01(), d, 1));
            }
        }
        if (plan.threads() > 1) {
            Circuit c = SampleCircuits.layered(plan.maxQubits(), LE_DEPTH);
            sink.accept(circuit("le-d6-forward", c, SampleCircuits.pair01(), Derivative.FORWARD, plan.threads()));
        }
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

    /** {@code revised-train} (1 and n threads) and {@code revised-md}: the rows of {@code qmlff bench --only revised}. */
    public void revisedModel(Dataset data, Consumer<BenchRecord> sink) {
        ForceField revised = revisedDefault(data);
        // The lane engine's vector kernels run orders of magnitude slower until C2 has compiled them (seconds
        // on a busy machine), a plateau the harness can take for the steady state: warm up longer first.
        int batch = Math.min(plan.trainBatch(), data.frames());
        try (TrainingWorkload w = new TrainingWorkload(revised, data, batch, 1, SEED)) {
            long until = System.nanoTime() + PRE_WARMUP_FACTOR * plan.harness().warmupNanos();
            while (System.nanoTime() < until) w.call();
        }
        training("revised-train", revised, data, sink);
        MdWorkload md = new MdWorkload(revised, data, Math.min(MD_FRAMES, data.frames()));
        sink.accept(BenchRecord.throughput("revised-md", qubitsOf(revised, data), 1, 0, 1, false, harness.measure(md)));
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
        int batch = Math.min(plan.trainBatch(), data.frames());
        for (int threads : plan.threads() > 1 ? new int[]{1, plan.threads()} : new int[]{1}) {
            try (TrainingWorkload w = new TrainingWorkload(model, data, batch, threads, SEED)) {
                sink.accept(BenchRecord.throughput(name, qubitsOf(model, data), threads, 0, batch, false,
                        harness.measure(w)));
            }
        }
    }

    private static int qubitsOf(ForceField model, Dataset data) {
        ForceField.CircuitCost cost = model.circuitCost(data.numbers());
        if (cost == null) throw new IllegalArgumentException("no benchmark for a model of class " + model.getClass().getName());
        return cost.qubits();
    }
}
