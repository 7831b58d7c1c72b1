package org.qmlff.data;

import org.qmlff.error.InputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output path can be written: an hour-long run should not
 * fail at its last step because {@code --json} names a missing directory's child of a file.
 *
 * <p>Missing directories are fine (writers create them); what is refused is an existing path of the
 * wrong kind (a directory where a file is expected, or the reverse), a parent path that runs through
 * a file, and a nearest existing directory that is not writable. Each refusal is an
 * {@link InputException} naming the option and the path.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code option} names a file to be written. */
    public static void checkFile(String option, Path file) {
        if (Files.isDirectory(file))
            throw new InputException(option + " " + file + " is a directory, expected a file");
        checkParents(option, file);
    }

    /** {@code option} names a directory to be created or written into. */
    public static void checkDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new InputException(option + " " + dir + " is a file, expected a directory");
        if (Files.isDirectory(dir)) {
            requireWritable(option, dir, dir);
            return;
        }
        checkParents(option, dir);
    }

    private static void checkParents(String option, Path path) {
        Path p = path.toAbsolutePath().getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return;
        if (!Files.isDirectory(p))
            throw new InputException(option + " " + path + ": " + p + " is a file, not a directory");
        requireWritable(option, path, p);
    }

    private static void requireWritable(String option, Path path, Path existingDir) {
        if (!Files.isWritable(existingDir))
            throw new InputException(option + " " + path + ": cannot write into " + existingDir + ": permission denied");
    }
}
