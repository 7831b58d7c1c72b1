package org.qmlff.ipi;

import org.qmlff.data.Units;

import org.qmlff.error.InputException;
import org.qmlff.model.ForceField;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An i-PI driver serving one molecule's energies and forces from a {@link ForceField} (protocol
 * and units: see the package description and {@link org.qmlff.data.Units#ASE_ANGSTROM_PER_BOHR}).
 *
 * <p>The server only sends positions, so the client is given the atomic numbers, in the server's
 * atom order. States: the client answers {@code NEEDINIT} until it receives {@code INIT} (whose
 * content it does not need), then {@code READY}; after {@code POSDATA} it computes at once and
 * answers {@code HAVEDATA} until {@code GETFORCE} collects the result. {@code POSDATA} is also
 * accepted before {@code INIT} (some servers skip it). The cell is read and ignored: qmlff's models
 * describe isolated molecules. The virial is sent as zero, as ASE does for non-periodic systems.
 * The extra-data string is empty.
 *
 * <p>Errors end the session with an {@link IpiException}: an unknown or out-of-order message, a
 * wrong atom count, non-finite positions, a non-finite energy or force from the model, a server that
 * stays silent for longer than the timeout, or a connection closed in the middle of a message. A
 * connection closed between messages ends the session normally (ASE's server closes without EXIT).
 */
public final class IpiClient {
    static final int HEADER = 12;
    /** Largest INIT string accepted; real ones are a few bytes to a few kilobytes. */
    static final int MAX_INIT_BYTES = 1 << 20;

    private final ForceField forceField;
    private final int[] numbers;
    private final Duration timeout;

    /**
     * @param numbers atomic numbers in the server's atom order
     * @param timeout longest wait for the server (to connect, and for any message)
     */
    public IpiClient(ForceField forceField, int[] numbers, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout must be positive, got " + timeout.toMillis() / 1000.0 + " s");
        if (numbers.length == 0) throw new IllegalArgumentException("the molecule has no atoms");
        forceField.checkCompatible(numbers);
        this.forceField = forceField;
        this.numbers = numbers.clone();
        this.timeout = timeout;
    }

    /** Connects to the server at {@code address} and serves it until it sends EXIT or closes. */
    public IpiSummary serve(IpiAddress address) throws IOException {
        try (IpiConnection c = IpiConnection.open(address, timeout)) {
            return serve(c);
        }
    }

    /** Serves the server at the other end of {@code channel} until it sends EXIT or closes. */
    IpiSummary serve(IpiChannel channel) throws IOException {
        return new Session(channel).run();
    }

    /** One connection's protocol state and buffers (allocated once, reused for every request). */
    private final class Session {
        private final IpiChannel connection;
        private final int n = numbers.length;
        private final ByteBuffer header = buffer(HEADER);
        private final ByteBuffer intBuf = buffer(4);
        private final ByteBuffer cellAndCount = buffer(18 * 8 + 4);
        private final ByteBuffer positionBuf = buffer(n * 3 * 8);
        private final ByteBuffer reply = buffer(HEADER + 8 + 4 + n * 3 * 8 + 9 * 8 + 4);
        private final ByteBuffer status = buffer(HEADER);
        private final double[] positions = new double[3 * n];
        private final double[] forces = new double[3 * n];
        private final ForceField.Scratch scratch = forceField.newScratch();
        private boolean initialised;
        private boolean haveData;
        private double energy;
        private long served;

        Session(IpiChannel connection) {
            this.connection = connection;
        }

        IpiSummary run() throws IOException {
            while (true) {
                header.clear();
                if (!connection.read(header, "a message header", true)) return new IpiSummary(served, false);
                String message = decodeHeader(header);
                switch (message) {
                    case "STATUS" -> sendStatus(haveData ? "HAVEDATA" : initialised ? "READY" : "NEEDINIT");
                    case "INIT" -> receiveInit();
                    case "POSDATA" -> receivePositions();
                    case "GETFORCE" -> sendForces();
                    case "EXIT" -> {
                        return new IpiSummary(served, true);
                    }
                    default -> throw new IpiException("unexpected message '" + message
                            + "' from the i-PI server (expected STATUS, INIT, POSDATA, GETFORCE or EXIT)");
                }
            }
        }

        private void sendStatus(String answer) throws IOException {
            status.clear();
            putHeader(status, answer);
            status.flip();
            connection.write(status, answer);
        }

        private void receiveInit() throws IOException {
            readInt("the INIT bead index");
            int length = readInt("the INIT length");
            if (length < 0 || length > MAX_INIT_BYTES)
                throw new IpiException("malformed INIT message: string length " + length + " (expected 0.." + MAX_INIT_BYTES + ")");
            if (length > 0) connection.read(ByteBuffer.allocate(length), "the INIT string", false);
            initialised = true;
        }

        private void receivePositions() throws IOException {
            if (haveData)
                throw new IpiException("unexpected POSDATA: the forces of the previous positions were not collected (expected GETFORCE)");
            cellAndCount.clear();
            connection.read(cellAndCount, "POSDATA", false);
            int count = cellAndCount.getInt(18 * 8);
            if (count != n)
                throw new IpiException("the i-PI server sent " + count + " atoms in POSDATA, but the molecule served here has "
                        + n + " atoms");
            positionBuf.clear();
            connection.read(positionBuf, "the POSDATA positions", false);
            positionBuf.flip();
            for (int i = 0; i < 3 * n; i++) {
                double bohr = positionBuf.getDouble();
                if (!Double.isFinite(bohr))
                    throw new IpiException("the i-PI server sent a non-finite position for atom " + i / 3 + " (" + bohr + ")");
                positions[i] = bohr * Units.ASE_ANGSTROM_PER_BOHR;
            }
            try {
                energy = forceField.energyAndForces(numbers, positions, forces, scratch);
            } catch (InputException e) {
                throw new IpiException("the model cannot evaluate the positions of request " + (served + 1) + ": "
                        + e.getMessage(), e);
            }
            if (!Double.isFinite(energy))
                throw new IpiException("the model gave a non-finite energy (" + energy + ") for request " + (served + 1));
            for (int i = 0; i < 3 * n; i++)
                if (!Double.isFinite(forces[i]))
                    throw new IpiException("the model gave a non-finite force on atom " + i / 3 + " for request " + (served + 1));
            haveData = true;
        }

        private void sendForces() throws IOException {
            if (!haveData) throw new IpiException("unexpected GETFORCE: no positions were received since the last forces");
            reply.clear();
            putHeader(reply, "FORCEREADY");
            reply.putDouble(energy / Units.ASE_KCAL_MOL_PER_HARTREE);
            reply.putInt(n);
            double forceUnit = Units.ASE_ANGSTROM_PER_BOHR / Units.ASE_KCAL_MOL_PER_HARTREE;
            for (int i = 0; i < 3 * n; i++) reply.putDouble(forces[i] * forceUnit);
            for (int i = 0; i < 9; i++) reply.putDouble(0.0);
            reply.putInt(0);
            reply.flip();
            connection.write(reply, "FORCEREADY");
            haveData = false;
            served++;
        }

        private int readInt(String what) throws IOException {
            intBuf.clear();
            connection.read(intBuf, what, false);
            return intBuf.getInt(0);
        }
    }

    static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }

    /** Writes {@code text} as a 12-byte space-padded ASCII header. */
    static void putHeader(ByteBuffer buf, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        buf.put(b);
        for (int i = b.length; i < HEADER; i++) buf.put((byte) ' ');
    }

    /**
     * The header's text without its padding (trailing spaces or NULs); anything but printable ASCII
     * is a malformed header.
     */
    static String decodeHeader(ByteBuffer header) throws IpiException {
        byte[] b = header.array();
        int end = HEADER;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) end--;
        for (int i = 0; i < end; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                StringBuilder hex = new StringBuilder();
                for (int j = 0; j < HEADER; j++) hex.append(String.format("%02x", b[j] & 0xff));
                throw new IpiException("malformed message header from the i-PI server (bytes " + hex + ")");
            }
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }
}
