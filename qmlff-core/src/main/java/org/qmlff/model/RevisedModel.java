package org.qmlff.model;

import org.qmlff.geometry.NeighbourList;
import org.qmlff.geometry.RadialBasis;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.KernelKind;
import org.qmlff.sim.LaneSimulator;
import org.qmlff.sim.Observable;
import org.qmlff.sim.Simulator;

import java.util.Arrays;

/**
 * The revised, atom-centred, species-aware QNN (MODELS.md §Revised). E = Σ_i ε_i with
 * ε_i = e0[s_i] + s[s_i]·⟨O⟩_i, one nq-qubit circuit per atom whose Enc vectors are the angular
 * channels A[l][q](i) and whose Ex angles are J0 + radial densities g[d][p](i).
 *
 * <p>Circuit inputs of atom i: Enc vector of layer l, qubit q at {@code 3(l·nq + q)}; Ex angle of layer
 * d, ring pair p at {@code 3·nq·(D+1) + d·P + p}.
 *
 * <p>Parameters in file order: W ((D+1) × nq × |S| × |S| × K), V (D × P × |S| × |S| × K),
 * J0 (D × P × |S|), e0 (|S|), s (|S|). Energies in kcal/mol, lengths in Å.
 *
 * <p>Derivatives. With x = r_j − r_i, r = |x|, β_k the cut-off Bessel basis and γ_k = β_k/r, the
 * inputs are z_enc = Σ_j Σ_k W·γ_k(r)·x and z_ex = J0 + Σ_j Σ_k V·β_k(r). Forces use the adjoint
 * gradient g = ∂⟨O⟩/∂z of each atomic circuit. The force term of the training objective,
 * Σ_m w_m·F_m = −D_w E with w = ∂L/∂F, is the directional derivative of E along w: per atom
 * s_i·g_i·u_i with u_i = D_w z_i, whose parameter gradient needs one Hessian-vector product along
 * u_i.
 *
 * <p>Cost. z and u are linear in W and V with the per-species neighbour sums of {@link RevisedFrame}
 * (B) and of their tangents (U) as coefficients, so z = W·B, u = W·U and ∂/∂W = Γ·B − s_i·g·U: every
 * parameter loop runs over (species of j, k) once per atom, not once per neighbour. Forces contract
 * g with W and V per species first and then visit each neighbour once. The frame (neighbours, basis
 * values, B) is parameter-free and shared by the energy/forces and gradient passes of a configuration.
 */
public final class RevisedModel extends CircuitForceField<RevisedOptions> {

    private final int nq;
    private final int layersD;
    private final int kBasis;
    private final int nSpecies;
    private final int[][] pairs;
    private final int[] speciesOf;
    private final RadialBasis basis;
    private final Circuit circuit;
    private final Observable observable;
    private final int oW;
    private final int oV;
    private final int oJ0;
    private final int oE0;
    private final int oS;
    private final int exBase;

    RevisedModel(RevisedOptions options) {
        super(options, parameters(options));
        this.nq = options.nq();
        this.layersD = options.D();
        this.kBasis = options.K();
        int[] species = options.species();
        this.nSpecies = species.length;
        this.speciesOf = SpeciesIndex.of(species);
        this.pairs = Ring.pairs(nq);
        this.basis = new RadialBasis(kBasis, options.rc());
        int p = pairs.length;
        oW = params.offset("W");
        oV = params.offset("V");
        oJ0 = params.offset("J0");
        oE0 = params.offset("e0");
        oS = params.offset("s");
        exBase = 3 * nq * (layersD + 1);

        Circuit.Builder b = Circuit.builder(nq);
        for (int q = 0; q + 1 < nq; q += 2) b.singlet(q, q + 1);
        for (int q = 0; q < nq; q++) b.enc(q, 3 * q);
        for (int d = 0; d < layersD; d++) {
            for (int k = 0; k < p; k++) b.ex(pairs[k][0], pairs[k][1], exBase + d * p + k);
            for (int q = 0; q < nq; q++) b.enc(q, 3 * ((d + 1) * nq + q));
        }
        this.circuit = b.build();
        this.observable = options.observable().on(nq);
    }

    /** The parameter tensors of MODELS.md for these options. */
    private static ParameterSet parameters(RevisedOptions options) {
        int d = options.D(), nq = options.nq(), ns = options.species().length, k = options.K();
        int p = Ring.pairs(nq).length;
        return ParameterSet.builder()
                .add("W", d + 1, nq, ns, ns, k)
                .add("V", d, p, ns, ns, k)
                .add("J0", d, p, ns)
                .add("e0", ns)
                .add("s", ns)
                .build();
    }

    /** The per-atom circuit. */
    public Circuit circuit() {
        return circuit;
    }

    @Override
    public CircuitCost circuitCost(int[] numbers) {
        int circuits = numbers.length * parityCopies();
        return new CircuitCost(nq, circuits, (long) circuits * circuit.gateCount());
    }

    @Override
    public void checkCompatible(int[] numbers) {
        SpeciesIndex.check(speciesOf, options.species(), numbers);
    }

    /**
     * Per-thread buffers. Two {@link RevisedFrame}s, used least-recently first, hold the
     * parameter-free work of the last two configurations: the training objective evaluates energy and
     * forces and then the gradient of each configuration, and with parity=sym it does so at R and −R in
     * turn (E(R), E(−R), ∇(R), ∇(−R)), so two slots serve both passes either way.
     */
    private final class RevisedScratch extends ParityScratch {
        final Simulator sim = new Simulator(nq);
        /** All atoms' circuits at once, one per SIMD lane; null where the circuit is too large for it. */
        // the lane engine needs the Vector API; a JVM started without jdk.incubator.vector (java -jar, an
        // executor without the option) keeps the per-atom path, with the same results bit for bit
        final LaneSimulator lanes = KernelKind.vectorAvailable() && LaneSimulator.fits(nq) ? new LaneSimulator() : null;
        /**
         * The input, force and gradient contractions one channel per lane (the same bits as the scalar loops); null
         * without the Vector API. Used with or without the lane engine (nq = 8 circuits run one by one).
         */
        final RevisedLaneContractions contractions = KernelKind.vectorAvailable()
                ? new RevisedLaneContractions(channels(), couplings(), nSpecies, kBasis, oW, oV, oJ0, exBase) : null;
        /** Tests only: every circuit through {@link #sim}, one atom at a time, as before the lane engine. */
        boolean perAtom;
        /** The stage clock of a profiled scratch; null (no clock read) otherwise. */
        StageClock clock;
        /** Per atom (rows of circuit.inputs()): inputs, directions, gradients, Hessian-vector products. */
        double[] zAll = new double[0];
        double[] uAll = new double[0];
        double[] gAll = new double[0];
        double[] huAll = new double[0];
        double[] obsAll = new double[0];
        /** Per atom, [atom·|S|·K + s·K + k]: the tangent neighbour sums of {@link #tangentSums}. */
        double[] uxAll = new double[0];
        double[] uyAll = new double[0];
        double[] uzAll = new double[0];
        double[] usAll = new double[0];
        final double[] z = new double[circuit.inputs()];
        final double[] u = new double[circuit.inputs()];
        final double[] g = new double[circuit.inputs()];
        final double[] hu = new double[circuit.inputs()];
        final double[] gamma = new double[circuit.inputs()];
        /** Per species of j, [s·K + k]: W and V contracted with the circuit gradient (forces). */
        final double[] wgx = new double[nSpecies * kBasis];
        final double[] wgy = new double[nSpecies * kBasis];
        final double[] wgz = new double[nSpecies * kBasis];
        final double[] vg = new double[nSpecies * kBasis];
        /** Per species of j, [s·K + k]: the neighbour sums of D_w (γ_k·x) and D_w β_k (objective gradient). */
        final double[] ux = new double[nSpecies * kBasis];
        final double[] uy = new double[nSpecies * kBasis];
        final double[] uz = new double[nSpecies * kBasis];
        final double[] us = new double[nSpecies * kBasis];
        private final RevisedFrame frameA = new RevisedFrame(basis, nSpecies, speciesOf);
        private final RevisedFrame frameB = new RevisedFrame(basis, nSpecies, speciesOf);
        private RevisedFrame recent;

        /** Whether the circuits of this evaluation go to the lane engine, all atoms at once. */
        boolean batched() {
            return lanes != null && runner == null && !perAtom;
        }

        /** Whether the parameter contractions run in lanes (not in the tests' per-atom reference path). */
        boolean laneContractions() {
            return contractions != null && !perAtom;
        }

        /** Per-atom buffers for this many atoms. */
        void ensureAtoms(int atoms) {
            int m = circuit.inputs();
            if (obsAll.length >= atoms) return;
            zAll = new double[atoms * m];
            uAll = new double[atoms * m];
            gAll = new double[atoms * m];
            huAll = new double[atoms * m];
            obsAll = new double[atoms];
            int sk = nSpecies * kBasis;
            uxAll = new double[atoms * sk];
            uyAll = new double[atoms * sk];
            uzAll = new double[atoms * sk];
            usAll = new double[atoms * sk];
        }

        /** The frame of this configuration, rebuilt into the least recently used slot unless cached. */
        RevisedFrame frame(int[] numbers, double[] positions) {
            RevisedFrame f;
            if (frameA.matches(numbers, positions)) f = frameA;
            else if (frameB.matches(numbers, positions)) f = frameB;
            else {
                f = recent == frameA ? frameB : frameA;
                f.build(numbers, positions);
            }
            recent = f;
            return f;
        }
    }

    @Override
    public Scratch newScratch() {
        return new RevisedScratch();
    }

    /**
     * A scratch whose evaluations add their time, stage by stage, to {@code clock} (for {@code qmlff bench
     * --profile}); the results are those of an ordinary scratch. Call {@link StageClock#start} before each
     * evaluation.
     */
    public Scratch newProfiledScratch(StageClock clock) {
        RevisedScratch s = new RevisedScratch();
        s.clock = clock;
        return s;
    }

    private static void lap(RevisedScratch s, StageClock.Stage stage) {
        if (s.clock != null) s.clock.lap(stage);
    }

    /** Tests only: a scratch whose evaluations run every circuit on its own (the path before the lane engine). */
    Scratch newPerAtomScratch() {
        RevisedScratch s = new RevisedScratch();
        s.perAtom = true;
        return s;
    }

    /** Start of the K values W[c][si][sj][·] of vector channel c = l·nq + q. */
    private int wIndex(int c, int si, int sj) {
        return oW + ((c * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    /** Start of the K values V[e][si][sj][·] of Ex angle e = d·P + p. */
    private int vIndex(int e, int si, int sj) {
        return oV + ((e * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    /** Vector channels (circuit Enc vectors), c = l·nq + q. */
    private int channels() {
        return (layersD + 1) * nq;
    }

    /** Ex angles, e = d·P + p. */
    private int couplings() {
        return layersD * pairs.length;
    }

    /** Circuit inputs z[zo ..] of atom i (species si) from the frame's neighbour sums. */
    private void inputs(RevisedFrame f, int i, int si, double[] z, int zo) {
        double[] v = params.values();
        double[] bx = f.vecX(), by = f.vecY(), bz = f.vecZ(), bs = f.scalar();
        int s0 = f.firstSpecies(), len = f.spanLength();
        int b = f.sumOffset(i, s0);
        // Two channels at a time (there is an even number: nq is even): six independent sums hide the
        // latency of the additions, which one channel's three chains would be waiting on.
        for (int c = 0; c < channels(); c += 2) {
            int w = wIndex(c, si, s0), w1 = wIndex(c + 1, si, s0);
            double zx = 0, zy = 0, zz = 0, zx1 = 0, zy1 = 0, zz1 = 0;
            for (int t = 0; t < len; t++) {
                double x = bx[b + t], y = by[b + t], zc = bz[b + t];
                double wt = v[w + t], wt1 = v[w1 + t];
                zx += wt * x;
                zy += wt * y;
                zz += wt * zc;
                zx1 += wt1 * x;
                zy1 += wt1 * y;
                zz1 += wt1 * zc;
            }
            z[zo + 3 * c] = zx;
            z[zo + 3 * c + 1] = zy;
            z[zo + 3 * c + 2] = zz;
            z[zo + 3 * c + 3] = zx1;
            z[zo + 3 * c + 4] = zy1;
            z[zo + 3 * c + 5] = zz1;
        }
        int e = 0;
        for (; e + 1 < couplings(); e += 2) {
            int w = vIndex(e, si, s0), w1 = vIndex(e + 1, si, s0);
            double a = v[oJ0 + e * nSpecies + si], a1 = v[oJ0 + (e + 1) * nSpecies + si];
            for (int t = 0; t < len; t++) {
                a += v[w + t] * bs[b + t];
                a1 += v[w1 + t] * bs[b + t];
            }
            z[zo + exBase + e] = a;
            z[zo + exBase + e + 1] = a1;
        }
        if (e < couplings()) {
            int w = vIndex(e, si, s0);
            double a = v[oJ0 + e * nSpecies + si];
            for (int t = 0; t < len; t++) a += v[w + t] * bs[b + t];
            z[zo + exBase + e] = a;
        }
    }

    /** {@link #inputs} of atom i by the lane contractions (the same bits). */
    private void laneInputs(RevisedFrame f, int i, double[] z, int zo, RevisedScratch s) {
        int s0 = f.firstSpecies();
        s.contractions.inputs(f.species(i), s0 * kBasis, f.spanLength(), f.vecX(), f.vecY(), f.vecZ(), f.scalar(),
                f.sumOffset(i, s0), z, zo);
    }

    @Override
    double plainEnergyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        RevisedScratch s = (RevisedScratch) scratch;
        int atoms = numbers.length;
        checkCompatible(numbers);
        RevisedFrame f = s.frame(numbers, positions);
        lap(s, StageClock.Stage.FRAME);
        NeighbourList nl = f.neighbours();
        double[] sep = nl.separations(), dist = nl.distances();
        double[] gam = nl.gamma(), dgam = nl.dgamma(), dbeta = nl.dbeta();
        double[] v = params.values();
        int m = circuit.inputs();
        boolean batched = s.batched();
        boolean laneContractions = s.laneContractions();
        if (laneContractions) s.contractions.refresh(params);
        if (batched) {
            // every atom's circuit in one call: the lane engine runs them a vector width at a time
            s.ensureAtoms(atoms);
            for (int i = 0; i < atoms; i++) laneInputs(f, i, s.zAll, i * m, s);
            lap(s, StageClock.Stage.INPUTS);
            s.lanes.gradients(circuit, observable, atoms, s.zAll, s.obsAll, s.gAll);
            lap(s, StageClock.Stage.CIRCUIT_GRADIENT);
        }
        Arrays.fill(forces, 0, 3 * atoms, 0.0);
        double energy = 0;
        for (int i = 0; i < atoms; i++) {
            int si = f.species(i);
            double o;
            double[] g;
            int go;
            if (batched) {
                o = s.obsAll[i];
                g = s.gAll;
                go = i * m;
            } else {
                if (laneContractions) laneInputs(f, i, s.z, 0, s);
                else inputs(f, i, si, s.z, 0);
                lap(s, StageClock.Stage.INPUTS);
                o = s.gradient(s.sim, circuit, observable, s.z, s.g);
                lap(s, StageClock.Stage.CIRCUIT_GRADIENT);
                g = s.g;
                go = 0;
            }
            double scale = v[oS + si];
            energy += v[oE0 + si] + scale * o;
            if (laneContractions) {
                int t0 = f.firstSpecies() * kBasis;
                s.contractions.contractGradient(si, t0, f.spanLength(), v, g, go, s.wgx, s.wgy, s.wgz, s.vg, t0);
            } else {
                contractGradient(f, si, g, go, s);
            }
            for (int e = nl.start(i); e < nl.start(i + 1); e++) {
                int j = nl.atom(e);
                int ws = f.species(j) * kBasis;
                int b = e * kBasis;
                // With Wg_k = Σ_c W_c,k·g_c and Vg_k = Σ_e V_e,k·g_e for this species pair,
                // ∂⟨O⟩/∂x = Σ_k γ_k·Wg_k + (γ'_k·(x·Wg_k) + β'_k·Vg_k)·x/r.
                double ax = 0, ay = 0, az = 0, cx = 0, cy = 0, cz = 0, cs = 0;
                for (int k = 0; k < kBasis; k++) {
                    double wx = s.wgx[ws + k], wy = s.wgy[ws + k], wz = s.wgz[ws + k];
                    double gk = gam[b + k], dgk = dgam[b + k];
                    ax += gk * wx;
                    ay += gk * wy;
                    az += gk * wz;
                    cx += dgk * wx;
                    cy += dgk * wy;
                    cz += dgk * wz;
                    cs += dbeta[b + k] * s.vg[ws + k];
                }
                double x = sep[3 * e], y = sep[3 * e + 1], zc = sep[3 * e + 2];
                double radialPart = (x * cx + y * cy + zc * cz + cs) / dist[e];
                double gx = scale * (ax + radialPart * x);
                double gy = scale * (ay + radialPart * y);
                double gz = scale * (az + radialPart * zc);
                // dE/dx_ij = (gx, gy, gz); x_ij = r_j − r_i.
                PairGradient.addForces(forces, i, j, gx, gy, gz);
            }
            lap(s, StageClock.Stage.FORCES);
        }
        return energy;
    }

    /**
     * Contracts the circuit gradient g[go ..] of an atom of species si with its parameters, for every
     * species sj of the frame's span: wg[sj·K + k] = Σ_c W[c][si][sj][k]·g_c (3-vectors), vg[sj·K + k]
     * = Σ_e V[e][si][sj][k]·g_e.
     */
    private void contractGradient(RevisedFrame f, int si, double[] g, int go, RevisedScratch s) {
        double[] v = params.values();
        int s0 = f.firstSpecies(), len = f.spanLength();
        int o = s0 * kBasis;
        double[] wgx = s.wgx, wgy = s.wgy, wgz = s.wgz, vg = s.vg;
        Arrays.fill(wgx, o, o + len, 0.0);
        Arrays.fill(wgy, o, o + len, 0.0);
        Arrays.fill(wgz, o, o + len, 0.0);
        Arrays.fill(vg, o, o + len, 0.0);
        // Two channels per sweep: half the loads and stores of wg per multiply-add.
        for (int c = 0; c < channels(); c += 2) {
            double gx = g[go + 3 * c], gy = g[go + 3 * c + 1], gz = g[go + 3 * c + 2];
            double gx1 = g[go + 3 * c + 3], gy1 = g[go + 3 * c + 4], gz1 = g[go + 3 * c + 5];
            int w = wIndex(c, si, s0), w1 = wIndex(c + 1, si, s0);
            for (int t = 0; t < len; t++) {
                double wt = v[w + t], wt1 = v[w1 + t];
                wgx[o + t] += wt * gx + wt1 * gx1;
                wgy[o + t] += wt * gy + wt1 * gy1;
                wgz[o + t] += wt * gz + wt1 * gz1;
            }
        }
        for (int e = 0; e < couplings(); e++) {
            double ge = g[go + exBase + e];
            int w = vIndex(e, si, s0);
            for (int t = 0; t < len; t++) vg[o + t] += v[w + t] * ge;
        }
    }

    /**
     * The neighbour sums of the tangent of atom i along the position displacement w, per species sj
     * (over the frame's span): u[sj·K + k] = Σ_{j: s_j = sj} D_w(γ_k·x) = γ_k·δ + γ'_k·(x·δ/r)·x
     * (3-vector) and us[sj·K + k] = Σ D_w β_k = β'_k·(x·δ/r), with δ = w_j − w_i; each array from offset base.
     */
    private void tangentSums(RevisedFrame f, int i, double[] w, double[] ux, double[] uy, double[] uz, double[] us,
                             int base) {
        NeighbourList nl = f.neighbours();
        double[] sep = nl.separations(), dist = nl.distances();
        double[] gam = nl.gamma(), dgam = nl.dgamma(), dbeta = nl.dbeta();
        int o0 = base + f.firstSpecies() * kBasis, len = f.spanLength();
        Arrays.fill(ux, o0, o0 + len, 0.0);
        Arrays.fill(uy, o0, o0 + len, 0.0);
        Arrays.fill(uz, o0, o0 + len, 0.0);
        Arrays.fill(us, o0, o0 + len, 0.0);
        for (int e = nl.start(i); e < nl.start(i + 1); e++) {
            int j = nl.atom(e);
            int o = base + f.species(j) * kBasis;
            int b = e * kBasis;
            double x = sep[3 * e], y = sep[3 * e + 1], zc = sep[3 * e + 2];
            double dx = w[3 * j] - w[3 * i], dy = w[3 * j + 1] - w[3 * i + 1], dz = w[3 * j + 2] - w[3 * i + 2];
            double xd = (x * dx + y * dy + zc * dz) / dist[e];
            double px = xd * x, py = xd * y, pz = xd * zc;
            for (int k = 0; k < kBasis; k++) {
                double gk = gam[b + k], dgk = dgam[b + k];
                ux[o + k] += gk * dx + dgk * px;
                uy[o + k] += gk * dy + dgk * py;
                uz[o + k] += gk * dz + dgk * pz;
                us[o + k] += dbeta[b + k] * xd;
            }
        }
    }

    /**
     * z and u of two channels (rows w0, w1 of W): z[at..at+5] = (W_w0·B, W_w1·B), u[at..at+5] =
     * (W_w0·U, W_w1·U), with B at offset b and U at offset o, each as x, y, z components. Twelve
     * independent sums, enough to keep the multiply-add units busy.
     */
    private static void contractPair(double[] v, int w0, int w1, double[] bx, double[] by, double[] bz, int b,
                                     double[] ux, double[] uy, double[] uz, int o, int len,
                                     double[] z, double[] u, int at) {
        double zx = 0, zy = 0, zz = 0, tx = 0, ty = 0, tz = 0;
        double zx1 = 0, zy1 = 0, zz1 = 0, tx1 = 0, ty1 = 0, tz1 = 0;
        for (int t = 0; t < len; t++) {
            double a = v[w0 + t], a1 = v[w1 + t];
            double x = bx[b + t], y = by[b + t], zc = bz[b + t];
            double p = ux[o + t], q = uy[o + t], r = uz[o + t];
            zx += a * x;
            zy += a * y;
            zz += a * zc;
            tx += a * p;
            ty += a * q;
            tz += a * r;
            zx1 += a1 * x;
            zy1 += a1 * y;
            zz1 += a1 * zc;
            tx1 += a1 * p;
            ty1 += a1 * q;
            tz1 += a1 * r;
        }
        z[at] = zx;
        z[at + 1] = zy;
        z[at + 2] = zz;
        z[at + 3] = zx1;
        z[at + 4] = zy1;
        z[at + 5] = zz1;
        u[at] = tx;
        u[at + 1] = ty;
        u[at + 2] = tz;
        u[at + 3] = tx1;
        u[at + 4] = ty1;
        u[at + 5] = tz1;
    }

    @Override
    void plainObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] w, double[] grad,
                                Scratch scratch) {
        RevisedScratch s = (RevisedScratch) scratch;
        int atoms = numbers.length;
        checkCompatible(numbers);
        RevisedFrame f = s.frame(numbers, positions);
        lap(s, StageClock.Stage.FRAME);
        int nIn = circuit.inputs();
        int sk = nSpecies * kBasis;
        if (s.laneContractions()) s.contractions.refresh(params);
        if (!s.batched()) {
            for (int i = 0; i < atoms; i++) {
                if (s.laneContractions()) laneDirections(f, i, w, s.ux, s.uy, s.uz, s.us, 0, s.z, s.u, 0, s);
                else circuitDirections(f, i, w, s.ux, s.uy, s.uz, s.us, 0, s.z, s.u, 0);
                lap(s, StageClock.Stage.INPUTS);
                double obs = s.hessianVectorProduct(s.sim, circuit, observable, s.z, s.u, s.g, s.hu);
                lap(s, StageClock.Stage.CIRCUIT_HVP);
                accumulate(f, i, dLdE, obs, s.u, s.g, s.hu, 0, s.ux, s.uy, s.uz, s.us, 0, grad, s);
                lap(s, StageClock.Stage.PARAMETER_GRADIENT);
            }
            return;
        }
        s.ensureAtoms(atoms);
        for (int i = 0; i < atoms; i++) {
            laneDirections(f, i, w, s.uxAll, s.uyAll, s.uzAll, s.usAll, i * sk, s.zAll, s.uAll, i * nIn, s);
        }
        lap(s, StageClock.Stage.INPUTS);
        s.lanes.hessianVectorProducts(circuit, observable, atoms, s.zAll, s.uAll, s.obsAll, s.gAll, s.huAll);
        lap(s, StageClock.Stage.CIRCUIT_HVP);
        for (int i = 0; i < atoms; i++) {
            accumulate(f, i, dLdE, s.obsAll[i], s.uAll, s.gAll, s.huAll, i * nIn,
                    s.uxAll, s.uyAll, s.uzAll, s.usAll, i * sk, grad, s);
        }
        lap(s, StageClock.Stage.PARAMETER_GRADIENT);
    }

    /** {@link #circuitDirections} by the lane contractions (the same bits). */
    private void laneDirections(RevisedFrame f, int i, double[] w, double[] ux, double[] uy, double[] uz, double[] us,
                                int base, double[] z, double[] u, int zo, RevisedScratch s) {
        int s0 = f.firstSpecies();
        tangentSums(f, i, w, ux, uy, uz, us, base);
        s.contractions.inputsAndDirections(f.species(i), s0 * kBasis, f.spanLength(), f.vecX(), f.vecY(), f.vecZ(),
                f.scalar(), f.sumOffset(i, s0), ux, uy, uz, us, base + s0 * kBasis, z, u, zo);
    }

    /**
     * Atom i's circuit inputs z and their derivative u = D_w z along the position displacement w, into
     * z[zo ..] and u[zo ..]; its tangent neighbour sums U go to the u* arrays from offset base.
     */
    private void circuitDirections(RevisedFrame f, int i, double[] w, double[] ux, double[] uy, double[] uz,
                                   double[] us, int base, double[] z, double[] u, int zo) {
        double[] v = params.values();
        double[] bx = f.vecX(), by = f.vecY(), bz = f.vecZ(), bs = f.scalar();
        int si = f.species(i);
        int s0 = f.firstSpecies(), len = f.spanLength();
        int o = base + s0 * kBasis;
        int b = f.sumOffset(i, s0);
        tangentSums(f, i, w, ux, uy, uz, us, base);
        // z = W·B + J0 and u = D_w z = W·U: both linear in the parameters with the neighbour sums
        // as coefficients, which is also why ∂z/∂W = B and ∂u/∂W = U below.
        for (int c = 0; c < channels(); c += 2) {
            contractPair(v, wIndex(c, si, s0), wIndex(c + 1, si, s0), bx, by, bz, b, ux, uy, uz, o, len,
                    z, u, zo + 3 * c);
        }
        for (int e = 0; e < couplings(); e++) {
            int vi = vIndex(e, si, s0);
            double a = v[oJ0 + e * nSpecies + si], c = 0;
            for (int t = 0; t < len; t++) {
                a += v[vi + t] * bs[b + t];
                c += v[vi + t] * us[o + t];
            }
            z[zo + exBase + e] = a;
            u[zo + exBase + e] = c;
        }
    }

    /**
     * Adds atom i's share of the objective's parameter gradient, from its circuit's value obs, gradient g and
     * Hessian-vector product hu (rows at zo) and its tangent sums (from offset base).
     */
    private void accumulate(RevisedFrame f, int i, double dLdE, double obs, double[] u, double[] g,
                            double[] hu, int zo, double[] ux, double[] uy, double[] uz, double[] us, int base,
                            double[] grad, RevisedScratch s) {
        double[] v = params.values();
        double[] bx = f.vecX(), by = f.vecY(), bz = f.vecZ(), bs = f.scalar();
        int si = f.species(i);
        int s0 = f.firstSpecies(), len = f.spanLength();
        int o = base + s0 * kBasis;
        int b = f.sumOffset(i, s0);
        int nIn = circuit.inputs();
        double scale = v[oS + si];
        double gu = 0;
        for (int t = 0; t < nIn; t++) gu += g[zo + t] * u[zo + t];
        // φ_i = dLdE·ε_i − scale·g(z)·u: its parameter gradient is Γ·∂z/∂θ − scale·g·∂u/∂θ, with
        // Γ = dφ/dz at fixed u.
        grad[oE0 + si] += dLdE;
        grad[oS + si] += dLdE * obs - gu;
        double[] gamma = s.gamma;
        for (int t = 0; t < nIn; t++) gamma[t] = scale * (dLdE * g[zo + t] - hu[zo + t]);
        for (int e = 0; e < couplings(); e++) grad[oJ0 + e * nSpecies + si] += gamma[exBase + e];
        if (s.laneContractions()) {
            s.contractions.accumulate(si, s0 * kBasis, len, scale, gamma, g, zo, bx, by, bz, bs, b, ux, uy, uz, us, o,
                    grad);
            return;
        }
        // ∂φ/∂W[c][si][sj][k] = Γ_c·B[sj][k] − scale·g_c·U[sj][k]; two channels per sweep share the
        // loads of B and U.
        for (int c = 0; c < channels(); c += 2) {
            double tx = gamma[3 * c], ty = gamma[3 * c + 1], tz = gamma[3 * c + 2];
            double tx1 = gamma[3 * c + 3], ty1 = gamma[3 * c + 4], tz1 = gamma[3 * c + 5];
            int gc = zo + 3 * c;
            double hx = scale * g[gc], hy = scale * g[gc + 1], hz = scale * g[gc + 2];
            double hx1 = scale * g[gc + 3], hy1 = scale * g[gc + 4], hz1 = scale * g[gc + 5];
            int wi = wIndex(c, si, s0), wi1 = wIndex(c + 1, si, s0);
            for (int t = 0; t < len; t++) {
                double x = bx[b + t], y = by[b + t], zc = bz[b + t];
                double p = ux[o + t], q = uy[o + t], r = uz[o + t];
                grad[wi + t] += tx * x + ty * y + tz * zc - (hx * p + hy * q + hz * r);
                grad[wi1 + t] += tx1 * x + ty1 * y + tz1 * zc - (hx1 * p + hy1 * q + hz1 * r);
            }
        }
        for (int e = 0; e < couplings(); e++) {
            double te = gamma[exBase + e], he = scale * g[zo + exBase + e];
            int vi = vIndex(e, si, s0);
            for (int t = 0; t < len; t++) grad[vi + t] += te * bs[b + t] - he * us[o + t];
        }
    }
}
