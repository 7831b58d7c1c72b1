package org.qmlff.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the NumPy NPY format (versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY},
 * a version, a little-endian header length, a Python-literal header dictionary
 * ({@code {'descr': '<f8', 'fortran_order': False, 'shape': (1000, 9, 3), }}) and the raw data.
 *
 * <p>Only C-order arrays of the types in {@link NpyDtype} are read. Everything else — Fortran order,
 * big-endian or structured or object types, a header whose length field disagrees with its content,
 * data shorter or longer than the shape says — is a {@link DataFormatException} naming the file and
 * the array.
 */
public final class Npy {
    private Npy() {
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * Decodes one NPY file held in memory.
     *
     * @param bytes the whole NPY content
     * @param file  the file name for messages (the NPZ archive, or the NPY file)
     * @param array the array's name for messages and for {@link NpyArray#name()}
     */
    public static NpyArray decode(byte[] bytes, String file, String array) {
        String where = file + ": " + array + ": ";
        if (bytes.length < 10 || !startsWithMagic(bytes))
            throw new DataFormatException(where + "not an NPY array (magic \\x93NUMPY missing)");
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        int headerLen;
        int headerStart;
        if (major == 1 && minor == 0) {
            headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            headerStart = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (bytes.length < 12) throw new DataFormatException(where + "truncated NPY header");
            long len = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (len > Integer.MAX_VALUE) throw new DataFormatException(where + "NPY header length " + len + " is implausible");
            headerLen = (int) len;
            headerStart = 12;
        } else {
            throw new DataFormatException(where + "unsupported NPY format version " + major + "." + minor
                    + " (qmlff reads 1.0, 2.0 and 3.0)");
        }
        if ((long) headerStart + headerLen > bytes.length)
            throw new DataFormatException(where + "NPY header claims " + headerLen + " bytes but the array holds only "
                    + (bytes.length - headerStart) + " after the preamble (truncated or wrong header length)");
        String header = new String(bytes, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(header, where);
        NpyDtype dtype = h.dtype(where);
        if (h.fortranOrder)
            throw new DataFormatException(where + "Fortran-order arrays are not supported (save it in C order)");
        int size;
        try {
            size = NpyArray.sizeOf(h.shape);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where + e.getMessage());
        }
        int dataStart = headerStart + headerLen;
        long need = (long) size * dtype.itemSize();
        long have = bytes.length - dataStart;
        if (have < need)
            throw new DataFormatException(where + "truncated: shape " + NpyArray.shapeString(h.shape) + " of " + dtype.descr()
                    + " needs " + need + " bytes of data, found " + have);
        if (have > need)
            throw new DataFormatException(where + (have - need) + " bytes after the data of shape "
                    + NpyArray.shapeString(h.shape) + " of " + dtype.descr() + " (header and data size disagree)");
        ByteBuffer buf = ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT64: {
                double[] d = new double[size];
                buf.asDoubleBuffer().get(d);
                return new NpyArray.OfDouble(array, dtype, h.shape, d);
            }
            case FLOAT32: {
                float[] f = new float[size];
                buf.asFloatBuffer().get(f);
                double[] d = new double[size];
                for (int i = 0; i < size; i++) d[i] = f[i];
                return new NpyArray.OfDouble(array, dtype, h.shape, d);
            }
            default: {
                long[] l = new long[size];
                switch (dtype) {
                    case INT64 -> buf.asLongBuffer().get(l);
                    case INT32 -> { for (int i = 0; i < size; i++) l[i] = buf.getInt(4 * i); }
                    case INT16 -> { for (int i = 0; i < size; i++) l[i] = buf.getShort(2 * i); }
                    case UINT8 -> { for (int i = 0; i < size; i++) l[i] = buf.get(i) & 0xff; }
                    case INT8 -> { for (int i = 0; i < size; i++) l[i] = buf.get(i); }
                    default -> throw new AssertionError(dtype);
                }
                return new NpyArray.OfLong(array, dtype, h.shape, l);
            }
        }
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++)
            if (bytes[i] != MAGIC[i]) return false;
        return true;
    }

    /**
     * Encodes an array as NPY version 1.0 (C order, the array's own dtype), padded as numpy pads so
     * that the data starts at a multiple of 64 bytes.
     */
    public static byte[] encode(NpyArray a) {
        byte[] head = header(a.dtype().descr(), false, a.shape(), 1);
        int n = a.size();
        ByteBuffer buf = ByteBuffer.allocate(head.length + n * a.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(head);
        if (a instanceof NpyArray.OfDouble d) {
            for (double v : d.data()) {
                if (a.dtype() == NpyDtype.FLOAT64) buf.putDouble(v);
                else buf.putFloat((float) v);
            }
        } else {
            for (long v : ((NpyArray.OfLong) a).data()) {
                switch (a.dtype()) {
                    case INT64 -> buf.putLong(v);
                    case INT32 -> buf.putInt((int) v);
                    case INT16 -> buf.putShort((short) v);
                    default -> buf.put((byte) v);
                }
            }
        }
        return buf.array();
    }

    /**
     * The preamble and header of an NPY file, as numpy writes it, for any descr string and order.
     * Besides {@link #encode} this serves tests that need deliberately unusual files.
     *
     * @param descr        the dtype string written verbatim, e.g. {@code "<f8"} or {@code ">c16"}
     * @param fortranOrder the {@code fortran_order} flag
     * @param shape        the shape
     * @param major        NPY major version: 1 (2-byte header length) or 2 (4-byte)
     */
    public static byte[] header(String descr, boolean fortranOrder, int[] shape, int major) {
        if (major != 1 && major != 2) throw new IllegalArgumentException("NPY major version must be 1 or 2");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + NpyArray.shapeString(shape) + ", }";
        int pre = major == 1 ? 10 : 12;
        int total = pre + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(pre + t.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) buf.putShort((short) t.length);
        else buf.putInt(t.length);
        buf.put(t);
        return buf.array();
    }

    /** The parsed header dictionary. */
    private static final class Header {
        String descr;
        boolean descrIsList;
        Boolean fortranOrderValue;
        boolean fortranOrder;
        int[] shape;

        NpyDtype dtype(String where) {
            if (descrIsList)
                throw new DataFormatException(where + "structured (record) arrays are not supported");
            NpyDtype t = NpyDtype.forDescr(descr);
            if (t != null) return t;
            String d = descr;
            if (d.length() >= 2 && d.charAt(1) == 'O' || d.equals("O"))
                throw new DataFormatException(where + "object arrays (dtype '" + d + "') are not supported");
            if (d.startsWith(">"))
                throw new DataFormatException(where + "big-endian dtype '" + d + "' is not supported (qmlff reads little-endian "
                        + NpyDtype.ACCEPTED + ")");
            throw new DataFormatException(where + "unsupported dtype '" + d + "' (qmlff reads " + NpyDtype.ACCEPTED + ")");
        }

        static Header parse(String text, String where) {
            Parser p = new Parser(text, where);
            Header h = new Header();
            p.skipSpace();
            p.expect('{');
            p.skipSpace();
            while (!p.peek('}')) {
                String key = p.string();
                p.skipSpace();
                p.expect(':');
                p.skipSpace();
                switch (key) {
                    case "descr" -> {
                        if (p.peek('[')) {
                            h.descrIsList = true;
                            h.descr = "";
                            p.skipBalanced('[', ']');
                        } else {
                            h.descr = p.string();
                        }
                    }
                    case "fortran_order" -> h.fortranOrderValue = p.bool();
                    case "shape" -> h.shape = p.intTuple();
                    default -> throw p.fail("unexpected key '" + key + "' in the NPY header");
                }
                p.skipSpace();
                if (p.peek(',')) {
                    p.pos++;
                    p.skipSpace();
                } else if (!p.peek('}')) {
                    throw p.fail("expected ',' or '}'");
                }
            }
            p.pos++;
            // Anything but padding after the dictionary means the length field and the content disagree.
            for (int i = p.pos; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\0')
                    throw new DataFormatException(where + "NPY header has data after its dictionary (wrong header length?)");
            }
            if (h.descr == null) throw new DataFormatException(where + "NPY header lacks 'descr'");
            if (h.fortranOrderValue == null) throw new DataFormatException(where + "NPY header lacks 'fortran_order'");
            if (h.shape == null) throw new DataFormatException(where + "NPY header lacks 'shape'");
            h.fortranOrder = h.fortranOrderValue;
            return h;
        }
    }

    /** A tiny reader of the Python literals that appear in NPY headers. */
    private static final class Parser {
        final String s;
        final String where;
        int pos;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        DataFormatException fail(String what) {
            if (pos >= s.length())
                return new DataFormatException(where + "NPY header ends before its dictionary closes (" + what
                        + "; wrong header length?)");
            return new DataFormatException(where + "malformed NPY header: " + what + " at character " + pos);
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) throw fail("expected '" + c + "'");
            pos++;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        String string() {
            if (pos >= s.length()) throw fail("expected a quoted string");
            char q = s.charAt(pos);
            if (q != '\'' && q != '"') throw fail("expected a quoted string");
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                pos = s.length();
                throw fail("unterminated string");
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        boolean bool() {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw fail("expected True or False");
        }

        int[] intTuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            skipSpace();
            while (!peek(')')) {
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                if (start == pos) throw fail("expected a dimension");
                String digits = s.substring(start, pos);
                if (peek('L')) pos++; // Python 2 long suffix
                long v;
                try {
                    v = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    v = Long.MAX_VALUE;
                }
                if (v > Integer.MAX_VALUE)
                    throw new DataFormatException(where + "dimension " + digits + " is too large for qmlff");
                dims.add((int) v);
                skipSpace();
                if (peek(',')) {
                    pos++;
                    skipSpace();
                } else if (!peek(')')) {
                    throw fail("expected ',' or ')' in the shape");
                }
            }
            pos++;
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) out[i] = dims.get(i);
            return out;
        }

        void skipBalanced(char open, char close) {
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == open) depth++;
                else if (c == close && --depth == 0) return;
            }
            throw fail("unbalanced '" + open + "'");
        }
    }
}
