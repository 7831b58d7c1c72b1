package org.qmlff.sim;

/**
 * The parametric gates as functions of their inputs, written once for both simulator paths: the
 * chunked engine builds its 2×2 matrices from these ({@link GateMatrices}), the small-circuit path
 * ({@link SmallSimulator}) uses them directly.
 *
 * <ul>
 *   <li>Enc(v) = exp(−i v·σ/2) = C I − i S (v·σ), C and S functions of t = |v|² ({@link EncFunctions});
 *       its generators G†∂_aG = −(i/2) Σ_b c_ab σ_b in closed form, and their derivative ċ along u.</li>
 *   <li>Ex(J) = α P_s + β P_a (P_s, P_a the projectors on the symmetric and antisymmetric two-qubit
 *       states), α = e^{−iJ}, β = e^{3iJ}.</li>
 *   <li>RZ(φ) = diag(e, ē), e = e^{−iφ/2}.</li>
 * </ul>
 * Two quantities are computed two ways, on purpose and documented where they are: the chunked engine
 * takes c_ab from its matrices (G†∂_aG, by 2×2 products) and β from cos 3J, sin 3J, while the small path
 * uses the closed form for c_ab and β = ᾱ³ (two complex products instead of two trigonometric calls).
 * Both agree to rounding ({@code GateFormulasTest}); each path keeps its own so that results stay
 * bit-for-bit what they were.
 *
 * <p>All methods write into caller-owned arrays and allocate nothing.
 */
final class GateFormulas {
    /** Doubles of the Enc function values fn = (C, S, S', S''). */
    static final int ENC_FUNCTIONS = 4;

    private GateFormulas() {
    }

    /**
     * Enc(v) = a I − i b·σ: evaluates fn = (C, S, S', S'') at t = |v|² and writes (a, bx, by, bz) =
     * (C, S v) to out[o .. o + 4). fn and out may be the same array at disjoint offsets.
     */
    static void enc(double vx, double vy, double vz, double[] fn, double[] out, int o) {
        EncFunctions.evaluate(vx * vx + vy * vy + vz * vz, fn);
        double s = fn[1];
        out[o] = fn[0];
        out[o + 1] = s * vx;
        out[o + 2] = s * vy;
        out[o + 3] = s * vz;
    }

    /**
     * The closed-form generator coefficients of Enc at v: G†∂_aG = −(i/2) Σ_b c_ab σ_b, c row-major 3×3
     * (row a = input a) at out[o ..], with fn from {@link #enc}. From ∂_aG = −(S/2)v_a I − i(2S'v_a v +
     * S e_a)·σ and (v·σ)(q·σ) = (v·q) I + i(v×q)·σ; the identity part vanishes because S' t = C/4 − S/2.
     * In θ = |v|: 2CS = sin θ/θ, 4CS' + S² = (1 − sin θ/θ)/θ², 2S² = (1 − cos θ)/θ², all entire in t,
     * hence smooth at v = 0.
     */
    static void encGenerator(double[] fn, double vx, double vy, double vz, double[] out, int o) {
        double cc = fn[0];
        double s = fn[1];
        double s1 = fn[2];
        double diag = 2 * cc * s;
        double outer = 4 * cc * s1 + s * s;
        double cross = 2 * s * s;
        encMatrix(diag, outer, cross, vx, vy, vz, out, o);
    }

    /**
     * ċ = (d/du) c of {@link #encGenerator} at v along u, row-major 3×3 at out[o ..]: the t-derivatives
     * (C' = −S/4) times dt/du = 2 u·v, plus the terms from v → u, ċ_ab = 2uv[diag' δ_ab + outer' v_a v_b −
     * cross' ε_abc v_c] + outer (u_a v_b + v_a u_b) − cross ε_abc u_c.
     */
    static void encGeneratorTangent(double[] fn, double vx, double vy, double vz, double ux, double uy, double uz,
                                    double[] out, int o) {
        double cc = fn[0];
        double s = fn[1];
        double s1 = fn[2];
        double s2 = fn[3];
        double outer = 4 * cc * s1 + s * s;
        double cross = 2 * s * s;
        double uv = ux * vx + uy * vy + uz * vz;
        double dDiag = 2 * uv * (2 * cc * s1 - 0.5 * s * s);
        double dOuter = 2 * uv * (s * s1 + 4 * cc * s2);
        double dCross = 2 * uv * (4 * s * s1);
        encMatrix(dDiag, dOuter, dCross, vx, vy, vz, out, o);
        out[o] += 2 * outer * ux * vx;
        out[o + 1] += outer * (ux * vy + vx * uy) - cross * uz;
        out[o + 2] += outer * (ux * vz + vx * uz) + cross * uy;
        out[o + 3] += outer * (uy * vx + vy * ux) + cross * uz;
        out[o + 4] += 2 * outer * uy * vy;
        out[o + 5] += outer * (uy * vz + vy * uz) - cross * ux;
        out[o + 6] += outer * (uz * vx + vz * ux) - cross * uy;
        out[o + 7] += outer * (uz * vy + vz * uy) + cross * ux;
        out[o + 8] += 2 * outer * uz * vz;
    }

    /** out = diag·I + outer·v vᵀ − cross·[ε_abc v_c]_ab, row-major 3×3. */
    private static void encMatrix(double diag, double outer, double cross, double vx, double vy, double vz,
                                  double[] out, int o) {
        out[o] = diag + outer * vx * vx;
        out[o + 1] = outer * vx * vy - cross * vz;
        out[o + 2] = outer * vx * vz + cross * vy;
        out[o + 3] = outer * vy * vx + cross * vz;
        out[o + 4] = diag + outer * vy * vy;
        out[o + 5] = outer * vy * vz - cross * vx;
        out[o + 6] = outer * vz * vx - cross * vy;
        out[o + 7] = outer * vz * vy + cross * vx;
        out[o + 8] = diag + outer * vz * vz;
    }

    /** Ex(J)'s eigenphases as (αr, αi, βr, βi) at out[o ..]: α = e^{−iJ}, β = e^{3iJ} = ᾱ³ (by products). */
    static void exPhases(double j, double[] out, int o) {
        double cj = Math.cos(j);
        double sj = Math.sin(j);
        double qr = cj * cj - sj * sj;
        double qi = 2 * cj * sj;
        out[o] = cj;
        out[o + 1] = -sj;
        out[o + 2] = qr * cj - qi * sj;
        out[o + 3] = qr * sj + qi * cj;
    }

    /** Ex(J)'s eigenphases as in {@link #exPhases}, β from cos 3J and sin 3J (the chunked engine's rounding). */
    static void exPhasesByTripleAngle(double j, double[] out, int o) {
        out[o] = Math.cos(j);
        out[o + 1] = -Math.sin(j);
        out[o + 2] = Math.cos(3 * j);
        out[o + 3] = Math.sin(3 * j);
    }

    /** RZ(φ)'s phase e = e^{−iφ/2} as (er, ei) at out[o ..]. */
    static void rzPhase(double phi, double[] out, int o) {
        double half = 0.5 * phi;
        out[o] = Math.cos(half);
        out[o + 1] = -Math.sin(half);
    }
}
