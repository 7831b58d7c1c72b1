package org.qmlff.error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plain-language descriptions of file-system failures, the one place where Java's exception types
 * (NoSuchFileException, FileSystemException with an operating-system reason, ...) become words a
 * user understands: "no such file or directory", "permission denied", "no space left on device".
 *
 * <p>Only the operating system's reason is kept from an exception, never the file it names: that
 * may be a temporary file the user never asked for. Callers name the file the user gave.
 */
public final class FileSystemErrors {
    private FileSystemErrors() {
    }

    /** What went wrong, in plain lower-case words without a file name. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "it already exists";
        if (e instanceof NotDirectoryException) return "a part of the path is a file, not a directory";
        if (e instanceof DirectoryNotEmptyException) return "the directory is not empty";
        if (e instanceof FileSystemLoopException) return "the path loops through symbolic links";
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) return "input/output error";
        return plain(reason);
    }

    /** An {@link InputException} "cannot write FILE: reason". */
    public static InputException cannotWrite(Path file, IOException e) {
        return new InputException("cannot write " + file + ": " + reason(e), e);
    }

    /** An {@link InputException} "cannot read FILE: reason". */
    public static InputException cannotRead(Path file, IOException e) {
        return new InputException("cannot read " + file + ": " + reason(e), e);
    }

    /**
     * A one-line description of any I/O failure that reached a front end unwrapped: the file the
     * exception names (when it names one) and the reason.
     */
    public static String describe(IOException e) {
        String file = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : null;
        String reason = reason(e);
        if (file == null) return reason;
        if (e instanceof FileAlreadyExistsException) return file + " already exists";
        if (e instanceof NoSuchFileException) return "no such file: " + file;
        return file + ": " + reason;
    }

    /** Unwraps {@link UncheckedIOException}; null where {@code t} is not an I/O failure. */
    public static IOException ioCause(Throwable t) {
        if (t instanceof UncheckedIOException u) return u.getCause();
        if (t instanceof IOException io) return io;
        return null;
    }

    /** Operating-system reasons come capitalised ("No space left on device"); messages are lower case. */
    private static String plain(String reason) {
        String r = reason.strip();
        if (r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1)))
            r = r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        return r;
    }
}
