package org.qmlff.hardware;

import org.qmlff.error.InputException;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.GateInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A bound circuit as OpenQASM standard gates (up to a global phase per gate, which no measurement sees):
 *
 * <ul>
 *   <li>singlet preparation on (p, q): x p; x q; h p; cx p, q — |00⟩ ↦ (|01⟩ − |10⟩)/√2;</li>
 *   <li>Enc(v) ∈ SU(2): u3(θ, φ, λ) with Enc(v) = e^{iα}·u3 ({@link #u3Angles});</li>
 *   <li>Ex(J) = exp(−iJ(XX+YY+ZZ)) in the 3-CNOT form of Vatan and Williams (Phys. Rev. A 69, 032315) with
 *       the signs of its outer rotations adapted to our sign of J: rz(−π/2) q; cx q, p; rz(2J − π/2) p;
 *       ry(π/2 − 2J) q; cx p, q; ry(2J − π/2) q; cx q, p; rz(π/2) p (checked against the 4×4 matrix in the
 *       tests, and by an independent simulator reading the export);</li>
 *   <li>RZ(φ): rz(φ); fixed one-qubit gates: u3 of their SU(2) part. Other fixed two-qubit gates than the
 *       singlet preparation are not exported, nor is the tensor gate (refused with an {@link InputException}).</li>
 * </ul>
 * Then the Bell-basis change of the measured pair (p, q): cx p, q; h p (the singlet becomes |11⟩).
 */
public final class Decomposition {
    private Decomposition() {
    }

    /** The gates of c at inputs z, without the measurement. */
    public static List<NativeGate> of(Circuit c, double[] z) {
        List<NativeGate> out = new ArrayList<>();
        double[] singlet = Circuit.builder(2).singlet(0, 1).build().gateInfo(0).matrix();
        for (int k = 0; k < c.gateCount(); k++) {
            GateInfo g = c.gateInfo(k);
            int p = g.p(), q = g.q();
            switch (g.kind()) {
                case "dense2" -> {
                    if (!java.util.Arrays.equals(g.matrix(), singlet))
                        throw new IllegalArgumentException("gate " + k + ": only the singlet preparation is exported among fixed two-qubit gates");
                    out.add(gate("x", p));
                    out.add(gate("x", q));
                    out.add(gate("h", p));
                    out.add(new NativeGate("cx", new double[0], new int[] {p, q}));
                }
                case "enc" -> out.add(new NativeGate("u3", u3Angles(Su2.enc(z[g.input()], z[g.input() + 1], z[g.input() + 2])), new int[] {p}));
                case "dense1" -> out.add(new NativeGate("u3", u3Angles(special(g.matrix())), new int[] {p}));
                case "rz" -> out.add(new NativeGate("rz", new double[] {z[g.input()]}, new int[] {p}));
                case "ex" -> {
                    double j = z[g.input()];
                    out.add(rot("rz", -Math.PI / 2, q));
                    out.add(new NativeGate("cx", new double[0], new int[] {q, p}));
                    out.add(rot("rz", 2 * j - Math.PI / 2, p));
                    out.add(rot("ry", Math.PI / 2 - 2 * j, q));
                    out.add(new NativeGate("cx", new double[0], new int[] {p, q}));
                    out.add(rot("ry", 2 * j - Math.PI / 2, q));
                    out.add(new NativeGate("cx", new double[0], new int[] {q, p}));
                    out.add(rot("rz", Math.PI / 2, p));
                }
                case "tensor" -> throw tensorUnsupported(k, "exported to OpenQASM");
                default -> throw new IllegalArgumentException("gate " + k + " of kind " + g.kind() + " cannot be exported");
            }
        }
        return out;
    }

    /**
     * The one-line refusal of a tensor gate (exp(−i Σ T_ab σ_a⊗σ_b)) by the hardware view, which has neither a
     * native-gate decomposition nor a parameter-shift rule for it: emitting anything else would be wrong.
     */
    static InputException tensorUnsupported(int gate, String what) {
        return new InputException("gate " + gate + " is a tensor gate exp(−i Σ T_ab σ_a⊗σ_b), which cannot be "
                + what + " (the hardware view has no decomposition or shift rule for it)");
    }

    /** The Bell-basis change of pair (p, q): cx p, q; h p. */
    public static List<NativeGate> bellChange(int p, int q) {
        return List.of(new NativeGate("cx", new double[0], new int[] {p, q}), gate("h", p));
    }

    private static NativeGate gate(String name, int q) {
        return new NativeGate(name, new double[0], new int[] {q});
    }

    private static NativeGate rot(String name, double angle, int q) {
        return new NativeGate(name, new double[] {angle}, new int[] {q});
    }

    /** u / √det u: the SU(2) representative of a 2×2 unitary. */
    private static double[] special(double[] u) {
        double dr = u[0] * u[6] - u[1] * u[7] - (u[2] * u[4] - u[3] * u[5]);
        double di = u[0] * u[7] + u[1] * u[6] - (u[2] * u[5] + u[3] * u[4]);
        double arg = Math.atan2(di, dr) / 2;
        double cr = Math.cos(-arg), ci = Math.sin(-arg);
        double[] out = new double[8];
        for (int k = 0; k < 4; k++) {
            out[2 * k] = u[2 * k] * cr - u[2 * k + 1] * ci;
            out[2 * k + 1] = u[2 * k] * ci + u[2 * k + 1] * cr;
        }
        return out;
    }

    /**
     * (θ, φ, λ) with u = e^{iα}·u3(θ, φ, λ), u3 = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]
     * (OpenQASM 2's u3, OpenQASM 3's U) for u = [[a, b], [−b*, a*]] in SU(2): θ = 2·atan2(|b|, |a|), α = arg a,
     * φ = arg(−b*) − α, λ = arg(−b) − α (with φ = 0 when b = 0 and α = 0 when a = 0).
     */
    static double[] u3Angles(double[] u) {
        double ar = u[0], ai = u[1], br = u[2], bi = u[3];
        double na = Math.hypot(ar, ai), nb = Math.hypot(br, bi);
        double theta = 2 * Math.atan2(nb, na);
        double alpha = na == 0 ? 0 : Math.atan2(ai, ar);
        double phi, lambda;
        if (nb == 0) {
            phi = 0;
            lambda = -2 * alpha;
        } else {
            phi = Math.atan2(bi, -br) - alpha;   // −b* = −br + i·bi
            lambda = Math.atan2(-bi, -br) - alpha;
        }
        return new double[] {theta, phi, lambda};
    }

    /** Two-qubit gates and depth (ASAP layers over all gates, and over two-qubit gates only). */
    public record Counts(int gates, int twoQubitGates, int depth, int twoQubitDepth) {
    }

    public static Counts count(int qubits, List<NativeGate> gates) {
        int[] level = new int[qubits];
        int[] level2 = new int[qubits];
        int two = 0, depth = 0, depth2 = 0;
        for (NativeGate g : gates) {
            int l = 0, l2 = 0;
            for (int q : g.qubits()) {
                l = Math.max(l, level[q]);
                l2 = Math.max(l2, level2[q]);
            }
            l++;
            if (g.twoQubit()) {
                two++;
                l2++;
            }
            for (int q : g.qubits()) {
                level[q] = l;
                level2[q] = l2;
            }
            depth = Math.max(depth, l);
            depth2 = Math.max(depth2, l2);
        }
        return new Counts(gates.size(), two, depth, depth2);
    }
}
