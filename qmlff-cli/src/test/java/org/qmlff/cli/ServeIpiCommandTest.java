package org.qmlff.cli;

import org.qmlff.data.Units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.ipi.IpiAddress;
import org.qmlff.model.Models;
import org.qmlff.md.ToyForceFields;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class ServeIpiCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void addressOptionsMustNameExactlyOneSocket() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(out, err, "serve-ipi", "--model", "m.json", "--unix", "a", "--port", "31415")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("qmlff: error: give either --unix NAME or --port P (with --host H), not both");
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "serve-ipi", "--model", "m.json")).isEqualTo(2);
        assertThat(err2.toString().trim()).isEqualTo("qmlff: error: give either --unix NAME or --port P (with --host H), not neither");
        StringWriter err3 = new StringWriter();
        assertThat(run(new StringWriter(), err3, "serve-ipi", "--model", "m.json", "--port", "70000")).isEqualTo(2);
        assertThat(err3.toString().trim()).isEqualTo("qmlff: error: port must be in 1..65535, got 70000");
    }

    @Test
    void revisedModelNeedsTheAtoms() {
        Path model = dir.resolve("revised.json");
        Models.write(MdCliTestSupport.revisedModel(1), Map.of(), model);
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve-ipi", "--model", model.toString(), "--port", "31415")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo(
                "qmlff: error: --init FILE is needed: a revised model describes any molecule of its species, so the atoms must be given");
    }

    /** A one-request server: positions out, forces back, then EXIT; the command reports it. */
    @Test
    void servesAServerUntilExit() throws Exception {
        try (ServerSocketChannel server = loopbackServer()) {
            int port = port(server);
            StringWriter printed = new StringWriter();
            ServeIpiCommand cmd = connectingTo(port, "10", printed);
            Thread client = new Thread(() -> {
                try {
                    cmd.serve(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL), MdCliTestSupport.NUMBERS, cmd.address());
                } catch (Exception e) {
                    printed.write("FAILED " + e);
                }
            });
            client.start();
            try (SocketChannel c = server.accept()) {
                ByteBuffer pos = ByteBuffer.allocate(12 + 18 * 8 + 4 + 27 * 8).order(ByteOrder.nativeOrder());
                pos.put(header("POSDATA"));
                for (int i = 0; i < 18; i++) pos.putDouble(i % 4 == 0 ? 20.0 : 0.0);
                pos.putInt(9);
                for (double x : MdCliTestSupport.ETHANOL) pos.putDouble(1.01 * x / Units.ASE_ANGSTROM_PER_BOHR);
                write(c, pos.flip());
                write(c, ByteBuffer.wrap(header("GETFORCE")));
                ByteBuffer reply = ByteBuffer.allocate(12 + 8 + 4 + 27 * 8 + 72 + 4).order(ByteOrder.nativeOrder());
                while (reply.hasRemaining()) assertThat(c.read(reply)).isNotNegative();
                reply.flip();
                byte[] h = new byte[12];
                reply.get(h);
                assertThat(new String(h, StandardCharsets.US_ASCII)).isEqualTo("FORCEREADY  ");
                assertThat(reply.getDouble()).isPositive(); // stretched springs: positive energy
                write(c, ByteBuffer.wrap(header("EXIT")));
            }
            client.join(10_000);
            assertThat(printed.toString()).isEqualTo("serve-ipi: 9 atoms, connecting to TCP 127.0.0.1:" + port + "\n"
                    + "serve-ipi: served 1 force evaluation; the server sent EXIT\n");
        }
    }

    @Test
    void silentServerEndsWithOneLine() throws Exception {
        try (ServerSocketChannel server = loopbackServer()) {
            ServeIpiCommand cmd = connectingTo(port(server), "0.3", new StringWriter());
            IpiAddress address = cmd.address();
            assertThatThrownBy(() -> cmd.serve(new ToyForceFields.HarmonicPairs(50, MdCliTestSupport.ETHANOL),
                    MdCliTestSupport.NUMBERS, address))
                    .isInstanceOf(UserError.class)
                    .hasMessage("i-PI: timed out after 0.3 s waiting for the i-PI server (reading a message header)");
        }
    }

    /** A server socket on the loopback interface, at a free port. */
    private static ServerSocketChannel loopbackServer() throws java.io.IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return server;
    }

    private static int port(ServerSocketChannel server) throws java.io.IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** {@code serve-ipi} parsed to connect to 127.0.0.1:{@code port} with this {@code --timeout}, printing into {@code printed}. */
    private static ServeIpiCommand connectingTo(int port, String timeout, StringWriter printed) {
        ServeIpiCommand cmd = new ServeIpiCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(printed, true));
        cl.parseArgs("--model", "m.json", "--host", "127.0.0.1", "--port", Integer.toString(port), "--timeout", timeout);
        return cmd;
    }

    private static byte[] header(String s) {
        byte[] b = new byte[12];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    private static void write(SocketChannel c, ByteBuffer b) throws java.io.IOException {
        while (b.hasRemaining()) c.write(b);
    }
}
