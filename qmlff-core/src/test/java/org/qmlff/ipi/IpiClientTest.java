package org.qmlff.ipi;

import org.qmlff.data.Units;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.md.MdTestSupport;
import org.qmlff.md.ToyForceFields;
import org.qmlff.model.ForceField;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The client against a scripted server: exact payloads, and a clear end to every kind of trouble. */
@Timeout(30)
class IpiClientTest {
    private static final int[] Z = MdTestSupport.ETHANOL_NUMBERS;
    private final ForceField toy = new ToyForceFields.MorsePairs(20, 1.5, MdTestSupport.ETHANOL);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Future<IpiSummary> start(FakeIpiServer server, Duration timeout) {
        IpiClient client = new IpiClient(toy, Z, timeout);
        return pool.submit(() -> client.serve(server.address()));
    }

    private static double[] displaced(int k) {
        double[] x = MdTestSupport.ETHANOL.clone();
        for (int i = 0; i < x.length; i++) x[i] += 0.03 * Math.sin(1.7 * i + k);
        return x;
    }

    private static double[] toBohr(double[] angstrom) {
        double[] b = new double[angstrom.length];
        for (int i = 0; i < b.length; i++) b[i] = angstrom[i] / Units.ASE_ANGSTROM_PER_BOHR;
        return b;
    }

    /** One full request: positions in Bohr out, energy in Hartree and forces in Hartree/Bohr back. */
    private void request(FakeIpiServer s, double[] angstrom, boolean first) throws IOException {
        s.header("STATUS");
        assertThat(s.readHeader()).isEqualTo(first ? "NEEDINIT    " : "READY       ");
        if (first) {
            s.header("INIT");
            s.ints(0, 3);
            s.raw("abc".getBytes());
            s.header("STATUS");
            assertThat(s.readHeader()).isEqualTo("READY       ");
        }
        s.posdata(toBohr(angstrom));
        s.header("STATUS");
        assertThat(s.readHeader()).isEqualTo("HAVEDATA    ");
        s.header("GETFORCE");
        assertThat(s.readHeader()).isEqualTo("FORCEREADY  ");
        FakeIpiServer.Forces got = s.readForces();
        double[] f = new double[27];
        double e = toy.energyAndForces(Z, angstrom, f, toy.newScratch());
        assertThat(got.atoms()).isEqualTo(9);
        assertThat(got.energy() * Units.ASE_KCAL_MOL_PER_HARTREE).isCloseTo(e, within(1e-12 * Math.max(1, Math.abs(e))));
        for (int i = 0; i < 27; i++)
            assertThat(got.forces()[i] * Units.ASE_KCAL_MOL_PER_HARTREE / Units.ASE_ANGSTROM_PER_BOHR).isCloseTo(f[i], within(1e-11));
        assertThat(got.virial()).containsOnly(0.0);
        assertThat(got.extra()).isEmpty();
    }

    private void servesTwoRequestsThenExit(FakeIpiServer s) throws Exception {
        try (s) {
            Future<IpiSummary> client = start(s, Duration.ofSeconds(10));
            s.accept();
            request(s, displaced(1), true);
            request(s, displaced(2), false);
            s.header("EXIT");
            IpiSummary sum = client.get(10, TimeUnit.SECONDS);
            assertThat(sum).isEqualTo(new IpiSummary(2, true));
            assertThat(sum.describe()).isEqualTo("served 2 force evaluations; the server sent EXIT");
        }
    }

    @Test
    void tcp() throws Exception {
        servesTwoRequestsThenExit(FakeIpiServer.inet());
    }

    @Test
    void unixSocket() throws Exception {
        servesTwoRequestsThenExit(FakeIpiServer.unix(dir.resolve("ipi.sock")));
    }

    @Test
    void positionsBeforeInitAreAccepted() throws Exception {
        try (FakeIpiServer s = FakeIpiServer.inet()) {
            Future<IpiSummary> client = start(s, Duration.ofSeconds(10));
            s.accept();
            s.posdata(toBohr(displaced(3)));
            s.header("GETFORCE");
            assertThat(s.readHeader()).isEqualTo("FORCEREADY  ");
            s.readForces();
            s.dropConnection(); // like ASE: no EXIT, just close
            assertThat(client.get(10, TimeUnit.SECONDS)).isEqualTo(new IpiSummary(1, false));
        }
    }

    private String failure(Future<IpiSummary> client) {
        try {
            client.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IpiException.class);
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the client did not fail");
    }

    /** What the server {@code script} says to a client that has just connected (10 s timeout) makes it fail with. */
    private String failureAfter(Script script) throws Exception {
        try (FakeIpiServer s = FakeIpiServer.inet()) {
            Future<IpiSummary> client = start(s, Duration.ofSeconds(10));
            s.accept();
            script.run(s);
            return failure(client);
        }
    }

    /** The server's side of a scripted exchange. */
    private interface Script {
        void run(FakeIpiServer s) throws IOException;
    }

    @Test
    void unknownMessageEndsTheSession() throws Exception {
        try (FakeIpiServer s = FakeIpiServer.inet()) {
            Future<IpiSummary> client = start(s, Duration.ofSeconds(10));
            s.accept();
            s.header("HELLO");
            assertThat(failure(client)).isEqualTo(
                    "unexpected message 'HELLO' from the i-PI server (expected STATUS, INIT, POSDATA, GETFORCE or EXIT)");
            assertThat(s.clientClosed()).isTrue();
        }
    }

    @Test
    void binaryGarbageIsAMalformedHeader() throws Exception {
        assertThat(failureAfter(s -> s.raw(new byte[]{'S', 'T', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})))
                .isEqualTo("malformed message header from the i-PI server (bytes 53540102030405060708090a)");
    }

    @Test
    void wrongAtomCount() throws Exception {
        assertThat(failureAfter(s -> s.posdata(new double[12]))).isEqualTo(
                "the i-PI server sent 4 atoms in POSDATA, but the molecule served here has 9 atoms");
    }

    @Test
    void getforceWithoutPositions() throws Exception {
        assertThat(failureAfter(s -> s.header("GETFORCE")))
                .isEqualTo("unexpected GETFORCE: no positions were received since the last forces");
    }

    @Test
    void secondPosdataBeforeGetforce() throws Exception {
        assertThat(failureAfter(s -> {
            s.posdata(toBohr(displaced(0)));
            // Only the header: the client rejects the message on it and closes, and a server still
            // writing a payload into a closed socket would see a reset, which is not what is tested here.
            s.header("POSDATA");
        })).startsWith("unexpected POSDATA");
    }

    @Test
    void nonFinitePositions() throws Exception {
        assertThat(failureAfter(s -> {
            double[] b = toBohr(displaced(0));
            b[5] = Double.NaN;
            s.posdata(b);
        })).isEqualTo("the i-PI server sent a non-finite position for atom 1 (NaN)");
    }

    @Test
    void malformedInitLength() throws Exception {
        assertThat(failureAfter(s -> {
            s.header("INIT");
            s.ints(0, -5);
        })).isEqualTo("malformed INIT message: string length -5 (expected 0..1048576)");
    }

    @Test
    void connectionClosedInTheMiddleOfAMessage() throws Exception {
        assertThat(failureAfter(s -> {
            s.header("POSDATA");
            s.doubles(1, 2, 3);
            s.dropConnection();
        })).isEqualTo("the i-PI server closed the connection in the middle of POSDATA (24 of 148 bytes received)");
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (FakeIpiServer s = FakeIpiServer.inet()) {
            long t0 = System.nanoTime();
            Future<IpiSummary> client = start(s, Duration.ofMillis(300));
            s.accept();
            s.header("STATUS");
            assertThat(s.readHeader()).isEqualTo("NEEDINIT    ");
            assertThat(failure(client)).isEqualTo(
                    "timed out after 0.3 s waiting for the i-PI server (reading a message header)");
            assertThat((System.nanoTime() - t0) * 1e-9).isLessThan(5.0);
        }
    }

    @Test
    void nobodyListening() throws Exception {
        IpiAddress missing = IpiAddress.unix(dir.resolve("nobody.sock").toString());
        IpiClient client = new IpiClient(toy, Z, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.serve(missing)).isInstanceOf(IpiException.class)
                .hasMessageStartingWith("could not connect to the i-PI server at UNIX socket " + dir.resolve("nobody.sock")
                        + " within 0.3 s");
        assertThat((System.nanoTime() - t0) * 1e-9).isBetween(0.25, 5.0);
    }

    @Test
    void serverThatStartsLateIsWaitedFor() throws Exception {
        Path sock = dir.resolve("late.sock");
        IpiClient client = new IpiClient(toy, Z, Duration.ofSeconds(10));
        Future<IpiSummary> f = pool.submit(() -> client.serve(new IpiAddress.Unix(sock)));
        Thread.sleep(300);
        try (FakeIpiServer s = FakeIpiServer.unix(sock)) {
            s.accept();
            s.header("EXIT");
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(new IpiSummary(0, true));
        }
    }

    @Test
    void nonFiniteModelOutputIsNotSent() throws Exception {
        ForceField poisoned = new ToyForceFields.Poisoned(toy, 9, 0);
        try (FakeIpiServer s = FakeIpiServer.inet()) {
            IpiClient c = new IpiClient(poisoned, Z, Duration.ofSeconds(10));
            Future<IpiSummary> client = pool.submit(() -> c.serve(s.address()));
            s.accept();
            s.posdata(toBohr(displaced(0)));
            assertThat(failure(client)).isEqualTo("the model gave a non-finite energy (NaN) for request 1");
        }
    }

    @Test
    void addressesAndOptions() {
        assertThat(IpiAddress.unix("driver")).isEqualTo(new IpiAddress.Unix(Path.of("/tmp/ipi_driver")));
        assertThat(IpiAddress.unix("/run/x.sock")).isEqualTo(new IpiAddress.Unix(Path.of("/run/x.sock")));
        assertThatThrownBy(() -> IpiAddress.inet("localhost", 0)).hasMessage("port must be in 1..65535, got 0");
        assertThatThrownBy(() -> new IpiClient(toy, Z, Duration.ZERO)).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> new IpiClient(toy, new int[]{1, 1}, Duration.ofSeconds(1)))
                .hasMessage("toy force field for 9 atoms, got 2");
    }
}
