package org.qmlff.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NPZ archives: each array an NPY entry named {@code <key>.npy}, stored (as
 * {@code numpy.savez} does) or deflated (as {@code numpy.savez_compressed}). {@link #addRaw}
 * writes arbitrary entry bytes, which tests use to build malformed files on purpose.
 */
public final class NpzWriter implements Closeable {
    private final ZipOutputStream zip;

    /** Writes to {@code out}, which is closed with this writer. */
    public NpzWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Adds an array as a stored entry named {@code name() + ".npy"}. */
    public NpzWriter add(NpyArray a) throws IOException {
        return addRaw(a.name() + ".npy", Npy.encode(a), false);
    }

    /** Adds an array, deflated when {@code deflate}. */
    public NpzWriter add(NpyArray a, boolean deflate) throws IOException {
        return addRaw(a.name() + ".npy", Npy.encode(a), deflate);
    }

    /** Adds an entry with exactly these bytes. */
    public NpzWriter addRaw(String entryName, byte[] content, boolean deflate) throws IOException {
        ZipEntry e = new ZipEntry(entryName);
        e.setTime(315532800000L); // 1980-01-01, as numpy does: output independent of the clock
        if (deflate) {
            e.setMethod(ZipEntry.DEFLATED);
        } else {
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            e.setCompressedSize(content.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
        return this;
    }

    /**
     * Adds a stored entry whose {@code size} bytes, with CRC-32 {@code crc}, {@code content} streams: for
     * entries too large to hold in memory at once. The zip stream checks both when the entry closes, so
     * content that does not match them fails the write instead of producing a corrupt archive.
     */
    public NpzWriter addStored(String entryName, long size, long crc, AtomicFiles.Content content) throws IOException {
        ZipEntry e = new ZipEntry(entryName);
        e.setTime(315532800000L);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        zip.putNextEntry(e);
        content.writeTo(zip);
        zip.closeEntry();
        return this;
    }

    /** Writes the central directory; the underlying stream stays open until {@link #close}. */
    public void finish() throws IOException {
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Writes {@code arrays} (stored) to {@code path} atomically. */
    public static void write(Path path, List<? extends NpyArray> arrays) throws IOException {
        AtomicFiles.write(path, out -> {
            NpzWriter w = new NpzWriter(out);
            for (NpyArray a : arrays) w.add(a);
            w.finish();
        });
    }
}
