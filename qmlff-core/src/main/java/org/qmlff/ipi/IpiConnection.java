package org.qmlff.ipi;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * A non-blocking socket channel driven through a selector, so that every connect, read and write
 * gives up after the timeout instead of hanging on a dead server (blocking socket channels, and
 * UNIX-domain ones in particular, have no read timeout of their own).
 */
final class IpiConnection implements IpiChannel, Closeable {
    private static final long RETRY_MILLIS = 100;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutMillis;
    private final IpiAddress address;

    private IpiConnection(SocketChannel channel, IpiAddress address, long timeoutMillis) throws IOException {
        this.channel = channel;
        this.address = address;
        this.timeoutMillis = timeoutMillis;
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    /**
     * Connects to {@code address}, retrying while nobody listens there yet, for at most
     * {@code timeout}.
     */
    static IpiConnection open(IpiAddress address, Duration timeout) throws IOException {
        long timeoutMillis = Math.max(1, timeout.toMillis());
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            SocketChannel ch = address instanceof IpiAddress.Unix
                    ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            try {
                ch.configureBlocking(false);
                if (address instanceof IpiAddress.Inet) ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                IpiConnection c = new IpiConnection(ch, address, timeoutMillis);
                try {
                    c.connect(deadline);
                    return c;
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            } catch (UnresolvedAddressException e) {
                ch.close();
                throw new IpiException("cannot resolve the host of " + address);
            } catch (IpiException e) {
                ch.close();
                throw e;
            } catch (SocketException e) {
                // Refused, or the UNIX socket file does not exist yet: the server may still be starting.
                ch.close();
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0)
                    throw new IpiException("could not connect to the i-PI server at " + address + " within "
                            + seconds(timeoutMillis) + " (" + e.getMessage() + ")");
                try {
                    Thread.sleep(Math.min(RETRY_MILLIS, left));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IpiException("interrupted while connecting to " + address);
                }
            }
        }
    }

    private void connect(long deadline) throws IOException {
        if (channel.connect(address.socketAddress())) return;
        key.interestOps(SelectionKey.OP_CONNECT);
        while (!channel.finishConnect()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline)
                throw new IpiException("could not connect to the i-PI server at " + address + " within "
                        + seconds(timeoutMillis) + " (no answer)");
            selector.selectedKeys().clear();
        }
    }

    @Override
    public boolean read(ByteBuffer buf, String what, boolean endAllowed) throws IOException {
        boolean first = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (buf.hasRemaining()) {
            int r = transfer(SelectionKey.OP_READ, buf, what);
            if (r < 0) {
                if (first && endAllowed) return false;
                throw new IpiException("the i-PI server closed the connection in the middle of " + what
                        + " (" + buf.position() + " of " + buf.limit() + " bytes received)");
            }
            if (r > 0) {
                first = false;
                continue;
            }
            await(SelectionKey.OP_READ, deadline, what);
        }
        return true;
    }

    @Override
    public void write(ByteBuffer buf, String what) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (buf.hasRemaining()) {
            int w = transfer(SelectionKey.OP_WRITE, buf, what);
            if (w == 0) await(SelectionKey.OP_WRITE, deadline, what);
        }
    }

    /** One read ({@link SelectionKey#OP_READ}) or write of {@code buf}; a failure of the channel is a lost connection. */
    private int transfer(int op, ByteBuffer buf, String what) throws IpiException {
        try {
            return op == SelectionKey.OP_READ ? channel.read(buf) : channel.write(buf);
        } catch (IOException e) {
            throw new IpiException("lost the connection to the i-PI server while " + doing(op) + what + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static String doing(int op) {
        return op == SelectionKey.OP_READ ? "reading " : "sending ";
    }

    private void await(int op, long deadline, String what) throws IOException {
        key.interestOps(op);
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline)
            throw new IpiException("timed out after " + seconds(timeoutMillis) + " waiting for the i-PI server ("
                    + doing(op) + what + ")");
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) throw new IpiException("interrupted while talking to " + address);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
