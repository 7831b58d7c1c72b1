package org.qmlff.md.benchmark;

import org.qmlff.error.InputException;
import org.qmlff.md.MdState;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The dynamical state a {@link RunCheckpoint} keeps from its run's last completed block: the step, the
 * potential energy (kcal/mol), positions (Å), velocities (Å/fs) and forces (kcal/mol/Å). The arrays are the
 * snapshot's own (copied from the state); nobody writes them.
 */
record MdSnapshot(long step, double potential, double[] positions, double[] velocities, double[] forces) {

    /** Before the first capture: step 0, no arrays. */
    static final MdSnapshot NONE = new MdSnapshot(0, 0.0, new double[0], new double[0], new double[0]);

    /** A copy of the state of {@code s}. */
    static MdSnapshot of(MdState s) {
        return new MdSnapshot(s.step(), s.potentialEnergy(), s.positions().clone(), s.velocities().clone(),
                s.forces().clone());
    }

    /** Writes step, potential, positions, velocities and forces (doubles as their exact bits). */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(step);
        out.writeDouble(potential);
        writeArray(out, positions);
        writeArray(out, velocities);
        writeArray(out, forces);
    }

    /** Reads what {@link #write} wrote for {@code atoms} atoms. */
    static MdSnapshot read(DataInputStream in, int atoms, Path file) throws IOException {
        long step = in.readLong();
        double potential = in.readDouble();
        double[] x = readArray(in, 3 * atoms, file), v = readArray(in, 3 * atoms, file), f = readArray(in, 3 * atoms, file);
        return new MdSnapshot(step, potential, x, v, f);
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double d : a) out.writeDouble(d);
    }

    private static double[] readArray(DataInputStream in, int expected, Path file) throws IOException {
        int len = in.readInt();
        if (len != expected && len != 0)
            throw new InputException(file + ": checkpoint holds " + len + " coordinates, expected " + expected);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = in.readDouble();
        return a;
    }
}
