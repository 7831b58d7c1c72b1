package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;
import org.qmlff.data.AtomicFiles;
import org.qmlff.md.MdState;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The saved state of a {@link StabilityRun}: the dynamical state after its last completed block
 * ({@link MdSnapshot}: positions, velocities, forces, potential, step), the h(r) counts so far, the failure if any,
 * and bookkeeping (force evaluations, wall time). Binary ({@link DataOutputStream}, doubles as their
 * exact bits), written atomically; the identity line guards against resuming under other settings.
 */
final class RunCheckpoint {
    private static final String MAGIC = "qmlff-md-benchmark-run 1";

    private final String identity;
    private final DistanceHistogram histogram;
    private boolean finished;
    private boolean failed;
    private long failureStep = -1;
    private String reason;
    private MdSnapshot dynamics = MdSnapshot.NONE;
    private long wallNanos;
    private long evaluations;

    private RunCheckpoint(String identity, DistanceHistogram histogram) {
        this.identity = identity;
        this.histogram = histogram;
    }

    static RunCheckpoint fresh(String identity, DistanceGrid grid) {
        return new RunCheckpoint(identity, new DistanceHistogram(grid));
    }

    void fail(long atStep, String why) {
        failed = true;
        finished = true;
        failureStep = atStep;
        reason = why;
    }

    void finish() {
        finished = true;
    }

    void addWall(long nanos) {
        wallNanos += nanos;
    }

    /** Copies the state and adds the evaluations of the segment just run. */
    void capture(MdState s, long segmentEvaluations) {
        dynamics = MdSnapshot.of(s);
        evaluations += segmentEvaluations;
    }

    boolean finished() {
        return finished;
    }

    boolean failed() {
        return failed;
    }

    long failureStep() {
        return failureStep;
    }

    String reason() {
        return reason;
    }

    /** The dynamical state after the last completed block. */
    MdSnapshot dynamics() {
        return dynamics;
    }

    long step() {
        return dynamics.step();
    }

    double[] positions() {
        return dynamics.positions();
    }

    double[] velocities() {
        return dynamics.velocities();
    }

    DistanceHistogram histogram() {
        return histogram;
    }

    long wallNanos() {
        return wallNanos;
    }

    long evaluations() {
        return evaluations;
    }

    void write(Path file) {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(os);
            out.writeUTF(MAGIC);
            out.writeUTF(identity);
            out.writeBoolean(finished);
            out.writeBoolean(failed);
            out.writeLong(failureStep);
            out.writeUTF(reason == null ? "" : reason);
            dynamics.write(out);
            long[] counts = histogram.counts();
            out.writeInt(counts.length);
            for (long c : counts) out.writeLong(c);
            out.writeLong(histogram.pairs());
            out.writeLong(histogram.frames());
            out.writeLong(wallNanos);
            out.writeLong(evaluations);
            out.flush();
        });
    }

    /**
     * Reads a checkpoint written for {@code identity}.
     *
     * @throws IllegalArgumentException if the file is not a checkpoint, is damaged, or belongs to other settings
     */
    static RunCheckpoint read(Path file, String identity, DistanceGrid grid, int atoms) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) throw new InputException(file + ": not a qmlff md-benchmark checkpoint");
            String id = in.readUTF();
            if (!id.equals(identity))
                throw new InputException(file + ": checkpoint of other settings (" + id + "); expected " + identity);
            boolean finished = in.readBoolean();
            boolean failed = in.readBoolean();
            long failureStep = in.readLong();
            String reason = in.readUTF();
            MdSnapshot dynamics = MdSnapshot.read(in, atoms, file);
            int bins = in.readInt();
            if (bins != grid.bins()) throw new InputException(file + ": histogram of " + bins + " bins, expected " + grid.bins());
            long[] counts = new long[bins];
            for (int b = 0; b < bins; b++) counts[b] = in.readLong();
            long pairs = in.readLong(), frames = in.readLong();
            RunCheckpoint cp = new RunCheckpoint(identity, DistanceHistogram.restore(grid, counts, pairs, frames));
            cp.finished = finished;
            cp.failed = failed;
            cp.failureStep = failureStep;
            cp.reason = failed ? reason : null;
            cp.dynamics = dynamics;
            cp.wallNanos = in.readLong();
            cp.evaluations = in.readLong();
            return cp;
        } catch (EOFException e) {
            throw new InputException(file + ": checkpoint is truncated; delete it to restart that run");
        }
    }
}
