package org.qmlff.ipi;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A scripted i-PI server for protocol tests, written from the protocol description (12-byte
 * space-padded headers, native-order int32/float64 payloads). Blocking; tests guard with timeouts.
 */
final class FakeIpiServer implements Closeable {
    private final ServerSocketChannel server;
    private final IpiAddress address;
    private SocketChannel conn;

    private FakeIpiServer(ServerSocketChannel server, IpiAddress address) {
        this.server = server;
        this.address = address;
    }

    static FakeIpiServer inet() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        return new FakeIpiServer(s, new IpiAddress.Inet(InetAddress.getLoopbackAddress().getHostAddress(), port));
    }

    static FakeIpiServer unix(Path socketFile) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(socketFile));
        return new FakeIpiServer(s, new IpiAddress.Unix(socketFile));
    }

    IpiAddress address() {
        return address;
    }

    void accept() throws IOException {
        conn = server.accept();
    }

    void header(String text) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12);
        IpiClient.putHeader(b, text);
        write(b.flip());
    }

    void raw(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    void ints(int... values) throws IOException {
        ByteBuffer b = buffer(4 * values.length);
        for (int v : values) b.putInt(v);
        write(b.flip());
    }

    void doubles(double... values) throws IOException {
        ByteBuffer b = buffer(8 * values.length);
        for (double v : values) b.putDouble(v);
        write(b.flip());
    }

    /** POSDATA with a 20 Bohr cubic cell and the given positions in Bohr. */
    void posdata(double[] bohr) throws IOException {
        header("POSDATA");
        double[] cell = {20, 0, 0, 0, 20, 0, 0, 0, 20};
        double[] inv = {0.05, 0, 0, 0, 0.05, 0, 0, 0, 0.05};
        doubles(cell);
        doubles(inv);
        ints(bohr.length / 3);
        doubles(bohr);
    }

    String readHeader() throws IOException {
        ByteBuffer b = read(12);
        return new String(b.array(), StandardCharsets.US_ASCII);
    }

    int readInt() throws IOException {
        return read(4).getInt();
    }

    double readDouble() throws IOException {
        return read(8).getDouble();
    }

    /** The FORCEREADY payload after its header. */
    record Forces(double energy, int atoms, double[] forces, double[] virial, byte[] extra) {
    }

    Forces readForces() throws IOException {
        double e = readDouble();
        int n = readInt();
        double[] f = new double[3 * n];
        for (int i = 0; i < f.length; i++) f[i] = readDouble();
        double[] vir = new double[9];
        for (int i = 0; i < 9; i++) vir[i] = readDouble();
        int len = readInt();
        byte[] extra = len > 0 ? read(len).array() : new byte[0];
        return new Forces(e, n, f, vir, extra);
    }

    /** True if the client closed the connection (reading hits end of stream). */
    boolean clientClosed() throws IOException {
        try {
            return conn.read(ByteBuffer.allocate(1)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    void dropConnection() throws IOException {
        if (conn != null) conn.close();
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer b = buffer(n);
        while (b.hasRemaining()) if (conn.read(b) < 0) throw new EOFException("client closed");
        return b.flip();
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) conn.write(b);
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() throws IOException {
        try {
            if (conn != null) conn.close();
        } finally {
            server.close();
        }
    }
}
