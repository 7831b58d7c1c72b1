package org.qmlff.perf;

/** What a circuit benchmark computes per circuit. */
public enum Derivative {
    /** ⟨O⟩ only ({@code Simulator.expectation}). */
    FORWARD("forward"),
    /** ⟨O⟩ and ∇⟨O⟩ ({@code Simulator.gradient}, adjoint). */
    GRADIENT("gradient"),
    /** ⟨O⟩, ∇⟨O⟩ and H·u ({@code Simulator.hessianVectorProduct}). */
    HVP("hvp");

    private final String label;

    Derivative(String label) {
        this.label = label;
    }

    /** The suffix of benchmark names ({@code le-d6-hvp}). */
    public String label() {
        return label;
    }
}
