package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulator writes the product state of a circuit's leading fixed gates on disjoint qubits
 * directly ({@link Circuit#productPrefix()}); checked against the dense reference, which applies
 * every gate as a matrix, with gates on distant and reversed qubit pairs and one-qubit gates mixed in.
 */
class ProductStartTest {

    @Test
    void leadingFixedGatesOnDisjointQubitsGiveTheDenseReferenceState() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 7;
        List<CircuitSpec.GateSpec> gates = new ArrayList<>();
        gates.add(gate2(rng, 5, 1));
        gates.add(gate1(rng, 3));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.SINGLET, 6, 0, -1, null, null));
        gates.add(gate2(rng, 2, 4));
        // qubit 3 again: the product prefix ends here and this gate runs as a gate
        gates.add(gate1(rng, 3));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.ENC, 3, -1, 0, null, null));
        gates.add(new CircuitSpec.GateSpec(CircuitSpec.Kind.EX, 1, 3, 3, null, null));
        CircuitSpec spec = new CircuitSpec(n, gates);
        Circuit c = spec.build();
        assertThat(c.productPrefix()).isEqualTo(4);
        double[] z = CircuitSpec.uniform(rng, spec.inputs(), 2.0);
        double[][] expected = DenseReference.state(spec, z);
        for (KernelKind kind : KernelKind.values()) {
            try (Simulator sim = new Simulator(n, 1, kind)) {
                OracleTest.assertState(sim, c, z, expected, 1e-14, kind);
            }
        }
    }

    private static CircuitSpec.GateSpec gate1(SplittableRandom rng, int q) {
        double[][] u = CircuitSpec.randomUnitary(rng, 2);
        return new CircuitSpec.GateSpec(CircuitSpec.Kind.GATE1, q, -1, -1, u[0], u[1]);
    }

    private static CircuitSpec.GateSpec gate2(SplittableRandom rng, int p, int q) {
        double[][] u = CircuitSpec.randomUnitary(rng, 4);
        return new CircuitSpec.GateSpec(CircuitSpec.Kind.GATE2, p, q, -1, u[0], u[1]);
    }
}
