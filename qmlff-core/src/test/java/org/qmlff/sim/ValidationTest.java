package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input gives one clear IllegalArgumentException saying what and where. */
class ValidationTest {
    private static final double[] X = {0, 1, 1, 0};

    @Test
    void circuitBuilderChecksItsArguments() {
        assertThatThrownBy(() -> Circuit.builder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qubit count 0");
        assertThatThrownBy(() -> Circuit.builder(25)).isInstanceOf(IllegalArgumentException.class);
        Circuit.Builder b = Circuit.builder(3).enc(0, 0);
        assertThatThrownBy(() -> b.enc(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enc (gate 1)").hasMessageContaining("qubit 3");
        assertThatThrownBy(() -> b.ex(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both qubits are 1");
        assertThatThrownBy(() -> b.rz(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input index -1");
        assertThatThrownBy(() -> b.gate1(0, new double[] {1, 1, 0, 1}, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not unitary");
        assertThatThrownBy(() -> b.gate2(0, 1, X, new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 real");
        assertThatThrownBy(() -> b.gate1(0, new double[] {Double.NaN, 0, 0, 1}, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void circuitReportsShape() {
        Circuit c = Circuit.builder(3).singlet(0, 1).enc(2, 4).ex(0, 2, 9).rz(1, 2).gate1(0, X, new double[4]).build();
        assertThat(c.qubits()).isEqualTo(3);
        assertThat(c.gateCount()).isEqualTo(5);
        assertThat(c.inputs()).isEqualTo(10);
        assertThat(Circuit.builder(2).singlet(0, 1).build().inputs()).isZero();
    }

    @Test
    void observablesCheckTheirArguments() {
        assertThatThrownBy(() -> Observable.pauli(1, "XQ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Q' at qubit 1");
        assertThatThrownBy(() -> Observable.pauli(1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Observable.heisenberg(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Observable.heisenbergMean(new int[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Observable.pauli(1, "XX").plus(Observable.pauli(1, "XXX")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths 2 and 3");
        assertThatThrownBy(() -> Observable.pauli(1, "ZZ").plus(Observable.heisenberg(0, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatorChecksSizes() {
        Circuit c = Circuit.builder(3).enc(0, 0).ex(1, 2, 3).build();
        try (Simulator sim = new Simulator(3)) {
            assertThatThrownBy(() -> sim.expectation(c, Observable.pauli(1, "ZZ"), new double[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 qubits");
            assertThatThrownBy(() -> sim.expectation(c, Observable.heisenberg(0, 3), new double[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qubit 3");
            assertThatThrownBy(() -> sim.expectation(c, Observable.heisenberg(0, 1), new double[3]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array z");
            assertThatThrownBy(() -> sim.gradient(c, Observable.heisenberg(0, 1), new double[4], new double[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array grad");
            assertThatThrownBy(() -> sim.hessianVectorProduct(c, Observable.heisenberg(0, 1), new double[4],
                    new double[4], new double[4], new double[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("array hvp");
        }
        try (Simulator small = new Simulator(2)) {
            assertThatThrownBy(() -> small.expectation(c, Observable.heisenberg(0, 1), new double[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2");
        }
        assertThatThrownBy(() -> new Simulator(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Simulator(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kernelPropertySelectsOrRejects() {
        String old = System.getProperty(KernelKind.PROPERTY);
        try {
            System.setProperty(KernelKind.PROPERTY, "scalar");
            assertThat(KernelKind.configured()).isEqualTo(KernelKind.SCALAR);
            try (Simulator sim = new Simulator(8)) {
                assertThat(sim.kernelName()).isEqualTo("scalar");
            }
            System.setProperty(KernelKind.PROPERTY, "Vector");
            assertThat(KernelKind.configured()).isEqualTo(KernelKind.VECTOR);
            System.setProperty(KernelKind.PROPERTY, "fast");
            assertThatThrownBy(KernelKind::configured).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("qmlff.sim.kernels=fast");
        } finally {
            if (old == null) {
                System.clearProperty(KernelKind.PROPERTY);
            } else {
                System.setProperty(KernelKind.PROPERTY, old);
            }
        }
    }
}
