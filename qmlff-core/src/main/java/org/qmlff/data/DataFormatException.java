package org.qmlff.data;

/**
 * Input data is malformed or physically invalid. The message is one line that says what is wrong
 * and where (file, array, frame, atom), suitable to show to a user as is.
 */
public final class DataFormatException extends org.qmlff.error.InputException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
