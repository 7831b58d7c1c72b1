package org.qmlff.sim;

/**
 * A Pauli string P on n qubits as bit masks, P|b⟩ = i^{yCount} (−1)^{|b ∧ zMask|} |b ⊕ xMask⟩ (basis index
 * b = Σ_q bit_q 2^(n−1−q); Y = iXZ, so a Y sets both masks). Shared by {@link Observable#pauli} and the
 * model readouts that evaluate Pauli strings themselves.
 *
 * @param xMask  the qubits with X or Y
 * @param zMask  the qubits with Z or Y
 * @param yCount the number of Y factors
 */
public record PauliMasks(int xMask, int zMask, int yCount) {

    /**
     * The masks of {@code paulis} ({@code paulis.charAt(q)} ∈ {I, X, Y, Z} for qubit q, length n ≤ 31);
     * {@link IllegalArgumentException} for any other letter.
     */
    public static PauliMasks of(String paulis) {
        int n = paulis.length();
        int x = 0;
        int z = 0;
        int y = 0;
        for (int q = 0; q < n; q++) {
            int bit = 1 << (n - 1 - q);
            switch (paulis.charAt(q)) {
                case 'I' -> { }
                case 'X' -> x |= bit;
                case 'Z' -> z |= bit;
                case 'Y' -> {
                    x |= bit;
                    z |= bit;
                    y++;
                }
                default -> throw new IllegalArgumentException("observable: Pauli string \"" + paulis
                        + "\" has '" + paulis.charAt(q) + "' at qubit " + q + " (expected I, X, Y or Z)");
            }
        }
        return new PauliMasks(x, z, y);
    }
}
