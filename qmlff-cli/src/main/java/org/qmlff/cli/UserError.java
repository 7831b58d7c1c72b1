package org.qmlff.cli;

import org.qmlff.error.InputException;

/** A mistake in what the user asked for (options, paths); printed as one line, exit code 2. */
public final class UserError extends InputException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    /** With a second line telling the user what to do. */
    public UserError(String message, String hint) {
        super(message, hint, null);
    }
}
