package org.qmlff.model;

import org.qmlff.geometry.RadialBasis;
import org.qmlff.sim.Circuit;
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
 */
public final class RevisedModel extends CircuitForceField {

    private final int nq;
    private final int layersD;
    private final int kBasis;
    private final int nSpecies;
    private final int[][] pairs;
    private final int[] speciesOf = new int[119];
    private final RadialBasis basis;
    private final Circuit circuit;
    private final Observable observable;
    private final int oW;
    private final int oV;
    private final int oJ0;
    private final int oE0;
    private final int oS;
    private final int exBase;

    RevisedModel(ModelOptions options) {
        super(options, parameters(options));
        this.nq = options.nq();
        this.layersD = options.D();
        this.kBasis = options.K();
        int[] species = options.species();
        this.nSpecies = species.length;
        Arrays.fill(speciesOf, -1);
        for (int i = 0; i < species.length; i++) {
            if (species[i] < 1 || species[i] > 118) throw new IllegalArgumentException("species " + species[i] + " is not an atomic number");
            speciesOf[species[i]] = i;
        }
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
        this.observable = Ring.observable(options.observable(), nq);
    }

    /** The parameter tensors of MODELS.md for these options. */
    private static ParameterSet parameters(ModelOptions options) {
        if (!options.architecture().equals("revised")) throw new IllegalArgumentException("not a revised option set");
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
    public String architecture() {
        return "revised";
    }

    @Override
    public void checkCompatible(int[] numbers) {
        for (int a = 0; a < numbers.length; a++) {
            int z = numbers[a];
            if (z < 1 || z > 118 || speciesOf[z] < 0)
                throw new IllegalArgumentException("atom " + a + " has atomic number " + z
                        + ", which is not among this model's species " + Arrays.toString(options.species()));
        }
    }

    /** Per-thread buffers; neighbour arrays grow with the largest molecule seen. */
    private final class RevisedScratch extends ParityScratch {
        final Simulator sim = new Simulator(nq);
        final double[] z = new double[circuit.inputs()];
        final double[] u = new double[circuit.inputs()];
        final double[] g = new double[circuit.inputs()];
        final double[] hu = new double[circuit.inputs()];
        final double[] gamma = new double[circuit.inputs()];
        final double[] tmpBeta = new double[kBasis];
        final double[] tmpDBeta = new double[kBasis];
        int capacity;
        int[] nbAtom = new int[0];
        double[] nbX = new double[0];
        double[] nbR = new double[0];
        double[] beta = new double[0];
        double[] dbeta = new double[0];
        double[] gam = new double[0];
        double[] dgam = new double[0];

        void ensure(int atoms) {
            if (atoms <= capacity) return;
            capacity = atoms;
            nbAtom = new int[atoms];
            nbX = new double[3 * atoms];
            nbR = new double[atoms];
            beta = new double[atoms * kBasis];
            dbeta = new double[atoms * kBasis];
            gam = new double[atoms * kBasis];
            dgam = new double[atoms * kBasis];
        }
    }

    @Override
    public Scratch newScratch() {
        return new RevisedScratch();
    }

    private int wIndex(int l, int q, int si, int sj) {
        return oW + (((l * nq + q) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    private int vIndex(int d, int p, int si, int sj) {
        return oV + (((d * pairs.length + p) * nSpecies + si) * nSpecies + sj) * kBasis;
    }

    /** Neighbours of atom i within the cutoff, with their basis values; returns how many. */
    private int neighbours(int i, int atoms, double[] positions, RevisedScratch s) {
        int m = 0;
        double rc = basis.cutoff();
        for (int j = 0; j < atoms; j++) {
            if (j == i) continue;
            double dx = positions[3 * j] - positions[3 * i];
            double dy = positions[3 * j + 1] - positions[3 * i + 1];
            double dz = positions[3 * j + 2] - positions[3 * i + 2];
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (r >= rc) continue;
            if (r == 0) throw new IllegalArgumentException("atoms " + i + " and " + j + " coincide");
            s.nbAtom[m] = j;
            s.nbX[3 * m] = dx;
            s.nbX[3 * m + 1] = dy;
            s.nbX[3 * m + 2] = dz;
            s.nbR[m] = r;
            basis.evaluate(r, s.tmpBeta, s.tmpDBeta);
            System.arraycopy(s.tmpBeta, 0, s.beta, m * kBasis, kBasis);
            System.arraycopy(s.tmpDBeta, 0, s.dbeta, m * kBasis, kBasis);
            // γ_k = β_k / r and dγ_k/dr, the radial factors of the vector channel β_k·r̂ = γ_k·x.
            for (int k = 0; k < kBasis; k++) {
                double g = s.tmpBeta[k] / r;
                s.gam[m * kBasis + k] = g;
                s.dgam[m * kBasis + k] = (s.tmpDBeta[k] - g) / r;
            }
            m++;
        }
        return m;
    }

    /** Circuit inputs z of atom i (species si) from its neighbour list. */
    private void inputs(int si, int[] numbers, int m, RevisedScratch s) {
        double[] v = params.values();
        Arrays.fill(s.z, 0.0);
        int p = pairs.length;
        for (int d = 0; d < layersD; d++)
            for (int pp = 0; pp < p; pp++) s.z[exBase + d * p + pp] = v[oJ0 + (d * p + pp) * nSpecies + si];
        for (int n = 0; n < m; n++) {
            int sj = speciesOf[numbers[s.nbAtom[n]]];
            double x = s.nbX[3 * n], y = s.nbX[3 * n + 1], zc = s.nbX[3 * n + 2];
            int bo = n * kBasis;
            for (int l = 0; l <= layersD; l++) {
                for (int q = 0; q < nq; q++) {
                    int w = wIndex(l, q, si, sj);
                    double radial = 0;
                    for (int k = 0; k < kBasis; k++) radial += v[w + k] * s.gam[bo + k];
                    int zi = 3 * (l * nq + q);
                    s.z[zi] += radial * x;
                    s.z[zi + 1] += radial * y;
                    s.z[zi + 2] += radial * zc;
                }
            }
            for (int d = 0; d < layersD; d++) {
                for (int pp = 0; pp < p; pp++) {
                    int w = vIndex(d, pp, si, sj);
                    double radial = 0;
                    for (int k = 0; k < kBasis; k++) radial += v[w + k] * s.beta[bo + k];
                    s.z[exBase + d * p + pp] += radial;
                }
            }
        }
    }

    @Override
    double plainEnergyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
        RevisedScratch s = (RevisedScratch) scratch;
        int atoms = numbers.length;
        s.ensure(atoms);
        checkCompatible(numbers);
        double[] v = params.values();
        Arrays.fill(forces, 0, 3 * atoms, 0.0);
        double energy = 0;
        int p = pairs.length;
        for (int i = 0; i < atoms; i++) {
            int si = speciesOf[numbers[i]];
            int m = neighbours(i, atoms, positions, s);
            inputs(si, numbers, m, s);
            double o = s.sim.gradient(circuit, observable, s.z, s.g);
            double scale = v[oS + si];
            energy += v[oE0 + si] + scale * o;
            for (int n = 0; n < m; n++) {
                int j = s.nbAtom[n];
                int sj = speciesOf[numbers[j]];
                double r = s.nbR[n];
                double x = s.nbX[3 * n], y = s.nbX[3 * n + 1], zc = s.nbX[3 * n + 2];
                int bo = n * kBasis;
                double gx = 0, gy = 0, gz = 0;
                for (int k = 0; k < kBasis; k++) {
                    double dbeta = s.dbeta[bo + k];
                    double gam = s.gam[bo + k];
                    double dgam = s.dgam[bo + k];
                    double wx = 0, wy = 0, wz = 0;
                    for (int l = 0; l <= layersD; l++) {
                        for (int q = 0; q < nq; q++) {
                            double w = v[wIndex(l, q, si, sj) + k];
                            int zi = 3 * (l * nq + q);
                            wx += w * s.g[zi];
                            wy += w * s.g[zi + 1];
                            wz += w * s.g[zi + 2];
                        }
                    }
                    double vg = 0;
                    for (int d = 0; d < layersD; d++)
                        for (int pp = 0; pp < p; pp++) vg += v[vIndex(d, pp, si, sj) + k] * s.g[exBase + d * p + pp];
                    double radialPart = (dgam * (x * wx + y * wy + zc * wz) + vg * dbeta) / r;
                    gx += gam * wx + radialPart * x;
                    gy += gam * wy + radialPart * y;
                    gz += gam * wz + radialPart * zc;
                }
                // dE/dx_ij = scale·(gx, gy, gz); x_ij = r_j − r_i.
                forces[3 * j] -= scale * gx;
                forces[3 * j + 1] -= scale * gy;
                forces[3 * j + 2] -= scale * gz;
                forces[3 * i] += scale * gx;
                forces[3 * i + 1] += scale * gy;
                forces[3 * i + 2] += scale * gz;
            }
        }
        return energy;
    }

    @Override
    void plainObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] w, double[] grad,
                                Scratch scratch) {
        RevisedScratch s = (RevisedScratch) scratch;
        int atoms = numbers.length;
        s.ensure(atoms);
        checkCompatible(numbers);
        double[] v = params.values();
        int p = pairs.length;
        for (int i = 0; i < atoms; i++) {
            int si = speciesOf[numbers[i]];
            int m = neighbours(i, atoms, positions, s);
            inputs(si, numbers, m, s);
            // u = D_w z: the change of the circuit inputs when positions move along w.
            Arrays.fill(s.u, 0.0);
            for (int n = 0; n < m; n++) {
                int j = s.nbAtom[n];
                int sj = speciesOf[numbers[j]];
                double r = s.nbR[n];
                double x = s.nbX[3 * n], y = s.nbX[3 * n + 1], zc = s.nbX[3 * n + 2];
                double dx = w[3 * j] - w[3 * i], dy = w[3 * j + 1] - w[3 * i + 1], dz = w[3 * j + 2] - w[3 * i + 2];
                double xd = (x * dx + y * dy + zc * dz) / r;
                int bo = n * kBasis;
                for (int l = 0; l <= layersD; l++) {
                    for (int q = 0; q < nq; q++) {
                        int wi = wIndex(l, q, si, sj);
                        double a = 0, c = 0;
                        for (int k = 0; k < kBasis; k++) {
                            a += v[wi + k] * s.gam[bo + k];
                            c += v[wi + k] * s.dgam[bo + k];
                        }
                        int zi = 3 * (l * nq + q);
                        s.u[zi] += a * dx + c * xd * x;
                        s.u[zi + 1] += a * dy + c * xd * y;
                        s.u[zi + 2] += a * dz + c * xd * zc;
                    }
                }
                for (int d = 0; d < layersD; d++) {
                    for (int pp = 0; pp < p; pp++) {
                        int vi = vIndex(d, pp, si, sj);
                        double c = 0;
                        for (int k = 0; k < kBasis; k++) c += v[vi + k] * s.dbeta[bo + k];
                        s.u[exBase + d * p + pp] += c * xd;
                    }
                }
            }
            double o = s.sim.hessianVectorProduct(circuit, observable, s.z, s.u, s.g, s.hu);
            double scale = v[oS + si];
            double gu = 0;
            for (int t = 0; t < s.u.length; t++) gu += s.g[t] * s.u[t];
            grad[oE0 + si] += dLdE;
            grad[oS + si] += dLdE * o - gu;
            // Γ = dφ/dz with u held fixed.
            for (int t = 0; t < s.u.length; t++) s.gamma[t] = scale * (dLdE * s.g[t] - s.hu[t]);
            for (int d = 0; d < layersD; d++)
                for (int pp = 0; pp < p; pp++) grad[oJ0 + (d * p + pp) * nSpecies + si] += s.gamma[exBase + d * p + pp];
            for (int n = 0; n < m; n++) {
                int j = s.nbAtom[n];
                int sj = speciesOf[numbers[j]];
                double r = s.nbR[n];
                double x = s.nbX[3 * n], y = s.nbX[3 * n + 1], zc = s.nbX[3 * n + 2];
                double dx = w[3 * j] - w[3 * i], dy = w[3 * j + 1] - w[3 * i + 1], dz = w[3 * j + 2] - w[3 * i + 2];
                double xd = (x * dx + y * dy + zc * dz) / r;
                int bo = n * kBasis;
                for (int l = 0; l <= layersD; l++) {
                    for (int q = 0; q < nq; q++) {
                        int zi = 3 * (l * nq + q);
                        // Γ·x and g·δ, g·x for this qubit's Enc vector
                        double gammaX = s.gamma[zi] * x + s.gamma[zi + 1] * y + s.gamma[zi + 2] * zc;
                        double gDelta = s.g[zi] * dx + s.g[zi + 1] * dy + s.g[zi + 2] * dz;
                        double gX = s.g[zi] * x + s.g[zi + 1] * y + s.g[zi + 2] * zc;
                        int wi = wIndex(l, q, si, sj);
                        double a = gammaX - scale * gDelta;
                        double c = scale * xd * gX;
                        for (int k = 0; k < kBasis; k++) grad[wi + k] += s.gam[bo + k] * a - s.dgam[bo + k] * c;
                    }
                }
                for (int d = 0; d < layersD; d++) {
                    for (int pp = 0; pp < p; pp++) {
                        int zi = exBase + d * p + pp;
                        int vi = vIndex(d, pp, si, sj);
                        for (int k = 0; k < kBasis; k++)
                            grad[vi + k] += s.gamma[zi] * s.beta[bo + k] - scale * s.g[zi] * s.dbeta[bo + k] * xd;
                    }
                }
            }
        }
    }
}
