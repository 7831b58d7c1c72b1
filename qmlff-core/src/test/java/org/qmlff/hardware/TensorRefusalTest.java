package org.qmlff.hardware;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qmlff.error.InputException;
import org.qmlff.sim.Circuit;
import org.qmlff.sim.Observable;

/**
 * The hardware view has no decomposition, matrix or shift rule for the tensor gate: export, the noisy
 * backends and the shift rules refuse it with a one-line input error instead of emitting something wrong
 * (a missing shift rule would otherwise read as a zero derivative).
 */
class TensorRefusalTest {
    private final Circuit circuit = Circuit.builder(2).singlet(0, 1).enc(0, 0).tensor(0, 1, 3).build();
    private final double[] z = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    @Test
    void openQasmExportRefusesTheTensorGate() {
        assertThatThrownBy(() -> Decomposition.of(circuit, z)).isInstanceOf(InputException.class)
                .hasMessageContaining("gate 2 is a tensor gate").hasMessageContaining("OpenQASM")
                .hasMessageNotContaining("\n");
    }

    @Test
    void backendsAndShiftRulesRefuseTheTensorGate() {
        assertThatThrownBy(() -> GateMatrices.of(circuit.gateInfo(2), z)).isInstanceOf(InputException.class)
                .hasMessageContaining("tensor gate");
        Observable o = Observable.heisenberg(0, 1);
        assertThatThrownBy(() -> ShiftRule.circuits(circuit, o)).isInstanceOf(InputException.class)
                .hasMessageContaining("shift rules");
        Device d = new Device(new StateVectorBackend(), 0, 0, 0);
        assertThatThrownBy(() -> ShiftRule.gradient(d, circuit, o, z, new double[z.length], null))
                .isInstanceOf(InputException.class).hasMessageContaining("shift rules");
    }
}
