package org.qmlff.sim;

import org.junit.jupiter.api.Test;
import org.qmlff.data.Dataset;
import org.qmlff.model.LeModel;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;
import org.qmlff.model.RevisedModel;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample (benchmark) circuits have the shapes the issue and MODELS.md describe. */
class SampleCircuitsTest {

    @Test
    void ringPairsFollowModelsMd() {
        assertThat(SampleCircuits.ringPairs(2)).isDeepEqualTo(new int[][]{{0, 1}});
        assertThat(SampleCircuits.ringPairs(4)).isDeepEqualTo(new int[][]{{0, 1}, {2, 3}, {1, 2}, {3, 0}});
        assertThat(SampleCircuits.ringPairs(6)).isDeepEqualTo(new int[][]{{0, 1}, {2, 3}, {4, 5}, {1, 2}, {3, 4}, {5, 0}});
    }

    @Test
    void gateCountKeepsTheWorkPerCallNearlyConstant() {
        assertThat(SampleCircuits.gatesFor(20, 1L << 26)).isEqualTo(64);
        assertThat(SampleCircuits.gatesFor(8, 1L << 26)).isEqualTo(1 << 18);
        // never fewer gates than qubits
        assertThat(SampleCircuits.gatesFor(20, 1L << 16)).isEqualTo(20);
    }

    @Test
    void baselineCircuitAt20QubitsHasTheIssuesGateAndInputCounts() {
        Circuit c = SampleCircuits.layered(20, 6);
        assertThat(c.qubits()).isEqualTo(20);
        // 10 singlets, 7 encoding layers of 20 Enc, 6 layers of Ex on 20 ring pairs
        assertThat(c.gateCount()).isEqualTo(10 + 7 * 20 + 6 * 20);
        assertThat(c.inputs()).isEqualTo(7 * 20 * 3 + 6 * 20);
    }

    @Test
    void layeredCircuitsHaveTheModelsShapes() {
        // ethanol: 9 atoms, le uses 8 qubits; revised uses 4-qubit D=3 atomic circuits
        Dataset d = new Dataset("ethanol-like", new int[]{6, 6, 8, 1, 1, 1, 1, 1, 1}, positions(), new double[]{0, 1},
                new double[2 * 9 * 3]);
        LeModel le = (LeModel) Models.create(ModelOptions.defaults("le"), List.of(d), 1);
        Circuit leBench = SampleCircuits.layered(8, 6);
        assertThat(leBench.qubits()).isEqualTo(le.circuit().qubits());
        assertThat(leBench.gateCount()).isEqualTo(le.circuit().gateCount());
        RevisedModel rm = (RevisedModel) Models.create(ModelOptions.defaults("revised"), List.of(d), 1);
        Circuit revisedBench = SampleCircuits.layered(4, 3);
        assertThat(revisedBench.qubits()).isEqualTo(rm.circuit().qubits());
        assertThat(revisedBench.gateCount()).isEqualTo(rm.circuit().gateCount());
    }

    private static double[] positions() {
        double[] p = new double[2 * 9 * 3];
        for (int i = 0; i < p.length; i++) p[i] = 0.7 * (i % 9) + 0.1 * (i / 27) + 0.01 * i;
        return p;
    }

    @Test
    void gateCircuitsGiveEveryGateItsOwnInputs() {
        for (int n = 2; n <= 12; n++) {
            Circuit enc = SampleCircuits.gateCircuit(SampleCircuits.GateType.ENC, n, 3 * n);
            assertThat(enc.gateCount()).isEqualTo(3 * n);
            assertThat(enc.inputs()).isEqualTo(9 * n);
            // building checks every pair has two distinct qubits in range
            Circuit ex = SampleCircuits.gateCircuit(SampleCircuits.GateType.EX, n, 3 * n);
            assertThat(ex.gateCount()).isEqualTo(3 * n);
            assertThat(ex.inputs()).isEqualTo(3 * n);
        }
        assertThatThrownBy(() -> SampleCircuits.layered(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputsAreReproducibleAndInRange() {
        double[] a = SampleCircuits.randomInputs(100, 7);
        assertThat(a).isEqualTo(SampleCircuits.randomInputs(100, 7));
        for (double x : a) assertThat(x).isBetween(-1.0, 1.0);
    }
}
