package org.qmlff.hardware;

import org.qmlff.sim.Circuit;
import org.qmlff.sim.GateInfo;
import org.qmlff.sim.Observable;

import java.util.Arrays;

/**
 * Circuit derivatives g = ∂⟨O⟩/∂z from shifted circuits only, as hardware would compute them.
 *
 * <ul>
 *   <li>Ex(J) = exp(−iJ(XX+YY+ZZ)): the generator XX+YY+ZZ = 2·SWAP − I has eigenvalues 1 and −3, so
 *       ⟨O⟩(J) = a + b·cos 4J + c·sin 4J (one frequency, 4) and ∂⟨O⟩/∂J = 2[⟨O⟩(J + π/8) − ⟨O⟩(J − π/8)]:
 *       2 circuits.</li>
 *   <li>Enc(v) = exp(−i v·σ/2), whose axis depends on v: ∂Enc/∂v_k = (−i/2)·Σ_a M_ak(v)·σ_a·Enc(v)
 *       ({@link Su2#insertionMatrix}), so ∂⟨O⟩/∂v_k = Σ_a M_ak·D_a with D_a the derivative at t = 0 of the
 *       circuit with R_a(t) = exp(−i t σ_a/2) inserted after the gate, D_a = ½[⟨O⟩(t = π/2) − ⟨O⟩(t = −π/2)]
 *       (the inserted-rotation rule for general SU(2) gates): 6 circuits, each with the single one-qubit
 *       gate R_a(±π/2)·Enc(v) in place of Enc(v).</li>
 *   <li>RZ(φ): ½[⟨O⟩(φ + π/2) − ⟨O⟩(φ − π/2)]: 2 circuits.</li>
 * </ul>
 * Only gates in the observable's backward light cone are differentiated (the others have g = 0 exactly).
 * The shifted circuits are the same {@link Circuit} with modified inputs z (an Enc gate's shifted
 * product is again an Enc(v') with |v'| ≤ 2π), so each gate must read inputs no other gate reads.
 *
 * <p>Covariances: shifted circuits are estimated independently, so Var(∂/∂J) = 4·(v₊ + v₋) and, for Enc,
 * Cov(g_k, g_l) = Σ_a M_ak·M_al·(v_a₊ + v_a₋)/4. They are written to {@code cov[3·i + l]} = Cov(g_i, g_{b+l})
 * for input i of an Enc gate whose inputs start at b, {@code cov[3·i]} = Var(g_i) for Ex and RZ.
 */
final class ShiftRule {
    private static final double EX_SHIFT = Math.PI / 8;

    private ShiftRule() {
    }

    /** Shifted circuits (each one measurement setting per observable pair) for g of circuit c and o. */
    static int circuits(Circuit c, Observable o) {
        Circuit cone = c.lightCone(o);
        int n = 0;
        for (int k = 0; k < cone.gateCount(); k++) {
            String kind = cone.gateInfo(k).kind();
            if (kind.equals("tensor")) throw Decomposition.tensorUnsupported(k, "differentiated by shift rules");
            if (kind.equals("enc")) n += 6;
            else if (kind.equals("ex") || kind.equals("rz")) n += 2;
        }
        return n;
    }

    /**
     * Fills g (and cov, length ≥ 3·c.inputs(), unless null) for circuit c at z with circuits run on d;
     * returns the number of circuits (settings) run.
     */
    static int gradient(Device d, Circuit c, Observable o, double[] z, double[] g, double[] cov) {
        int nIn = c.inputs();
        Arrays.fill(g, 0, nIn, 0.0);
        if (cov != null) Arrays.fill(cov, 0, 3 * nIn, 0.0);
        Circuit cone = c.lightCone(o);
        double[] w = Arrays.copyOf(z, nIn);
        boolean[] seen = new boolean[nIn];
        int run = 0;
        for (int k = 0; k < cone.gateCount(); k++) {
            GateInfo gi = cone.gateInfo(k);
            // a silent zero derivative would be wrong: refuse
            if (gi.kind().equals("tensor")) throw Decomposition.tensorUnsupported(k, "differentiated by shift rules");
            int b = gi.input();
            int m = gi.inputs();
            for (int t = 0; t < m; t++) {
                if (seen[b + t]) throw new IllegalArgumentException("input " + (b + t)
                        + " is read by more than one gate; the shift rules need one gate per input");
                seen[b + t] = true;
            }
            switch (gi.kind()) {
                case "ex", "rz" -> {
                    double s = gi.kind().equals("ex") ? EX_SHIFT : Math.PI / 2;
                    double f = gi.kind().equals("ex") ? 2 : 0.5;
                    w[b] = z[b] + s;
                    Estimate plus = d.expectation(cone, o, w);
                    w[b] = z[b] - s;
                    Estimate minus = d.expectation(cone, o, w);
                    w[b] = z[b];
                    g[b] = f * (plus.value() - minus.value());
                    if (cov != null) cov[3 * b] = f * f * (plus.variance() + minus.variance());
                    run += plus.circuits() + minus.circuits();
                }
                case "enc" -> {
                    double[] u = Su2.enc(z[b], z[b + 1], z[b + 2]);
                    double[] mm = Su2.insertionMatrix(z[b], z[b + 1], z[b + 2]);
                    double[] dv = new double[3];
                    double[] vv = new double[3];
                    for (int a = 0; a < 3; a++) {
                        double[] est = new double[2];
                        for (int sign = 0; sign < 2; sign++) {
                            double[] axis = new double[3];
                            axis[a] = sign == 0 ? Math.PI / 2 : -Math.PI / 2;
                            double[] shifted = Su2.log(Su2.multiply(Su2.enc(axis[0], axis[1], axis[2]), u));
                            System.arraycopy(shifted, 0, w, b, 3);
                            Estimate e = d.expectation(cone, o, w);
                            est[sign] = e.value();
                            vv[a] += e.variance() / 4;
                            run += e.circuits();
                        }
                        dv[a] = 0.5 * (est[0] - est[1]);
                    }
                    System.arraycopy(z, b, w, b, 3);
                    for (int kk = 0; kk < 3; kk++) {
                        double s = 0;
                        for (int a = 0; a < 3; a++) s += mm[3 * a + kk] * dv[a];
                        g[b + kk] = s;
                        if (cov != null) {
                            for (int l = 0; l < 3; l++) {
                                double cv = 0;
                                for (int a = 0; a < 3; a++) cv += mm[3 * a + kk] * mm[3 * a + l] * vv[a];
                                cov[3 * (b + kk) + l] = cv;
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return run;
    }
}
