package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.qmlff.sim.kernel.VectorKernels;

/**
 * The kernel-choice rules of {@link KernelPolicy}, written out as the table they promise (not
 * recomputed the way the policy computes them), and {@link PlanRouting} applying them once per plan.
 */
class KernelPolicyTest {
    private static final double[] H = {Math.sqrt(0.5), 0, Math.sqrt(0.5), 0, Math.sqrt(0.5), 0, -Math.sqrt(0.5), 0};

    @Test
    void smallCircuitsTakeTheSmallPath() {
        assertThat(KernelPolicy.smallCircuit(1)).isTrue();
        assertThat(KernelPolicy.smallCircuit(SmallSimulator.MAX_QUBITS)).isTrue();
        assertThat(KernelPolicy.smallCircuit(SmallSimulator.MAX_QUBITS + 1)).isFalse();
    }

    @Test
    void scalarPolicyRoutesEveryOneQubitGateThroughPauliReductions() {
        KernelPolicy policy = new KernelPolicy(KernelKind.SCALAR);
        int n = 16;
        for (int q = 0; q < n; q++) {
            assertThat(policy.route(enc(n, q), n)).as("Enc on qubit %d", q).isEqualTo(GateRoute.PAULI);
            assertThat(policy.route(rz(n, q), n)).as("RZ on qubit %d", q).isEqualTo(GateRoute.PAULI);
            assertThat(policy.route(dense1(n, q), n)).as("fixed gate on qubit %d", q).isEqualTo(GateRoute.FIXED);
        }
        assertThat(policy.kernelsFor(n).name()).isEqualTo("scalar");
        assertThat(policy.kernelsFor(KernelPolicy.VECTOR_MIN_QUBITS - 1).name()).isEqualTo("scalar");
    }

    @Test
    void exIsStructuredOnlyWithBothBitsInsideTheSmallestChunk() {
        for (KernelKind kind : availableKinds()) {
            KernelPolicy policy = new KernelPolicy(kind);
            int n = 16;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    if (p == q) {
                        continue;
                    }
                    // bits n−1−p, n−1−q: both below CHUNK_LOG = 13 exactly when both qubits are above n − 1 − 13
                    boolean inside = Math.max(n - 1 - p, n - 1 - q) < Simulator.CHUNK_LOG;
                    GateRoute expected = inside ? GateRoute.EX_STRUCTURED : GateRoute.EX_PAIRS;
                    assertThat(policy.route(ex(n, p, q), n)).as("%s: Ex(%d, %d)", kind, p, q).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void vectorPolicyUsesPauliReductionsFromOneVectorOfStrideOn() {
        assumeTrue(KernelKind.vectorAvailable(), "the vector module is not present");
        KernelPolicy policy = new KernelPolicy(KernelKind.VECTOR);
        int lanes = VectorKernels.lanes();
        int n = 12;
        assertThat(policy.kernelsFor(n).name()).isEqualTo("vector");
        for (int q = 0; q < n; q++) {
            int bit = n - 1 - q;
            GateRoute expected = (1 << bit) >= lanes ? GateRoute.PAULI : GateRoute.MATRIX;
            assertThat(policy.route(enc(n, q), n)).as("Enc on bit %d, %d lanes", bit, lanes).isEqualTo(expected);
        }
        // below VECTOR_MIN_QUBITS the scalar kernels run, and with them the Pauli reductions on every bit
        int small = KernelPolicy.VECTOR_MIN_QUBITS - 1;
        assertThat(policy.kernelsFor(small).name()).isEqualTo("scalar");
        for (int q = 0; q < small; q++) {
            assertThat(policy.route(enc(small, q), small)).as("Enc on qubit %d of %d", q, small)
                    .isEqualTo(GateRoute.PAULI);
        }
        assertThat(policy.kernelsFor(KernelPolicy.VECTOR_MIN_QUBITS).name()).isEqualTo("vector");
    }

    @Test
    void routingFollowsThePlanItIsGiven() {
        for (KernelKind kind : availableKinds()) {
            KernelPolicy policy = new KernelPolicy(kind);
            PlanRouting routing = new PlanRouting(policy);
            Observable o = Observable.heisenberg(0, 1);
            ExecutionPlan big = SampleCircuits.layered(16, 3).plan(o, Simulator.CHUNK_LOG);
            ExecutionPlan smaller = SampleCircuits.layered(8, 3).plan(o, Simulator.CHUNK_LOG);
            for (ExecutionPlan plan : new ExecutionPlan[] {big, smaller, big}) {
                routing.route(plan);
                Circuit c = plan.circuit();
                int n = c.qubits();
                assertThat(routing.kernels()).isSameAs(policy.kernelsFor(n));
                int parts = 0;
                for (int k = 0; k < c.gateCount(); k++) {
                    assertThat(routing.route(k)).as("%s, %d qubits, gate %d", kind, n, k)
                            .isEqualTo(policy.route(c.gate(k), n));
                    assertThat(routing.parts(k)).isEqualTo(routing.route(k).parts);
                    parts += routing.parts(k);
                }
                assertThat(parts).as("some gates have reductions").isPositive();
            }
        }
    }

    private static KernelKind[] availableKinds() {
        return KernelKind.vectorAvailable() ? KernelKind.values() : new KernelKind[] {KernelKind.SCALAR};
    }

    private static Gate enc(int n, int q) {
        return Circuit.builder(n).enc(q, 0).build().gate(0);
    }

    private static Gate rz(int n, int q) {
        return Circuit.builder(n).rz(q, 0).build().gate(0);
    }

    private static Gate ex(int n, int p, int q) {
        return Circuit.builder(n).ex(p, q, 0).build().gate(0);
    }

    private static Gate dense1(int n, int q) {
        double[] re = {H[0], H[2], H[4], H[6]};
        return Circuit.builder(n).gate1(q, re, new double[4]).build().gate(0);
    }
}
