package org.qmlff.ipi;

import org.qmlff.error.InputException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where the i-PI server listens: a UNIX-domain socket file or a TCP host and port. */
public sealed interface IpiAddress {

    /** Prefix i-PI and ASE put before a UNIX socket name. */
    String UNIX_PREFIX = "/tmp/ipi_";

    /** The socket address to connect to. */
    SocketAddress socketAddress();

    /** A UNIX-domain socket at {@code path}. */
    record Unix(Path path) implements IpiAddress {
        @Override
        public SocketAddress socketAddress() {
            return UnixDomainSocketAddress.of(path);
        }

        @Override
        public String toString() {
            return "UNIX socket " + path;
        }
    }

    /** A TCP socket; {@code port} in 1..65535. */
    record Inet(String host, int port) implements IpiAddress {
        public Inet {
            if (host == null || host.isBlank()) throw new InputException("host name is empty");
            if (port < 1 || port > 65535) throw new InputException("port must be in 1..65535, got " + port);
        }

        @Override
        public SocketAddress socketAddress() {
            return new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return "TCP " + host + ":" + port;
        }
    }

    /**
     * The UNIX socket named as i-PI and ASE name them: {@code /tmp/ipi_NAME}; a name containing a
     * {@code /} is taken as the socket file's path itself.
     */
    static IpiAddress unix(String name) {
        if (name == null || name.isBlank()) throw new InputException("UNIX socket name is empty");
        return new Unix(Path.of(name.contains("/") ? name : UNIX_PREFIX + name));
    }

    static IpiAddress inet(String host, int port) {
        return new Inet(host, port);
    }
}
