package org.qmlff.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.DataFormatException;
import org.qmlff.data.Dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The {@code hybrid} architecture ({@link HybridModel}, docs/HYBRID.md): a rich QNN with a classical
 * MLP head, on top of a ridge-fitted classical baseline and an optional pair repulsion. Its model files
 * have version 2 (as rich) and carry the fitted baseline weights in a {@code baseline} entry.
 */
public final class HybridArchitecture implements Architecture<HybridOptions> {

    /** The architecture's name. */
    public static final String NAME = "hybrid";

    /** Rich's options (those of its QNN), then the hybrid's own. */
    private static final List<String> OPTION_NAMES = OptionValues.names(RichArchitecture.OPTION_NAMES, HybridOptions.NAMES);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HybridOptions> optionsType() {
        return HybridOptions.class;
    }

    @Override
    public Class<? extends ForceField> modelType() {
        return HybridModel.class;
    }

    @Override
    public HybridOptions defaults() {
        return HybridOptions.defaults();
    }

    @Override
    public List<String> optionNames() {
        return OPTION_NAMES;
    }

    @Override
    public int modelFileVersion() {
        return 2;
    }

    /**
     * docs/HYBRID.md §Initialisation: the repulsion (fixed), the baseline fitted on the training data less
     * the repulsion, then the QNN initialised as rich on the residual data (its e0 fitted to the residual
     * energies; with the baseline its readout weights c set to 0) and the head drawn after the QNN's random
     * tensors.
     */
    @Override
    public HybridModel create(HybridOptions options, List<Dataset> training, Random rng) {
        PairRepulsion repulsion = repulsion(options);
        RichModel qnn = new RichModel(options.qnn(), options.hiddenWidths(), options.circuit());
        CircuitArchitecture.checkTraining(new HybridModel(options, qnn, null, repulsion), training);
        ClassicalBaseline baseline = null;
        if (options.baseline().equals("ridge")) {
            double[] w = BaselineFit.fit(shape(options, null), options.qnn().base().species(), training,
                    repulsion == null ? null : repulsion::addEnergyAndForces, options.ridge(), options.ridgeWF());
            baseline = shape(options, w);
        }
        HybridModel model = new HybridModel(options, qnn, baseline, repulsion);
        List<Dataset> residual = baseline == null && repulsion == null ? training : residuals(model, training);
        RichArchitecture.initialise(qnn, options.qnn(), residual, rng);
        if (baseline != null) {
            // The QNN starts as a zero correction (with the head's zero output layer): the untrained model is the baseline.
            ParameterSet.Tensor c = qnn.parameterSet().tensor("c");
            Arrays.fill(qnn.parameterSet().values(), c.offset(), c.offset() + c.size(), 0.0);
        }
        if (qnn.head() != null) qnn.head().initialise(qnn.parameterSet().values(), rng);
        return model;
    }

    private static PairRepulsion repulsion(HybridOptions o) {
        return o.repulsion().equals("r12") ? new PairRepulsion(o.repEps(), o.repR0(), o.repRc()) : null;
    }

    private static ClassicalBaseline shape(HybridOptions o, double[] weights) {
        RevisedOptions b = o.qnn().base();
        return new ClassicalBaseline(b.species().length, SpeciesIndex.of(b.species()), b.K(), b.rc(), o.baseK(),
                o.baseLmax(), weights);
    }

    /** The training data less what the classical parts of {@code m} predict (energies and forces). */
    private static List<Dataset> residuals(HybridModel m, List<Dataset> training) {
        List<Dataset> out = new ArrayList<>();
        ClassicalBaseline.Work w = m.baseline() == null ? null : m.baseline().newWork();
        for (Dataset d : training) {
            int n3 = 3 * d.atoms();
            double[] e = d.energies().clone(), f = d.forces().clone();
            double[] pos = new double[n3], fc = new double[n3];
            for (int fr = 0; fr < d.frames(); fr++) {
                d.copyPositions(fr, pos);
                Arrays.fill(fc, 0.0);
                double ec = 0;
                if (m.baseline() != null) ec += m.baseline().addEnergyAndForces(d.numbers(), pos, fc, w);
                if (m.repulsion() != null) ec += m.repulsion().addEnergyAndForces(d.numbers(), pos, fc);
                e[fr] -= ec;
                for (int k = 0; k < n3; k++) f[fr * n3 + k] -= fc[k];
            }
            out.add(new Dataset(d.name(), d.numbers(), d.positions(), e, f));
        }
        return out;
    }

    /** The fitted baseline weights: {@code "baseline": {"B2": {shape, data}, "B3": {shape, data}}}. */
    @Override
    public void writeHeader(ForceField model, ObjectNode root) {
        ClassicalBaseline b = ((HybridModel) model).baseline();
        if (b == null) return;
        ObjectNode node = root.putObject("baseline");
        double[] w = b.weights();
        tensor(node.putObject("B2"), new int[]{b.nSpecies, b.nSpecies, b.kBasis}, w, 0, b.size2);
        tensor(node.putObject("B3"), new int[]{b.nSpecies, b.pairsQ, b.nL}, w, b.size2, b.size3);
    }

    private static void tensor(ObjectNode p, int[] shape, double[] w, int from, int size) {
        ArrayNode s = p.putArray("shape");
        for (int x : shape) s.add(x);
        ArrayNode data = p.putArray("data");
        for (int i = 0; i < size; i++) data.add(w[from + i]);
    }

    @Override
    public HybridModel newModel(HybridOptions options, JsonNode root, String where) {
        ClassicalBaseline baseline = null;
        if (options.baseline().equals("ridge")) {
            ClassicalBaseline shape = shape(options, null);
            double[] w = new double[shape.size()];
            JsonNode node = root.path("baseline");
            read(node.path("B2"), "B2", new int[]{shape.nSpecies, shape.nSpecies, shape.kBasis}, w, 0, where);
            read(node.path("B3"), "B3", new int[]{shape.nSpecies, shape.pairsQ, shape.nL}, w, shape.size2, where);
            baseline = shape(options, w);
        }
        return new HybridModel(options, new RichModel(options.qnn(), options.hiddenWidths(), options.circuit()), baseline, repulsion(options));
    }

    private static void read(JsonNode p, String name, int[] shape, double[] w, int from, String where) {
        if (!p.isObject()) throw new DataFormatException(where + ": baseline weights '" + name + "' are missing");
        int[] got = new int[p.path("shape").size()];
        for (int i = 0; i < got.length; i++) got[i] = p.path("shape").get(i).asInt();
        if (!Arrays.equals(got, shape))
            throw new DataFormatException(where + ": baseline weights '" + name + "' have shape " + Arrays.toString(got)
                    + ", the model's options need " + Arrays.toString(shape));
        JsonNode data = p.path("data");
        int size = 1;
        for (int s : shape) size *= s;
        if (!data.isArray() || data.size() != size)
            throw new DataFormatException(where + ": baseline weights '" + name + "' have " + data.size() + " values, need " + size);
        for (int i = 0; i < size; i++) {
            JsonNode x = data.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble()))
                throw new DataFormatException(where + ": baseline weight '" + name + "' value " + i + " is not a finite number");
            w[from + i] = x.asDouble();
        }
    }

    @Override
    public List<ParameterSet.Tensor> parameterTensors(ForceField model) {
        return ((HybridModel) model).qnn().parameterSet().tensors();
    }

    @Override
    public Map<Symmetry, Symmetry.Promise> symmetries(HybridOptions options) {
        Map<Symmetry, Symmetry.Promise> m = new EnumMap<>(Symmetry.class);
        m.put(Symmetry.ROTATION_TRANSLATION, Symmetry.Promise.holds("the QNN's circuits commute with the same SU(2) rotation on "
                + "all qubits and read relative positions; its head reads their invariant expectations; the baseline and "
                + "the repulsion depend on distances and angles only"));
        m.put(Symmetry.PERMUTATION, Symmetry.Promise.holds("every term is a sum over atoms (or pairs) with parameters "
                + "shared by species"));
        m.put(Symmetry.INVERSION, options.parity() == Parity.SYM
                ? Symmetry.Promise.holds("parity=sym averages the QNN over R and -R; the baseline and the repulsion are even")
                : Symmetry.Promise.not("SU(2) does not represent parity; use parity=sym for exact O(3) invariance"));
        return m;
    }

    /**
     * docs/HYBRID.md §Ablations: the full model, (i) no entangling gates, (ii) the circuit frozen at its
     * initialisation, (iii) the circuit replaced by classical invariant features of the same parameters,
     * (iv) the classical part alone (the reference of the circuit's share).
     */
    @Override
    public List<Ablation> ablations() {
        return List.of(
                new Ablation("full", "the full model", Map.of("circuit", CircuitMode.QUANTUM.text()), false, true),
                new Ablation("no-exchange", "(i) every Ex coupling (and tensor-gate input) held at 0: no entangling gates",
                        Map.of("circuit", CircuitMode.NO_EXCHANGE.text()), false, false),
                new Ablation("frozen", "(ii) circuit tensors frozen at their random initialisation; readout and head trained",
                        Map.of("circuit", CircuitMode.FROZEN.text()), false, false),
                new Ablation("classical-features", "(iii) circuit replaced by classical invariant features of the same "
                        + "inputs and parameters, same head", Map.of("circuit", CircuitMode.CLASSICAL.text()), false, false),
                new Ablation("classical-alone", "(iv) the classical part alone: baseline and repulsion, no QNN term",
                        Map.of("circuit", CircuitMode.NONE.text()), true, false));
    }

    @Override
    public CircuitLayout circuitLayout() {
        return CircuitLayout.PER_ATOM;
    }
}
