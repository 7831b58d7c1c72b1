package org.qmlff.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An NPZ archive (a zip of NPY files, entries stored or deflated, as written by
 * {@code numpy.savez} and {@code numpy.savez_compressed}), opened for reading arrays by key.
 *
 * <p>Arrays are decoded on demand by {@link #get}, so unused entries (rMD17's {@code old_*}) cost
 * nothing. Problems with the file itself (missing, empty, not a zip, truncated) and with an entry
 * are {@link DataFormatException}s naming the file, and the array where there is one.
 */
public final class NpzFile implements AutoCloseable {
    private final String label;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private NpzFile(String label, ZipFile zip, Map<String, ZipEntry> entries) {
        this.label = label;
        this.zip = zip;
        this.entries = entries;
    }

    /**
     * Opens an NPZ file.
     *
     * @throws DataFormatException if the file is missing, a directory, empty, not a zip archive or a
     *                             truncated/damaged one
     * @throws IOException         on other I/O failures (e.g. permissions)
     */
    public static NpzFile open(Path path) throws IOException {
        String label = path.toString();
        DataFiles.requireNonEmptyFile(path);
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        }
        boolean zipMagic = n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
        if (!zipMagic)
            throw new DataFormatException(label + ": not a zip archive (an .npz file is a zip of .npy arrays)");
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(label + ": no such file");
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(label + ": truncated or damaged zip archive"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        try {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                entries.putIfAbsent(key, e);
            }
        } catch (IllegalArgumentException e) {
            // java.util.zip decodes entry names lazily, as UTF-8, and reports a bad byte this way
            zip.close();
            throw new DataFormatException(label + ": damaged zip archive (an entry name is not valid UTF-8)");
        }
        return new NpzFile(label, zip, entries);
    }

    /** The file as named in messages. */
    public String label() {
        return label;
    }

    /** The keys (entry names without {@code .npy}), in archive order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Whether the archive holds {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * Decodes the array {@code key}.
     *
     * @throws DataFormatException if it is missing (the message lists the keys present) or malformed
     */
    public NpyArray get(String key) throws IOException {
        ZipEntry e = entries.get(key);
        if (e == null)
            throw new DataFormatException(label + ": missing array '" + key + "' (the file has: " + String.join(", ", entries.keySet()) + ")");
        if (e.getSize() > Integer.MAX_VALUE - 8)
            throw new DataFormatException(label + ": " + key + ": entry of " + e.getSize() + " bytes is too large for qmlff");
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readAllBytes();
        } catch (ZipException | EOFException ex) {
            throw new DataFormatException(label + ": " + key + ": damaged zip entry (" + ex.getMessage() + ")");
        }
        if (e.getSize() >= 0 && bytes.length != e.getSize())
            throw new DataFormatException(label + ": " + key + ": truncated zip entry (" + bytes.length + " of " + e.getSize() + " bytes)");
        // Java's ZipFile checks no checksum (numpy does): a flipped byte inside an array would
        // otherwise be read as a slightly different number.
        if (e.getCrc() != -1) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != e.getCrc())
                throw new DataFormatException(label + ": " + key + ": damaged zip entry (its CRC-32 checksum does not match"
                        + " its content; the file is corrupt)");
        }
        return Npy.decode(bytes, label, key);
    }

    /**
     * The zip entry of {@code key}, or null: its method, sizes and CRC-32 as the archive states them (for
     * {@link DataFiles#concatenate}, which copies stored arrays without decoding them).
     */
    ZipEntry entry(String key) {
        return entries.get(key);
    }

    /** The entry's bytes as stored (for a stored entry, the npy file itself), unchecked: the caller verifies its CRC. */
    InputStream rawStream(ZipEntry e) throws IOException {
        try {
            return zip.getInputStream(e);
        } catch (ZipException | EOFException ex) {
            throw new DataFormatException(label + ": " + e.getName() + ": damaged zip entry (" + ex.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
