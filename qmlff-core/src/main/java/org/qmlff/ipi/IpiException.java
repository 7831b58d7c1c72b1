package org.qmlff.ipi;

import java.io.IOException;

/** The i-PI session failed: a malformed or unexpected message, a timeout, a dead server. One-line message. */
public final class IpiException extends IOException {
    private static final long serialVersionUID = 1L;

    public IpiException(String message) {
        super(message);
    }

    public IpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
