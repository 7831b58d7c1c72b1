package org.qmlff.hardware;

import org.qmlff.sim.GateInfo;

/**
 * The matrices of a circuit's gates with their inputs bound (row-major, interleaved (re, im); a two-qubit
 * gate in the local basis |pq⟩ = |00⟩, |01⟩, |10⟩, |11⟩), from the definitions of MODELS.md.
 */
final class GateMatrices {
    private GateMatrices() {
    }

    /** Ex(J) = e^{iJ}[cos 2J·I − i sin 2J·SWAP]: e^{−iJ} on |00⟩, |11⟩; e^{iJ}[[cos 2J, −i sin 2J], …] on |01⟩, |10⟩. */
    static double[] ex(double j) {
        double[] m = new double[32];
        double cr = Math.cos(j), ci = Math.sin(j);
        double c2 = Math.cos(2 * j), s2 = Math.sin(2 * j);
        m[0] = cr;
        m[1] = -ci;
        m[30] = cr;
        m[31] = -ci;
        // e^{iJ}·cos 2J on the diagonal of the middle block, e^{iJ}·(−i sin 2J) off it
        m[2 * 5] = cr * c2;
        m[2 * 5 + 1] = ci * c2;
        m[2 * 10] = cr * c2;
        m[2 * 10 + 1] = ci * c2;
        m[2 * 6] = ci * s2;
        m[2 * 6 + 1] = -cr * s2;
        m[2 * 9] = ci * s2;
        m[2 * 9 + 1] = -cr * s2;
        return m;
    }

    /** RZ(φ) = diag(e^{−iφ/2}, e^{iφ/2}). */
    static double[] rz(double phi) {
        double c = Math.cos(phi / 2), s = Math.sin(phi / 2);
        return new double[] {c, -s, 0, 0, 0, 0, c, s};
    }

    /** The bound matrix of gate g at inputs z. */
    static double[] of(GateInfo g, double[] z) {
        return switch (g.kind()) {
            case "enc" -> Su2.enc(z[g.input()], z[g.input() + 1], z[g.input() + 2]);
            case "ex" -> ex(z[g.input()]);
            case "rz" -> rz(z[g.input()]);
            case "tensor" -> throw Decomposition.tensorUnsupported(-1, "run by the hardware backends");
            default -> g.matrix();
        };
    }

    /** (H ⊗ I)·CNOT(p → q) on |pq⟩: the Bell-basis change; the singlet goes to |11⟩. */
    static double[] bellChange() {
        double h = Math.sqrt(0.5);
        // CNOT: |00⟩→|00⟩, |01⟩→|01⟩, |10⟩→|11⟩, |11⟩→|10⟩; then H on p.
        double[] re = {
            h, 0, 0, h,
            0, h, h, 0,
            h, 0, 0, -h,
            0, h, -h, 0};
        double[] m = new double[32];
        for (int k = 0; k < 16; k++) m[2 * k] = re[k];
        return m;
    }
}
