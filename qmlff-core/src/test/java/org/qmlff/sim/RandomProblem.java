package org.qmlff.sim;

import java.util.SplittableRandom;

/**
 * A random problem for the simulator tests: a random circuit (of every classic gate kind), a random
 * observable and inputs, drawn in that order from one generator seeded by the test. The generator is
 * kept for what the test draws after them, so that a seed stays the same case.
 *
 * @param circuit {@code spec} built once
 * @param z inputs uniform in ±zScale, one per input of the circuit
 */
record RandomProblem(SplittableRandom rng, CircuitSpec spec, Circuit circuit, ObservableSpec obs, double[] z) {

    /** A circuit of {@code gates} gates on n qubits, an observable and the inputs. */
    static RandomProblem draw(long seed, int n, int gates, double zScale) {
        return draw(new SplittableRandom(seed), n, gates, zScale);
    }

    /** As {@link #draw}, with a circuit of 1 to {@code maxGates} gates (the count drawn first). */
    static RandomProblem upTo(long seed, int n, int maxGates, double zScale) {
        SplittableRandom rng = new SplittableRandom(seed);
        return draw(rng, n, 1 + rng.nextInt(maxGates), zScale);
    }

    private static RandomProblem draw(SplittableRandom rng, int n, int gates, double zScale) {
        CircuitSpec spec = CircuitSpec.random(rng, n, gates);
        ObservableSpec obs = ObservableSpec.random(rng, n);
        return new RandomProblem(rng, spec, spec.build(), obs, CircuitSpec.uniform(rng, spec.inputs(), zScale));
    }

    /** The observable as the simulator takes it. */
    Observable observable() {
        return obs.observable();
    }
}
