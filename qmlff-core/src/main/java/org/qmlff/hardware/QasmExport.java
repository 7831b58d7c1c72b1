package org.qmlff.hardware;

import org.qmlff.model.ForceField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The circuits of one configuration as OpenQASM 2.0 and 3 programs: one program per circuit the model runs
 * (one for {@code le}, one per atom for {@code revised}, ×2 with parity=sym: the second half at −R) and per
 * measured pair of its observable (one for {@code pair01}).
 */
public final class QasmExport {
    private QasmExport() {
    }

    /**
     * One exported program.
     *
     * @param name     file stem: {@code circuitC[-pairP]} (C = atom index for revised, 0 for le)
     * @param qasm2    OpenQASM 2.0 text
     * @param qasm3    OpenQASM 3 text
     * @param pair     the measured qubits {p, q}
     * @param expected qmlff's exact ⟨σ_p·σ_q⟩ for this circuit
     */
    public record Program(String name, String qasm2, String qasm3, int[] pair, double expected) {
    }

    /** The programs of one configuration; {@code only} ≥ 0 keeps circuit {@code only} alone. */
    public static List<Program> programs(ForceField model, int[] numbers, double[] positions, int only, String header) {
        HardwareForceField hw = new HardwareForceField(model, HardwareOptions.exact());
        List<BoundCircuit> circuits = hw.circuits(numbers, positions, hw.newScratch());
        if (only >= circuits.size())
            throw new IllegalArgumentException("circuit " + only + " does not exist: this configuration has "
                    + circuits.size() + " circuit(s) (0.." + (circuits.size() - 1) + ")");
        StateVectorBackend sv = new StateVectorBackend();
        List<Program> out = new ArrayList<>();
        for (int c = 0; c < circuits.size(); c++) {
            if (only >= 0 && c != only) continue;
            BoundCircuit b = circuits.get(c);
            List<NativeGate> gates = Decomposition.of(b.circuit(), b.z());
            int[][] pairs = b.observable().heisenbergPairs();
            for (int k = 0; k < pairs.length; k++) {
                int p = pairs[k][0], q = pairs[k][1];
                double exact = sv.expectation(b.circuit(), org.qmlff.sim.Observable.heisenberg(p, q), b.z());
                String name = "circuit" + c + (pairs.length > 1 ? "-pair" + k : "");
                String h = header + String.format(Locale.ROOT, "\ncircuit %d of %d, measured pair (%d, %d); qmlff's exact <s_%d.s_%d> = %.17g",
                        c, circuits.size(), p, q, p, q, exact);
                int n = b.circuit().qubits();
                out.add(new Program(name, Qasm.qasm2(n, gates, p, q, h), Qasm.qasm3(n, gates, p, q, h), new int[] {p, q}, exact));
            }
        }
        return out;
    }
}
