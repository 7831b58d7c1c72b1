package org.qmlff.ipi;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream an i-PI session runs over: a socket ({@link IpiConnection}) or, in tests, a
 * scripted conversation. Every failure is an {@link IpiException} with a one-line message.
 */
interface IpiChannel {
    /**
     * Fills {@code buf}. Returns false if the server closed the connection before the first byte
     * and {@code endAllowed}; a close after that, or a close when not allowed, is an error naming
     * {@code what}.
     */
    boolean read(ByteBuffer buf, String what, boolean endAllowed) throws IOException;

    /** Writes all of {@code buf}. */
    void write(ByteBuffer buf, String what) throws IOException;
}
