package org.qmlff.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NPY decoding against bytes built here by hand (the layout of the NumPy format specification),
 * not by {@link Npy}'s own writer.
 */
class NpyTest {

    /** An NPY file: magic, version, header length (2 or 4 bytes), the dict padded to 64, data. */
    static byte[] npy(int major, String dict, byte[] data) {
        int pre = major == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(pre + hb.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) hb.length);
        else b.putInt(hb.length);
        return b.put(hb).put(data).array();
    }

    static String dict(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void decodesFloat64InCOrder() {
        ByteBuffer b = le(48);
        for (int i = 0; i < 6; i++) b.putDouble(i * 1.5 - 2);
        NpyArray a = Npy.decode(npy(1, dict("<f8", "(2, 3)"), b.array()), "f.npz", "x");
        assertThat(a).isInstanceOf(NpyArray.OfDouble.class);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.dtype()).isEqualTo(NpyDtype.FLOAT64);
        assertThat(a.name()).isEqualTo("x");
        assertThat(a.toDoubles()).containsExactly(-2, -0.5, 1, 2.5, 4, 5.5);
    }

    @Test
    void decodesFloat32Widened() {
        ByteBuffer b = le(8).putFloat(0.1f).putFloat(-3.25f);
        NpyArray a = Npy.decode(npy(1, dict("<f4", "(2,)"), b.array()), "f.npz", "x");
        assertThat(a.dtype()).isEqualTo(NpyDtype.FLOAT32);
        assertThat(a.toDoubles()).containsExactly((double) 0.1f, -3.25);
    }

    @Test
    void decodesIntegerTypes() {
        NpyArray.OfLong i8 = (NpyArray.OfLong) Npy.decode(npy(1, dict("<i8", "(2,)"), le(16).putLong(-5).putLong(1L << 40).array()), "f", "a");
        assertThat(i8.data()).containsExactly(-5, 1L << 40);
        NpyArray.OfLong i4 = (NpyArray.OfLong) Npy.decode(npy(1, dict("<i4", "(2,)"), le(8).putInt(-7).putInt(123456).array()), "f", "a");
        assertThat(i4.data()).containsExactly(-7, 123456);
        NpyArray.OfLong i2 = (NpyArray.OfLong) Npy.decode(npy(1, dict("<i2", "(1,)"), le(2).putShort((short) -300).array()), "f", "a");
        assertThat(i2.data()).containsExactly(-300);
        byte[] bytes = {6, 8, (byte) 200};
        NpyArray.OfLong u1 = (NpyArray.OfLong) Npy.decode(npy(1, dict("|u1", "(3,)"), bytes), "f", "a");
        assertThat(u1.data()).containsExactly(6, 8, 200);
        assertThat(u1.dtype()).isEqualTo(NpyDtype.UINT8);
        NpyArray.OfLong u1le = (NpyArray.OfLong) Npy.decode(npy(1, dict("<u1", "(3,)"), bytes), "f", "a");
        assertThat(u1le.data()).containsExactly(6, 8, 200);
        NpyArray.OfLong i1 = (NpyArray.OfLong) Npy.decode(npy(1, dict("|i1", "(3,)"), bytes), "f", "a");
        assertThat(i1.data()).containsExactly(6, 8, -56);
    }

    @Test
    void readsVersion2And3HeadersAndScalars() {
        NpyArray v2 = Npy.decode(npy(2, dict("<f8", "(1,)"), le(8).putDouble(42.5).array()), "f", "a");
        assertThat(v2.toDoubles()).containsExactly(42.5);
        NpyArray v3 = Npy.decode(npy(3, dict("<f8", "()"), le(8).putDouble(-1).array()), "f", "a");
        assertThat(v3.shape()).isEmpty();
        assertThat(v3.toDoubles()).containsExactly(-1);
        // Python 2 wrote long dimensions with an L suffix, and double quotes are legal too.
        NpyArray py2 = Npy.decode(npy(1, "{\"descr\": \"<i8\", \"fortran_order\": False, \"shape\": (1L,)}", le(8).putLong(3).array()), "f", "a");
        assertThat(((NpyArray.OfLong) py2).data()).containsExactly(3);
        // An empty array is legal.
        assertThat(Npy.decode(npy(1, dict("<f8", "(0, 3)"), new byte[0]), "f", "a").size()).isZero();
    }

    @Test
    void rejectsWhatItCannotRead() {
        byte[] eight = new byte[8];
        assertFails(npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", eight), "Fortran-order");
        assertFails(npy(1, dict(">f8", "(1,)"), eight), "big-endian dtype '>f8'");
        assertFails(npy(1, dict("<c16", "(1,)"), new byte[16]), "unsupported dtype '<c16'");
        assertFails(npy(1, dict("<U3", "(1,)"), new byte[12]), "unsupported dtype '<U3'");
        assertFails(npy(1, dict("|O", "(1,)"), eight), "object arrays");
        assertFails(npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", eight), "structured");
        assertFails(npy(1, dict("<f8", "(2,)"), eight), "truncated: shape (2,) of <f8 needs 16 bytes of data, found 8");
        assertFails(npy(1, dict("<f8", "(1,)"), new byte[16]), "8 bytes after the data");
        assertFails(npy(1, "{'descr': '<f8', 'shape': (1,), }", eight), "lacks 'fortran_order'");
        assertFails(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", eight), "unexpected key 'extra'");
        assertFails(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "not an NPY array");
        byte[] v4 = npy(1, dict("<f8", "(1,)"), eight);
        v4[6] = 4;
        assertFails(v4, "unsupported NPY format version 4.0");
    }

    @Test
    void rejectsHeaderLengthsThatLie() {
        byte[] good = npy(1, dict("<f8", "(1,)"), le(8).putDouble(1).array());
        int len = (good[8] & 0xff) | (good[9] & 0xff) << 8;
        byte[] tooLong = good.clone();
        tooLong[8] = (byte) 0xff;
        tooLong[9] = 0x7f;
        assertFails(tooLong, "header claims 32767 bytes");
        byte[] tooShort = good.clone();
        tooShort[8] = (byte) 20;
        tooShort[9] = 0;
        assertFails(tooShort, "header ends before its dictionary closes");
        // Longer than the dictionary by 8 bytes: the header swallows the data.
        byte[] swallows = good.clone();
        swallows[8] = (byte) ((len + 8) & 0xff);
        swallows[9] = (byte) ((len + 8) >> 8);
        assertFails(swallows, "data after its dictionary");
    }

    private static void assertFails(byte[] bytes, String what) {
        assertThatThrownBy(() -> Npy.decode(bytes, "bad.npz", "coords"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.npz: coords: ")
                .hasMessageContaining(what)
                .message().doesNotContain("\n");
    }

    @Test
    void headerIsPaddedLikeNumpy() {
        byte[] h = Npy.header("<f8", false, new int[]{1000, 9, 3}, 1);
        // numpy aligns the data to 64 bytes and ends the header with a newline.
        assertThat(h.length % 64).isZero();
        assertThat(h[h.length - 1]).isEqualTo((byte) '\n');
        String text = new String(h, 10, h.length - 10, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 9, 3), }");
    }

    @Property(tries = 50)
    void encodeDecodeIsBitExact(@ForAll @Size(max = 40) double[] values) {
        NpyArray.OfDouble a = NpyArray.OfDouble.of("v", new int[]{values.length}, values);
        NpyArray back = Npy.decode(Npy.encode(a), "mem", "v");
        assertThat(back).isEqualTo(a);
    }

    @Property(tries = 50)
    void encodeDecodeIntegers(@ForAll @Size(max = 40) long[] values) {
        NpyArray.OfLong a = new NpyArray.OfLong("v", NpyDtype.INT64, new int[]{values.length}, values);
        assertThat(Npy.decode(Npy.encode(a), "mem", "v")).isEqualTo(a);
        int[] small = new int[values.length];
        long[] asLong = new long[values.length];
        for (int i = 0; i < small.length; i++) asLong[i] = small[i] = (int) values[i];
        NpyArray.OfLong b = new NpyArray.OfLong("v", NpyDtype.INT32, new int[]{values.length}, asLong);
        assertThat(Npy.decode(Npy.encode(b), "mem", "v")).isEqualTo(b);
    }
}
