package org.qmlff.model;

import org.qmlff.error.InputException;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.Arrays;

/**
 * The baseline siVQLM of Le et al., generalised to an N-atom molecule (MODELS.md §Baseline {@code le}).
 *
 * <p>One circuit of n qubits per configuration. Circuit inputs z are laid out as: for encoding layer
 * l = 0..D and encoded qubit q, the three components of Enc's vector at {@code 3(l·n0 + q)}; then the
 * exchange angles J[d][k] at {@code 3·n0·(D+1) + d·P + k}.
 *
 * <p>Parameters in file order: {@code alpha} (n0 × (D+1)), {@code J} (D × P(n)), {@code scale},
 * {@code shift}. Energy E = scale·⟨O⟩ + shift in kcal/mol.
 *
 * <p>The model is tied to the molecule it was built for: atom count and atomic numbers in order.
 */
public final class LeModel extends CircuitForceField<LeOptions> {

    private final int[] numbers;
    private final int atoms;
    private final int n0;
    private final int qubits;
    private final int[][] pairs;
    private final Circuit circuit;
    private final Observable observable;
    private final int oAlpha;
    private final int oJ;
    private final int oScale;
    private final int oShift;
    private final int exBase;

    LeModel(LeOptions options, int[] numbers) {
        super(options, parameters(options, numbers.length));
        this.numbers = numbers.clone();
        this.atoms = numbers.length;
        this.n0 = (atoms - 1) * options.rep();
        this.qubits = n0 + (n0 % 2);
        this.pairs = Ring.pairs(qubits);
        int d = options.D();
        oAlpha = params.offset("alpha");
        oJ = params.offset("J");
        oScale = params.offset("scale");
        oShift = params.offset("shift");
        exBase = 3 * n0 * (d + 1);

        Circuit.Builder b = Circuit.builder(qubits);
        for (int q = 0; q + 1 < qubits; q += 2) b.singlet(q, q + 1);
        addEncodingLayer(b, 0);
        for (int layer = 0; layer < d; layer++) {
            for (int k = 0; k < pairs.length; k++) b.ex(pairs[k][0], pairs[k][1], exBase + layer * pairs.length + k);
            addEncodingLayer(b, layer + 1);
        }
        this.circuit = b.build();
        this.observable = options.observable().on(qubits);
    }

    /** The parameter tensors of MODELS.md for a molecule of {@code atoms} atoms; validates the options. */
    private static ParameterSet parameters(LeOptions options, int atoms) {
        if (atoms < 2) throw new IllegalArgumentException("le needs a molecule of at least 2 atoms");
        if (options.centre() >= atoms)
            throw new IllegalArgumentException("centre atom " + options.centre() + " outside the molecule's " + atoms + " atoms");
        int n0 = (atoms - 1) * options.rep();
        int qubits = n0 + (n0 % 2);
        if (qubits > 24) throw new IllegalArgumentException("le needs " + qubits + " qubits; at most 24 are supported");
        return ParameterSet.builder()
                .add("alpha", n0, options.D() + 1)
                .add("J", options.D(), Ring.pairs(qubits).length)
                .add("scale")
                .add("shift")
                .build();
    }

    private void addEncodingLayer(Circuit.Builder b, int layer) {
        for (int q = 0; q < n0; q++) b.enc(q, 3 * (layer * n0 + q));
    }

    /** Atomic numbers of the molecule this model describes, in order. */
    public int[] numbers() {
        return numbers.clone();
    }

    /** Number of qubits of the circuit. */
    public int qubits() {
        return qubits;
    }

    /** The circuit (gate inputs as documented on the class). */
    public Circuit circuit() {
        return circuit;
    }

    @Override
    public CircuitCost circuitCost(int[] numbers) {
        return new CircuitCost(qubits, parityCopies(), (long) parityCopies() * circuit.gateCount());
    }

    /** Per-thread buffers: a simulator and the circuit-input vectors. */
    private final class LeScratch extends ParityScratch {
        final Simulator sim = new Simulator(qubits);
        final double[] z = new double[circuit.inputs()];
        final double[] u = new double[circuit.inputs()];
        final double[] g = new double[circuit.inputs()];
        final double[] hu = new double[circuit.inputs()];
        final double[] x = new double[3 * (atoms - 1)];
        final double[] c = new double[3 * (atoms - 1)];
    }

    @Override
    public Scratch newScratch() {
        return new LeScratch();
    }

    @Override
    public void checkCompatible(int[] other) {
        if (other.length != atoms)
            throw new InputException("this le model was trained on a molecule of " + atoms
                    + " atoms; the data has " + other.length + " (le models are tied to one molecule)");
        if (!Arrays.equals(other, numbers))
            throw new InputException("this le model was trained on atoms " + Arrays.toString(numbers)
                    + " in that order; the data has " + Arrays.toString(other) + " (le models are tied to one molecule and atom order)");
    }

    /** Active-atom index a of atom j (j ≠ centre). */
    private int atomOfActive(int a) {
        return a < options.centre() ? a : a + 1;
    }

    /** Fills relative positions x_a = r_j − r_c and the circuit inputs z. */
    private void inputs(double[] positions, LeScratch s) {
        double[] v = params.values();
        int c = options.centre();
        for (int a = 0; a < atoms - 1; a++) {
            int j = atomOfActive(a);
            for (int k = 0; k < 3; k++) s.x[3 * a + k] = positions[3 * j + k] - positions[3 * c + k];
        }
        int layers = options.D() + 1;
        for (int l = 0; l < layers; l++) {
            for (int q = 0; q < n0; q++) {
                int a = q % (atoms - 1);
                double alpha = v[oAlpha + q * layers + l];
                int zi = 3 * (l * n0 + q);
                s.z[zi] = alpha * s.x[3 * a];
                s.z[zi + 1] = alpha * s.x[3 * a + 1];
                s.z[zi + 2] = alpha * s.x[3 * a + 2];
            }
        }
        System.arraycopy(v, oJ, s.z, exBase, options.D() * pairs.length);
    }

    @Override
    double plainEnergyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        LeScratch s = (LeScratch) scratch;
        inputs(positions, s);
        double o = s.gradient(s.sim, circuit, observable, s.z, s.g);
        double[] v = params.values();
        double scale = v[oScale];
        int c = options.centre();
        Arrays.fill(forces, 0, 3 * atoms, 0.0);
        int layers = options.D() + 1;
        for (int q = 0; q < n0; q++) {
            int j = atomOfActive(q % (atoms - 1));
            for (int l = 0; l < layers; l++) {
                double w = scale * v[oAlpha + q * layers + l];
                int zi = 3 * (l * n0 + q);
                for (int k = 0; k < 3; k++) {
                    double dEdx = w * s.g[zi + k];
                    forces[3 * j + k] -= dEdx;
                    forces[3 * c + k] += dEdx;
                }
            }
        }
        return scale * o + v[oShift];
    }

    /**
     * φ = dLdE·E + Σ dLdF·F. With c_a = dLdF[centre] − dLdF[j(a)], Σ dLdF·F = scale·(u·g) where
     * u_enc(l,q) = alpha[q][l]·c_{a(q)} and g = ∂⟨O⟩/∂z; so one Hessian-vector product along u gives
     * every term.
     */
    @Override
    void plainObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                Scratch scratch) {
        LeScratch s = (LeScratch) scratch;
        inputs(positions, s);
        double[] v = params.values();
        double scale = v[oScale];
        int cen = options.centre();
        for (int a = 0; a < atoms - 1; a++) {
            int j = atomOfActive(a);
            for (int k = 0; k < 3; k++) s.c[3 * a + k] = dLdF[3 * cen + k] - dLdF[3 * j + k];
        }
        int layers = options.D() + 1;
        Arrays.fill(s.u, 0.0);
        for (int q = 0; q < n0; q++) {
            int a = q % (atoms - 1);
            for (int l = 0; l < layers; l++) {
                double alpha = v[oAlpha + q * layers + l];
                int zi = 3 * (l * n0 + q);
                for (int k = 0; k < 3; k++) s.u[zi + k] = alpha * s.c[3 * a + k];
            }
        }
        double o = s.hessianVectorProduct(s.sim, circuit, observable, s.z, s.u, s.g, s.hu);
        double ug = 0;
        for (int i = 0; i < exBase; i++) ug += s.u[i] * s.g[i];

        grad[oShift] += dLdE;
        grad[oScale] += dLdE * o + ug;
        // dφ/dz = scale·(dLdE·g + H·u)
        for (int q = 0; q < n0; q++) {
            int a = q % (atoms - 1);
            for (int l = 0; l < layers; l++) {
                int zi = 3 * (l * n0 + q);
                double through = 0;
                double explicit = 0;
                for (int k = 0; k < 3; k++) {
                    double dphidz = scale * (dLdE * s.g[zi + k] + s.hu[zi + k]);
                    through += dphidz * s.x[3 * a + k];
                    explicit += s.c[3 * a + k] * s.g[zi + k];
                }
                grad[oAlpha + q * layers + l] += through + scale * explicit;
            }
        }
        int nJ = options.D() * pairs.length;
        for (int i = 0; i < nJ; i++) grad[oJ + i] += scale * (dLdE * s.g[exBase + i] + s.hu[exBase + i]);
    }
}
