package org.qmlff.error;

/**
 * The user's input is wrong: a data or model file, an option, a path, or the file system refusing
 * what was asked. The message is one line in plain words that names what is wrong and where (file,
 * array, frame, option); {@link #hint()} is an optional second line saying what to do.
 *
 * <p>Front ends show it without a stack trace and exit with status 2.
 *
 * <p>It is an {@link IllegalArgumentException}: a library caller who passes a bad value to an
 * options record or a parser gets the exception type Java promises for that. The converse does not
 * hold: a plain {@code IllegalArgumentException} is a broken precondition inside the program, a bug,
 * and front ends show it with its stack trace. Code that validates what a user can type or load
 * throws this type.
 */
public class InputException extends IllegalArgumentException {
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
        super(oneLine(message), cause);
        this.hint = hint == null ? null : oneLine(hint);
    }

    /**
     * Control characters quoted from a broken input (a newline inside a mangled NPY header key)
     * would split the one-line message: they are shown escaped, as {@code \n} or {@code \x07}.
     */
    static String oneLine(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (sb == null) continue;
            if (!control) sb.append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else sb.append(String.format("\\x%02x", (int) c));
        }
        return sb == null ? text : sb.toString();
    }

    /** A second line telling the user what to do, or null. */
    public String hint() {
        return hint;
    }
}
