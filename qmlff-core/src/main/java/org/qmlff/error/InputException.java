package org.qmlff.error;

/**
 * The user's input is wrong: a data or model file, an option, a path, or the file system refusing
 * what was asked. The message is one line in plain words that names what is wrong and where (file,
 * array, frame, option); {@link #hint()} is an optional second line saying what to do.
 *
 * <p>Front ends show it without a stack trace and exit with status 2.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public InputException(String message) {
        this(message, null, null);
    }

    public InputException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param message one line: what is wrong and where
     * @param hint    one line saying what to do, or null
     * @param cause   the underlying failure, or null
     */
    public InputException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** A second line telling the user what to do, or null. */
    public String hint() {
        return hint;
    }
}
