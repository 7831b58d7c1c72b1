package org.qmlff.cli;

import org.qmlff.data.DataFormatException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns exceptions caused by the user's input into one line on stderr and exit code 2; anything
 * else is a bug and keeps its stack trace (exit code 1).
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String line = userMessage(ex);
        if (line == null) {
            ex.printStackTrace(cl.getErr());
            return 1;
        }
        cl.getErr().println("qmlff: error: " + line);
        cl.getErr().flush();
        return USER_ERROR;
    }

    /** The one-line message for a user error, or null if {@code ex} is a bug. */
    static String userMessage(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException) return "no such file: " + t.getMessage();
        if (t instanceof DataFormatException || t instanceof UserError || t instanceof IllegalArgumentException)
            return t.getMessage();
        if (t instanceof IOException) return t.getClass().getSimpleName() + ": " + t.getMessage();
        return null;
    }
}
