package org.qmlff.toy;

import com.fasterxml.jackson.databind.JsonNode;
import org.qmlff.data.Dataset;
import org.qmlff.model.Architecture;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.ParameterSet;
import org.qmlff.model.Symmetry;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A test-only architecture that shows what adding one takes: this class and one line in
 * {@code META-INF/services/org.qmlff.model.Architecture}. A classical pair potential
 * E = shift + Σ_{i<j} Σ_k a_k·exp(−(k+1)·r_ij/σ), with exact forces and objective gradient; no
 * circuits. It shares the option name {@code K} with the circuit architectures and has one of its
 * own, {@code sigma}.
 */
public final class ToyArchitecture implements Architecture<ToyArchitecture.Options> {

    /** The architecture's name. */
    public static final String NAME = "toy";

    /**
     * @param K     radial terms (2)
     * @param sigma decay length σ in Å (1.5)
     */
    public record Options(int K, double sigma) implements ModelOptions {
        public Options {
            if (K < 1) throw new IllegalArgumentException("K must be at least 1, got " + K);
            if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException("sigma must be a positive length in Å, got " + sigma);
        }

        @Override
        public String architecture() {
            return NAME;
        }

        @Override
        public Options with(String name, String value) {
            try {
                return switch (name) {
                    case "K" -> new Options(Integer.parseInt(value.trim()), sigma);
                    case "sigma" -> new Options(K, Double.parseDouble(value.trim()));
                    default -> throw new IllegalArgumentException("model option " + name + " does not apply to --arch toy");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model option " + name + ": not a number: '" + value + "'");
            }
        }

        @Override
        public Map<String, Object> toHyper() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("K", K);
            m.put("sigma", sigma);
            return m;
        }
    }

    /** The pair potential; parameters {@code shift} (kcal/mol) and {@code a} (K, kcal/mol). */
    static final class Model implements ForceField {
        private final Options options;
        private final ParameterSet params;

        Model(Options options) {
            this.options = options;
            this.params = ParameterSet.builder().add("shift").add("a", options.K()).build();
        }

        @Override
        public Scratch newScratch() {
            return new Scratch() {
            };
        }

        @Override
        public void checkCompatible(int[] numbers) {
            if (numbers.length < 2) throw new IllegalArgumentException("the toy potential needs at least 2 atoms");
        }

        @Override
        public String architecture() {
            return NAME;
        }

        @Override
        public Options options() {
            return options;
        }

        @Override
        public int parameterCount() {
            return params.size();
        }

        /** shift, then a_0 … a_{K−1}. */
        @Override
        public void getParameters(double[] out) {
            System.arraycopy(params.values(), 0, out, 0, params.size());
        }

        @Override
        public void setParameters(double[] in) {
            if (in.length < params.size()) throw new IllegalArgumentException("the toy needs " + params.size() + " parameters");
            System.arraycopy(in, 0, params.values(), 0, params.size());
        }

        /** φ_k(r) = exp(−(k+1)·r/σ) into phi, and dφ_k/dr into dphi. */
        private void basis(double r, double[] phi, double[] dphi) {
            for (int k = 0; k < phi.length; k++) {
                double c = (k + 1) / options.sigma();
                phi[k] = Math.exp(-c * r);
                dphi[k] = -c * phi[k];
            }
        }

        @Override
        public double energyAndForces(int[] numbers, double[] positions, double[] forces, Scratch scratch) {
            double[] v = params.values();
            int kk = options.K();
            double[] phi = new double[kk], dphi = new double[kk];
            java.util.Arrays.fill(forces, 0, 3 * numbers.length, 0);
            double e = v[0];
            for (int i = 0; i < numbers.length; i++)
                for (int j = i + 1; j < numbers.length; j++) {
                    double r = distance(positions, i, j);
                    basis(r, phi, dphi);
                    double dEdr = 0;
                    for (int k = 0; k < kk; k++) {
                        e += v[1 + k] * phi[k];
                        dEdr += v[1 + k] * dphi[k];
                    }
                    for (int c = 0; c < 3; c++) {
                        double g = dEdr * (positions[3 * j + c] - positions[3 * i + c]) / r;
                        forces[3 * j + c] -= g;
                        forces[3 * i + c] += g;
                    }
                }
            return e;
        }

        @Override
        public void addObjectiveGradient(int[] numbers, double[] positions, double dLdE, double[] dLdF, double[] grad,
                                         Scratch scratch) {
            int kk = options.K();
            double[] phi = new double[kk], dphi = new double[kk];
            grad[0] += dLdE;
            for (int i = 0; i < numbers.length; i++)
                for (int j = i + 1; j < numbers.length; j++) {
                    double r = distance(positions, i, j);
                    basis(r, phi, dphi);
                    // F_j = −(dE/dr)·x/r and F_i = +(dE/dr)·x/r with x = R_j − R_i; dE/dr is linear in a.
                    double w = 0;
                    for (int c = 0; c < 3; c++)
                        w += (dLdF[3 * i + c] - dLdF[3 * j + c]) * (positions[3 * j + c] - positions[3 * i + c]) / r;
                    for (int k = 0; k < kk; k++) grad[1 + k] += dLdE * phi[k] + w * dphi[k];
                }
        }

        private static double distance(double[] x, int i, int j) {
            double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
            return Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Class<Model> modelType() {
        return Model.class;
    }

    @Override
    public Options defaults() {
        return new Options(2, 1.5);
    }

    @Override
    public List<String> optionNames() {
        return List.of("K", "sigma");
    }

    /** shift = the mean training energy, a_k ~ N(0, 0.01²). */
    @Override
    public Model create(Options options, List<Dataset> training, Random rng) {
        Model m = new Model(options);
        double sum = 0;
        long n = 0;
        for (Dataset d : training) {
            m.checkCompatible(d.numbers());
            for (double e : d.energies()) {
                sum += e;
                n++;
            }
        }
        double[] v = m.params.values();
        v[0] = sum / n;
        for (int k = 0; k < options.K(); k++) v[1 + k] = 0.01 * rng.nextGaussian();
        return m;
    }

    @Override
    public Model newModel(Options options, JsonNode root, String where) {
        return new Model(options);
    }

    @Override
    public List<ParameterSet.Tensor> parameterTensors(ForceField model) {
        return ((Model) model).params.tensors();
    }

    @Override
    public Map<Symmetry, Symmetry.Promise> symmetries(Options options) {
        Map<Symmetry, Symmetry.Promise> m = new EnumMap<>(Symmetry.class);
        String why = "the energy is a sum of one function of the distance over all pairs";
        for (Symmetry s : Symmetry.values()) m.put(s, Symmetry.Promise.holds(why));
        return m;
    }

    @Override
    public CircuitLayout circuitLayout() {
        return CircuitLayout.NONE;
    }
}
