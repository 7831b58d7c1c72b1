package org.qmlff.model;

/**
 * Forward-mode simulation of a rich atomic circuit: the final state ψ(z) and its tangent ψ̇ = Σ_t u_t
 * ∂ψ/∂z_t along an input direction u, exactly. The rich model needs ψ̇ for the readout weights'
 * part of the training gradient (∂/∂c_o of g·u = 2 Re⟨ψ|O_o|ψ̇⟩ for every readout observable O_o),
 * which the simulator's adjoint passes (one summed observable) do not provide.
 *
 * <p>The circuit is the one of docs/RICH.md: singlets on (0,1), (2,3), …; then the gate list given to
 * the constructor, each entry Enc on a qubit (three inputs) or Ex on a qubit pair (one input), with the
 * conventions of MODELS.md. Gates: G ψ with tangent Ġψ + Gψ̇; Enc(v) = C I − i S v·σ (t = |v|²,
 * C = cos(√t/2), S = sin(√t/2)/√t, Ċ = −S ṫ/4, Ṡ = S'(t) ṫ, ṫ = 2 v·v̇), Ex(J): Ġ = −i J̇ H G with
 * H = 2 SWAP − I.
 *
 * <p>Not thread-safe (one per thread); allocates nothing per call.
 */
final class RichTangentState {
    private final int nq;
    private final int size;
    /** Per gate: kind (0 Enc, 1 Ex), first qubit, second qubit (−1), first input. */
    private final int[] kind;
    private final int[] qa;
    private final int[] qb;
    private final int[] input;
    final double[] re;
    final double[] im;
    final double[] dre;
    final double[] dim;

    RichTangentState(int nq, int[] kind, int[] qa, int[] qb, int[] input) {
        for (int k : kind)
            if (k != 0 && k != 1) throw new IllegalArgumentException("RichTangentState runs Enc and Ex gates only, got kind " + k);
        this.nq = nq;
        this.size = 1 << nq;
        this.kind = kind.clone();
        this.qa = qa.clone();
        this.qb = qb.clone();
        this.input = input.clone();
        re = new double[size];
        im = new double[size];
        dre = new double[size];
        dim = new double[size];
    }

    /** Runs the circuit at z with tangent direction u; the results are in re, im, dre, dim. */
    void run(double[] z, double[] u) {
        double amp = Math.pow(Math.sqrt(0.5), nq / 2);
        for (int b = 0; b < size; b++) {
            double a = amp;
            for (int q = 0; q + 1 < nq; q += 2) {
                int bp = (b >> (nq - 1 - q)) & 1, bq = (b >> (nq - 2 - q)) & 1;
                if (bp == bq) {
                    a = 0;
                    break;
                }
                if (bp == 1) a = -a;
            }
            re[b] = a;
            im[b] = 0;
            dre[b] = 0;
            dim[b] = 0;
        }
        for (int g = 0; g < kind.length; g++) {
            if (kind[g] == 0) enc(qa[g], z, u, input[g]);
            else ex(qa[g], qb[g], z[input[g]], u[input[g]]);
        }
    }

    private void enc(int q, double[] z, double[] u, int at) {
        double vx = z[at], vy = z[at + 1], vz = z[at + 2];
        double wx = u[at], wy = u[at + 1], wz = u[at + 2];
        double t = vx * vx + vy * vy + vz * vz;
        double dt = 2 * (vx * wx + vy * wy + vz * wz);
        double c, s, s1;
        if (t < 4) {
            // S = Σ a_k t^k, a_k = (−1)^k / (2·4^k·(2k+1)!); C = Σ (−1)^k t^k / (4^k (2k)!)
            c = 0;
            s = 0;
            s1 = 0;
            double ak = 0.5, ck = 1, tk = 1, tk1 = 0;
            for (int k = 0; k <= 16; k++) {
                s += ak * tk;
                c += ck * tk;
                s1 += k * ak * tk1;
                tk1 = tk;
                tk *= t;
                ak *= -1.0 / (4.0 * (2 * k + 2) * (2 * k + 3));
                ck *= -1.0 / (4.0 * (2 * k + 1) * (2 * k + 2));
            }
        } else {
            double th = Math.sqrt(t);
            c = Math.cos(th / 2);
            s = Math.sin(th / 2) / th;
            s1 = (c - 2 * s) / (4 * t);
        }
        double dc = -s * dt / 4, ds = s1 * dt;
        double bx = s * vx, by = s * vy, bz = s * vz;
        double ex = ds * vx + s * wx, ey = ds * vy + s * wy, ez = ds * vz + s * wz;
        int m = 1 << (nq - 1 - q);
        for (int b0 = 0; b0 < size; b0++) {
            if ((b0 & m) != 0) continue;
            int b1 = b0 | m;
            double x0r = re[b0], x0i = im[b0], x1r = re[b1], x1i = im[b1];
            double y0r = dre[b0], y0i = dim[b0], y1r = dre[b1], y1i = dim[b1];
            // (a I − i b·σ) applied to (x0, x1): new0 = (a − i bz) x0 + (−by − i bx) x1, new1 = (by − i bx) x0 + (a + i bz) x1
            double n0r = c * x0r + bz * x0i - by * x1r + bx * x1i;
            double n0i = c * x0i - bz * x0r - by * x1i - bx * x1r;
            double n1r = by * x0r + bx * x0i + c * x1r - bz * x1i;
            double n1i = by * x0i - bx * x0r + c * x1i + bz * x1r;
            double t0r = c * y0r + bz * y0i - by * y1r + bx * y1i + dc * x0r + ez * x0i - ey * x1r + ex * x1i;
            double t0i = c * y0i - bz * y0r - by * y1i - bx * y1r + dc * x0i - ez * x0r - ey * x1i - ex * x1r;
            double t1r = by * y0r + bx * y0i + c * y1r - bz * y1i + ey * x0r + ex * x0i + dc * x1r - ez * x1i;
            double t1i = by * y0i - bx * y0r + c * y1i + bz * y1r + ey * x0i - ex * x0r + dc * x1i + ez * x1r;
            re[b0] = n0r;
            im[b0] = n0i;
            re[b1] = n1r;
            im[b1] = n1i;
            dre[b0] = t0r;
            dim[b0] = t0i;
            dre[b1] = t1r;
            dim[b1] = t1i;
        }
    }

    private void ex(int p, int q, double j, double dj) {
        int mp = 1 << (nq - 1 - p), mq = 1 << (nq - 1 - q);
        // G = e^{−iJ} on |00⟩, |11⟩ and e^{iJ}[[cos 2J, −i sin 2J], [−i sin 2J, cos 2J]] on (|01⟩, |10⟩); H = 1 and
        // [[−1, 2], [2, −1]] there.
        double er = Math.cos(j), ei = -Math.sin(j);
        double c2 = Math.cos(2 * j), s2 = Math.sin(2 * j);
        double ar = er * c2, ai = -ei * c2; // e^{iJ} cos 2J
        double br = s2 * Math.sin(j), bi = -s2 * Math.cos(j); // e^{iJ}·(−i sin 2J) = sin 2J·(sin J − i cos J)
        for (int b = 0; b < size; b++) {
            boolean hp = (b & mp) != 0, hq = (b & mq) != 0;
            if (hp == hq) {
                double xr = re[b], xi = im[b];
                double nr = er * xr - ei * xi, ni = er * xi + ei * xr;
                double yr = dre[b], yi = dim[b];
                double tr = er * yr - ei * yi, ti = er * yi + ei * yr;
                // − i J̇ · 1 · (G x)
                tr += dj * ni;
                ti -= dj * nr;
                re[b] = nr;
                im[b] = ni;
                dre[b] = tr;
                dim[b] = ti;
            } else if (hp) {
                int b1 = b ^ mp ^ mq; // the |01⟩ partner (p = 0, q = 1) of this |10⟩ index
                int b0 = b;
                // order: first = |01⟩ = b1, second = |10⟩ = b0
                double x1r = re[b1], x1i = im[b1], x2r = re[b0], x2i = im[b0];
                double n1r = ar * x1r - ai * x1i + br * x2r - bi * x2i;
                double n1i = ar * x1i + ai * x1r + br * x2i + bi * x2r;
                double n2r = br * x1r - bi * x1i + ar * x2r - ai * x2i;
                double n2i = br * x1i + bi * x1r + ar * x2i + ai * x2r;
                double y1r = dre[b1], y1i = dim[b1], y2r = dre[b0], y2i = dim[b0];
                double t1r = ar * y1r - ai * y1i + br * y2r - bi * y2i;
                double t1i = ar * y1i + ai * y1r + br * y2i + bi * y2r;
                double t2r = br * y1r - bi * y1i + ar * y2r - ai * y2i;
                double t2i = br * y1i + bi * y1r + ar * y2i + ai * y2r;
                // − i J̇ H (G x), H = [[−1, 2], [2, −1]]
                double h1r = -n1r + 2 * n2r, h1i = -n1i + 2 * n2i;
                double h2r = 2 * n1r - n2r, h2i = 2 * n1i - n2i;
                t1r += dj * h1i;
                t1i -= dj * h1r;
                t2r += dj * h2i;
                t2i -= dj * h2r;
                re[b1] = n1r;
                im[b1] = n1i;
                re[b0] = n2r;
                im[b0] = n2i;
                dre[b1] = t1r;
                dim[b1] = t1i;
                dre[b0] = t2r;
                dim[b0] = t2i;
            }
        }
    }
}
