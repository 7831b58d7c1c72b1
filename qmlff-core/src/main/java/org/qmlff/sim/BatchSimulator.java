package org.qmlff.sim;

/**
 * Evaluates a batch of circuits of one shape — one {@link Circuit}, a different input vector each —
 * over a fixed set of threads, one single-threaded {@link Simulator} per thread. Meant for many small
 * circuits (one per atom); a single large circuit is better split inside one {@link Simulator}.
 *
 * <p>Batch arrays are flat and caller-owned, row i of each belonging to circuit i: with m =
 * {@code c.inputs()}, inputs {@code z[i·m .. (i+1)·m)}, directions {@code u[i·m ..]}, gradients
 * {@code grads[i·m ..]}, Hessian-vector products {@code hvps[i·m ..]}, values {@code values[i]}.
 * Circuit i is always evaluated the same way whichever thread takes it, so results are
 * bit-identical for any thread count. Calls allocate nothing (after each worker's first call of a
 * kind; see {@link Simulator}). Not thread-safe: one caller at a time.
 */
public final class BatchSimulator implements AutoCloseable {
    /** What a batch computes for each of its circuits. */
    private enum Quantity { EXPECTATION, GRADIENT, HVP }

    private final Simulator[] simulators;
    private final WorkerPool pool;
    private final Job job = new Job();

    /** A batch runner for circuits of up to {@code maxQubits} qubits on {@code threads} threads. */
    public BatchSimulator(int maxQubits, int threads) {
        this(maxQubits, threads, KernelKind.configured());
    }

    /** As {@link #BatchSimulator(int, int)} with the given kernels. */
    public BatchSimulator(int maxQubits, int threads, KernelKind kernels) {
        if (threads < 1) {
            throw new IllegalArgumentException("batch simulator: thread count must be at least 1, got " + threads);
        }
        this.simulators = new Simulator[threads];
        for (int w = 0; w < threads; w++) {
            simulators[w] = new Simulator(maxQubits, 1, kernels);
        }
        this.pool = threads > 1 ? new WorkerPool(threads, "qmlff-batch") : null;
    }

    /** The number of threads (the calling one included). */
    public int threads() {
        return simulators.length;
    }

    /** values[i] = ⟨O⟩ of circuit i, for i &lt; count. */
    public void expectations(Circuit c, Observable o, int count, double[] z, double[] values) {
        int m = c.inputs();
        checkRows("z", z, count, m);
        checkRows("values", values, count, 1);
        run(Quantity.EXPECTATION, c, o, count, z, null, values, null, null);
    }

    /** values[i] = ⟨O⟩ and row i of grads = ∂⟨O⟩/∂z of circuit i, for i &lt; count. */
    public void gradients(Circuit c, Observable o, int count, double[] z, double[] values, double[] grads) {
        int m = c.inputs();
        checkRows("z", z, count, m);
        checkRows("values", values, count, 1);
        checkRows("grads", grads, count, m);
        run(Quantity.GRADIENT, c, o, count, z, null, values, grads, null);
    }

    /**
     * values[i] = ⟨O⟩, row i of grads = ∂⟨O⟩/∂z and row i of hvps = H·u_i (u_i row i of u) of
     * circuit i, for i &lt; count.
     */
    public void hessianVectorProducts(Circuit c, Observable o, int count, double[] z, double[] u, double[] values,
                                      double[] grads, double[] hvps) {
        int m = c.inputs();
        checkRows("z", z, count, m);
        checkRows("u", u, count, m);
        checkRows("values", values, count, 1);
        checkRows("grads", grads, count, m);
        checkRows("hvps", hvps, count, m);
        run(Quantity.HVP, c, o, count, z, u, values, grads, hvps);
    }

    /** Releases the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private void run(Quantity mode, Circuit c, Observable o, int count, double[] z, double[] u, double[] values,
                     double[] grads, double[] hvps) {
        if (count == 0) {
            return;
        }
        // Validate once here, so that workers cannot fail half-way through a batch.
        if (c.qubits() > simulators[0].maxQubits()) {
            throw new IllegalArgumentException("batch simulator: the circuit has " + c.qubits()
                    + " qubits but this simulator was made for at most " + simulators[0].maxQubits());
        }
        o.checkQubits(c.qubits());
        job.set(mode, c, o, z, u, values, grads, hvps);
        if (pool == null || count == 1) {
            for (int i = 0; i < count; i++) {
                job.run(i, 0);
            }
        } else {
            pool.execute(job, count);
        }
    }

    private static void checkRows(String name, double[] array, int count, int rowLength) {
        if (count < 0) {
            throw new IllegalArgumentException("batch simulator: count " + count + " is negative");
        }
        if (array == null) {
            throw new IllegalArgumentException("batch simulator: array " + name + " is null");
        }
        if ((long) count * rowLength > array.length) {
            throw new IllegalArgumentException("batch simulator: array " + name + " has length " + array.length
                    + " but " + count + " rows of " + rowLength + " are needed");
        }
    }

    /** The batch in flight; set by the caller before dispatch, read-only for the workers. */
    private final class Job implements WorkerPool.Task {
        Quantity mode;
        Circuit circuit;
        Observable observable;
        double[] z;
        double[] u;
        double[] values;
        double[] grads;
        double[] hvps;

        void set(Quantity mode, Circuit c, Observable o, double[] z, double[] u, double[] values, double[] grads,
                 double[] hvps) {
            this.mode = mode;
            this.circuit = c;
            this.observable = o;
            this.z = z;
            this.u = u;
            this.values = values;
            this.grads = grads;
            this.hvps = hvps;
        }

        @Override
        public void run(int i, int worker) {
            Simulator sim = simulators[worker];
            int off = i * circuit.inputs();
            values[i] = switch (mode) {
                case EXPECTATION -> sim.expectation(circuit, observable, z, off);
                case GRADIENT -> sim.gradient(circuit, observable, z, off, grads, off);
                case HVP -> sim.hessianVectorProduct(circuit, observable, z, off, u, off, grads, off, hvps, off);
            };
        }
    }
}
