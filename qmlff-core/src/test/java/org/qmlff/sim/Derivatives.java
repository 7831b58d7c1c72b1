package org.qmlff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ⟨O⟩, its gradient and H·u from one {@link Simulator#hessianVectorProduct} call, for tests that compare two runs. */
record Derivatives(double value, double[] gradient, double[] hvp) {

    static Derivatives of(Simulator sim, Circuit c, Observable o, double[] z, double[] u) {
        double[] g = new double[c.inputs()];
        double[] h = new double[c.inputs()];
        double value = sim.hessianVectorProduct(c, o, z, u, g, h);
        return new Derivatives(value, g, h);
    }

    /** Every quantity of this run within {@code tol} of {@code reference}'s. */
    void assertCloseTo(Derivatives reference, double tol, String what) {
        assertThat(value).as(what + " value").isCloseTo(reference.value, within(tol));
        OracleTest.assertClose(gradient, reference.gradient, what + " gradient", tol);
        OracleTest.assertClose(hvp, reference.hvp, what + " H·u", tol);
    }
}
