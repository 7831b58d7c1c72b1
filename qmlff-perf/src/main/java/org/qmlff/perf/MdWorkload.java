package org.qmlff.perf;

import org.qmlff.data.Dataset;
import org.qmlff.model.ForceField;

/**
 * What one molecular-dynamics step asks of the force field: energy and forces of one configuration,
 * on the calling thread. Successive calls cycle through the first frames of the data (copying a
 * frame's positions costs a few nanoseconds per atom, nothing next to the evaluation).
 */
public final class MdWorkload implements Workload {
    private final ForceField model;
    private final ForceField.Scratch scratch;
    private final Dataset data;
    private final int[] numbers;
    private final double[] positions;
    private final double[] forces;
    private final int cycle;
    private int frame;

    /** @param cycle how many leading frames the calls cycle through, 1..frames */
    public MdWorkload(ForceField model, Dataset data, int cycle) {
        if (cycle < 1 || cycle > data.frames())
            throw new IllegalArgumentException("cycle of " + cycle + " frames needs 1.." + data.frames() + " frames");
        model.checkCompatible(data.numbers());
        this.model = model;
        this.scratch = model.newScratch();
        this.data = data;
        this.numbers = data.numbers();
        this.positions = new double[3 * data.atoms()];
        this.forces = new double[3 * data.atoms()];
        this.cycle = cycle;
    }

    /** Energy (kcal/mol) of the next configuration plus one force component, so both are used. */
    @Override
    public double call() {
        data.copyPositions(frame, positions);
        frame = frame + 1 == cycle ? 0 : frame + 1;
        return model.energyAndForces(numbers, positions, forces, scratch) + forces[0];
    }
}
