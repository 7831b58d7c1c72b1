package org.qmlff.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable circuit on {@code n} qubits: a sequence of gates applied to |0…0⟩, whose real inputs
 * are read from a flat input vector {@code z} supplied at evaluation time. The inputs are the
 * differentiable variables of the simulator; it knows nothing of what they mean. Several gates may
 * read the same input; their contributions to derivatives add up.
 *
 * <p>Conventions (MODELS.md): qubit 0 is the most significant bit of the basis index;
 * σ = (X, Y, Z).
 * <ul>
 *   <li>{@code enc(q, i)}: Enc(v) = exp(−i v·σ/2) on qubit q with v = (z[i], z[i+1], z[i+2]); smooth
 *       (with all derivatives) at v = 0.</li>
 *   <li>{@code ex(p, q, i)}: Ex(J) = exp(−i J (XX+YY+ZZ)) = e^{iJ}[cos 2J · I − i sin 2J · SWAP] on
 *       qubits p, q with J = z[i].</li>
 *   <li>{@code rz(q, i)}: RZ(φ) = exp(−i φ Z / 2) with φ = z[i].</li>
 *   <li>{@code tensor(p, q, i)}: exp(−i Σ_ab T_ab σ_a⊗σ_b) on qubits p, q with T symmetric traceless,
 *       T = Σ_k z[i+k] B_k (five inputs, the basis of {@link TensorFormulas}); smooth at T = 0.</li>
 *   <li>{@code singlet(p, q)}: a fixed unitary taking |00⟩ on (p, q) to (|01⟩ − |10⟩)/√2.</li>
 *   <li>{@code gate1}, {@code gate2}: fixed dense unitaries (no inputs), row-major, for a 2-qubit
 *       gate the basis order is |pq⟩ = |00⟩, |01⟩, |10⟩, |11⟩.</li>
 * </ul>
 */
public final class Circuit {
    /** Largest supported number of qubits (a state then takes 2 × 2^24 doubles = 256 MiB). */
    public static final int MAX_QUBITS = 24;

    private static final double UNITARITY_TOLERANCE = 1e-9;

    private final int qubits;
    private final int inputs;
    private final Gate[] gates;
    /** Index of the first gate with inputs (gates.length if none): the reverse sweep stops there. */
    private final int firstParametric;
    /**
     * Number of leading fixed gates that touch each qubit at most once (the singlet preparations): on
     * |0…0⟩ they make a product state, which the simulator writes directly instead of running them.
     */
    private final int productPrefix;
    /**
     * The last light cone asked for (see {@link #lightCone}), kept so that repeated evaluations with the
     * same observable allocate nothing. Racy on purpose: the record is immutable, so a thread sees either
     * an older memo or a complete newer one, and a missed memo only costs a recomputation.
     */
    private volatile LightCone lightCone;

    private record LightCone(long support, Circuit circuit) {
    }

    /**
     * The last execution plan made for this circuit, with everything it was made from: the observable and
     * the local-bit count (racy, as above).
     */
    private volatile PlanMemo plan;

    private record PlanMemo(Observable observable, int localBits, ExecutionPlan plan) {
    }

    /** The plan that runs every gate as given (for whole states), made once (racy, as above). */
    private volatile ExecutionPlan asGiven;

    private Circuit(int qubits, Gate[] gates) {
        this(qubits, gates, 0, Integer.MAX_VALUE);
    }

    /**
     * {@code minInputs}: the input count to report at least (a pruned circuit keeps its original's);
     * {@code maxPrefix}: the longest product prefix allowed (a plan's first relabelling must come after it).
     */
    private Circuit(int qubits, Gate[] gates, int minInputs, int maxPrefix) {
        this.qubits = qubits;
        this.gates = gates;
        int maxInput = minInputs - 1;
        int first = gates.length;
        for (int k = gates.length - 1; k >= 0; k--) {
            Gate g = gates[k];
            if (g.kind().parametric()) {
                maxInput = Math.max(maxInput, g.input() + g.kind().inputs - 1);
                first = k;
            }
        }
        this.inputs = maxInput + 1;
        this.firstParametric = first;
        int prefix = 0;
        long touched = 0;
        while (prefix < first && prefix < maxPrefix) {
            Gate g = gates[prefix];
            long bits = (1L << g.p()) | (g.q() >= 0 ? 1L << g.q() : 0);
            if ((touched & bits) != 0) {
                break;
            }
            touched |= bits;
            prefix++;
        }
        this.productPrefix = prefix;
    }

    public static Builder builder(int qubits) {
        if (qubits < 1 || qubits > MAX_QUBITS) {
            throw new IllegalArgumentException("circuit: qubit count " + qubits + " is outside 1.." + MAX_QUBITS);
        }
        return new Builder(qubits);
    }

    /** Number of qubits n (1 ≤ n ≤ 24). */
    public int qubits() {
        return qubits;
    }

    /** Length the input vector z must have at least (1 + the largest input index used). */
    public int inputs() {
        return inputs;
    }

    /** Number of gates. */
    public int gateCount() {
        return gates.length;
    }

    Gate gate(int k) {
        return gates[k];
    }

    /** A description of gate k (0 ≤ k < {@link #gateCount()}), in application order. */
    public GateInfo gateInfo(int k) {
        Gate g = gates[k];
        String kind = switch (g.kind()) {
            case ENC -> "enc";
            case EX -> "ex";
            case RZ -> "rz";
            case TENSOR -> "tensor";
            case DENSE1 -> "dense1";
            case DENSE2 -> "dense2";
        };
        return new GateInfo(kind, g.p(), g.q(), g.input(), g.matrix() == null ? null : g.matrix().clone());
    }


    int firstParametric() {
        return firstParametric;
    }

    int productPrefix() {
        return productPrefix;
    }

    /**
     * This circuit without the gates that cannot change ⟨O⟩ for an observable O acting on the qubits of
     * {@code o} (its <em>backward light cone</em>); {@code this} when every gate can. Walking back from
     * the end, a gate is kept when it touches a qubit of the support S of O as evolved through the gates
     * kept after it, and then S grows by its qubits; a gate that touches none commutes with that evolved
     * observable, so removing it leaves ⟨O⟩, and with it every derivative, unchanged for all inputs and
     * every initial state. The gradient and Hessian-vector entries of the inputs read only by removed
     * gates are exactly zero. The result has the same {@link #inputs()} as this circuit.
     *
     * <p>Example: the layered circuit of MODELS.md on 20 qubits with depth 6 and O = σ₀·σ₁ keeps 184 of
     * its 270 gates (its last encoding layer, for instance, only on qubits 0 and 1), so a simulation of it
     * does about two thirds of the work.
     */
    public Circuit lightCone(Observable o) {
        return lightCone(o.support());
    }

    /** {@link #lightCone(Observable)} for the support given as a qubit mask (bit q = qubit q). */
    Circuit lightCone(long support) {
        LightCone memo = lightCone;
        if (memo != null && memo.support() == support) {
            return memo.circuit();
        }
        boolean[] keep = new boolean[gates.length];
        int kept = 0;
        long cone = support;
        for (int k = gates.length - 1; k >= 0; k--) {
            Gate g = gates[k];
            long bits = (1L << g.p()) | (g.q() >= 0 ? 1L << g.q() : 0);
            if ((bits & cone) != 0) {
                keep[k] = true;
                kept++;
                cone |= bits;
            }
        }
        Circuit result = this;
        if (kept < gates.length) {
            Gate[] live = new Gate[kept];
            int j = 0;
            for (int k = 0; k < gates.length; k++) {
                if (keep[k]) {
                    live[j++] = gates[k];
                }
            }
            result = new Circuit(qubits, live, inputs, Integer.MAX_VALUE);
        }
        lightCone = new LightCone(support, result);
        return result;
    }

    /**
     * The simulator's plan for this circuit, {@code o} and chunks of 2^{@code localBits} amplitudes
     * ({@link ExecutionPlan#of}), remembered for the last such pair: a plan depends on both (which gates are
     * local, and so where the relabellings go, is a matter of {@code localBits}), so the memo is keyed on
     * both. Observables are compared by identity (they are immutable; an equal but distinct one only
     * costs a new plan).
     */
    ExecutionPlan plan(Observable o, int localBits) {
        PlanMemo memo = plan;
        if (memo != null && memo.observable() == o && memo.localBits() == localBits) {
            return memo.plan();
        }
        ExecutionPlan made = ExecutionPlan.of(this, o, localBits);
        plan = new PlanMemo(o, localBits, made);
        return made;
    }

    /** The plan that runs every gate of this circuit on its own labels ({@link ExecutionPlan#asGiven}), remembered. */
    ExecutionPlan asGiven() {
        ExecutionPlan memo = asGiven;
        if (memo == null) {
            memo = ExecutionPlan.asGiven(this, null);
            asGiven = memo;
        }
        return memo;
    }

    /**
     * A circuit of the given gates reporting at least {@code inputs} inputs, whose product prefix ends at
     * gate {@code maxPrefix} at the latest (for {@link ExecutionPlan}).
     */
    static Circuit planned(int qubits, Gate[] gates, int inputs, int maxPrefix) {
        return new Circuit(qubits, gates, inputs, maxPrefix);
    }

    @Override
    public String toString() {
        return "Circuit[qubits=" + qubits + ", gates=" + gates.length + ", inputs=" + inputs + "]";
    }

    /** Builds a circuit gate by gate, in application order. Not thread-safe. */
    public static final class Builder {
        private final int qubits;
        private final List<Gate> gates = new ArrayList<>();

        private Builder(int qubits) {
            this.qubits = qubits;
        }

        public Builder singlet(int p, int q) {
            checkPair("singlet", p, q);
            double h = Math.sqrt(0.5);
            // Columns are the images of |00⟩, |01⟩, |10⟩, |11⟩: the singlet, then the three other Bell states.
            double[] re = {
                0, h, h, 0,
                h, 0, 0, h,
                -h, 0, 0, h,
                0, h, -h, 0};
            return addDense2(p, q, re, new double[16]);
        }

        public Builder enc(int q, int firstInput) {
            checkQubit("enc", q);
            checkInput("enc", firstInput);
            gates.add(new Gate(GateKind.ENC, q, -1, firstInput, null, null));
            return this;
        }

        public Builder ex(int p, int q, int input) {
            checkPair("ex", p, q);
            checkInput("ex", input);
            gates.add(new Gate(GateKind.EX, p, q, input, null, null));
            return this;
        }

        /**
         * The tensor gate exp(−i Σ_ab T_ab σ_a⊗σ_b) on qubits p, q with T = Σ_k z[firstInput + k] B_k over the
         * orthonormal basis of {@link TensorFormulas} (real spherical-harmonic order xy, yz, 3z²−r², xz,
         * x²−y²). It is symmetric in p and q.
         */
        public Builder tensor(int p, int q, int firstInput) {
            checkPair("tensor", p, q);
            checkInput("tensor", firstInput);
            gates.add(new Gate(GateKind.TENSOR, p, q, firstInput, null, null));
            return this;
        }

        public Builder rz(int q, int input) {
            checkQubit("rz", q);
            checkInput("rz", input);
            gates.add(new Gate(GateKind.RZ, q, -1, input, null, null));
            return this;
        }

        public Builder gate1(int q, double[] re, double[] im) {
            checkQubit("gate1", q);
            double[] m = interleave("gate1", re, im, 2);
            gates.add(new Gate(GateKind.DENSE1, q, -1, -1, m, adjoint(m, 2)));
            return this;
        }

        public Builder gate2(int p, int q, double[] re, double[] im) {
            checkPair("gate2", p, q);
            return addDense2(p, q, re, im);
        }

        public Circuit build() {
            return new Circuit(qubits, gates.toArray(new Gate[0]));
        }

        private Builder addDense2(int p, int q, double[] re, double[] im) {
            double[] m = interleave("gate2", re, im, 4);
            gates.add(new Gate(GateKind.DENSE2, p, q, -1, m, adjoint(m, 4)));
            return this;
        }

        private void checkQubit(String what, int q) {
            if (q < 0 || q >= qubits) {
                throw new IllegalArgumentException(what + " (gate " + gates.size() + "): qubit " + q
                        + " is outside 0.." + (qubits - 1));
            }
        }

        private void checkPair(String what, int p, int q) {
            checkQubit(what, p);
            checkQubit(what, q);
            if (p == q) {
                throw new IllegalArgumentException(what + " (gate " + gates.size() + "): both qubits are " + p);
            }
        }

        private void checkInput(String what, int input) {
            if (input < 0) {
                throw new IllegalArgumentException(what + " (gate " + gates.size() + "): input index " + input
                        + " is negative");
            }
        }

        /** Checks shape and unitarity and packs row-major (re, im) pairs. */
        private double[] interleave(String what, double[] re, double[] im, int dim) {
            if (re == null || im == null || re.length != dim * dim || im.length != dim * dim) {
                throw new IllegalArgumentException(what + " (gate " + gates.size() + "): the matrix needs "
                        + dim * dim + " real and " + dim * dim + " imaginary entries");
            }
            double[] m = new double[2 * dim * dim];
            for (int k = 0; k < dim * dim; k++) {
                if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
                    throw new IllegalArgumentException(what + " (gate " + gates.size() + "): entry " + k
                            + " is not finite");
                }
                m[2 * k] = re[k];
                m[2 * k + 1] = im[k];
            }
            // U†U = I, entry (i, j) = Σ_k conj(U_ki) U_kj.
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k < dim; k++) {
                        double ar = m[2 * (k * dim + i)];
                        double ai = m[2 * (k * dim + i) + 1];
                        double br = m[2 * (k * dim + j)];
                        double bi = m[2 * (k * dim + j) + 1];
                        sr += ar * br + ai * bi;
                        si += ar * bi - ai * br;
                    }
                    double dev = Math.hypot(sr - (i == j ? 1 : 0), si);
                    if (dev > UNITARITY_TOLERANCE) {
                        throw new IllegalArgumentException(what + " (gate " + gates.size()
                                + "): the matrix is not unitary (|U†U − I| entry (" + i + "," + j + ") = "
                                + dev + ")");
                    }
                }
            }
            return m;
        }

        private static double[] adjoint(double[] m, int dim) {
            double[] a = new double[m.length];
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    a[2 * (i * dim + j)] = m[2 * (j * dim + i)];
                    a[2 * (i * dim + j) + 1] = -m[2 * (j * dim + i) + 1];
                }
            }
            return a;
        }
    }
}
