package org.qmlff.hardware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qmlff.model.ForceField;
import org.qmlff.sim.Simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The OpenQASM decomposition: its gates, simulated here by a plain state-vector loop (q[k] = qubit k, our
 * bit order), give qmlff's state up to a global phase; the 3.0 text is the 2.0 text gate by gate.
 */
class DecompositionTest {

    @ParameterizedTest
    @ValueSource(strings = {"le_ethanol_D6.json", "revised_default.json"})
    void decomposedCircuitsReproduceTheState(String file) {
        List<BoundCircuit> circuits = HardwareTestSupport.exactCircuits(file, 6);
        for (BoundCircuit b : circuits) {
            int n = b.circuit().qubits();
            double[] re = new double[1 << n], im = new double[1 << n];
            new Simulator(n).state(b.circuit(), b.z(), re, im);
            double[][] psi = run(n, Decomposition.of(b.circuit(), b.z()));
            // overlap |<ψ_qmlff|ψ_decomposed>| = 1
            double or = 0, oi = 0;
            for (int i = 0; i < re.length; i++) {
                or += re[i] * psi[0][i] + im[i] * psi[1][i];
                oi += re[i] * psi[1][i] - im[i] * psi[0][i];
            }
            assertThat(Math.hypot(or, oi)).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void u3AnglesRepresentEncIncludingEdgeCases() {
        Random r = new Random(1);
        List<double[]> vs = new ArrayList<>(List.of(new double[] {0, 0, 0}, new double[] {0, 0, 1.3},
                new double[] {Math.PI, 0, 0}, new double[] {0, 2 * Math.PI, 0}, new double[] {1e-9, 0, 0}));
        for (int k = 0; k < 50; k++) vs.add(new double[] {3 * r.nextGaussian(), 3 * r.nextGaussian(), 3 * r.nextGaussian()});
        for (double[] v : vs) {
            double[] u = Su2.enc(v[0], v[1], v[2]);
            double[] a = Decomposition.u3Angles(u);
            double[] w = u3(a[0], a[1], a[2]);
            assertThat(phaseDistance(u, w)).as("v = %s", java.util.Arrays.toString(v)).isLessThan(1e-12);
        }
    }

    @Test
    void qasm3IsQasm2GateByGate() {
        ForceField model = HardwareTestSupport.reference("revised_default.json");
        List<QasmExport.Program> ps = QasmExport.programs(model, HardwareTestSupport.ETHANOL,
                HardwareTestSupport.ethanolLike(new Random(2)), -1, "test");
        assertThat(ps).hasSize(9);
        for (QasmExport.Program p : ps) {
            assertThat(p.qasm2()).startsWith("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n").contains("qreg q[4];");
            assertThat(p.qasm3()).startsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n").contains("qubit[4] q;");
            List<String> g2 = body(p.qasm2(), "creg c[2];");
            List<String> g3 = new ArrayList<>();
            for (String l : body(p.qasm3(), "bit[2] c;")) {
                l = l.replaceFirst("^U\\(", "u3(").replaceFirst("^c\\[(\\d)\\] = measure (q\\[\\d+\\]);$", "measure $2 -> c[$1];");
                g3.add(l);
            }
            assertThat(g3).isEqualTo(g2);
            assertThat(g2).filteredOn(l -> l.startsWith("cx ")).hasSize(2 + 12 * 3 + 1); // 2 preparations, 12 Ex, Bell
        }
    }

    private static List<String> body(String text, String after) {
        String[] lines = text.split("\n");
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (String l : lines) {
            if (on && !l.startsWith("//")) out.add(l);
            if (l.equals(after)) on = true;
        }
        return out;
    }

    static double[] u3(double t, double p, double l) {
        double c = Math.cos(t / 2), s = Math.sin(t / 2);
        return new double[] {c, 0, -Math.cos(l) * s, -Math.sin(l) * s, Math.cos(p) * s, Math.sin(p) * s,
                Math.cos(p + l) * c, Math.sin(p + l) * c};
    }

    /** min over global phases of max |u − e^{iα} w|. */
    static double phaseDistance(double[] u, double[] w) {
        double or = 0, oi = 0;
        for (int k = 0; k < u.length / 2; k++) {
            or += w[2 * k] * u[2 * k] + w[2 * k + 1] * u[2 * k + 1];
            oi += w[2 * k] * u[2 * k + 1] - w[2 * k + 1] * u[2 * k];
        }
        double nn = Math.hypot(or, oi), cr = or / nn, ci = oi / nn;
        double d = 0;
        for (int k = 0; k < u.length / 2; k++) {
            double xr = w[2 * k] * cr - w[2 * k + 1] * ci, xi = w[2 * k] * ci + w[2 * k + 1] * cr;
            d = Math.max(d, Math.hypot(u[2 * k] - xr, u[2 * k + 1] - xi));
        }
        return d;
    }

    /** The state of |0…0⟩ after the native gates, qubit 0 the most significant bit. */
    static double[][] run(int n, List<NativeGate> gates) {
        double[] re = new double[1 << n], im = new double[1 << n];
        re[0] = 1;
        double h = Math.sqrt(0.5);
        for (NativeGate g : gates) {
            if (g.name().equals("cx")) {
                int mc = 1 << (n - 1 - g.qubits()[0]), mt = 1 << (n - 1 - g.qubits()[1]);
                for (int i = 0; i < re.length; i++) {
                    if ((i & mc) != 0 && (i & mt) == 0) {
                        int j = i | mt;
                        double tr = re[i], ti = im[i];
                        re[i] = re[j];
                        im[i] = im[j];
                        re[j] = tr;
                        im[j] = ti;
                    }
                }
                continue;
            }
            double[] m = switch (g.name()) {
                case "x" -> new double[] {0, 0, 1, 0, 1, 0, 0, 0};
                case "h" -> new double[] {h, 0, h, 0, h, 0, -h, 0};
                case "rz" -> GateMatrices.rz(g.params()[0]);
                case "ry" -> new double[] {Math.cos(g.params()[0] / 2), 0, -Math.sin(g.params()[0] / 2), 0,
                        Math.sin(g.params()[0] / 2), 0, Math.cos(g.params()[0] / 2), 0};
                case "u3" -> u3(g.params()[0], g.params()[1], g.params()[2]);
                default -> throw new AssertionError(g.name());
            };
            int mq = 1 << (n - 1 - g.qubits()[0]);
            for (int i = 0; i < re.length; i++) {
                if ((i & mq) != 0) continue;
                int j = i | mq;
                double ar = re[i], ai = im[i], br = re[j], bi = im[j];
                re[i] = m[0] * ar - m[1] * ai + m[2] * br - m[3] * bi;
                im[i] = m[0] * ai + m[1] * ar + m[2] * bi + m[3] * br;
                re[j] = m[4] * ar - m[5] * ai + m[6] * br - m[7] * bi;
                im[j] = m[4] * ai + m[5] * ar + m[6] * bi + m[7] * br;
            }
        }
        return new double[][] {re, im};
    }
}
