package org.qmlff.data;

/**
 * The NumPy element types qmlff reads: little-endian floats and integers and single bytes, as
 * named by their NPY {@code descr} string. Floating types decode to {@code double[]}, integer types
 * to {@code long[]} ({@link NpyArray}).
 */
public enum NpyDtype {
    FLOAT64("<f8", 8, true),
    FLOAT32("<f4", 4, true),
    INT64("<i8", 8, false),
    INT32("<i4", 4, false),
    INT16("<i2", 2, false),
    UINT8("|u1", 1, false),
    INT8("|i1", 1, false);

    private final String descr;
    private final int itemSize;
    private final boolean floating;

    NpyDtype(String descr, int itemSize, boolean floating) {
        this.descr = descr;
        this.itemSize = itemSize;
        this.floating = floating;
    }

    /** The NPY descr string numpy writes for this type, e.g. {@code "<f8"}, {@code "|u1"}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** Whether elements decode to doubles (else to longs). */
    public boolean isFloating() {
        return floating;
    }

    /** The descr strings accepted, for error messages. */
    static final String ACCEPTED = "<f8, <f4, <i8, <i4, <i2, |u1, |i1";

    /**
     * The type for a descr string. Single-byte types are accepted with any byte-order mark ('|',
     * '<', '>', '=') because byte order does not apply to them.
     *
     * @return the type, or null if the descr is not one qmlff reads (the caller names the reason)
     */
    static NpyDtype forDescr(String descr) {
        if (descr.length() == 3 && descr.charAt(2) == '1' && "|<>=".indexOf(descr.charAt(0)) >= 0) {
            char kind = descr.charAt(1);
            if (kind == 'u') return UINT8;
            if (kind == 'i') return INT8;
            return null;
        }
        for (NpyDtype t : values())
            if (t.descr.equals(descr)) return t;
        return null;
    }
}
