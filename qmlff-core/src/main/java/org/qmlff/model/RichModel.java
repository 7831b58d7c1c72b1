package org.qmlff.model;

import org.qmlff.geometry.NeighbourList;
import org.qmlff.geometry.RadialBasis;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.Arrays;

/**
 * The rich QNN (docs/RICH.md): the revised atomic circuit with invariant multi-observable readouts,
 * three-body (angular order l ≤ 3) invariants in the Ex couplings, C independent circuits per atom and
 * ring or all-pairs coupling graphs. E = Σ_i ε_i, ε_i = e0[s_i] + Σ_ch Σ_o c[ch][o][s_i]·⟨O_o⟩_{i,ch}.
 *
 * <p>Circuit inputs of atom i, channel ch: Enc vector of layer l, qubit q at {@code 3(l·nq + q)};
 * Ex coupling e = d·Pe + p' at {@code 3·nq·(D+1) + e} (Pe = P for free couplings, 1 for tied ones,
 * where every pair of a layer reads the same input); with {@code tensor=on}, a tensor gate after every Ex
 * gate on the same pair, whose five inputs t_c = Σ_(s,k) Q[ch][e][s_i][s][k]·Qs[i][s][k][c] (the l = 2
 * neighbour density of {@link RichFrame}, scalar weights shared by the five components, hence equivariant)
 * are at {@code 3·nq·(D+1) + D·Pe + 5e + c} (docs/RICH.md §Tensor inputs).
 *
 * <p>Parameters in file order: W (C × (D+1) × nq × |S| × |S| × K), V (C × D·Pe × |S| × |S| × K),
 * J0 (C × D·Pe × |S|), with threebody A &gt; 0: U (C × A × |S| × |S| × K), Y (C × D·Pe × |S| × A × (lmax+1));
 * with tensor=on: Q (C × D·Pe × |S| × |S| × K); then e0 (|S|), c (C × nObs × |S|). Energies kcal/mol, lengths Å.
 *
 * <p>Derivatives follow {@link RevisedModel}: forces from the adjoint gradient g = ∂⟨O_ch⟩/∂z of each
 * circuit (O_ch = Σ_o c_o O_o, one summed observable); the training objective's force term as the
 * directional derivative along w, with one Hessian-vector product per circuit and, for the readout
 * weights, the state tangent of {@link RichTangentState}. The three-body invariants are quadratic in
 * U, so their derivatives are written out below (docs/RICH.md §Derivatives). With tensor gates the state
 * tangent comes from {@link Simulator#stateTangent} ({@link RichTangentState} has Enc and Ex gates only).
 *
 * <p>Built with hidden layer widths (the {@code hybrid} architecture, docs/HYBRID.md §Head), the atomic
 * energy also has a per-species {@link MlpHead} y(x) over the atom's C·nObs readout expectations x, and
 * the head's tensors follow {@code c} in the parameter vector; the adjoint passes then use the per-atom
 * observable Σ_o (c_o + ∂y/∂x_o) O_o, and the training gradient one more adjoint pass for
 * Σ_o (∇²y·ẋ)_o O_o.
 *
 * <p>The {@link CircuitMode} (hybrid's {@code circuit} option, docs/HYBRID.md §Ablations) selects what
 * stands where the circuits are: the circuits ({@code quantum}), the circuits with every Ex input held at
 * 0 ({@code no-exchange}: the coupling tensors get no gradient and no force term), the circuits with their
 * tensors untrained ({@code frozen}), the {@link ClassicalReadoutMap} on the same inputs ({@code classical})
 * or nothing ({@code none}: ε_i = e0[s_i]). The parameter tensors are the same in every mode.
 */
public final class RichModel extends CircuitForceField<RichModelOptions> {
    /** Legendre coefficients p[l][n]: P_l(x) = Σ_n p[l][n] x^n. */
    private static final double[][] LEGENDRE = {
            {1, 0, 0, 0}, {0, 1, 0, 0}, {-0.5, 0, 1.5, 0}, {0, -1.5, 0, 2.5}};

    private final int nq;
    private final int layersD;
    private final int kBasis;
    private final int nSpecies;
    private final int nCh;
    private final int nA;
    private final int nL;
    private final int pairsPerLayer;
    private final int pe;
    private final boolean tied;
    private final int[][] pairs;
    private final int[] speciesOf;
    private final RadialBasis basis;
    private final RichReadout readout;
    private final int nObs;
    private final int exBase;
    private final int nIn;
    private final int encChannels;
    private final int couplings;
    private final int oW, oV, oJ0, oU, oY, oQ, oE0, oC;
    /** Tensor gates (option {@code tensor}): one after every Ex gate, reading the five inputs at tBase + 5e. */
    private final boolean tensorGates;
    private final int tBase;
    /** Gate list after the singlets, for the circuit builder and {@link RichTangentState}. */
    private final int[] gKind, gA, gB, gIn;
    private final Circuit prototype;
    /** Monomial count, degrees and multiplicities (as {@link RichFrame}). */
    private final int nMono;
    private final int[] monoDegree;
    private final double[] monoWeight;
    /** The classical head over the readout expectations (docs/HYBRID.md), or null: the linear readout alone. */
    private final MlpHead head;
    private final CircuitMode mode;
    /** The classical stand-in of {@code circuit=classical}, or null. */
    private final ClassicalReadoutMap classical;

    RichModel(RichModelOptions options) {
        this(options, new int[0], CircuitMode.QUANTUM);
    }

    RichModel(RichModelOptions options, int[] hidden) {
        this(options, hidden, CircuitMode.QUANTUM);
    }

    /**
     * A rich model whose atomic energy also has a per-species MLP over the C·nObs readout expectations
     * of the atom (hidden layer widths {@code hidden}; none: the plain rich model), docs/HYBRID.md, with
     * {@code mode} in place of the circuits.
     */
    RichModel(RichModelOptions options, int[] hidden, CircuitMode mode) {
        super(options, parameters(options, hidden));
        RichOptions ro = options.rich();
        if (ro.readout().equals("chiral") && options.parity() != Parity.SYM)
            throw new IllegalArgumentException("readout=chiral reads pseudo-scalars and needs parity=sym");
        this.nq = options.base().nq();
        this.layersD = options.base().D();
        this.kBasis = options.base().K();
        int[] species = options.base().species();
        this.nSpecies = species.length;
        this.speciesOf = SpeciesIndex.of(species);
        this.nCh = ro.channels();
        this.nA = ro.threebody();
        this.nL = ro.lmax() + 1;
        this.pairs = graphPairs(ro.graph(), nq);
        this.pairsPerLayer = pairs.length;
        this.tied = ro.coupling().equals("tied");
        this.pe = tied ? 1 : pairs.length;
        this.basis = new RadialBasis(kBasis, options.base().rc());
        this.readout = new RichReadout(ro.readout(), nq);
        this.nObs = readout.size();
        this.encChannels = (layersD + 1) * nq;
        this.couplings = layersD * pe;
        this.exBase = 3 * encChannels;
        this.tensorGates = ro.tensor();
        this.tBase = exBase + couplings;
        this.nIn = tBase + (tensorGates ? RichFrame.QUAD * couplings : 0);
        oW = params.offset("W");
        oV = params.offset("V");
        oJ0 = params.offset("J0");
        oU = nA > 0 ? params.offset("U") : -1;
        oY = nA > 0 ? params.offset("Y") : -1;
        oQ = tensorGates ? params.offset("Q") : -1;
        oE0 = params.offset("e0");
        oC = params.offset("c");

        int gates = (layersD + 1) * nq + layersD * pairsPerLayer * (tensorGates ? 2 : 1);
        gKind = new int[gates];
        gA = new int[gates];
        gB = new int[gates];
        gIn = new int[gates];
        int g = 0;
        for (int q = 0; q < nq; q++, g++) setGate(g, 0, q, -1, 3 * q);
        for (int d = 0; d < layersD; d++) {
            for (int k = 0; k < pairsPerLayer; k++, g++) {
                int e = d * pe + (tied ? 0 : k);
                setGate(g, 1, pairs[k][0], pairs[k][1], exBase + e);
                if (tensorGates) setGate(++g, 2, pairs[k][0], pairs[k][1], tBase + RichFrame.QUAD * e);
            }
            for (int q = 0; q < nq; q++, g++) setGate(g, 0, q, -1, 3 * ((d + 1) * nq + q));
        }
        this.prototype = buildCircuit();
        RichFrame probe = new RichFrame(basis, nSpecies, speciesOf, ro.lmax());
        nMono = probe.monomials;
        monoDegree = probe.degree;
        monoWeight = probe.multiplicity;
        this.head = hidden.length == 0 ? null
                : new MlpHead(nSpecies, nCh * nObs, hidden, MlpHead.offsets(params, hidden.length));
        this.mode = mode;
        this.classical = mode == CircuitMode.CLASSICAL ? classicalMap() : null;
    }

    private ClassicalReadoutMap classicalMap() {
        int ex = layersD * pairsPerLayer, nt = tensorGates ? ex : 0;
        int[] a = new int[ex], bq = new int[ex], in = new int[ex];
        int[] ta = new int[nt], tb = new int[nt], tin = new int[nt];
        int k = 0, t = 0;
        for (int g = 0; g < gKind.length; g++)
            if (gKind[g] == 1) {
                a[k] = gA[g];
                bq[k] = gB[g];
                in[k++] = gIn[g];
            } else if (gKind[g] == 2) {
                ta[t] = gA[g];
                tb[t] = gB[g];
                tin[t++] = gIn[g];
            }
        return new ClassicalReadoutMap(readout, nq, layersD + 1, a, bq, in, ta, tb, tin);
    }

    /**
     * Parameters in file order are W, V, J0, [U, Y], [Q], e0, c, [head]: frozen trains e0 onwards, no-exchange all
     * but the coupling and tensor-gate tensors V..Q (they have no effect), none only e0 (nothing else has an effect).
     */
    @Override
    public boolean trains(int index) {
        return switch (mode) {
            case QUANTUM, CLASSICAL -> true;
            case FROZEN -> index >= oE0;
            case NO_EXCHANGE -> index < oV || index >= oE0;
            case NONE -> index >= oE0 && index < oE0 + nSpecies;
        };
    }

    /** What stands where the circuits are. */
    CircuitMode mode() {
        return mode;
    }

    /** The classical head, or null. */
    MlpHead head() {
        return head;
    }

    private void setGate(int g, int kind, int a, int b, int input) {
        gKind[g] = kind;
        gA[g] = a;
        gB[g] = b;
        gIn[g] = input;
    }

    private Circuit buildCircuit() {
        Circuit.Builder b = Circuit.builder(nq);
        for (int q = 0; q + 1 < nq; q += 2) b.singlet(q, q + 1);
        for (int g = 0; g < gKind.length; g++) {
            if (gKind[g] == 0) b.enc(gA[g], gIn[g]);
            else if (gKind[g] == 1) b.ex(gA[g], gB[g], gIn[g]);
            else b.tensor(gA[g], gB[g], gIn[g]);
        }
        return b.build();
    }

    /** Ex pairs of a coupling graph: {@code ring} as MODELS.md, {@code all}: every p &lt; q, lexicographic. */
    static int[][] graphPairs(String graph, int nq) {
        if (graph.equals("ring")) return Ring.pairs(nq);
        int[][] out = new int[nq * (nq - 1) / 2][];
        int k = 0;
        for (int p = 0; p < nq; p++) for (int q = p + 1; q < nq; q++) out[k++] = new int[]{p, q};
        return out;
    }

    /** The parameter tensors of docs/RICH.md for these options. */
    private static ParameterSet parameters(RichModelOptions options, int[] hidden) {
        RichOptions ro = options.rich();
        int d = options.base().D(), nq = options.base().nq(), ns = options.base().species().length, k = options.base().K(), ch = ro.channels();
        int pe = ro.coupling().equals("tied") ? 1 : graphPairs(ro.graph(), nq).length;
        int nObs = new RichReadout(ro.readout(), nq).size();
        ParameterSet.Builder b = ParameterSet.builder()
                .add("W", ch, d + 1, nq, ns, ns, k)
                .add("V", ch, d * pe, ns, ns, k)
                .add("J0", ch, d * pe, ns);
        if (ro.threebody() > 0) {
            b.add("U", ch, ro.threebody(), ns, ns, k);
            b.add("Y", ch, d * pe, ns, ro.threebody(), ro.lmax() + 1);
        }
        if (ro.tensor()) b.add("Q", ch, d * pe, ns, ns, k);
        b.add("e0", ns).add("c", ch, nObs, ns);
        if (hidden.length > 0) MlpHead.declare(b, ns, ch * nObs, hidden);
        return b.build();
    }

    /** The per-atom circuit (one per channel; all channels share its structure). */
    public Circuit circuit() {
        return prototype;
    }

    /** A new forward-mode tangent simulator of this model's circuit (for tests and diagnostics). */
    RichTangentState tangentState() {
        if (tensorGates) throw new IllegalStateException("RichTangentState has no tensor gate; the simulator's stateTangent runs those circuits");
        return new RichTangentState(nq, gKind, gA, gB, gIn);
    }

    /** Number of readout observables per circuit. */
    public int readoutSize() {
        return nObs;
    }

    /** Its circuits run on the scratch's own simulator (several readout observables per state), not a runner. */
    @Override
    boolean routesCircuits() {
        return false;
    }

    @Override
    public CircuitCost circuitCost(int[] numbers) {
        if (!mode.simulates()) return new CircuitCost(nq, 0, 0);
        int circuits = numbers.length * nCh * parityCopies();
        return new CircuitCost(nq, circuits, (long) circuits * prototype.gateCount());
    }

    @Override
    public void checkCompatible(int[] numbers) {
        SpeciesIndex.check(speciesOf, options.base().species(), numbers);
    }

    /** Per-thread buffers (see {@link RevisedModel}'s scratch for the two frame slots). */
    private final class RichScratch extends ParityScratch {
        final Simulator sim = new Simulator(nq);
        /** Forward-mode state of the circuit without tensor gates (with them: the simulator's stateTangent). */
        final RichTangentState tangent = tensorGates ? null : new RichTangentState(nq, gKind, gA, gB, gIn);
        /** ψ and ψ̇ of the last {@link #runState}. */
        final double[] re, im, dre, dim;
        /** One circuit and observable per (channel, species): plans are memoised per observable identity. */
        final Circuit[] circuits = new Circuit[nCh * nSpecies];
        final Observable[] observables = new Observable[nCh * nSpecies];
        final double[][] observableWeights = new double[nCh * nSpecies][];
        final double[] z = new double[nIn];
        final double[] u = new double[nIn];
        final double[] g = new double[nIn];
        final double[] hu = new double[nIn];
        final double[] gamma = new double[nIn];
        final double[] obs = new double[nObs];
        final double[] dobs = new double[nObs];
        final double[] wgx = new double[nSpecies * kBasis];
        final double[] wgy = new double[nSpecies * kBasis];
        final double[] wgz = new double[nSpecies * kBasis];
        final double[] vg = new double[nSpecies * kBasis];
        final double[] ux = new double[nSpecies * kBasis];
        final double[] uy = new double[nSpecies * kBasis];
        final double[] uz = new double[nSpecies * kBasis];
        final double[] us = new double[nSpecies * kBasis];
        /** Three-body: M, Ṁ [a·NC + c], T, Ṫ [a·nL + l], per-monomial multipliers, per-neighbour R, R'. */
        final double[] m = new double[Math.max(1, nA) * nMono];
        final double[] md = new double[Math.max(1, nA) * nMono];
        final double[] t = new double[Math.max(1, nA) * nL];
        final double[] td = new double[Math.max(1, nA) * nL];
        /** κ multipliers (forces: κ·M) of the Γ and h contractions. */
        final double[] lam = new double[Math.max(1, nA) * nMono];
        final double[] eta = new double[Math.max(1, nA) * nMono];
        final double[] zeta = new double[Math.max(1, nA) * nL];
        final double[] ra = new double[Math.max(1, nA)];
        final double[] dra = new double[Math.max(1, nA)];
        final double[] lr = new double[nMono];
        final double[] ldr = new double[nMono];
        /** Tangent of the angular sums, [(s·K + k)·NC + c]. */
        final double[] bmd = new double[nSpecies * kBasis * nMono];
        /** Head: its inputs x (C·nObs expectations), their tangents, a = ∇_x y, b = ∇²_x y·ẋ, summed weights, g of O_b. */
        final double[] x = new double[nCh * nObs];
        final double[] dx = new double[nCh * nObs];
        final double[] ha = new double[nCh * nObs];
        final double[] hb = new double[nCh * nObs];
        final double[] weights = new double[nObs];
        final double[] gb = new double[nIn];
        final ClassicalReadoutMap.Work mapWork = classical == null ? null : classical.newWork();
        final MlpHead.Work headWork = head == null ? null : head.newWork();
        private final RichFrame frameA = new RichFrame(basis, nSpecies, speciesOf, nL - 1);
        private final RichFrame frameB = new RichFrame(basis, nSpecies, speciesOf, nL - 1);
        private RichFrame recent;

        /** Tensor gates: the tangent Q̇s[(s·K + k)·5 + c] of atom i's quadrupole sums, and Σ_e g_e,c Q[e][si][s][k]. */
        final double[] qsd = new double[tensorGates ? nSpecies * kBasis * RichFrame.QUAD : 0];
        final double[] qg = new double[tensorGates ? nSpecies * kBasis * RichFrame.QUAD : 0];
        final double[] ql = new double[RichFrame.QUAD];

        RichScratch() {
            for (int i = 0; i < circuits.length; i++) circuits[i] = buildCircuit();
            if (tangent != null) {
                re = tangent.re;
                im = tangent.im;
                dre = tangent.dre;
                dim = tangent.dim;
            } else {
                re = new double[1 << nq];
                im = new double[1 << nq];
                dre = new double[1 << nq];
                dim = new double[1 << nq];
            }
        }

        /** ψ(z) and its tangent along u of circuit slot into re, im, dre, dim. */
        void runState(int slot) {
            if (tangent != null) tangent.run(z, u);
            else sim.stateTangent(circuits[slot], z, u, re, im, dre, dim);
        }

        RichFrame frame(int[] numbers, double[] positions) {
            RichFrame f;
            if (frameA.matches(numbers, positions)) f = frameA;
            else if (frameB.matches(numbers, positions)) f = frameB;
            else {
                f = recent == frameA ? frameB : frameA;
                f.build(numbers, positions, nA > 0, tensorGates);
            }
            recent = f;
            return f;
        }

        /** The summed readout observable of (channel, species), rebuilt when its weights changed. */
        Observable observable(int ch, int si) {
            int slot = ch * nSpecies + si;
            double[] v = params.values();
            double[] cached = observableWeights[slot];
            int at = oC + ch * nObs * nSpecies + si;
            boolean same = cached != null;
            for (int o = 0; same && o < nObs; o++) same = Double.compare(cached[o], v[at + o * nSpecies]) == 0;
            if (!same) {
                if (cached == null) cached = observableWeights[slot] = new double[nObs];
                for (int o = 0; o < nObs; o++) cached[o] = v[at + o * nSpecies];
                observables[slot] = readout.summed(v, at, nSpecies);
            }
            return observables[slot];
        }
    }

    @Override
    public Scratch newScratch() {
        return new RichScratch();
    }

    private int wIndex(int ch, int c, int si, int sj) {
        return oW + (((ch * encChannels + c) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    private int vIndex(int ch, int e, int si, int sj) {
        return oV + (((ch * couplings + e) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    private int j0Index(int ch, int e, int si) {
        return oJ0 + (ch * couplings + e) * nSpecies + si;
    }

    private int uIndex(int ch, int a, int si, int sj) {
        return oU + (((ch * nA + a) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    private int yIndex(int ch, int e, int si) {
        return oY + ((ch * couplings + e) * nSpecies + si) * nA * nL;
    }

    private int qIndex(int ch, int e, int si, int sj) {
        return oQ + (((ch * couplings + e) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    /**
     * z of atom i, channel ch (and, if tangent, u = D_w z from the tangent sums of the scratch); the
     * three-body M, T (and Ṁ, Ṫ) are left in the scratch.
     */
    private void inputs(RichFrame f, int i, int si, int ch, RichScratch s, boolean tangent) {
        double[] v = params.values();
        // no-exchange: the Ex and tensor gates see J = 0 and T = 0 (identity), whatever their tensors hold
        boolean off = mode == CircuitMode.NO_EXCHANGE;
        RevisedFrame rf = f.base;
        double[] bx = rf.vecX(), by = rf.vecY(), bz = rf.vecZ(), bs = rf.scalar();
        int s0 = rf.firstSpecies(), len = rf.spanLength();
        int b = rf.sumOffset(i, s0), o = s0 * kBasis;
        for (int c = 0; c < encChannels; c++) {
            int w = wIndex(ch, c, si, s0);
            double zx = 0, zy = 0, zz = 0, tx = 0, ty = 0, tz = 0;
            for (int t = 0; t < len; t++) {
                double wt = v[w + t];
                zx += wt * bx[b + t];
                zy += wt * by[b + t];
                zz += wt * bz[b + t];
                if (tangent) {
                    tx += wt * s.ux[o + t];
                    ty += wt * s.uy[o + t];
                    tz += wt * s.uz[o + t];
                }
            }
            s.z[3 * c] = zx;
            s.z[3 * c + 1] = zy;
            s.z[3 * c + 2] = zz;
            s.u[3 * c] = tx;
            s.u[3 * c + 1] = ty;
            s.u[3 * c + 2] = tz;
        }
        if (nA > 0) threeBody(f, i, si, ch, s, tangent);
        for (int e = 0; e < couplings; e++) {
            int w = vIndex(ch, e, si, s0);
            double a = v[j0Index(ch, e, si)], c = 0;
            for (int t = 0; t < len; t++) {
                a += v[w + t] * bs[b + t];
                if (tangent) c += v[w + t] * s.us[o + t];
            }
            if (nA > 0) {
                int y = yIndex(ch, e, si);
                for (int q = 0; q < nA * nL; q++) {
                    a += v[y + q] * s.t[q];
                    if (tangent) c += v[y + q] * s.td[q];
                }
            }
            s.z[exBase + e] = off ? 0 : a;
            s.u[exBase + e] = off ? 0 : c;
        }
        if (tensorGates) {
            // t_c = Σ_(s,k) Q[ch][e][si][s][k]·Qs[i][s][k][c], the same scalar weights for all five c.
            double[] qs = f.quadrupoleSums();
            int nc = RichFrame.QUAD;
            for (int e = 0; e < couplings; e++) {
                int w = qIndex(ch, e, si, s0), at = tBase + nc * e;
                for (int c = 0; c < nc; c++) {
                    double a = 0, d = 0;
                    for (int t = 0; t < len; t++) {
                        a += v[w + t] * qs[(b + t) * nc + c];
                        if (tangent) d += v[w + t] * s.qsd[(o + t) * nc + c];
                    }
                    s.z[at + c] = off ? 0 : a;
                    s.u[at + c] = off ? 0 : d;
                }
            }
        }
    }

    /** M[a][c] = Σ_(s,k) U·Bm, T[a][l] = Σ_n P_l[n] Σ_{c: n_c = n} w_c M², and their tangents. */
    private void threeBody(RichFrame f, int i, int si, int ch, RichScratch s, boolean tangent) {
        double[] v = params.values();
        double[] bm = f.angularSums();
        RevisedFrame rf = f.base;
        int s0 = rf.firstSpecies(), len = rf.spanLength();
        int b = rf.sumOffset(i, s0) * nMono, o = s0 * kBasis * nMono;
        for (int a = 0; a < nA; a++) {
            int w = uIndex(ch, a, si, s0);
            for (int c = 0; c < nMono; c++) {
                double mc = 0, dc = 0;
                for (int t = 0; t < len; t++) {
                    mc += v[w + t] * bm[b + t * nMono + c];
                    if (tangent) dc += v[w + t] * s.bmd[o + t * nMono + c];
                }
                s.m[a * nMono + c] = mc;
                s.md[a * nMono + c] = dc;
            }
            for (int l = 0; l < nL; l++) {
                double tl = 0, dl = 0;
                for (int c = 0; c < nMono; c++) {
                    double p = LEGENDRE[l][monoDegree[c]] * monoWeight[c];
                    if (p == 0) continue;
                    double mc = s.m[a * nMono + c];
                    tl += p * mc * mc;
                    dl += 2 * p * mc * s.md[a * nMono + c];
                }
                s.t[a * nL + l] = tl;
                s.td[a * nL + l] = dl;
            }
        }
    }

    @Override
    double plainEnergyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        RichScratch s = (RichScratch) scratch;
        int atoms = numbers.length;
        checkCompatible(numbers);
        RichFrame f = s.frame(numbers, positions);
        RevisedFrame rf = f.base;
        NeighbourList nl = rf.neighbours();
        double[] sep = nl.separations(), dist = nl.distances();
        double[] beta = nl.beta(), dbeta = nl.dbeta(), gam = nl.gamma(), dgam = nl.dgamma();
        double[] mono = f.monomialValues(), dmono = f.monomialGradients();
        double[] quad = f.quadrupoleValues(), dquad = f.quadrupoleGradients();
        double[] v = params.values();
        Arrays.fill(forces, 0, 3 * atoms, 0.0);
        double energy = 0;
        for (int i = 0; i < atoms; i++) {
            int si = rf.species(i);
            energy += v[oE0 + si];
            if (mode == CircuitMode.NONE) continue;
            if (head != null) energy += headReadout(f, i, si, s);
            for (int ch = 0; ch < nCh; ch++) {
                inputs(f, i, si, ch, s, false);
                if (head == null) energy += readoutGradient(ch, si, null, true, s.g, s);
                else readoutGradient(ch, si, s.ha, true, s.g, s);
                dropCouplings(s.g);
                contractGradient(rf, si, ch, s);
                if (tensorGates) contractTensorGradient(rf, si, ch, s);
                if (nA > 0) {
                    threeBodyMultipliers(si, ch, s.g, s.zeta, s.lam);
                    for (int t = 0; t < nA * nMono; t++) s.lam[t] *= s.m[t];
                }
                for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                    int j = nl.atom(e);
                    int sj = rf.species(j);
                    int ws = sj * kBasis;
                    int bo = e * kBasis;
                    double ax = 0, ay = 0, az = 0, cx = 0, cy = 0, cz = 0, cs = 0;
                    for (int k = 0; k < kBasis; k++) {
                        double wx = s.wgx[ws + k], wy = s.wgy[ws + k], wz = s.wgz[ws + k];
                        ax += gam[bo + k] * wx;
                        ay += gam[bo + k] * wy;
                        az += gam[bo + k] * wz;
                        cx += dgam[bo + k] * wx;
                        cy += dgam[bo + k] * wy;
                        cz += dgam[bo + k] * wz;
                        cs += dbeta[bo + k] * s.vg[ws + k];
                    }
                    double x = sep[3 * e], y = sep[3 * e + 1], zc = sep[3 * e + 2];
                    double r = dist[e];
                    double radial = (x * cx + y * cy + zc * cz + cs) / r;
                    double gx = ax + radial * x, gy = ay + radial * y, gz = az + radial * zc;
                    if (nA > 0) {
                        // ∂M[a][c]/∂x = R'_a m_c r̂ + R_a ∇m_c, contracted with λ[a][c]
                        radialValues(si, sj, ch, beta, dbeta, bo, s);
                        double rad = 0, px = 0, py = 0, pz = 0;
                        for (int c = 0; c < nMono; c++) {
                            double lr = 0, ldr = 0;
                            for (int a = 0; a < nA; a++) {
                                lr += s.lam[a * nMono + c] * s.ra[a];
                                ldr += s.lam[a * nMono + c] * s.dra[a];
                            }
                            int mo = e * nMono + c;
                            rad += ldr * mono[mo];
                            px += lr * dmono[3 * mo];
                            py += lr * dmono[3 * mo + 1];
                            pz += lr * dmono[3 * mo + 2];
                        }
                        gx += rad * x / r + px;
                        gy += rad * y / r + py;
                        gz += rad * zc / r + pz;
                    }
                    if (tensorGates) {
                        // ∂t_c/∂x = Σ_k Q_k (β'_k q_c r̂ + β_k ∇_x q_c), contracted with g_c
                        int nc = RichFrame.QUAD;
                        double rad = 0;
                        Arrays.fill(s.ql, 0.0);
                        for (int k = 0; k < kBasis; k++) {
                            int qo = (ws + k) * nc;
                            double bk = beta[bo + k], dk = dbeta[bo + k];
                            for (int c = 0; c < nc; c++) {
                                rad += dk * s.qg[qo + c] * quad[e * nc + c];
                                s.ql[c] += bk * s.qg[qo + c];
                            }
                        }
                        double px = 0, py = 0, pz = 0;
                        for (int c = 0; c < nc; c++) {
                            int qo = 3 * (e * nc + c);
                            px += s.ql[c] * dquad[qo];
                            py += s.ql[c] * dquad[qo + 1];
                            pz += s.ql[c] * dquad[qo + 2];
                        }
                        gx += rad * x / r + px;
                        gy += rad * y / r + py;
                        gz += rad * zc / r + pz;
                    }
                    PairGradient.addForces(forces, i, j, gx, gy, gz);
                }
            }
        }
        return energy;
    }

    /**
     * Head path of an energy evaluation of atom i: the readout expectations x of every channel, the
     * head's y(x) and a = ∇_x y (into the scratch); returns Σ_ch Σ_o c·x + y (the atomic energy less e0).
     */
    private double headReadout(RichFrame f, int i, int si, RichScratch s) {
        double[] v = params.values();
        double linear = 0;
        for (int ch = 0; ch < nCh; ch++) {
            inputs(f, i, si, ch, s, false);
            readoutValues(ch * nSpecies + si, s, false);
            for (int ob = 0; ob < nObs; ob++) {
                s.x[ch * nObs + ob] = s.obs[ob];
                linear += v[oC + (ch * nObs + ob) * nSpecies + si] * s.obs[ob];
            }
        }
        return linear + head.value(v, si, s.x, s.ha, s.headWork);
    }

    /**
     * The readout's weighted value at s.z and its gradient over the circuit inputs into {@code g}: the
     * adjoint pass of the summed observable Σ_o A_o O_o (circuit modes) or the classical map's, with
     * A_o = c[ch][o][si]·[withC] + extra[ch·nObs + o] (extra may be null: c alone).
     */
    private double readoutGradient(int ch, int si, double[] extra, boolean withC, double[] g, RichScratch s) {
        if (classical != null) {
            fillWeights(ch, si, extra, withC, s);
            return classical.gradient(s.weights, s.z, g, s.mapWork);
        }
        Observable o = extra == null ? s.observable(ch, si) : headObservable(ch, si, extra, withC, s);
        return s.sim.gradient(s.circuits[ch * nSpecies + si], o, s.z, g);
    }

    /** As {@link #readoutGradient} with c (into s.g), and the Hessian-vector product along s.u into s.hu. */
    private void readoutHessian(int ch, int si, double[] extra, RichScratch s) {
        if (classical != null) {
            fillWeights(ch, si, extra, true, s);
            classical.hessianVectorProduct(s.weights, s.z, s.u, s.g, s.hu, s.mapWork);
            return;
        }
        Observable o = extra == null ? s.observable(ch, si) : headObservable(ch, si, extra, s);
        s.sim.hessianVectorProduct(s.circuits[ch * nSpecies + si], o, s.z, s.u, s.g, s.hu);
    }

    /** Every readout expectation at s.z into s.obs and, with {@code tangent}, its derivative along s.u into s.dobs. */
    private void readoutValues(int slot, RichScratch s, boolean tangent) {
        if (classical != null) {
            classical.values(s.z, tangent ? s.u : null, s.obs, tangent ? s.dobs : null, s.mapWork);
            return;
        }
        s.runState(slot);
        if (tangent) readout.expectations(s.re, s.im, s.dre, s.dim, s.obs, s.dobs);
        else readout.expectations(s.re, s.im, null, null, s.obs, null);
    }

    /** no-exchange: zeroes the coupling entries of a vector over circuit inputs (those inputs are held at 0). */
    private void dropCouplings(double[] vector) {
        if (mode == CircuitMode.NO_EXCHANGE) Arrays.fill(vector, exBase, nIn, 0.0);
    }

    /** s.weights[o] = c[ch][o][si]·[withC] + extra[ch·nObs + o] (extra may be null). */
    private void fillWeights(int ch, int si, double[] extra, boolean withC, RichScratch s) {
        double[] v = params.values();
        for (int ob = 0; ob < nObs; ob++)
            s.weights[ob] = (withC ? v[oC + (ch * nObs + ob) * nSpecies + si] : 0) + (extra == null ? 0 : extra[ch * nObs + ob]);
    }

    /** Σ_o (c[ch][o][si] + extra[ch·nObs + o])·O_o, or with {@code extra} alone if {@code withC} is false. */
    private Observable headObservable(int ch, int si, double[] extra, RichScratch s) {
        return headObservable(ch, si, extra, true, s);
    }

    private Observable headObservable(int ch, int si, double[] extra, boolean withC, RichScratch s) {
        double[] v = params.values();
        for (int ob = 0; ob < nObs; ob++)
            s.weights[ob] = (withC ? v[oC + (ch * nObs + ob) * nSpecies + si] : 0) + extra[ch * nObs + ob];
        return readout.summed(s.weights, 0, 1);
    }

    /** R_a(r) = Σ_k U[a][si][sj][k] β_k(r) and R'_a into the scratch, for neighbour basis values at bo. */
    private void radialValues(int si, int sj, int ch, double[] beta, double[] dbeta, int bo, RichScratch s) {
        double[] v = params.values();
        for (int a = 0; a < nA; a++) {
            int w = uIndex(ch, a, si, sj);
            double r = 0, dr = 0;
            for (int k = 0; k < kBasis; k++) {
                r += v[w + k] * beta[bo + k];
                dr += v[w + k] * dbeta[bo + k];
            }
            s.ra[a] = r;
            s.dra[a] = dr;
        }
    }

    /**
     * For a vector q over circuit inputs: ζ[a][l] = Σ_e q_e Y[e][a][l] and κ[a][c] = 2 w_c Σ_l ζ[a][l] P_l[n_c],
     * so that ∂(Σ_e q_e z_e)/∂M[a][c] = κ[a][c]·M[a][c].
     */
    private void threeBodyMultipliers(int si, int ch, double[] q, double[] zeta, double[] kappa) {
        double[] v = params.values();
        Arrays.fill(zeta, 0, nA * nL, 0.0);
        for (int e = 0; e < couplings; e++) {
            double qe = q[exBase + e];
            int y = yIndex(ch, e, si);
            for (int t = 0; t < nA * nL; t++) zeta[t] += qe * v[y + t];
        }
        for (int a = 0; a < nA; a++)
            for (int c = 0; c < nMono; c++) {
                double sum = 0;
                for (int l = 0; l < nL; l++) sum += zeta[a * nL + l] * LEGENDRE[l][monoDegree[c]];
                kappa[a * nMono + c] = 2 * monoWeight[c] * sum;
            }
    }

    /** wg[sj·K + k] = Σ_c W[ch][c][si][sj][k]·g_c (3-vectors), vg = Σ_e V[ch][e][si][sj][k]·g_e, over the span. */
    private void contractGradient(RevisedFrame f, int si, int ch, RichScratch s) {
        double[] v = params.values();
        int s0 = f.firstSpecies(), len = f.spanLength();
        int o = s0 * kBasis;
        Arrays.fill(s.wgx, o, o + len, 0.0);
        Arrays.fill(s.wgy, o, o + len, 0.0);
        Arrays.fill(s.wgz, o, o + len, 0.0);
        Arrays.fill(s.vg, o, o + len, 0.0);
        for (int c = 0; c < encChannels; c++) {
            double gx = s.g[3 * c], gy = s.g[3 * c + 1], gz = s.g[3 * c + 2];
            int w = wIndex(ch, c, si, s0);
            for (int t = 0; t < len; t++) {
                s.wgx[o + t] += v[w + t] * gx;
                s.wgy[o + t] += v[w + t] * gy;
                s.wgz[o + t] += v[w + t] * gz;
            }
        }
        for (int e = 0; e < couplings; e++) {
            double ge = s.g[exBase + e];
            int w = vIndex(ch, e, si, s0);
            for (int t = 0; t < len; t++) s.vg[o + t] += v[w + t] * ge;
        }
    }

    /** qg[(sj·K + k)·5 + c] = Σ_e Q[ch][e][si][sj][k]·g[tBase + 5e + c], over the span. */
    private void contractTensorGradient(RevisedFrame f, int si, int ch, RichScratch s) {
        double[] v = params.values();
        int s0 = f.firstSpecies(), len = f.spanLength(), nc = RichFrame.QUAD;
        int o = s0 * kBasis;
        Arrays.fill(s.qg, o * nc, (o + len) * nc, 0.0);
        for (int e = 0; e < couplings; e++) {
            int w = qIndex(ch, e, si, s0), at = tBase + nc * e;
            for (int t = 0; t < len; t++) {
                double wt = v[w + t];
                int qo = (o + t) * nc;
                for (int c = 0; c < nc; c++) s.qg[qo + c] += wt * s.g[at + c];
            }
        }
    }

    /**
     * Tangent sums of atom i along the displacement w, per species of j over the span: U (as revised) and,
     * with three-body terms, Ḃm[sj][k][c] = Σ_j β'_k (r̂·δ) m_c + β_k (∇m_c·δ), δ = w_j − w_i.
     */
    private void tangentSums(RichFrame f, int i, double[] w, RichScratch s) {
        RevisedFrame rf = f.base;
        NeighbourList nl = rf.neighbours();
        double[] sep = nl.separations(), dist = nl.distances();
        double[] beta = nl.beta(), gam = nl.gamma(), dgam = nl.dgamma(), dbeta = nl.dbeta();
        double[] mono = f.monomialValues(), dmono = f.monomialGradients();
        int o0 = rf.firstSpecies() * kBasis, len = rf.spanLength();
        Arrays.fill(s.ux, o0, o0 + len, 0.0);
        Arrays.fill(s.uy, o0, o0 + len, 0.0);
        Arrays.fill(s.uz, o0, o0 + len, 0.0);
        Arrays.fill(s.us, o0, o0 + len, 0.0);
        if (nA > 0) Arrays.fill(s.bmd, o0 * nMono, (o0 + len) * nMono, 0.0);
        if (tensorGates) Arrays.fill(s.qsd, o0 * RichFrame.QUAD, (o0 + len) * RichFrame.QUAD, 0.0);
        double[] quad = f.quadrupoleValues(), dquad = f.quadrupoleGradients();
        for (int e = nl.start(i); e < nl.start(i + 1); e++) {
            int j = nl.atom(e);
            int o = rf.species(j) * kBasis;
            int b = e * kBasis;
            double x = sep[3 * e], y = sep[3 * e + 1], zc = sep[3 * e + 2];
            double dx = w[3 * j] - w[3 * i], dy = w[3 * j + 1] - w[3 * i + 1], dz = w[3 * j + 2] - w[3 * i + 2];
            double xd = (x * dx + y * dy + zc * dz) / dist[e];
            for (int k = 0; k < kBasis; k++) {
                double gk = gam[b + k], dgk = dgam[b + k];
                s.ux[o + k] += gk * dx + dgk * xd * x;
                s.uy[o + k] += gk * dy + dgk * xd * y;
                s.uz[o + k] += gk * dz + dgk * xd * zc;
                s.us[o + k] += dbeta[b + k] * xd;
            }
            if (nA > 0) {
                for (int c = 0; c < nMono; c++) {
                    int mo = e * nMono + c;
                    s.lr[c] = mono[mo];
                    s.ldr[c] = dmono[3 * mo] * dx + dmono[3 * mo + 1] * dy + dmono[3 * mo + 2] * dz;
                }
                for (int k = 0; k < kBasis; k++) {
                    double p = dbeta[b + k] * xd, q = beta[b + k];
                    int to = (o + k) * nMono;
                    for (int c = 0; c < nMono; c++) s.bmd[to + c] += p * s.lr[c] + q * s.ldr[c];
                }
            }
            if (tensorGates) {
                // Q̇s[sj][k][c] += β'_k (r̂·δ) q_c + β_k (∇_x q_c·δ)
                int nc = RichFrame.QUAD;
                for (int c = 0; c < nc; c++) {
                    int qo = 3 * (e * nc + c);
                    s.ql[c] = dquad[qo] * dx + dquad[qo + 1] * dy + dquad[qo + 2] * dz;
                }
                for (int k = 0; k < kBasis; k++) {
                    double p = dbeta[b + k] * xd, q = beta[b + k];
                    int to = (o + k) * nc;
                    for (int c = 0; c < nc; c++) s.qsd[to + c] += p * quad[e * nc + c] + q * s.ql[c];
                }
            }
        }
    }

    /**
     * Head path of the objective gradient of atom i (tangent sums already in the scratch): the readout
     * expectations x and their tangents ẋ along u of every channel, the readout weights' gradient
     * dLdE·x − ẋ, and the head's parameter gradient with a = ∇_x y, b = ∇²_x y·ẋ into the scratch.
     */
    private void headObjective(RichFrame f, int i, int si, double dLdE, double[] grad, RichScratch s) {
        for (int ch = 0; ch < nCh; ch++) {
            inputs(f, i, si, ch, s, true);
            readoutValues(ch * nSpecies + si, s, true);
            for (int ob = 0; ob < nObs; ob++) {
                grad[oC + (ch * nObs + ob) * nSpecies + si] += dLdE * s.obs[ob] - s.dobs[ob];
                s.x[ch * nObs + ob] = s.obs[ob];
                s.dx[ch * nObs + ob] = s.dobs[ob];
            }
        }
        head.objective(params.values(), si, s.x, s.dx, dLdE, grad, s.ha, s.hb, s.headWork);
    }

    @Override
    void plainObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] w, double[] grad,
                                Scratch scratch) {
        RichScratch s = (RichScratch) scratch;
        int atoms = numbers.length;
        checkCompatible(numbers);
        RichFrame f = s.frame(numbers, positions);
        RevisedFrame rf = f.base;
        double[] v = params.values();
        double[] bx = rf.vecX(), by = rf.vecY(), bz = rf.vecZ(), bs = rf.scalar();
        double[] bm = f.angularSums();
        double[] qsum = f.quadrupoleSums();
        int s0 = rf.firstSpecies(), len = rf.spanLength();
        int o = s0 * kBasis;
        for (int i = 0; i < atoms; i++) {
            int si = rf.species(i);
            int b = rf.sumOffset(i, s0);
            grad[oE0 + si] += dLdE;
            if (mode == CircuitMode.NONE) continue;
            tangentSums(f, i, w, s);
            if (head != null) headObjective(f, i, si, dLdE, grad, s);
            // frozen: the circuit tensors get no gradient, so only the readout weights (and the head) need work.
            boolean circuitTrains = mode != CircuitMode.FROZEN;
            for (int ch = 0; ch < nCh; ch++) {
                if (head != null && !circuitTrains) break;
                inputs(f, i, si, ch, s, true);
                if (head == null) {
                    if (circuitTrains) {
                        readoutHessian(ch, si, null, s);
                        // φ = dLdE·ε − g(z)·u; Γ = ∂φ/∂z at fixed u; h = g multiplies ∂u/∂θ.
                        for (int t = 0; t < nIn; t++) s.gamma[t] = dLdE * s.g[t] - s.hu[t];
                    }
                    // Readout weights: ∂φ/∂c_o = dLdE·⟨O_o⟩ − D_u⟨O_o⟩.
                    readoutValues(ch * nSpecies + si, s, true);
                    for (int ob = 0; ob < nObs; ob++)
                        grad[oC + (ch * nObs + ob) * nSpecies + si] += dLdE * s.obs[ob] - s.dobs[ob];
                    if (!circuitTrains) continue;
                } else {
                    // With the head, A = c + ∇_x y and B = ∇²_x y·ẋ: Γ = dLdE·g_A − g_B − H_A u, h = g_A.
                    readoutHessian(ch, si, s.ha, s);
                    readoutGradient(ch, si, s.hb, false, s.gb, s);
                    for (int t = 0; t < nIn; t++) s.gamma[t] = dLdE * s.g[t] - s.gb[t] - s.hu[t];
                }
                dropCouplings(s.g);
                dropCouplings(s.gamma);
                for (int c = 0; c < encChannels; c++) {
                    double tx = s.gamma[3 * c], ty = s.gamma[3 * c + 1], tz = s.gamma[3 * c + 2];
                    double hx = s.g[3 * c], hy = s.g[3 * c + 1], hz = s.g[3 * c + 2];
                    int wi = wIndex(ch, c, si, s0);
                    for (int t = 0; t < len; t++)
                        grad[wi + t] += tx * bx[b + t] + ty * by[b + t] + tz * bz[b + t]
                                - (hx * s.ux[o + t] + hy * s.uy[o + t] + hz * s.uz[o + t]);
                }
                for (int e = 0; e < couplings; e++) {
                    double te = s.gamma[exBase + e], he = s.g[exBase + e];
                    grad[j0Index(ch, e, si)] += te;
                    int vi = vIndex(ch, e, si, s0);
                    for (int t = 0; t < len; t++) grad[vi + t] += te * bs[b + t] - he * s.us[o + t];
                    if (nA > 0) {
                        int y = yIndex(ch, e, si);
                        for (int q = 0; q < nA * nL; q++) grad[y + q] += te * s.t[q] - he * s.td[q];
                    }
                }
                if (tensorGates) {
                    // ∂φ/∂Q[ch][e][si][s][k] = Σ_c Γ_{e,c} Qs[i][s][k][c] − g_{e,c} Q̇s[s][k][c]
                    int nc = RichFrame.QUAD;
                    for (int e = 0; e < couplings; e++) {
                        int qi = qIndex(ch, e, si, s0), at = tBase + nc * e;
                        for (int c = 0; c < nc; c++) {
                            double te = s.gamma[at + c], he = s.g[at + c];
                            for (int t = 0; t < len; t++)
                                grad[qi + t] += te * qsum[(b + t) * nc + c] - he * s.qsd[(o + t) * nc + c];
                        }
                    }
                }
                if (nA > 0) {
                    // φ_3b = Σ_e Γ_e Y·T − h_e Y·Ṫ: ∂φ/∂M = κ_Γ M − κ_h Ṁ, ∂φ/∂Ṁ = −κ_h M, and ∂M/∂U = Bm, ∂Ṁ/∂U = Ḃm.
                    threeBodyMultipliers(si, ch, s.gamma, s.zeta, s.lam);
                    threeBodyMultipliers(si, ch, s.g, s.zeta, s.eta);
                    int bb = b * nMono, ob = o * nMono;
                    for (int a = 0; a < nA; a++) {
                        int ui = uIndex(ch, a, si, s0);
                        for (int c = 0; c < nMono; c++) {
                            int ac = a * nMono + c;
                            double dM = s.lam[ac] * s.m[ac] - s.eta[ac] * s.md[ac];
                            double dMd = -s.eta[ac] * s.m[ac];
                            for (int t = 0; t < len; t++)
                                grad[ui + t] += dM * bm[bb + t * nMono + c] + dMd * s.bmd[ob + t * nMono + c];
                        }
                    }
                }
            }
        }
    }
}
