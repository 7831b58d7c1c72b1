package org.qmlff.sim;

import java.util.Arrays;

/**
 * Everything the chunked sweeps read and write, allocated once per simulator: the state vectors ψ, λ
 * and (from the first Hessian-vector product on) their tangents ψ̇, λ̇; the per-gate matrix slots of
 * {@link GateMatrices} (grown when a circuit with more gates than any before arrives); and the
 * per-chunk partial results of the reductions with their chunk-ordered sums.
 *
 * <p>Structure of arrays on purpose: the kernels stream over split (re, im) arrays. Vectors hold
 * 2^{@code maxQubits} amplitudes; a circuit of n qubits uses their first 2^n (basis index b =
 * Σ_q bit_q 2^{n−1−q}).
 */
final class SweepBuffers {
    /** Result slots of one reduction (a gate part's two 2×2 complex matrices). */
    static final int RESULT = 16;
    /** Most gate parts with reductions in one run (bounds the partial-sum storage). */
    static final int MAX_PARTS = 32;

    final double[] psiRe;
    final double[] psiIm;
    final double[] lamRe;
    final double[] lamIm;
    double[] dpsiRe;
    double[] dpsiIm;
    double[] dlamRe;
    double[] dlamIm;
    /** Per chunk: kernel scratch, then {@link #MAX_PARTS} result blocks of {@link #RESULT} doubles. */
    final double[] partials;
    /** Offset of the result blocks within a chunk's partials (after the kernels' scratch). */
    final int resultBase;
    /** Doubles of partials per chunk. */
    final int stride;
    /** The chunk-ordered sums of the last {@link #sumPartials}, {@link #RESULT} per gate part. */
    final double[] sums = new double[MAX_PARTS * RESULT];
    /** Gate matrices, {@link GateMatrices#SLOT} doubles per gate of the current circuit. */
    double[] slots = new double[0];
    /** Scratch of {@link GateMatrices}. */
    final double[] work = new double[GateMatrices.WORK];
    private final int maxQubits;

    /** Buffers for circuits of up to {@code maxQubits} qubits and kernels needing {@code scratch} doubles. */
    SweepBuffers(int maxQubits, int scratch) {
        this.maxQubits = maxQubits;
        int size = 1 << maxQubits;
        this.psiRe = new double[size];
        this.psiIm = new double[size];
        this.lamRe = new double[size];
        this.lamIm = new double[size];
        this.resultBase = scratch;
        this.stride = resultBase + MAX_PARTS * RESULT;
        this.partials = new double[ChunkDispatcher.chunks(maxQubits, Simulator.CHUNK_LOG) * stride];
    }

    /** Allocates the tangent vectors on first use (gradients never need them). */
    void ensureTangents() {
        if (dpsiRe == null) {
            int size = 1 << maxQubits;
            dpsiRe = new double[size];
            dpsiIm = new double[size];
            dlamRe = new double[size];
            dlamIm = new double[size];
        }
    }

    /** Computes the matrices of every parametric gate of {@code c} for this call (see {@link GateMatrices#prepare}). */
    void prepareGates(Circuit c, double[] z, int zOff, double[] u, int uOff, int level) {
        int need = c.gateCount() * GateMatrices.SLOT;
        if (slots.length < need) {
            slots = new double[need];
        }
        for (int k = c.firstParametric(); k < c.gateCount(); k++) {
            Gate g = c.gate(k);
            if (g.kind().parametric()) {
                GateMatrices.prepare(g, z, zOff, u, uOff, level, slots, k * GateMatrices.SLOT, work);
            }
        }
    }

    /** ψ ← |0…0⟩ over n qubits, and with {@code tangent} ψ̇ ← 0. */
    void resetState(int n, boolean tangent) {
        int size = 1 << n;
        Arrays.fill(psiRe, 0, size, 0.0);
        Arrays.fill(psiIm, 0, size, 0.0);
        psiRe[0] = 1.0;
        if (tangent) {
            Arrays.fill(dpsiRe, 0, size, 0.0);
            Arrays.fill(dpsiIm, 0, size, 0.0);
        }
    }

    /** sums[j] = Σ_chunks partial result j, chunks in order, for the results of {@code parts} gate parts. */
    void sumPartials(int chunkCount, int parts) {
        for (int j = 0; j < parts * RESULT; j++) {
            double s = 0;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                s += partials[chunk * stride + resultBase + j];
            }
            sums[j] = s;
        }
    }
}
