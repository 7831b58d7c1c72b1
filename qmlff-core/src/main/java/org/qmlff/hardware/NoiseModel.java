package org.qmlff.hardware;

import org.qmlff.error.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gate and readout noise of a simulated device, Qiskit Aer's conventions ({@link NoiseRates}). Rates are
 * per gate kind: {@code enc} (the encoding gates, one U gate each), {@code ex} (the exchange gates, rates
 * for the whole 3-CNOT block; 2-qubit depolarizing commutes with any unitary on the pair, so three CNOTs of
 * rate λ_cx each make one Ex of 1 − (1 − λ_cx)³) and {@code prep} (the singlet preparations, 2-qubit).
 * Readout error: each measured bit flips 0→1 with probability {@code readout01}, 1→0 with {@code readout10}
 * (Aer's {@code ReadoutError([[1−p01, p01], [p10, 1−p10]])}).
 */
public record NoiseModel(NoiseRates enc, NoiseRates ex, NoiseRates prep, double readout01, double readout10) {
    public static final NoiseModel NONE = new NoiseModel(NoiseRates.NONE, NoiseRates.NONE, NoiseRates.NONE, 0, 0);

    public NoiseModel {
        if (!(readout01 >= 0 && readout01 <= 1 && readout10 >= 0 && readout10 <= 1))
            throw new InputException("readout error probabilities must lie in 0..1");
    }

    public boolean isNone() {
        return enc.isNone() && ex.isNone() && prep.isNone() && readout01 == 0 && readout10 == 0;
    }

    /** True when a gate channel is present (a density-matrix backend is needed). */
    public boolean hasGateNoise() {
        return !(enc.isNone() && ex.isNone() && prep.isNone());
    }

    /**
     * Depolarizing noise of a device whose CNOTs have Aer rate λ (two-qubit) and whose one-qubit gates
     * have λ/10, the usual ratio on superconducting devices: Enc λ/10, singlet preparation (one CNOT) λ,
     * Ex (three CNOTs; two-qubit depolarizing commutes with unitaries on its pair) 1 − (1 − λ)³.
     */
    public static NoiseModel depolarizingPerCnot(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) throw new InputException("depolarizing rate " + lambda + " is outside 0..1");
        return new NoiseModel(new NoiseRates(lambda / 10, 0, 0), new NoiseRates(1 - Math.pow(1 - lambda, 3), 0, 0),
                new NoiseRates(lambda, 0, 0), 0, 0);
    }

    /** One channel of a noise model, alone. */
    public record Channel(String name, NoiseModel noise) {
    }

    /**
     * The model split into its channels, each a model of its own with the others off (for telling
     * which channel breaks a symmetry): depolarizing, amplitude damping, dephasing (each over all gate
     * kinds) and readout, in that order, those present only.
     */
    public List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        NoiseRates[] kinds = {enc, ex, prep};
        String[] names = {"depolarizing", "amplitude damping", "dephasing"};
        for (int ch = 0; ch < 3; ch++) {
            NoiseRates[] only = new NoiseRates[3];
            boolean any = false;
            for (int k = 0; k < 3; k++) {
                double[] r = new double[3];
                r[ch] = ch == 0 ? kinds[k].depolarizing() : ch == 1 ? kinds[k].amplitudeDamping() : kinds[k].dephasing();
                any |= r[ch] != 0;
                only[k] = new NoiseRates(r[0], r[1], r[2]);
            }
            if (any) out.add(new Channel(names[ch], new NoiseModel(only[0], only[1], only[2], 0, 0)));
        }
        if (readout01 != 0 || readout10 != 0)
            out.add(new Channel("readout", new NoiseModel(NoiseRates.NONE, NoiseRates.NONE, NoiseRates.NONE, readout01, readout10)));
        return out;
    }

    /** The rates after a gate of the given {@link org.qmlff.sim.GateInfo} kind. */
    NoiseRates after(String kind) {
        return switch (kind) {
            case "enc", "rz", "dense1" -> enc;
            case "ex" -> ex;
            default -> prep;
        };
    }

    /**
     * Parses {@code key=value,...}: keys {@code depol1} (λ after each Enc), {@code depol2} (λ after each Ex and
     * singlet preparation), {@code amp} and {@code deph} (γ, λ after every gate on each of its qubits),
     * {@code readout} (both flip probabilities); {@code enc.K}, {@code ex.K}, {@code prep.K} with K one of
     * {@code depol}, {@code amp}, {@code deph} set one kind. Later keys override earlier ones. "none" or empty:
     * {@link #NONE}.
     */
    public static NoiseModel parse(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("none")) return NONE;
        double[][] r = new double[3][3];
        double ro = 0;
        for (String item : spec.split(",")) {
            String[] kv = item.trim().split("=");
            if (kv.length != 2) throw new InputException("noise: '" + item + "' is not key=value");
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new InputException("noise: '" + kv[1] + "' is not a number");
            }
            String k = kv[0].trim().toLowerCase(Locale.ROOT);
            switch (k) {
                case "depol1" -> r[0][0] = v;
                case "depol2" -> { r[1][0] = v; r[2][0] = v; }
                case "amp" -> { r[0][1] = v; r[1][1] = v; r[2][1] = v; }
                case "deph" -> { r[0][2] = v; r[1][2] = v; r[2][2] = v; }
                case "readout" -> ro = v;
                default -> {
                    String[] parts = k.split("\\.");
                    int kind = parts.length != 2 ? -1 : switch (parts[0]) {
                        case "enc" -> 0;
                        case "ex" -> 1;
                        case "prep" -> 2;
                        default -> -1;
                    };
                    int ch = parts.length != 2 ? -1 : switch (parts[1]) {
                        case "depol" -> 0;
                        case "amp" -> 1;
                        case "deph" -> 2;
                        default -> -1;
                    };
                    if (kind < 0 || ch < 0) throw new InputException("noise: unknown key '" + kv[0]
                            + "' (depol1, depol2, amp, deph, readout, or enc./ex./prep. + depol/amp/deph)");
                    r[kind][ch] = v;
                }
            }
        }
        return new NoiseModel(new NoiseRates(r[0][0], r[0][1], r[0][2]), new NoiseRates(r[1][0], r[1][1], r[1][2]),
                new NoiseRates(r[2][0], r[2][1], r[2][2]), ro, ro);
    }
}
